// Scoring predictions against the labelled corpus: intent (alt labels accepted), aspects (exact set and
// per-aspect recall), question type, required teams and tools present, failures, help texts, timings.
import { INTENTS, type Intent } from "../../server/apps/housing/types";
import { ASPECTS, type LabelledQuestion } from "../../server/apps/housing/understanding/corpus";

export interface Prediction {
  intent: string | null;
  aspects: string[];
  qtype: string | null;
  teams: string[];
  tools: string[];
  /** The run failed (status failed or threw). */
  failed?: boolean;
  /** The answer was the generic UNCLEAR/IRRELEVANT help text. */
  helpText?: boolean;
  ms?: number;
}

export interface Scored { label: LabelledQuestion; predicted: Prediction }

export interface Report {
  questions: number;
  intent: number;
  aspectsExact: number;
  aspectRecall: Record<string, number | null>;
  qtype: number;
  teams: number;
  tools: number;
  failed: number;
  /** Housing questions (label not UNCLEAR/IRRELEVANT, nor accepted as such) answered with the help text. */
  helpTextOnHousing: number;
  /** Housing questions planned as UNCLEAR/IRRELEVANT (a dead end), whatever the answer. */
  deadEnds: number;
  /** Compound questions (two or more aspects) whose plan lacks a required tool, and legal_search in particular. */
  compound: { questions: number; missingATool: number; needLegalSearch: number; missingLegalSearch: number };
  p50Ms: number | null;
  p95Ms: number | null;
  confusion: Record<string, Record<string, number>>;
}

const NO_TOPIC = new Set(["UNCLEAR", "IRRELEVANT"]);

export const intentCorrect = (s: Scored): boolean =>
  s.predicted.intent === s.label.intent || s.label.alt.includes(s.predicted.intent as Intent);
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const covers = (have: string[], need: string[]) => need.every((x) => have.includes(x));
const isHousing = (l: LabelledQuestion) => !NO_TOPIC.has(l.intent) && !l.alt.some((a) => NO_TOPIC.has(a));

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const share = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 10);

export function scoreAll(rows: Scored[]): Report {
  const confusion: Report["confusion"] = {};
  for (const e of INTENTS) confusion[e] = Object.fromEntries(INTENTS.map((a) => [a, 0]));
  for (const r of rows) {
    const got = r.predicted.intent ?? "none";
    confusion[r.label.intent][got] = (confusion[r.label.intent][got] ?? 0) + 1;
  }
  const aspectRecall: Report["aspectRecall"] = {};
  for (const a of ASPECTS) {
    const asked = rows.filter((r) => r.label.aspects.includes(a));
    aspectRecall[a] = asked.length ? share(asked.filter((r) => r.predicted.aspects.includes(a)).length, asked.length) : null;
  }
  const housing = rows.filter((r) => isHousing(r.label));
  const compound = rows.filter((r) => r.label.aspects.length >= 2);
  const needLegal = compound.filter((r) => r.label.tools.includes("legal_search"));
  const times = rows.map((r) => r.predicted.ms).filter((m): m is number => m !== undefined).sort((a, b) => a - b);
  return {
    questions: rows.length,
    intent: share(rows.filter(intentCorrect).length, rows.length),
    aspectsExact: share(rows.filter((r) => sameSet(r.predicted.aspects, r.label.aspects)).length, rows.length),
    aspectRecall,
    qtype: share(rows.filter((r) => r.predicted.qtype === r.label.qtype).length, rows.length),
    teams: share(rows.filter((r) => covers(r.predicted.teams, r.label.teams)).length, rows.length),
    tools: share(rows.filter((r) => covers(r.predicted.tools, r.label.tools)).length, rows.length),
    failed: rows.filter((r) => r.predicted.failed).length,
    helpTextOnHousing: housing.filter((r) => r.predicted.helpText).length,
    deadEnds: housing.filter((r) => NO_TOPIC.has(r.predicted.intent ?? "")).length,
    compound: {
      questions: compound.length,
      missingATool: compound.filter((r) => !covers(r.predicted.tools, r.label.tools)).length,
      needLegalSearch: needLegal.length,
      missingLegalSearch: needLegal.filter((r) => !r.predicted.tools.includes("legal_search")).length,
    },
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    confusion,
  };
}

/** Rows whose intent, aspects, teams or tools are wrong, for reading what went wrong. */
export function misses(rows: Scored[]): string[] {
  return rows.filter((r) => r.predicted.failed || !intentCorrect(r) || !sameSet(r.predicted.aspects, r.label.aspects)
    || !covers(r.predicted.tools, r.label.tools)).map((r) => {
    const missing = r.label.tools.filter((t) => !r.predicted.tools.includes(t));
    return `${r.predicted.failed ? "FAILED " : ""}${r.label.id} ${r.label.intent}→${r.predicted.intent} [${r.predicted.aspects}] vs [${r.label.aspects}]`
      + `${missing.length ? ` missing ${missing}` : ""}: ${r.label.q.slice(0, 70).replace(/\n/g, " ")}`;
  });
}

export function confusionTable(confusion: Report["confusion"]): string {
  const short = (i: string) => i.replace("_CONSULT", "").replace("_INQUIRY", "").replace("CONTRACT_", "C_").replace("_ANALYSIS", "").slice(0, 9);
  const header = ["label \\ got".padEnd(18), ...INTENTS.map((i) => short(i).padStart(10))].join("");
  return [header, ...INTENTS.map((e) => [e.padEnd(18), ...INTENTS.map((a) => String(confusion[e][a] || ".").padStart(10))].join(""))].join("\n");
}

export function formatReport(name: string, r: Report): string {
  const recall = Object.entries(r.aspectRecall).map(([a, v]) => `${a} ${v ?? "-"}%`).join(", ");
  return [
    `${name}: ${r.questions} questions`,
    `  intent ${r.intent}%  aspects exact ${r.aspectsExact}% (recall: ${recall})  qtype ${r.qtype}%`,
    `  required teams present ${r.teams}%  required tools present ${r.tools}%`,
    `  compound questions ${r.compound.questions}: ${r.compound.missingATool} miss a required tool; legal_search missing in ${r.compound.missingLegalSearch} of ${r.compound.needLegalSearch} that need it`,
    `  failed runs ${r.failed}  help-text answers on housing questions ${r.helpTextOnHousing}  dead-end plans ${r.deadEnds}`
      + (r.p50Ms !== null ? `  run time p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms` : ""),
  ].join("\n");
}
