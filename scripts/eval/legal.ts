// `npm run eval:legal -- [--json] [--split test|train|all] [--file other.jsonl] [--concurrency N]`:
// runs the statute questions through the real pipeline (runTurn, as `npm run ask` does) and scores them.
import type { Database } from "../../server/db/client";
import { users } from "../../server/db/schema";
import { runTurn } from "../../server/supervisor/service";
import { pool, round } from "../bench/stats";
import { DEFAULT_QUESTION_FILE, loadLegalQuestions, selectSplit, type LegalQuestion } from "./legal-questions";
import {
  aggregate, aggregateBy, formatTable, scoreQuestion, type LegalMetrics, type QuestionOutcome,
} from "./legal-score";
import { rankedLegalSources, reachedLegalSearch } from "./legal-sources";
import { logToStderr } from "../../server/telemetry/log";
import { isEntryPoint, runCli } from "../cli";

export type LegalSplit = "test" | "train" | "all";

export interface LegalEvalOptions {
  split?: LegalSplit;
  /** JSONL in the format of data/eval/legal/questions.jsonl. */
  file?: string;
  /** Questions given directly (tests); replaces `file`. */
  questions?: LegalQuestion[];
  /** The database to run on; default the app's own (embedded cluster or DATABASE_URL), as `npm run ask`. */
  database?: Database;
  /** Runs in flight at once; 1 keeps the timings free of contention. */
  concurrency?: number;
  /** Forced flag values for every run (e.g. `{ llm_decisions: false }` for a deterministic gate). */
  flagOverrides?: Record<string, boolean>;
  onProgress?: (done: number, total: number) => void;
}

export interface LegalEvalReport {
  split: LegalSplit;
  file: string;
  questions: number;
  overall: LegalMetrics;
  byCategory: Record<string, LegalMetrics>;
  byLaw: Record<string, LegalMetrics>;
  byLanguage: Record<string, LegalMetrics>;
  /** How many runs were scored from summary citations, from legal_search output, or had no source. */
  origins: Record<string, number>;
  failedRuns: number;
  wallMs: number;
  outcomes: QuestionOutcome[];
}

async function runQuestion(database: Database, q: LegalQuestion, flagOverrides?: Record<string, boolean>): Promise<QuestionOutcome> {
  // A fresh user per question: no question is answered with memory of the previous ones.
  const [{ id: userId }] = await database.db.insert(users).values({}).returning({ id: users.id });
  const started = performance.now();
  const summary = await runTurn(database, { userId, message: q.q, flagOverrides });
  const ms = performance.now() - started;
  const { sources, origin } = await rankedLegalSources(database, summary);
  return scoreQuestion(q, { sources, origin, reachedLegalSearch: reachedLegalSearch(summary), ms, status: summary.status });
}

export async function runLegalEval(options: LegalEvalOptions = {}): Promise<LegalEvalReport> {
  const split = options.split ?? "test";
  const file = options.questions ? "(given)" : options.file ?? DEFAULT_QUESTION_FILE;
  const selected = selectSplit(options.questions ?? loadLegalQuestions(file), split);
  if (selected.length === 0) throw new Error(`no questions in split "${split}" of ${file}`);
  const database = options.database ?? await (await import("../../server/boot")).ensureReady();
  const outcomes: QuestionOutcome[] = new Array(selected.length);
  let done = 0;
  const started = performance.now();
  await pool(selected.length, Math.max(1, options.concurrency ?? 1), async (i) => {
    outcomes[i] = await runQuestion(database, selected[i], options.flagOverrides);
    options.onProgress?.(++done, selected.length);
  });
  const origins: Record<string, number> = {};
  for (const o of outcomes) origins[o.origin] = (origins[o.origin] ?? 0) + 1;
  return {
    split, file, questions: outcomes.length,
    overall: aggregate(outcomes),
    byCategory: aggregateBy(outcomes, (o) => o.category),
    byLaw: aggregateBy(outcomes, (o) => o.law),
    byLanguage: aggregateBy(outcomes, (o) => o.lang),
    origins,
    failedRuns: outcomes.filter((o) => o.status !== "completed").length,
    wallMs: round(performance.now() - started, 0),
    outcomes,
  };
}

/** The human-readable report: overall, per category, per language, per law, then the first misses. */
export function formatLegalReport(report: LegalEvalReport, questions: Map<string, LegalQuestion>, maxMisses = 20): string {
  const misses = report.outcomes.filter((o) => !o.top3Law);
  const lines = [
    `statute retrieval — ${report.questions} questions, split ${report.split}, ${report.file}`,
    `sources: ${Object.entries(report.origins).map(([k, v]) => `${k} ${v}`).join(", ")}; runs not completed: ${report.failedRuns}; wall ${(report.wallMs / 1000).toFixed(1)} s`,
    "",
    formatTable("overall", { all: report.overall }),
    "",
    formatTable("category", report.byCategory),
    "",
    formatTable("language", report.byLanguage),
    "",
    formatTable("law", report.byLaw),
    "",
    `top-3 misses: ${misses.length}${misses.length > maxMisses ? ` (first ${maxMisses})` : ""}`,
    ...misses.slice(0, maxMisses).map((o) => {
      const q = questions.get(o.id);
      const got = o.sources.slice(0, 3).map((s) => `${s.law} ${s.article ?? ""}`.trim()).join(" | ") || "(no legal source)";
      return `  ${o.id} [${o.law} ${q?.articles.join(",") ?? ""}] ${q?.q ?? ""}\n      got: ${got}`;
    }),
  ];
  return lines.join("\n");
}

interface CliArgs {
  json: boolean;
  split: LegalSplit;
  file: string;
  concurrency: number;
}

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run eval -- --legal [--json] [--split test|train|all] [--file questions.jsonl] [--concurrency N]\n`);
  process.exit(2);
}

export function parseLegalArgs(argv: string[]): CliArgs {
  const args: CliArgs = { json: false, split: "test", file: DEFAULT_QUESTION_FILE, concurrency: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") args.json = true;
    else if (a === "--legal") continue; // accepted so `npm run eval -- --legal` can pass its arguments through
    else if (a === "--split") {
      const v = argv[++i];
      if (v !== "test" && v !== "train" && v !== "all") usage(`--split: "${v ?? ""}" is not test, train or all`);
      args.split = v;
    } else if (a === "--file") args.file = argv[++i] ?? usage("--file needs a path");
    else if (a === "--concurrency") {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1 || n > 32) usage("--concurrency needs an integer from 1 to 32");
      args.concurrency = n;
    } else usage(`unknown argument "${a}"`);
  }
  return args;
}

/** The statute eval as a command line: `npm run eval -- --legal …` (and `npm run eval:legal -- …`). */
export async function legalCli(argv: string[]): Promise<number> {
  logToStderr();
  const args = parseLegalArgs(argv);
  process.env.ENSEMBLE_RESUME ??= "0"; // a one-shot CLI must not adopt the server's runs
  // Start-up logs (e.g. the embedded cluster's) go to stderr so that --json prints one clean document.
  console.log = (...xs: unknown[]) => console.error(...xs);
  const questions = loadLegalQuestions(args.file);
  const report = await runLegalEval({
    split: args.split, questions, concurrency: args.concurrency,
    onProgress: (done, total) => { if (done % 25 === 0 || done === total) process.stderr.write(`[eval:legal] ${done}/${total}\n`); },
  });
  report.file = args.file;
  if (args.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${formatLegalReport(report, new Map(questions.map((q) => [q.id, q])))}\n`);
  return 0;
}

if (isEntryPoint(import.meta.url)) runCli(() => legalCli(process.argv.slice(2)));
