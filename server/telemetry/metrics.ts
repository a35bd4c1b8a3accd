// The Prometheus metrics of the process (prom-client): one registry with every metric Ensemble exposes
// at /api/metrics, kept on globalThis because Next bundles each route separately.
import "server-only";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

function buildMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const r = [registry];
  // Run durations: a rules run takes milliseconds, an LLM run tens of seconds.
  const runBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
  const fastBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
  return {
    registry,
    runsStarted: new Counter({ name: "ensemble_runs_started_total", help: "Runs started in this process (a resumed run counts in ensemble_runs_resumed_total)", registers: r }),
    runsResumed: new Counter({ name: "ensemble_runs_resumed_total", help: "Runs this process resumed from a checkpoint", registers: r }),
    runsFinished: new Counter({
      name: "ensemble_runs_finished_total", help: "Runs finished in this process, by status, path (orchestrated|legacy|none|unknown) and strategy",
      labelNames: ["status", "path", "strategy"] as const, registers: r,
    }),
    runDuration: new Histogram({
      name: "ensemble_run_duration_seconds", help: "Run duration from its creation to its terminal event", labelNames: ["status"] as const,
      buckets: runBuckets, registers: r,
    }),
    runFirstEvent: new Histogram({
      name: "ensemble_run_first_event_seconds", help: "Time from run_started to the run's next event (the first progress a user sees)",
      buckets: fastBuckets, registers: r,
    }),
    toolCallDuration: new Histogram({
      name: "ensemble_tool_call_duration_seconds", help: "Duration of one tool-call attempt, by tool and outcome (succeeded|failed|retrying)",
      labelNames: ["tool", "status"] as const, buckets: fastBuckets, registers: r,
    }),
    toolCallAttempts: new Counter({ name: "ensemble_tool_call_attempts_total", help: "Tool-call attempts started, by tool", labelNames: ["tool"] as const, registers: r }),
    toolCallFailures: new Counter({ name: "ensemble_tool_call_failures_total", help: "Failed tool-call attempts (retried or final), by tool", labelNames: ["tool"] as const, registers: r }),
    toolCallFallbacks: new Counter({
      name: "ensemble_tool_call_fallbacks_total", help: "Fallback calls started after a tool failed, by the failed tool and its stand-in",
      labelNames: ["tool", "fallback"] as const, registers: r,
    }),
    toolCallsReused: new Counter({ name: "ensemble_tool_calls_reused_total", help: "Tool results taken over from before a crash instead of running again", labelNames: ["tool"] as const, registers: r }),
    decisions: new Counter({ name: "ensemble_decisions_total", help: "Decisions by type and source (rules|llm|cache)", labelNames: ["type", "source"] as const, registers: r }),
    strategyAdjustments: new Counter({ name: "ensemble_strategy_adjustments_total", help: "Course changes of adaptive runs", labelNames: ["to"] as const, registers: r }),
    llmCalls: new Counter({ name: "ensemble_llm_calls_total", help: "Model decisions (each with its retries and repair), by decision, model and outcome", labelNames: ["decision", "model", "outcome"] as const, registers: r }),
    llmTokens: new Counter({ name: "ensemble_llm_tokens_total", help: "Model tokens by decision, model and direction (input|output)", labelNames: ["decision", "model", "direction"] as const, registers: r }),
    sseStreams: new Gauge({ name: "ensemble_sse_streams_open", help: "Run event streams (SSE) open in this process", registers: r }),
    publishLag: new Histogram({
      name: "ensemble_event_publish_lag_seconds", help: "From an event's creation to its commit and publication in this process",
      buckets: fastBuckets, registers: r,
    }),
    dbConnections: new Gauge({
      name: "ensemble_db_connections", help: "This process's PostgreSQL connections by state (in_use|idle), read from pg_stat_activity at scrape time",
      labelNames: ["state"] as const, registers: r,
    }),
    dbWaiting: new Gauge({ name: "ensemble_db_connections_waiting", help: "This process's PostgreSQL connections waiting on a lock, from pg_stat_activity at scrape time", registers: r }),
    dbPoolMax: new Gauge({ name: "ensemble_db_pool_max", help: "Configured size of the postgres.js pool", registers: r }),
    leasesTaken: new Counter({ name: "ensemble_run_leases_taken_total", help: "Expired run leases this process took over (runs it then resumes)", registers: r }),
    flagEvaluations: new Counter({
      name: "ensemble_flag_evaluations_total", help: "Feature-flag evaluations by flag, reason and value", labelNames: ["flag", "reason", "value"] as const, registers: r,
    }),
  };
}

export type EnsembleMetrics = ReturnType<typeof buildMetrics>;

const g = globalThis as unknown as { __ensembleMetrics?: EnsembleMetrics };

/** The process's metrics, created on first use. */
export function metrics(): EnsembleMetrics {
  return (g.__ensembleMetrics ??= buildMetrics());
}
