// The trained understanding model as data: a feature vocabulary and three linear heads (intent softmax,
// one sigmoid per aspect, question-type softmax), quantised into a compact JSON and scored in memory.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** One head's weights per class: a flat list of [featureIndex, quantisedWeight, …] pairs, zeros left out. */
const headSchema = z.object({
  kind: z.enum(["softmax", "sigmoid"]),
  classes: z.array(z.string()).min(1),
  bias: z.array(z.number()),
  weights: z.array(z.array(z.number().int())),
});
export const modelFileSchema = z.object({
  format: z.literal("ensemble-linear-v1"),
  method: z.string(),
  /** Weights are stored as round(w × scale). */
  scale: z.number().positive(),
  trainedOn: z.object({ questions: z.number().int(), corpusSha256: z.string() }),
  features: z.array(z.string()),
  heads: z.object({ intent: headSchema, aspects: headSchema, qtype: headSchema }),
  /** Sigmoid probability from which an aspect counts as asked, the zero of the joint reading (tuned on dev). */
  aspectThreshold: z.number().min(0).max(1),
});
export type ModelFile = z.infer<typeof modelFileSchema>;
export type HeadName = keyof ModelFile["heads"];

export interface HeadScores {
  classes: readonly string[];
  /** Probabilities: summing to 1 for a softmax head, independent per class for a sigmoid head. */
  probs: number[];
}

/** A head in memory: weights dense by feature, so scoring a question is one pass over its features. */
export interface DenseHead {
  kind: "softmax" | "sigmoid";
  classes: string[];
  bias: Float64Array;
  /** weights[feature * classes + class] */
  weights: Float32Array;
}

export type HeadFile = z.infer<typeof headSchema>;
export { headSchema };

/** Unpacks a stored head ([featureIndex, quantisedWeight, …] per class) over a vocabulary of featureCount. */
export function denseHead(head: HeadFile, featureCount: number, scale: number): DenseHead {
  const k = head.classes.length;
  const weights = new Float32Array(featureCount * k);
  head.weights.forEach((pairs, c) => {
    for (let i = 0; i + 1 < pairs.length; i += 2) weights[pairs[i] * k + c] = pairs[i + 1] / scale;
  });
  return { kind: head.kind, classes: head.classes, bias: Float64Array.from(head.bias), weights };
}

/** The head's class scores for the features the vocabulary knows (unknown ones carry nothing). */
export function scoreHead(h: DenseHead, index: Map<string, number>, features: Iterable<string>): HeadScores {
  const k = h.classes.length;
  const z = Array.from(h.bias);
  for (const f of features) {
    const i = index.get(f);
    if (i === undefined) continue;
    for (let c = 0; c < k; c++) z[c] += h.weights[i * k + c];
  }
  if (h.kind === "sigmoid") return { classes: h.classes, probs: z.map((v) => 1 / (1 + Math.exp(-v))) };
  const max = Math.max(...z);
  const exp = z.map((v) => Math.exp(v - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return { classes: h.classes, probs: exp.map((v) => v / sum) };
}

export class LinearModel {
  private readonly index: Map<string, number>;
  private readonly heads: Record<HeadName, DenseHead>;
  readonly method: string;
  readonly aspectThreshold: number;

  constructor(file: ModelFile) {
    this.method = file.method;
    this.aspectThreshold = file.aspectThreshold;
    this.index = new Map(file.features.map((f, i) => [f, i]));
    const dense = (head: HeadFile) => denseHead(head, file.features.length, file.scale);
    this.heads = { intent: dense(file.heads.intent), aspects: dense(file.heads.aspects), qtype: dense(file.heads.qtype) };
  }

  score(head: HeadName, features: Iterable<string>): HeadScores {
    return scoreHead(this.heads[head], this.index, features);
  }
}

/** Where the committed model lives; ENSEMBLE_INTENT_MODEL points elsewhere (tests, experiments). */
export const DEFAULT_MODEL_PATH = "server/apps/housing/understanding/intent-model.json";

const loaded = (globalThis as unknown as { __ensembleModelFiles?: Map<string, unknown> }).__ensembleModelFiles ??= new Map();

/**
 * A JSON model file read, validated and built once per process and path. Null when the file is missing or invalid,
 * said once on stderr with what the caller does without it, so its user keeps working instead of failing every call.
 */
export function loadModelFile<F, M>(label: string, file: string, schema: z.ZodType<F>, build: (f: F) => M, without: string): M | null {
  const key = `${label}\0${file}`;
  if (loaded.has(key)) return loaded.get(key) as M | null;
  let model: M | null = null;
  try {
    model = build(schema.parse(JSON.parse(readFileSync(path.resolve(process.cwd(), file), "utf8"))));
  } catch (e) {
    console.error(`[${label}] ${file}: ${e instanceof Error ? e.message : String(e)}; ${without}`);
  }
  loaded.set(key, model);
  return model;
}

/** The understanding model; without it the planner keeps working on rules alone. */
export function loadIntentModel(file = process.env.ENSEMBLE_INTENT_MODEL ?? DEFAULT_MODEL_PATH): LinearModel | null {
  return loadModelFile("intent-model", file, modelFileSchema, (f) => new LinearModel(f), "planning on rules alone");
}
