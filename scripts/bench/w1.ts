// Workload W1 (shared/bench/W1.md) on Ensemble: W1, W1-legacy, W1-lat, W1-faults at a concurrency.
import { performance } from "node:perf_hooks";
import type { Database } from "../../server/db/client";
import { users } from "../../server/db/schema";
import { writeStats } from "../../server/events/run-writer";
import { startRun } from "../../server/supervisor/service";
import { getRunSummary } from "../../server/supervisor/summary";
import type { SupervisorState } from "../../server/supervisor/types";
import { createW1App, w1Query, type ExecutionCounter } from "./w1-app";
import { mean, percentile, pool, round } from "./stats";

export type W1Scenario = "W1" | "W1-legacy" | "W1-lat" | "W1-faults";
export const W1_FAULTS = "legal_search:error:0.3,market_data:timeout:0.2,risk_calc:error:1";

interface ScenarioEnv {
  latencyMs: number;
  orchestrator: boolean;
  faults?: string;
  timeoutMs?: number;
}

const SCENARIOS: Record<W1Scenario, ScenarioEnv> = {
  W1: { latencyMs: 0, orchestrator: true },
  "W1-legacy": { latencyMs: 0, orchestrator: false },
  "W1-lat": { latencyMs: 20, orchestrator: true },
  "W1-faults": { latencyMs: 20, orchestrator: true, faults: W1_FAULTS, timeoutMs: 100 },
};

export async function runW1(database: Database, scenario: W1Scenario, opts: { concurrency: number; runs: number; warmup: number; version: string }) {
  const env = SCENARIOS[scenario];
  const saved = { faults: process.env.ENSEMBLE_FAULTS, seed: process.env.ENSEMBLE_FAULT_SEED, timeout: process.env.ENSEMBLE_TOOL_TIMEOUT_MS, retries: process.env.ENSEMBLE_TOOL_RETRIES };
  process.env.ENSEMBLE_FAULTS = env.faults ?? "";
  process.env.ENSEMBLE_FAULT_SEED = "w1";
  if (env.timeoutMs) process.env.ENSEMBLE_TOOL_TIMEOUT_MS = String(env.timeoutMs);
  else delete process.env.ENSEMBLE_TOOL_TIMEOUT_MS;
  process.env.ENSEMBLE_TOOL_RETRIES = "2";
  try {
    const counter: ExecutionCounter = new Map();
    const app = createW1App({ latencyMs: env.latencyMs, counter });
    const [user] = await database.db.insert(users).values({}).returning();
    const flags = { orchestrator: env.orchestrator, parallel_execution: true, memory_learning: false, llm_decisions: false, strategy_cache: false };
    const one = async (i: number) => {
      const t0 = performance.now();
      const { runId, done } = await startRun(database, { userId: user.id, message: w1Query(i), flagOverrides: flags }, { app });
      await done;
      return { runId, ms: performance.now() - t0 };
    };
    await pool(opts.warmup, opts.concurrency, async (i) => void (await one(i)));

    counter.clear();
    const before = { ...writeStats };
    const results: { runId: string; ms: number }[] = [];
    const t0 = performance.now();
    await pool(opts.runs, opts.concurrency, async (i) => void results.push(await one(opts.warmup + i)));
    const wall = performance.now() - t0;
    const rows = writeStats.rows - before.rows;
    const txns = writeStats.transactions - before.transactions;

    // Outside the timed phase: what each run executed and obtained.
    let executions = 0;
    let duplicates = 0;
    let recovered = 0;
    let failed = 0;
    const executeMs: number[] = [];
    for (const r of results) {
      const s = (await getRunSummary(database, r.runId, { userId: null, admin: true }))!;
      executions += s.toolCalls.reduce((n, c) => n + c.attempts, 0);
      // A duplicate is the same tool with the same arguments executed under a second call.
      duplicates += s.toolCalls.length - new Set(s.toolCalls.map((c) => `${c.tool}:${JSON.stringify(c.args)}`)).size;
      if (s.status === "failed") failed++;
      else if (!s.degraded) recovered++;
      const [cp] = await database.sql<{ state: string | SupervisorState }[]>`select state from checkpoints where run_id = ${r.runId} and node = 'execute'`;
      const state = typeof cp.state === "string" ? (JSON.parse(cp.state) as SupervisorState) : cp.state;
      executeMs.push(state.timings.execute?.ms ?? 0);
    }
    const lat = results.map((r) => r.ms).sort((a, b) => a - b);
    const perRun = (n: number) => round(n / opts.runs, 2);
    const line: Record<string, unknown> = {
      engine: "ensemble", version: opts.version, scenario, concurrency: opts.concurrency, runs: opts.runs,
      runs_per_s: round(opts.runs / (wall / 1000), 1), p50_ms: round(percentile(lat, 50)), p95_ms: round(percentile(lat, 95)),
      tool_executions_per_run: perRun(executions),
      duplicate_executions_per_run: perRun(duplicates),
      db_rows_written_per_run: perRun(rows), db_transactions_per_run: perRun(txns),
    };
    if (scenario === "W1-lat") {
      const sortedExec = executeMs.sort((a, b) => a - b);
      line.critical_path_ms = env.latencyMs;
      line.execute_p50_ms = round(percentile(sortedExec, 50));
      line.wall_over_critical = round(percentile(sortedExec, 50) / env.latencyMs, 3);
      line.run_over_critical = round(percentile(lat, 50) / env.latencyMs, 3);
    }
    if (scenario === "W1-faults") {
      line.recovery_rate = round(recovered / opts.runs, 4);
      line.failed_runs = failed;
    }
    line.mean_ms = round(mean(lat));
    return line;
  } finally {
    for (const [k, v] of Object.entries({ ENSEMBLE_FAULTS: saved.faults, ENSEMBLE_FAULT_SEED: saved.seed, ENSEMBLE_TOOL_TIMEOUT_MS: saved.timeout, ENSEMBLE_TOOL_RETRIES: saved.retries })) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
