// The labelled housing-question corpus (data/eval/intent): the line schema of labels.md, reading a
// JSONL file, and the fixed train/dev/test split by a hash of each question's id.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { ASPECTS, INTENTS, type Aspect } from "../types";
import { QUESTION_TYPES } from "../rules/question-type";

export { ASPECTS, type Aspect };
export const TEAMS = ["search", "analysis", "document"] as const;
export const TOOLS = [
  "legal_search", "market_data", "loan_search", "market_analysis", "loan_simulator", "policy_matcher",
  "rent_increase_check", "contract_analysis", "lease_contract_generator", "real_estate_search", "document_review",
] as const;

export const labelledQuestionSchema = z.object({
  id: z.string().min(1),
  q: z.string().min(1),
  lang: z.enum(["ko", "en"]),
  intent: z.enum(INTENTS),
  alt: z.array(z.enum(INTENTS)).default([]),
  aspects: z.array(z.enum(ASPECTS)),
  qtype: z.enum(QUESTION_TYPES),
  teams: z.array(z.enum(TEAMS)),
  tools: z.array(z.enum(TOOLS)),
});
export type LabelledQuestion = z.infer<typeof labelledQuestionSchema>;

export type Split = "train" | "dev" | "test";
export const SPLITS: readonly Split[] = ["train", "dev", "test"];

/** FNV-1a over the id's UTF-16 code units: stable across runs, machines and Node versions. */
export function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** 70% train, 15% dev, 15% test, fixed by the id alone (adding questions never moves old ones). */
export function splitOf(id: string): Split {
  const bucket = idHash(id) % 100;
  return bucket < 70 ? "train" : bucket < 85 ? "dev" : "test";
}

export function parseCorpus(text: string, origin: string): LabelledQuestion[] {
  const rows: LabelledQuestion[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = labelledQuestionSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${origin}:${i + 1}: ${parsed.error.issues.map((e) => `${e.path.join(".")}: ${e.message}`).join("; ")}`);
    rows.push(parsed.data);
  });
  return rows;
}

export function readCorpus(file: string): LabelledQuestion[] {
  return parseCorpus(readFileSync(file, "utf8"), file);
}

export const CORPUS_DIR = "data/eval/intent";
export const corpusFile = (split: Split): string => `${CORPUS_DIR}/${split}.jsonl`;
