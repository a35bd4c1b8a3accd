// Turns a run's committed events into Prometheus metrics: runs started/finished by status, path and
// strategy, durations, tool-call attempts, failures and fallbacks, decisions by source, publish lag.
import type { RunEvent } from "../state/run-event";
import { metrics } from "./metrics";

interface RunFacts {
  startedAt: number;
  firstEventSeen: boolean;
  path: "orchestrated" | "legacy" | "none" | "unknown";
  strategy: string;
  /** Attempt start times by call key, for per-attempt durations. */
  attemptStartedAt: Map<string, number>;
  /** Call key → tool, so a fallback is counted against the tool it stood in for. */
  toolOf: Map<string, string>;
  lastSeenAt: number;
}

const IDLE_MS = 30 * 60_000;
const g = globalThis as unknown as { __ensembleRunFacts?: Map<string, RunFacts> };
const facts: Map<string, RunFacts> = (g.__ensembleRunFacts ??= new Map());

function finish(ev: RunEvent, run: RunFacts | undefined, status: "completed" | "failed", durationMs: number | null): void {
  const m = metrics();
  m.runsFinished.inc({ status, path: run?.path ?? "unknown", strategy: run?.strategy ?? "unknown" });
  if (durationMs !== null) m.runDuration.observe({ status }, durationMs / 1000);
  facts.delete(ev.runId);
}

/** Feeds one committed event into the metrics; `committedAt` is when it was committed and published. */
export function measureRunEvent(ev: RunEvent, committedAt: number): void {
  const m = metrics();
  const at = Date.parse(ev.at);
  m.publishLag.observe(Math.max(0, committedAt - at) / 1000);
  if (ev.type === "run_started") {
    if (ev.resumed) m.runsResumed.inc();
    else m.runsStarted.inc();
    for (const [id, f] of facts) if (at - f.lastSeenAt > IDLE_MS) facts.delete(id);
    // A resumed run's earlier events happened elsewhere: its path and strategy are unknown here.
    facts.set(ev.runId, {
      startedAt: at, firstEventSeen: false, path: ev.resumed ? "unknown" : "none", strategy: ev.resumed ? "unknown" : "none",
      attemptStartedAt: new Map(), toolOf: new Map(), lastSeenAt: at,
    });
    return;
  }
  const run = facts.get(ev.runId);
  if (run) {
    run.lastSeenAt = at;
    if (!run.firstEventSeen) {
      run.firstEventSeen = true;
      m.runFirstEvent.observe(Math.max(0, at - run.startedAt) / 1000);
    }
  }
  switch (ev.type) {
    case "run_completed":
      return finish(ev, run, "completed", ev.durationMs);
    case "run_failed":
      return finish(ev, run, "failed", run ? at - run.startedAt : null);
    case "execution_start":
      if (run) {
        run.path = ev.orchestrated ? "orchestrated" : "legacy";
        if (!ev.orchestrated) run.strategy = "legacy";
      }
      return;
    case "orchestration_decision":
      m.decisions.inc({ type: ev.decisionType, source: ev.source });
      if (run && ev.decisionType === "fallback") {
        run.path = "legacy";
        run.strategy = "legacy";
      }
      return;
    case "orchestration_complete":
      if (run && run.path === "orchestrated") run.strategy = ev.strategy;
      return;
    case "strategy_adjusted":
      m.strategyAdjustments.inc({ to: ev.to });
      return;
    case "tool_call_started":
      m.toolCallAttempts.inc({ tool: ev.tool });
      if (run) {
        run.attemptStartedAt.set(ev.callKey, at);
        run.toolOf.set(ev.callKey, ev.tool);
      }
      if (ev.attempt === 1 && ev.fallbackFor) m.toolCallFallbacks.inc({ tool: run?.toolOf.get(ev.fallbackFor) ?? "unknown", fallback: ev.tool });
      return;
    case "tool_call_finished": {
      if (ev.reused) {
        m.toolCallsReused.inc({ tool: ev.tool });
        return;
      }
      if (ev.status === "skipped") return;
      if (ev.status !== "succeeded") m.toolCallFailures.inc({ tool: ev.tool });
      const started = run?.attemptStartedAt.get(ev.callKey);
      if (started !== undefined) {
        m.toolCallDuration.observe({ tool: ev.tool, status: ev.status }, Math.max(0, at - started) / 1000);
        run!.attemptStartedAt.delete(ev.callKey);
      }
      return;
    }
    default:
      return;
  }
}
