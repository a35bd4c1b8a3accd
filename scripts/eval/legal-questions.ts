// The labelled statute question set (data/eval/legal/questions.jsonl): its row schema, the loader
// that reports bad lines by number, and the fixed hash rule that puts each question in a split.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

export const LEGAL_CATEGORIES = ["lease", "sale_lease", "supply_management", "other"] as const;
export type LegalCategory = (typeof LEGAL_CATEGORIES)[number];

export const DEFAULT_QUESTION_FILE = path.join("data", "eval", "legal", "questions.jsonl");

/** "제3조", "제6조의3": the article form the statute files use. */
export const ARTICLE_PATTERN = /^제\d+조(의\d+)?$/u;

export const legalQuestionSchema = z.object({
  id: z.string().regex(/^[a-z]+-\d{4,}$/u),
  q: z.string().trim().min(1).max(500),
  lang: z.enum(["ko", "en"]),
  /** The law's full name as in its file name before the first "(": "주택임대차보호법 시행령". */
  law: z.string().trim().min(1),
  articles: z.array(z.string().regex(ARTICLE_PATTERN)).min(1),
  /** Other laws a careful reader accepts as the related law (e.g. the act when the decree is labelled). */
  alsoLaws: z.array(z.string().trim().min(1)).default([]),
  category: z.enum(LEGAL_CATEGORIES),
  split: z.enum(["train", "test"]),
  /** Which of the statute texts the label was read from: the file name up to its number, "공인중개사법(예정_법률)". */
  statute: z.string().optional(),
}).strict();
export type LegalQuestion = z.infer<typeof legalQuestionSchema>;

/** 32-bit FNV-1a over the UTF-8 bytes of a string. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * The split rule (README beside the data): a question is in the test split when the FNV-1a hash of
 * its id, modulo 10, is below 4 (about 40%). Fixed by the id, so adding questions never moves old ones.
 */
export function splitForId(id: string): "train" | "test" {
  return fnv1a32(id) % 10 < 4 ? "test" : "train";
}

export class QuestionFileError extends Error {}

/** Parses JSONL text; every bad line is reported with its number, none is skipped silently. */
export function parseLegalQuestions(text: string, source = "questions"): LegalQuestion[] {
  const rows: LegalQuestion[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/u).forEach((line, index) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`${source}:${index + 1}: not JSON`);
      return;
    }
    const parsed = legalQuestionSchema.safeParse(value);
    if (!parsed.success) {
      problems.push(`${source}:${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "row"} ${i.message}`).join("; ")}`);
      return;
    }
    if (seen.has(parsed.data.id)) problems.push(`${source}:${index + 1}: duplicate id ${parsed.data.id}`);
    seen.add(parsed.data.id);
    rows.push(parsed.data);
  });
  if (problems.length > 0) throw new QuestionFileError(problems.join("\n"));
  return rows;
}

export function loadLegalQuestions(file = DEFAULT_QUESTION_FILE): LegalQuestion[] {
  return parseLegalQuestions(readFileSync(file, "utf8"), file);
}

export function selectSplit(questions: LegalQuestion[], split: "train" | "test" | "all"): LegalQuestion[] {
  return split === "all" ? questions : questions.filter((q) => q.split === split);
}
