// `npm run prune -- [--days N] [--full]`: one retention pass over the app's database — finished runs
// older than ENSEMBLE_RETAIN_DAYS (or --days) keep only their final checkpoint; events are kept.
import { getDatabase, shutdownDatabase } from "../server/db/client";
import { pruneCheckpoints, retainDays } from "../server/db/retention";

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const i = argv.indexOf("--days");
  const days = i >= 0 ? retainDays({ ENSEMBLE_RETAIN_DAYS: argv[i + 1] }) : retainDays();
  const database = await getDatabase();
  const t0 = performance.now();
  const r = await pruneCheckpoints(database, { days, full: argv.includes("--full") });
  process.stdout.write(`${JSON.stringify({ ...r, ms: Math.round(performance.now() - t0) })}\n`);
}

main().then(async () => {
  await shutdownDatabase();
  process.exit(0);
}, async (e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  await shutdownDatabase();
  process.exit(1);
});
