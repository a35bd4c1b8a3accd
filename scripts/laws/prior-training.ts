// Training the law prior and scoring a ranking offline: featurise labelled questions, fit the softmax regression
// the understanding model also uses (scripts/intent/learners.ts), pack it as the committed JSON, and measure
// top-1/top-3 law and article hit@3 of BM25's candidate pools reranked by it.
import { createHash } from "node:crypto";
import type { LegalQuestion } from "../eval/legal-questions";
import { trainSoftmaxLr, type Example } from "../intent/learners";
import { packHeads, SCALE } from "../intent/model-builder";
import { LawPrior, lawPriorFeatures, rerankByLawPrior, type LawPriorFile } from "../../server/apps/housing/laws/law-prior";
import type { StatuteHit } from "../../server/apps/housing/laws/search";

/** N-grams seen in fewer training questions than this get no weight. */
const MIN_COUNT = 2;
/** Quantised weights below this (×1/1000) are dropped. */
const PRUNE = 20;

export interface PriorOptions { l2: number; epochs: number }
export const DEFAULT_PRIOR_OPTIONS: PriorOptions = { l2: 1e-3, epochs: 30 };

/** weight: what rerankByLawPrior multiplies the log-probabilities by (the trainer chooses it; folds pass their own). */
export function trainLawPrior(rows: LegalQuestion[], files: string[], weight: number, o: PriorOptions = DEFAULT_PRIOR_OPTIONS): LawPriorFile {
  const featureSets = rows.map((r) => lawPriorFeatures(r.q));
  const df = new Map<string, number>();
  for (const set of featureSets) for (const f of set) df.set(f, (df.get(f) ?? 0) + 1);
  const vocabulary = [...df.entries()].filter(([, n]) => n >= MIN_COUNT).map(([f]) => f).sort();
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const laws = [...new Set(rows.map((r) => r.law))].sort();
  const examples: Example[] = rows.map((r, i) => ({
    features: [...featureSets[i]].map((f) => index.get(f)).filter((x): x is number => x !== undefined).sort((a, b) => a - b),
    label: laws.indexOf(r.law),
  }));
  const head = trainSoftmaxLr(examples, vocabulary.length, laws, { epochs: o.epochs, rate: 0.1, l2: o.l2, seed: 20261126 });
  const packed = packHeads(vocabulary, { law: head }, PRUNE);
  const data = rows.map((r) => `${r.id}\t${r.q}\t${r.law}`).sort().join("\n");
  return {
    format: "ensemble-law-prior-v1", method: `lr(l2=${o.l2},epochs=${o.epochs})`, scale: SCALE,
    trainedOn: { questions: rows.length, files, dataSha256: createHash("sha256").update(data).digest("hex") },
    features: packed.features, head: packed.heads.law, weight,
  };
}

export interface Scores {
  n: number; top1: number; top3: number; art3: number;
  byCategory: Record<string, { n: number; top3: number }>;
  byLanguage: Record<string, { n: number; top3: number }>;
}

const norm = (s: string) => s.split("(")[0].replace(/\s+/gu, "");

/** The figures statute-retrieval-eval prints, for rankings computed in memory. */
export function scoreRankings(rows: LegalQuestion[], ranked: (row: LegalQuestion) => StatuteHit[]): Scores {
  const s: Scores = { n: rows.length, top1: 0, top3: 0, art3: 0, byCategory: {}, byLanguage: {} };
  for (const row of rows) {
    const hits = ranked(row).slice(0, 3);
    const laws = new Set([row.law, ...row.alsoLaws].map(norm));
    const top3 = hits.some((h) => laws.has(norm(h.lawName)));
    s.top1 += Number(hits.length > 0 && laws.has(norm(hits[0].lawName)));
    s.top3 += Number(top3);
    s.art3 += Number(hits.some((h) => norm(h.lawName) === norm(row.law) && row.articles.includes(h.articleNumber)));
    for (const g of [(s.byCategory[row.category] ??= { n: 0, top3: 0 }), (s.byLanguage[row.lang] ??= { n: 0, top3: 0 })]) {
      g.n++;
      g.top3 += Number(top3);
    }
  }
  return s;
}

/** BM25's pool for a question reranked by a prior at a weight (weight 0 or no prior: BM25's order). */
export function rankWith(pool: StatuteHit[], question: string, prior: LawPrior | null, weight: number): StatuteHit[] {
  return prior && weight > 0 ? rerankByLawPrior(pool, prior.lawLogProbs(question), weight) : pool;
}
