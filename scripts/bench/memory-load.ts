// Benchmark scenario "memory-load": how long loadMemory takes for one user when execution_patterns
// holds many users' history. Bulk-inserts synthetic patterns for a dedicated set of user ids, times
// loadMemory for random users among them, then removes them again.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import type { Db } from "../../server/db/client";
import { loadMemory } from "../../server/memory";
import { percentile as nearestRank, round } from "./stats";

export interface MemoryLoadOptions {
  patterns: number;
  users: number;
  samples: number;
  /** Keep the synthetic rows afterwards (default: remove them). */
  keep?: boolean;
}

export interface MemoryLoadResult {
  scenario: "memory-load";
  patterns: number;
  users: number;
  p50_ms: number;
  p95_ms: number;
}

/** Bench users are uuids derived from this prefix, so they never collide with real users and are easy to remove. */
const USER_PREFIX = "ensemble-bench-memory-load:";
const INTENTS = ["LEGAL_CONSULT", "MARKET_INQUIRY", "LOAN_CONSULT", "CONTRACT_CREATION", "CONTRACT_REVIEW", "RISK_ANALYSIS", "COMPREHENSIVE"];
const TOOLS = ["legal_search", "market_data", "loan_products", "risk_score", "contract_template"];
const WARM_UP = 20;

/** p in 0..1, rounded to the microsecond. */
const percentile = (sorted: number[], p: number): number => round(nearestRank(sorted, p * 100), 3);

/** Deterministic, so two runs time the same users. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function removeBenchRows(db: Db, users: number): Promise<void> {
  const ids = sql`(select md5(${USER_PREFIX} || g::text)::uuid from generate_series(0, ${users - 1}::int) g)`;
  await db.execute(sql`delete from execution_patterns where user_id in ${ids}`);
  await db.execute(sql`delete from tool_stats where scope in (select id::text from ${ids} as u(id))`);
}

async function insertBenchRows(db: Db, o: MemoryLoadOptions): Promise<void> {
  const intents = sql.raw(`array[${INTENTS.map((i) => `'${i}'`).join(",")}]`);
  const tools = sql.raw(`array[${TOOLS.map((t) => `'${t}'`).join(",")}]`);
  await db.transaction(async (tx) => {
    // Pattern g belongs to user g % users; newer g are older rows, spread over ~a month.
    await tx.execute(sql`
      insert into execution_patterns (user_id, intent, query_pattern, strategy, tools, success, duration_ms, created_at)
      select md5(${USER_PREFIX} || (g % ${o.users}::int)::text)::uuid,
             (${intents})[1 + (g / ${o.users}::int) % ${INTENTS.length}::int],
             (${intents})[1 + (g / ${o.users}::int) % ${INTENTS.length}::int] || '|region,transactionType',
             case when g % 3 = 0 then 'sequential' else 'parallel' end,
             jsonb_build_array(
               jsonb_build_object('tool', (${tools})[1 + g % ${TOOLS.length}::int], 'outcome', case when g % 7 = 0 then 'failed' else 'succeeded' end, 'latencyMs', 50 + g % 900),
               jsonb_build_object('tool', (${tools})[1 + (g + 1) % ${TOOLS.length}::int], 'outcome', 'succeeded', 'latencyMs', 30 + g % 400)),
             g % 7 <> 0,
             800 + g % 4000,
             now() - make_interval(secs => g * 26)
      from generate_series(0, ${o.patterns - 1}::int) g`);
    // Every bench user has statistics for each tool in two intents, as a regular user would.
    await tx.execute(sql`
      insert into tool_stats (scope, tool, intent, success_rate, avg_latency_ms, count)
      select md5(${USER_PREFIX} || u::text)::uuid::text, t, i, 0.4 + (u % 60) / 100.0, 100 + u % 2000, 5 + u % 50
      from generate_series(0, ${o.users - 1}::int) u, unnest(${tools}) t, unnest(array['MARKET_INQUIRY', 'LEGAL_CONSULT']) i`);
  });
  await db.execute(sql`analyze execution_patterns`);
  await db.execute(sql`analyze tool_stats`);
}

export async function runMemoryLoad(db: Db, opts: MemoryLoadOptions = { patterns: 100_000, users: 1000, samples: 200 }): Promise<MemoryLoadResult> {
  for (const k of ["patterns", "users", "samples"] as const) {
    if (!Number.isInteger(opts[k]) || opts[k] < 1) throw new Error(`bad_request:bench memory-load ${k} must be a positive whole number, got ${opts[k]}`);
  }
  await removeBenchRows(db, opts.users);
  await insertBenchRows(db, opts);
  try {
    const ids = (await db.execute<{ id: string }>(sql`select md5(${USER_PREFIX} || g::text)::uuid::text as id from generate_series(0, ${opts.users - 1}::int) g order by g`)).map((r) => r.id);
    const random = mulberry32(42);
    const pick = () => ids[Math.floor(random() * ids.length)];
    for (let i = 0; i < WARM_UP; i++) await loadMemory(db, pick());
    const timings: number[] = [];
    for (let i = 0; i < opts.samples; i++) {
      const userId = pick();
      const t0 = performance.now();
      const memory = await loadMemory(db, userId);
      timings.push(performance.now() - t0);
      if (memory.patterns.length === 0) throw new Error(`memory-load: bench user ${userId} has no patterns; the insert did not take`);
    }
    timings.sort((a, b) => a - b);
    return { scenario: "memory-load", patterns: opts.patterns, users: opts.users, p50_ms: percentile(timings, 0.5), p95_ms: percentile(timings, 0.95) };
  } finally {
    if (!opts.keep) await removeBenchRows(db, opts.users);
  }
}
