// memory-bound: RSS and heap of this process after 200 and after 2,000 real housing turns (runTurn,
// the ten load questions, default flags), each read after a full GC. Goal: the 2,000 reading within
// 10% of the 200 one. Also the size of the process-wide maps a leak would show in.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Database } from "../../server/db/client";
import { users } from "../../server/db/schema";
import { runTurn } from "../../server/supervisor/service";
import { LOAD_QUESTIONS } from "./load";
import { pool, round } from "./stats";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function reading() {
  for (let i = 0; i < 3; i++) gc();
  const m = process.memoryUsage();
  const g = globalThis as unknown as {
    __ensembleBus?: { listeners: Map<string, unknown> };
    __ensembleRuns?: { active: Map<string, unknown>; controllers: Map<string, unknown> };
  };
  return {
    rss_mb: round(m.rss / 2 ** 20, 1), heap_used_mb: round(m.heapUsed / 2 ** 20, 1), external_mb: round(m.external / 2 ** 20, 1),
    bus_listeners: g.__ensembleBus?.listeners.size ?? null, active_runs: g.__ensembleRuns?.active.size ?? null,
    run_controllers: g.__ensembleRuns?.controllers.size ?? null,
  };
}

export async function runMemoryBound(database: Database, opts: { early: number; late: number; concurrency: number }) {
  const [{ id: userId }] = await database.db.insert(users).values({}).returning({ id: users.id });
  let failed = 0;
  const turn = async (i: number) => {
    const s = await runTurn(database, { userId, message: LOAD_QUESTIONS[i % LOAD_QUESTIONS.length] });
    if (s.status !== "completed") failed++;
  };
  await pool(opts.early, opts.concurrency, turn);
  const early = reading();
  await pool(opts.late - opts.early, opts.concurrency, (i) => turn(opts.early + i));
  const late = reading();
  return {
    scenario: "memory-bound", concurrency: opts.concurrency, failed_runs: failed,
    [`after_${opts.early}`]: early, [`after_${opts.late}`]: late,
    rss_growth_pct: round((100 * (late.rss_mb - early.rss_mb)) / early.rss_mb, 1),
    heap_growth_pct: round((100 * (late.heap_used_mb - early.heap_used_mb)) / early.heap_used_mb, 1),
  };
}
