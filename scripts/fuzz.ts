// Longer fuzz runs than the test suite's: `npm run fuzz -- --runs N [--seed S] [--url URL] [--json] [--verbose]`.
// Without --url the requests go into the route handlers of this process, against a fresh embedded
// cluster (or DATABASE_URL); with --url they go over HTTP to a running app, whose database must be
// DATABASE_URL (e.g. DATABASE_URL=$(npm run -s db:url) with the app's ADMIN_PASSWORD for admin requests).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmbeddedCluster, type EmbeddedCluster } from "../server/db/embedded";
import { shutdownDatabase } from "../server/db/client";
import { ensureReady } from "../server/boot";
import { formatStats, prepareWorld, runFuzz, type FuzzStats } from "../test/fuzz/harness";
import { httpSender, inProcessSender } from "../test/fuzz/senders";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "2000" }, seed: { type: "string" }, url: { type: "string" }, json: { type: "boolean", default: false },
    verbose: { type: "boolean", default: false },
  },
});
const runs = Number(values.runs);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) throw new Error("usage: npm run fuzz -- --runs N [--seed S] [--url URL] [--json]");
if (values.url && !process.env.DATABASE_URL) throw new Error("--url needs DATABASE_URL: the database of the app under test (npm run -s db:url)");

process.env.LOG_LEVEL ??= "warn";
process.env.ENSEMBLE_RESUME = "0";
let cluster: EmbeddedCluster | null = null;
let dir: string | null = null;
if (!process.env.DATABASE_URL) {
  dir = mkdtempSync(path.join(tmpdir(), "ensemble-fuzz-"));
  cluster = await startEmbeddedCluster(dir, { log: () => {}, fsync: false });
  process.env.DATABASE_URL = cluster.url;
  process.env.ADMIN_PASSWORD ??= "fuzz-admin-password";
}

let stats: FuzzStats | null = null;
let failure: unknown = null;
try {
  const database = await ensureReady();
  const world = await prepareWorld(database);
  const started = Date.now();
  stats = await runFuzz({
    world, send: values.url ? httpSender(values.url) : inProcessSender(), db: database.db, runs, seed,
    onRequest: values.verbose ? (r, n) => process.stderr.write(`${n} ${JSON.stringify(r).slice(0, 2000)}\n`) : undefined,
  }).catch((e: unknown) => {
    failure = e;
    return null;
  });
  if (stats && values.json) process.stdout.write(`${JSON.stringify({ runs, seed, target: values.url ?? "in-process", ms: Date.now() - started, ...stats })}\n`);
  else if (stats) process.stdout.write(`${formatStats(stats, seed)}\n${Date.now() - started} ms against ${values.url ?? "the handlers in this process"}\n`);
} finally {
  await shutdownDatabase();
  await cluster?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
if (failure) {
  const cause = failure instanceof Error && failure.cause instanceof Error ? `\n${failure.cause.message}` : "";
  process.stderr.write(`${failure instanceof Error ? failure.message : String(failure)}${cause}\n`);
  process.exit(1);
}
process.exit(0);
