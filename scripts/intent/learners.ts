// The two learners compared for the understanding model, both producing the same linear heads:
// naive Bayes (counts, closed form) and logistic regression (seeded SGD, L2). Deterministic: same data → same weights.

/** A training example: feature indices (a set) and, per head, its label(s). */
export interface Example {
  features: number[];
  /** Class index for a softmax head. */
  label: number;
}
export interface MultiLabelExample {
  features: number[];
  /** One 0/1 per class for a sigmoid head. */
  labels: number[];
}

export interface LinearHead {
  kind: "softmax" | "sigmoid";
  classes: string[];
  bias: number[];
  /** weights[f][c] */
  weights: Float64Array[];
}

/** mulberry32: a tiny seeded PRNG, so the SGD order is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

const emptyWeights = (f: number, k: number) => Array.from({ length: f }, () => new Float64Array(k));

export interface LrOptions { epochs: number; rate: number; l2: number; seed: number }

/** Softmax regression by SGD with a decaying rate; L2 applied to the weights a step touches. */
export function trainSoftmaxLr(examples: Example[], featureCount: number, classes: string[], o: LrOptions): LinearHead {
  const k = classes.length;
  const weights = emptyWeights(featureCount, k);
  const bias = new Array<number>(k).fill(0);
  const random = prng(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const rate = o.rate / (1 + epoch * 0.2);
    for (const i of shuffled(examples.length, random)) {
      const { features, label } = examples[i];
      const z = bias.slice();
      for (const f of features) for (let c = 0; c < k; c++) z[c] += weights[f][c];
      const max = Math.max(...z);
      const exp = z.map((v) => Math.exp(v - max));
      const sum = exp.reduce((a, b) => a + b, 0);
      for (let c = 0; c < k; c++) {
        const grad = exp[c] / sum - (c === label ? 1 : 0);
        bias[c] -= rate * grad;
        for (const f of features) weights[f][c] -= rate * (grad + o.l2 * weights[f][c]);
      }
    }
  }
  return { kind: "softmax", classes, bias, weights };
}

/** One logistic regression per class (one-vs-rest), same SGD. */
export function trainSigmoidLr(examples: MultiLabelExample[], featureCount: number, classes: string[], o: LrOptions): LinearHead {
  const k = classes.length;
  const weights = emptyWeights(featureCount, k);
  const bias = new Array<number>(k).fill(0);
  const random = prng(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const rate = o.rate / (1 + epoch * 0.2);
    for (const i of shuffled(examples.length, random)) {
      const { features, labels } = examples[i];
      for (let c = 0; c < k; c++) {
        let z = bias[c];
        for (const f of features) z += weights[f][c];
        const grad = 1 / (1 + Math.exp(-z)) - labels[c];
        bias[c] -= rate * grad;
        for (const f of features) weights[f][c] -= rate * (grad + o.l2 * weights[f][c]);
      }
    }
  }
  return { kind: "sigmoid", classes, bias, weights };
}

/**
 * Multinomial naive Bayes over feature presence, Laplace-smoothed. Its log-probabilities are a linear
 * head: each feature's weights are centred across classes (softmax is unchanged), so most round to zero.
 */
export function trainSoftmaxNb(examples: Example[], featureCount: number, classes: string[], alpha: number): LinearHead {
  const k = classes.length;
  const counts = emptyWeights(featureCount, k);
  const totals = new Array<number>(k).fill(0);
  const docs = new Array<number>(k).fill(0);
  for (const { features, label } of examples) {
    docs[label]++;
    for (const f of features) { counts[f][label]++; totals[label]++; }
  }
  const bias = docs.map((d) => Math.log((d + 1) / (examples.length + k)));
  const weights = counts.map((row) => {
    const logp = Array.from(row, (n, c) => Math.log((n + alpha) / (totals[c] + alpha * featureCount)));
    const mean = logp.reduce((a, b) => a + b, 0) / k;
    return Float64Array.from(logp, (v) => v - mean);
  });
  return { kind: "softmax", classes, bias, weights };
}

/** Naive Bayes one-vs-rest: per class, the log-odds of "has it" against "has it not". */
export function trainSigmoidNb(examples: MultiLabelExample[], featureCount: number, classes: string[], alpha: number): LinearHead {
  const k = classes.length;
  const weights = emptyWeights(featureCount, k);
  const bias = new Array<number>(k).fill(0);
  for (let c = 0; c < k; c++) {
    const pos = new Float64Array(featureCount);
    const neg = new Float64Array(featureCount);
    let posTotal = 0, negTotal = 0, posDocs = 0;
    for (const { features, labels } of examples) {
      if (labels[c]) posDocs++;
      for (const f of features) {
        if (labels[c]) { pos[f]++; posTotal++; } else { neg[f]++; negTotal++; }
      }
    }
    bias[c] = Math.log((posDocs + 1) / (examples.length - posDocs + 1));
    for (let f = 0; f < featureCount; f++) {
      weights[f][c] = Math.log((pos[f] + alpha) / (posTotal + alpha * featureCount)) - Math.log((neg[f] + alpha) / (negTotal + alpha * featureCount));
    }
  }
  return { kind: "sigmoid", classes, bias, weights };
}
