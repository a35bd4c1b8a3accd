// Step bookkeeping during execution: every step ends in a terminal state, a step with nothing to run
// ends `skipped`, and a refused transition never throws into the run (issue 10's run_failed crash).
import { describe, expect, it } from "vitest";
import { newStep } from "./state-manager";
import { StepTracker, type StepSink } from "./step-tracker";
import type { PlannedCall } from "../orchestrator/types";
import type { CallOutcome } from "../orchestrator/executor";
import type { PlanningState } from "./types";

const policy = { timeoutMs: 1000, retries: 0, backoff: { initialMs: 1, factor: 1, maxMs: 1, jitter: 0 }, fallbacks: [], fatal: false };
const call = (tool: string, stepIds: string[], fatal = false): PlannedCall =>
  ({ key: tool, tool, args: {}, inputsFrom: {}, dependsOn: [], teams: ["t"], stepIds, policy: { ...policy, fatal } });
const outcome = (tool: string, status: CallOutcome["status"]): CallOutcome =>
  ({ key: tool, tool, status, attempts: 1, retries: 0, attemptsByTool: {}, durationMs: 1 });

function planning(): PlanningState {
  return {
    intent: "LEGAL_CONSULT", aspects: ["legal"], questionType: "permissibility", intent_confidence: 0.9, keywords: [], entities: {},
    language: "ko", source: "rules", reasoning: "",
    execution_steps: [
      newStep("step_search", "search", "search", ["legal_search"]),
      newStep("step_analysis", "analysis", "analysis", ["rent_increase_check"], ["step_search"]),
    ],
  };
}

function sink(): StepSink & { events: string[] } {
  const events: string[] = [];
  return { events, emitSnapshot: ((type: string) => { events.push(type); }) as unknown as StepSink["emitSnapshot"] };
}

describe("StepTracker", () => {
  it("ends a step whose team proposed no call as skipped, not a crash (rent increase without amounts)", () => {
    const search = call("legal_search", ["step_search"]);
    const tracker = new StepTracker(planning(), sink(), [search]);
    tracker.callStarted(search);
    tracker.callSettled(search, outcome("legal_search", "succeeded"));
    const done = tracker.finish(() => null);
    expect(done.execution_steps.map((s) => s.status)).toEqual(["completed", "skipped"]);
    expect(done.execution_steps[1].error).toMatch(/nothing to run/);
  });

  it("ends a step whose calls were all skipped as skipped, and a failed required call as failed", () => {
    const a = call("legal_search", ["step_search"], true);
    const b = call("rent_increase_check", ["step_analysis"]);
    const tracker = new StepTracker(planning(), sink(), [a, b]);
    for (const c of [a, b]) tracker.callStarted(c);
    tracker.callSettled(a, outcome("legal_search", "failed"));
    tracker.callSettled(b, outcome("rent_increase_check", "skipped"));
    const done = tracker.finish(() => null);
    expect(done.execution_steps.map((s) => s.status)).toEqual(["failed", "skipped"]);
  });

  it("moves a step that ran without a start notice (a reused call) through in_progress to completed", () => {
    const a = call("legal_search", ["step_search"]);
    const tracker = new StepTracker(planning(), sink(), [a]);
    tracker.callSettled(a, outcome("legal_search", "succeeded"));
    const done = tracker.finish(() => ({ ok: true }));
    expect(done.execution_steps[0]).toMatchObject({ status: "completed", progress_percentage: 100, result: { ok: true } });
  });

  it("never throws on a refused transition: a step already terminal is left as it was", () => {
    const a = call("legal_search", ["step_search"]);
    const p = planning();
    p.execution_steps[0] = { ...p.execution_steps[0], status: "completed" };
    const s = sink();
    const tracker = new StepTracker(p, s, [a]);
    expect(() => { tracker.callStarted(a); tracker.callSettled(a, outcome("legal_search", "succeeded")); tracker.finish(() => null); }).not.toThrow();
    expect(tracker.planning.execution_steps.map((x) => x.status)).toEqual(["completed", "skipped"]);
    expect(s.events.at(-1)).toBe("todo_updated");
  });
});
