// Featurising a labelled corpus and packing trained heads into the committed model format
// (quantised, small weights dropped, unused features removed from the vocabulary).
import { createHash } from "node:crypto";
import { INTENTS } from "../../server/apps/housing/types";
import { QUESTION_TYPES } from "../../server/apps/housing/rules/question-type";
import { extractEntities } from "../../server/apps/housing/rules/entities";
import { ASPECTS, type LabelledQuestion } from "../../server/apps/housing/understanding/corpus";
import { questionFeatures } from "../../server/apps/housing/understanding/features";
import type { HeadFile, ModelFile } from "../../server/apps/housing/understanding/linear-model";
import type { Example, LinearHead, MultiLabelExample } from "./learners";

/** Entities are read as of a fixed day, so dates in questions featurise the same way every run. */
export const TRAINING_DAY = new Date("2026-11-24T00:00:00Z");

export interface Featurised {
  vocabulary: string[];
  intent: Example[];
  aspects: MultiLabelExample[];
  qtype: Example[];
}

export function featuriseCorpus(rows: LabelledQuestion[], minCount: number): Featurised {
  const featureSets = rows.map((r) => questionFeatures(r.q, extractEntities(r.q, TRAINING_DAY)));
  const df = new Map<string, number>();
  for (const set of featureSets) for (const f of new Set(set)) df.set(f, (df.get(f) ?? 0) + 1);
  // Rule and entity features are few and always meaningful; n-grams must recur to be worth a weight.
  const vocabulary = [...df.entries()]
    .filter(([f, n]) => n >= minCount || /^(?:[rqep]|gl|gc|lc):|^len:/.test(f))
    .map(([f]) => f)
    .sort();
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const indices = featureSets.map((set) => [...new Set(set)].map((f) => index.get(f)).filter((i): i is number => i !== undefined).sort((a, b) => a - b));
  return {
    vocabulary,
    intent: rows.map((r, i) => ({ features: indices[i], label: INTENTS.indexOf(r.intent) })),
    aspects: rows.map((r, i) => ({ features: indices[i], labels: ASPECTS.map((a) => (r.aspects.includes(a) ? 1 : 0)), label: 0 })),
    qtype: rows.map((r, i) => ({ features: indices[i], label: QUESTION_TYPES.indexOf(r.qtype) })),
  };
}

export const SCALE = 1000;

/** Quantises heads over one vocabulary, drops weights below prune (×1/SCALE) and the features left with none. */
export function packHeads<K extends string>(
  vocabulary: string[], heads: Record<K, LinearHead>, prune: number,
): { features: string[]; heads: Record<K, HeadFile> } {
  const q = (w: number) => Math.round(w * SCALE);
  const all = Object.values(heads) as LinearHead[];
  const keep = vocabulary.map((_, f) => all.some((h) => h.weights[f].some((w) => Math.abs(q(w)) >= prune)));
  const newIndex: number[] = [];
  const features: string[] = [];
  vocabulary.forEach((name, f) => {
    if (keep[f]) { newIndex[f] = features.length; features.push(name); }
  });
  const pack = (h: LinearHead): HeadFile => ({
    kind: h.kind, classes: h.classes, bias: h.bias.map((b) => Math.round(b * 10_000) / 10_000),
    weights: h.classes.map((_, c) => {
      const pairs: number[] = [];
      vocabulary.forEach((_, f) => {
        const w = q(h.weights[f][c]);
        if (keep[f] && Math.abs(w) >= prune) pairs.push(newIndex[f], w);
      });
      return pairs;
    }),
  });
  const packed = Object.fromEntries(Object.entries(heads).map(([name, h]) => [name, pack(h as LinearHead)])) as Record<K, HeadFile>;
  return { features, heads: packed };
}

export function packModel(
  method: string,
  vocabulary: string[],
  heads: { intent: LinearHead; aspects: LinearHead; qtype: LinearHead },
  trainText: string,
  questions: number,
  thresholds: { aspect: number },
  prune: number,
): ModelFile {
  const packed = packHeads(vocabulary, heads, prune);
  return {
    format: "ensemble-linear-v1", method, scale: SCALE,
    trainedOn: { questions, corpusSha256: createHash("sha256").update(trainText).digest("hex") },
    features: packed.features, heads: packed.heads,
    aspectThreshold: thresholds.aspect,
  };
}
