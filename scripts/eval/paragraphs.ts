// `npm run eval -- --paragraphs [--json] [--file F.jsonl]`: which paragraph (항) legal_search shows for an
// article. Questions are labelled with the one paragraph that answers them (data/eval/paragraphs: written from
// the statute texts alone, articles with two or more paragraphs). Scored on retrieval as legal_search runs it:
// is the labelled article among the top 8, and when it is, is the provision shown for it the labelled one.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { ensureReady } from "../../server/boot";
import type { Database } from "../../server/db/client";
import { todayIso } from "../../server/apps/housing/laws/article";
import { searchStatutes } from "../../server/apps/housing/laws/search";
import { logToStderr } from "../../server/telemetry/log";
import { round } from "../bench/stats";

export const DEFAULT_PARAGRAPH_FILE = "data/eval/paragraphs/pa.jsonl";

const questionSchema = z.object({
  id: z.string(), q: z.string().min(1), lang: z.enum(["ko", "en"]), law: z.string().min(1),
  article: z.string().regex(/^제\d+조(의\d+)?$/), paragraph: z.number().int().positive(),
});
export type ParagraphQuestion = z.infer<typeof questionSchema>;

export function loadParagraphQuestions(file: string): ParagraphQuestion[] {
  return readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l, i) => {
    const parsed = questionSchema.safeParse(JSON.parse(l));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
}

export interface ParagraphOutcome { id: string; lang: string; found: boolean; shown: number | null; expected: number }
export interface ParagraphMetrics { n: number; articleAt8: number; paragraphRight: number; paragraphRightOfAll: number }

export function paragraphMetrics(rows: ParagraphOutcome[]): ParagraphMetrics {
  const found = rows.filter((r) => r.found);
  const right = found.filter((r) => r.shown === r.expected).length;
  return {
    n: rows.length, articleAt8: round(found.length / Math.max(1, rows.length), 3),
    paragraphRight: round(right / Math.max(1, found.length), 3), paragraphRightOfAll: round(right / Math.max(1, rows.length), 3),
  };
}

export async function runParagraphEval(database: Database, questions: ParagraphQuestion[]): Promise<{ overall: ParagraphMetrics; byLanguage: Record<string, ParagraphMetrics>; rows: ParagraphOutcome[] }> {
  const asOf = todayIso();
  const rows: ParagraphOutcome[] = [];
  for (const q of questions) {
    const { hits } = await searchStatutes(database.db, { query: q.q, limit: 8, asOf });
    const hit = hits.find((h) => h.lawName === q.law && h.articleNumber === q.article);
    rows.push({ id: q.id, lang: q.lang, found: Boolean(hit), shown: hit?.paragraph ?? null, expected: q.paragraph });
  }
  const byLanguage = Object.fromEntries(["ko", "en"].map((l) => [l, paragraphMetrics(rows.filter((r) => r.lang === l))]));
  return { overall: paragraphMetrics(rows), byLanguage, rows };
}

export async function paragraphCli(argv: string[]): Promise<number> {
  logToStderr();
  console.log = (...xs: unknown[]) => console.error(...xs);
  const i = argv.indexOf("--file");
  const file = i >= 0 && argv[i + 1] ? argv[i + 1] : DEFAULT_PARAGRAPH_FILE;
  process.env.ENSEMBLE_RESUME ??= "0";
  const report = await runParagraphEval(await ensureReady(), loadParagraphQuestions(file));
  if (argv.includes("--json")) {
    process.stdout.write(`${JSON.stringify({ file, ...report }, null, 2)}\n`);
    return 0;
  }
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const line = (name: string, m: ParagraphMetrics) => `${String(m.n).padStart(4)} ${pct(m.articleAt8)} ${pct(m.paragraphRight)} ${pct(m.paragraphRightOfAll)}  ${name}`;
  process.stdout.write([`   n  art@8  ¶|art    ¶ all  (${file})`, line("all", report.overall),
    ...Object.entries(report.byLanguage).map(([l, m]) => line(l, m)),
    `misses: ${report.rows.filter((r) => r.found && r.shown !== r.expected).map((r) => `${r.id} ¶${r.shown}≠¶${r.expected}`).join(", ")}`].join("\n") + "\n");
  return 0;
}
