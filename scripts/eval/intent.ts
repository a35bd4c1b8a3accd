// The understanding eval: every labelled question run as a real chat turn (runTurn, the path of
// `npm run ask`), its run summary compared with the labels. Used by `npm run eval` and the gate test.
import type { Database } from "../../server/db/client";
import { users } from "../../server/db/schema";
import { runTurn } from "../../server/supervisor/service";
import { corpusFile, readCorpus, SPLITS, type LabelledQuestion, type Split } from "../../server/apps/housing/understanding/corpus";
import { scoreAll, type Report, type Scored } from "./metrics";

export interface IntentEvalOptions {
  /** Which splits of data/eval/intent to run (default all three). */
  splits?: Split[];
  /** Extra JSONL files in the labels format (e.g. a fresh batch written after the model froze). */
  files?: string[];
  /** Runs in flight at once. */
  concurrency?: number;
  /** Allow the LLM deciders when configured; off by default so figures measure the built-in planner. */
  llm?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface IntentEvalResult {
  report: Report;
  bySet: Record<string, Report>;
  rows: Scored[];
}

export function loadQuestionSets(opts: Pick<IntentEvalOptions, "splits" | "files">): { set: string; question: LabelledQuestion }[] {
  const sets: { set: string; question: LabelledQuestion }[] = [];
  const splits = opts.splits ?? (opts.files?.length ? [] : [...SPLITS]);
  for (const split of splits) for (const q of readCorpus(corpusFile(split))) sets.push({ set: split, question: q });
  for (const file of opts.files ?? []) for (const q of readCorpus(file)) sets.push({ set: file, question: q });
  return sets;
}

/** One question through the real pipeline; a thrown run counts as failed, never stops the eval. */
async function runOne(database: Database, label: LabelledQuestion, llm: boolean): Promise<Scored> {
  const started = performance.now();
  try {
    const [user] = await database.db.insert(users).values({}).returning({ id: users.id });
    const summary = await runTurn(database, {
      userId: user.id, message: label.q, flagOverrides: llm ? {} : { llm_decisions: false },
    });
    const tools = [...new Set([...summary.steps.flatMap((s) => s.tools), ...summary.toolCalls.map((c) => c.tool)])];
    return {
      label,
      predicted: {
        intent: summary.intent, aspects: summary.aspects, qtype: summary.questionType,
        teams: [...new Set(summary.steps.map((s) => s.team))], tools,
        failed: summary.status !== "completed",
        // The responder gives its generic "what I can help with" text exactly when the plan has no
        // steps or no topic; counting that condition does not depend on the text's wording.
        helpText: summary.steps.length === 0 || summary.intent === "UNCLEAR" || summary.intent === "IRRELEVANT",
        ms: Math.round(performance.now() - started),
      },
    };
  } catch {
    return {
      label,
      predicted: { intent: null, aspects: [], qtype: null, teams: [], tools: [], failed: true, ms: Math.round(performance.now() - started) },
    };
  }
}

export async function runIntentEval(database: Database, opts: IntentEvalOptions = {}): Promise<IntentEvalResult> {
  const items = loadQuestionSets(opts);
  const results: { set: string; scored: Scored }[] = new Array(items.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) {
      results[i] = { set: items[i].set, scored: await runOne(database, items[i].question, opts.llm === true) };
      opts.onProgress?.(++done, items.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 4) }, worker));
  const bySet: Record<string, Report> = {};
  for (const set of [...new Set(items.map((i) => i.set))]) bySet[set] = scoreAll(results.filter((r) => r.set === set).map((r) => r.scored));
  const rows = results.map((r) => r.scored);
  return { report: scoreAll(rows), bySet, rows };
}
