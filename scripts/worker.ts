// A headless Ensemble instance: boots exactly like the web app (database, seed, resume sweeper,
// listeners) without HTTP. Used by the crash/resume test; `--ask "question"` also starts one run.
import { ensureReady } from "../server/boot";
import { users } from "../server/db/schema";
import { setDefaultApp } from "../server/supervisor/app";
import { startRun } from "../server/supervisor/service";
import { createW1App } from "./bench/w1-app";
import { logToStderr } from "../server/telemetry/log";

async function main(): Promise<void> {
  logToStderr();
  if (process.env.ENSEMBLE_WORKER_APP === "w1") setDefaultApp(createW1App({ latencyMs: Number(process.env.W1_LATENCY_MS ?? 0) }));
  const database = await ensureReady();
  const i = process.argv.indexOf("--ask");
  if (i > 0) {
    const flagOverrides = process.env.ENSEMBLE_WORKER_FLAGS ? (JSON.parse(process.env.ENSEMBLE_WORKER_FLAGS) as Record<string, boolean>) : undefined;
    const [u] = await database.db.insert(users).values({}).returning();
    const { runId } = await startRun(database, { userId: u.id, message: process.argv[i + 1], flagOverrides });
    process.stdout.write(`${JSON.stringify({ runId })}\n`);
  }
  process.stdout.write("ready\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
