// Learning scenarios on the housing assistant: learning-flaky (memory routes around a failing tool)
// and strategy-cache (decisions reused across repeated question patterns).
import { performance } from "node:perf_hooks";
import type { Database } from "../../server/db/client";
import { users } from "../../server/db/schema";
import { createHousingApp } from "../../server/apps/housing/index";
import { runTurn } from "../../server/supervisor/service";
import { mean, round } from "./stats";

const FLAKY_QUESTION = "마포구 아파트 전세 시세 알려줘";

/** One user, N runs of the same question while market_data fails 70% of the time (its fallback works). */
export async function runLearningFlaky(database: Database, opts: { learning: "on" | "off"; runs: number }) {
  const saved = { faults: process.env.ENSEMBLE_FAULTS, seed: process.env.ENSEMBLE_FAULT_SEED };
  process.env.ENSEMBLE_FAULTS = "market_data:error:0.7";
  process.env.ENSEMBLE_FAULT_SEED = `learning-${opts.learning}`;
  try {
    const app = createHousingApp();
    const [user] = await database.db.insert(users).values({}).returning();
    const flags = { orchestrator: true, memory_learning: opts.learning === "on", strategy_cache: false, llm_decisions: false, parallel_execution: true };
    const outcomes: { ok: boolean; ms: number; attempts: number; wasted: number; routed: boolean }[] = [];
    for (let i = 0; i < opts.runs; i++) {
      const t0 = performance.now();
      const s = await runTurn(database, { userId: user.id, message: FLAKY_QUESTION, flagOverrides: flags }, { app });
      const ms = performance.now() - t0;
      const attempts = s.toolCalls.reduce((n, c) => n + c.attempts, 0);
      const wasted = s.toolCalls.reduce((n, c) => n + (c.status === "succeeded" ? c.attempts - 1 : c.attempts), 0);
      outcomes.push({ ok: s.status === "completed" && !s.degraded, ms, attempts, wasted, routed: s.decisions.some((d) => /routing around|→ using/.test(d.reasoning)) });
    }
    const last20 = outcomes.slice(-20);
    return {
      scenario: "learning-flaky", learning: opts.learning, runs: opts.runs,
      success_rate_last20: round(last20.filter((o) => o.ok).length / last20.length, 3),
      success_rate_all: round(outcomes.filter((o) => o.ok).length / outcomes.length, 3),
      mean_ms: round(mean(outcomes.map((o) => o.ms)), 1),
      mean_ms_last20: round(mean(last20.map((o) => o.ms)), 1),
      attempts_per_run: round(mean(outcomes.map((o) => o.attempts)), 2),
      wasted_attempts_per_run: round(mean(outcomes.map((o) => o.wasted)), 2),
      wasted_attempts_last20: round(mean(last20.map((o) => o.wasted)), 2),
      first_routed_run: outcomes.findIndex((o) => o.routed) + 1 || null,
    };
  } finally {
    if (saved.faults === undefined) delete process.env.ENSEMBLE_FAULTS;
    else process.env.ENSEMBLE_FAULTS = saved.faults;
    if (saved.seed === undefined) delete process.env.ENSEMBLE_FAULT_SEED;
    else process.env.ENSEMBLE_FAULT_SEED = saved.seed;
  }
}

const PATTERNS = [
  (i: number) => `${["마포구", "강남구", "송파구", "노원구"][i % 4]} 아파트 전세 시세 알려줘`,
  (i: number) => `What is the average sale price of apartments in ${["Mapo", "Seocho", "Jongno"][i % 3]}-gu?`,
  (i: number) => `${["서초구", "용산구"][i % 2]} 아파트 전세 ${3 + (i % 3)}억이면 적정한가요?`,
  () => "계약갱신요구권은 몇 번 쓸 수 있나요?",
];

/** A stream of repeated question patterns (different values, same kinds): how many decisions the cache serves. */
export async function runStrategyCache(database: Database, opts: { runs: number }) {
  const app = createHousingApp();
  const [user] = await database.db.insert(users).values({}).returning();
  const flags = { orchestrator: true, memory_learning: true, strategy_cache: true, llm_decisions: false, parallel_execution: true };
  let hits = 0;
  let decisions = 0;
  let lateHits = 0;
  let lateDecisions = 0;
  const hitMs: number[] = [];
  const missMs: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const message = PATTERNS[i % PATTERNS.length](Math.floor(i / PATTERNS.length));
    const t0 = performance.now();
    const s = await runTurn(database, { userId: user.id, message, flagOverrides: flags }, { app });
    const ms = performance.now() - t0;
    const strategy = s.decisions.find((d) => d.type === "strategy");
    if (!strategy) continue;
    decisions++;
    const late = i >= opts.runs / 2;
    if (late) lateDecisions++;
    if (strategy.source === "cache") {
      hits++;
      if (late) lateHits++;
      hitMs.push(ms);
    } else missMs.push(ms);
  }
  return {
    scenario: "strategy-cache", runs: opts.runs, patterns: PATTERNS.length, decisions, hits,
    hit_rate: round(decisions ? hits / decisions : 0, 3),
    // Early runs move the success rates across cache buckets (invalidating entries); later ones settle.
    hit_rate_second_half: round(lateDecisions ? lateHits / lateDecisions : 0, 3),
    // With an LLM configured each hit also saves one model call (the orchestration prompt).
    model_calls_saved: hits,
    mean_run_ms_hit: round(mean(hitMs), 1), mean_run_ms_miss: round(mean(missMs), 1),
  };
}
