// What every lead composer receives and returns: the question, its type and language, the merged tool
// outputs — and back, the opening lines that answer it plus at most one precise follow-up question.
import type { AggregatedResults, Language } from "../../types";
import type { QuestionType } from "../question-kind";
import { formatKrw, formatPercent } from "../../tools/format";
import { housingOutput, type HousingToolName, type HousingToolOutputs } from "../../tools/outputs";

export interface LeadInput {
  query: string;
  type: QuestionType;
  language: Language;
  agg: AggregatedResults;
}

export interface Lead {
  /** The opening paragraph(s): the direct answer, in the question's language. Empty: this composer has nothing. */
  lines: string[];
  /** One precise question for the fact the answer lacks (which fact, why it matters), or null. */
  followUp: string | null;
}

export const NO_LEAD: Lead = { lines: [], followUp: null };

export type Loose = Record<string, unknown>;
export const isObj = (v: unknown): v is Loose => typeof v === "object" && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);

export const won = (n: number, l: Language) => formatKrw(n, l);
export const pct = (n: number) => formatPercent(n);
export const say = (l: Language, ko: string, en: string) => (l === "ko" ? ko : en);

/** The output of the first of these tools that ran, typed by the tool's output schema. */
export function outputOf<K extends HousingToolName>(agg: AggregatedResults, ...tools: K[]): HousingToolOutputs[K] | undefined {
  return housingOutput(agg.outputs, ...tools);
}

/** The first one or two sentences of a text, for a lead that must stay short. */
export function firstSentences(text: string, count = 1, max = 260): string {
  // A sentence ends at . ! ? followed by a space, so "2.5%" and "제3조의2." inside a sentence stay whole.
  const parts = text.trim().split(/(?<=[.!?。])\s+/u);
  let out = parts.slice(0, count).join(" ").trim();
  if (out.length > max) out = `${out.slice(0, max - 1).trimEnd()}…`;
  return out;
}
