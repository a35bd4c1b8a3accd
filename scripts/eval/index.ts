// `npm run eval -- [--json] [--split train|dev|test]… [--file path.jsonl]… [--misses] [--concurrency N] [--llm] [--legal | --paragraphs]`:
// runs the project's labelled question sets through the real pipeline (embedded PostgreSQL unless
// DATABASE_URL) and prints intent, aspect, question-type, team and tool accuracy, failures and timings.
import { ensureReady } from "../../server/boot";
import { SPLITS, type Split } from "../../server/apps/housing/understanding/corpus";
import { runIntentEval } from "./intent";
import { confusionTable, formatReport, misses } from "./metrics";
import { runCli } from "../cli";

interface Args { json: boolean; splits: Split[]; files: string[]; misses: boolean; concurrency: number; llm: boolean; legal: boolean }

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run eval -- [--json] [--split train|dev|test]… [--file path.jsonl]… [--misses] [--concurrency N] [--llm] [--legal]\n`);
  process.exit(2);
}

function parse(argv: string[]): Args {
  const args: Args = { json: false, splits: [], files: [], misses: false, concurrency: 4, llm: false, legal: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") args.json = true;
    else if (a === "--misses") args.misses = true;
    else if (a === "--llm") args.llm = true;
    else if (a === "--legal") args.legal = true;
    else if (a === "--split") {
      const s = argv[++i] as Split;
      if (!SPLITS.includes(s)) usage(`--split: "${s}" is not one of ${SPLITS.join(", ")}`);
      args.splits.push(s);
    } else if (a === "--file") args.files.push(argv[++i] ?? usage("--file needs a path"));
    else if (a === "--concurrency") {
      args.concurrency = Number(argv[++i]);
      if (!Number.isInteger(args.concurrency) || args.concurrency < 1) usage("--concurrency needs a whole number ≥ 1");
    } else usage(`unknown argument ${a}`);
  }
  return args;
}

async function main(): Promise<number> {
  // The statute eval has its own question set, metrics and options (scripts/eval/legal.ts).
  if (process.argv.includes("--legal")) return (await import("./legal")).legalCli(process.argv.slice(2));
  // Which paragraph legal_search shows for an article (scripts/eval/paragraphs.ts).
  if (process.argv.includes("--paragraphs")) return (await import("./paragraphs")).paragraphCli(process.argv.slice(2));
  const args = parse(process.argv.slice(2));
  process.env.ENSEMBLE_RESUME ??= "0"; // a one-shot CLI must not adopt the server's runs
  const database = await ensureReady();
  const result = await runIntentEval(database, {
    splits: args.splits.length ? args.splits : undefined, files: args.files, concurrency: args.concurrency, llm: args.llm,
    onProgress: args.json ? undefined : (done, total) => { if (done % 50 === 0 || done === total) process.stderr.write(`  ${done}/${total}\n`); },
  });
  if (args.json) {
    const { rows, ...rest } = result;
    process.stdout.write(`${JSON.stringify({ intent: rest, misses: args.misses ? misses(rows) : undefined })}\n`);
  } else {
    for (const [set, report] of Object.entries(result.bySet)) console.log(formatReport(set, report));
    if (Object.keys(result.bySet).length > 1) console.log(formatReport("all", result.report));
    console.log(confusionTable(result.report.confusion));
    if (args.misses) console.log(misses(result.rows).join("\n"));
  }
  return result.report.failed === 0 ? 0 : 1;
}

runCli(main, { stack: true });
