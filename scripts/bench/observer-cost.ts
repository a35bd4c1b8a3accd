// What run telemetry costs per run, in isolation: a W1-shaped run's events (30) fed through the
// observer N times, with tracing off (metrics only) and, if OTEL_EXPORTER_OTLP_ENDPOINT is set, on.
// Usage: npx tsx --conditions=react-server scripts/bench/observer-cost.ts [runs]
import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import type { RunEvent } from "../../server/state/run-event";
import { observeRunEvents } from "../../server/telemetry/observe";
import { flushTracing, tracingEnabled } from "../../server/telemetry/tracing";

function runEvents(runId: string): RunEvent[] {
  let seq = 0;
  const at = () => new Date().toISOString();
  const ev = (type: string, payload: Record<string, unknown>) => ({ runId, seq: ++seq, type, at: at(), ...payload }) as RunEvent;
  const out: RunEvent[] = [ev("run_started", { question: "q", sessionId: null, userId: "u" }), ev("checkpoint_saved", { node: "initialize", checkpointSeq: 1 }), ev("planning_start", {})];
  out.push(ev("plan_ready", { intent: "X", confidence: 1, language: "en", entities: {}, keywords: [], teams: ["a"], steps: [], source: "rules", reasoning: "r", route: "execute" }));
  out.push(ev("checkpoint_saved", { node: "planning", checkpointSeq: 2 }), ev("execution_start", { orchestrated: true, stepCount: 3 }), ev("orchestration_started", { teams: ["a"], requests: 6 }));
  out.push(ev("orchestration_decision", { decisionType: "strategy", source: "rules", reasoning: "r", strategy: "parallel" }), ev("orchestration_decision", { decisionType: "tool_selection", source: "rules", reasoning: "r" }));
  out.push(ev("orchestration_complete", { strategy: "parallel", calls: 4, duplicatesAvoided: 2, conflicts: 0, plan: [], source: "rules" }));
  for (const tool of ["legal_search", "market_data", "risk_calc", "contract_template"]) {
    out.push(ev("tool_call_started", { callKey: `${tool}#1`, tool, attempt: 1, teams: ["a"] }));
    out.push(ev("tool_call_finished", { callKey: `${tool}#1`, tool, status: "succeeded", attempt: 1, durationMs: 1, teams: ["a"], sharedBy: ["a"] }));
  }
  out.push(ev("checkpoint_saved", { node: "execute", checkpointSeq: 3 }), ev("checkpoint_saved", { node: "aggregate", checkpointSeq: 4 }), ev("answer_delta", { delta: "a" }));
  out.push(ev("checkpoint_saved", { node: "respond", checkpointSeq: 5 }), ev("run_completed", { answer: "a", degraded: false, missing: [], durationMs: 5 }));
  return out;
}

const n = Number(process.argv[2] ?? 20000);
const batches = Array.from({ length: n }, () => runEvents(randomUUID()));
for (const b of batches.slice(0, 200)) observeRunEvents(b); // warm up
const t0 = performance.now();
for (const b of batches.slice(200)) observeRunEvents(b);
const ms = performance.now() - t0;
await flushTracing();
process.stdout.write(`${JSON.stringify({ tracing: tracingEnabled(), runs: n - 200, events_per_run: batches[0].length, us_per_run: Math.round((ms * 1000) / (n - 200)) })}\n`);
process.exit(0);
