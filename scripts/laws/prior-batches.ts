// The labelled statute questions the law prior learns from, grouped by the batch (writer and sitting) they came
// from, so generalisation is measured leave-one-batch-out. questions.jsonl's test split is never trained on.
import { existsSync } from "node:fs";
import path from "node:path";
import { loadLegalQuestions, type LegalQuestion } from "../eval/legal-questions";

const DIR = path.join("data", "eval", "legal");

export interface Batch {
  /** "lg-train", "lg-test", "lf", … */
  name: string;
  file: string;
  rows: LegalQuestion[];
  /** False only for questions.jsonl's test split: the gate's figure, never learned from or tuned on. */
  trainable: boolean;
}

const SOURCES: { name: string; file: string; split?: "train" | "test" }[] = [
  { name: "lg-train", file: "questions.jsonl", split: "train" },
  { name: "lg-test", file: "questions.jsonl", split: "test" },
  { name: "lg-fresh", file: "fresh-laws2.jsonl" },
  { name: "lf", file: "fresh-independent.jsonl" },
  { name: "lh", file: "fresh-independent-2.jsonl" },
  { name: "lx", file: "fresh-3.jsonl" },
  { name: "lt", file: "train-lt.jsonl" },
];

export function loadBatches(): Batch[] {
  return SOURCES.filter((s) => existsSync(path.join(DIR, s.file))).map((s) => {
    const file = path.join(DIR, s.file);
    const rows = loadLegalQuestions(file).filter((r) => !s.split || r.split === s.split);
    return { name: s.name, file, rows, trainable: s.name !== "lg-test" };
  });
}
