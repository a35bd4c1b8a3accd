// retention: bytes per 1,000 real housing runs in runs, run_events, tool_calls and checkpoints, before
// and after a retention pass (the runs are back-dated past ENSEMBLE_RETAIN_DAYS first).
import { performance } from "node:perf_hooks";
import type { Database } from "../../server/db/client";
import { pruneCheckpoints } from "../../server/db/retention";
import { users } from "../../server/db/schema";
import { runTurn } from "../../server/supervisor/service";
import { LOAD_QUESTIONS } from "./load";
import { pool, round } from "./stats";

const TABLES = ["runs", "run_events", "tool_calls", "checkpoints"] as const;

/** Row bytes (pg_column_size of whole rows, no index or page overhead) of these runs, per 1,000 runs. */
async function bytesPer1000(database: Database, ids: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const col = t === "runs" ? "id" : "run_id";
    const [{ b }] = await database.sql<{ b: string | null }[]>`
      select sum(pg_column_size(x.*))::bigint as b from ${database.sql(t)} x where ${database.sql(col)} = any(${ids}::uuid[])`;
    out[t] = Math.round((Number(b ?? 0) * 1000) / ids.length);
  }
  out.total = TABLES.reduce((s, t) => s + out[t], 0);
  return out;
}

export async function runRetention(database: Database, opts: { runs: number; concurrency: number }) {
  const [{ id: userId }] = await database.db.insert(users).values({}).returning({ id: users.id });
  const ids: string[] = [];
  await pool(opts.runs, opts.concurrency, async (i) => {
    ids.push((await runTurn(database, { userId, message: LOAD_QUESTIONS[i % LOAD_QUESTIONS.length] })).runId);
  });
  const before = await bytesPer1000(database, ids);
  const [{ n: cpBefore }] = await database.sql<{ n: number }[]>`select count(*)::int as n from checkpoints where run_id = any(${ids}::uuid[])`;
  await database.sql`
    update runs set started_at = started_at - interval '400 days', finished_at = finished_at - interval '400 days'
    where id = any(${ids}::uuid[])`;
  const t0 = performance.now();
  const pass = await pruneCheckpoints(database, { days: 30, full: true });
  const pruneMs = performance.now() - t0;
  const after = await bytesPer1000(database, ids);
  const [{ n: cpAfter }] = await database.sql<{ n: number }[]>`select count(*)::int as n from checkpoints where run_id = any(${ids}::uuid[])`;
  return {
    scenario: "retention", runs: opts.runs, checkpoints_per_run_before: round(cpBefore / opts.runs, 2),
    checkpoints_per_run_after: round(cpAfter / opts.runs, 2), bytes_per_1000_runs_before: before, bytes_per_1000_runs_after: after,
    prune_ms: round(pruneMs), runs_examined: pass.runsExamined, checkpoints_deleted: pass.checkpointsDeleted,
    events_kept: after.run_events === before.run_events,
  };
}
