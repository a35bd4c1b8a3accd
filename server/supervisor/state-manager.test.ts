import { describe, expect, it } from "vitest";
import { InvalidStepTransition, newStep, StateManager } from "./state-manager";
import { nextNode } from "./graph";
import type { PlanningState, SupervisorState } from "./types";

function planning(): PlanningState {
  return {
    intent: "MARKET_INQUIRY", aspects: [], questionType: "other", intent_confidence: 0.9, keywords: [], entities: {}, language: "ko", source: "rules", reasoning: "",
    execution_steps: [newStep("step_search", "search", "search", ["market_data"]), newStep("step_analysis", "analysis", "analysis", ["market_analysis"], ["step_search"])],
  };
}

describe("StateManager.updateStepStatus", () => {
  it("drives pending → in_progress → completed with timestamps, progress and duration", () => {
    const t0 = new Date("2026-01-01T00:00:00.000Z");
    const p0 = planning();
    const p1 = StateManager.updateStepStatus(p0, "step_search", "in_progress", 30, { now: t0 });
    expect(p0.execution_steps[0].status).toBe("pending"); // the old state is untouched
    expect(p1.execution_steps[0]).toMatchObject({ status: "in_progress", progress_percentage: 30, started_at: t0.toISOString(), completed_at: null });
    const p2 = StateManager.updateStepStatus(p1, "step_search", "in_progress", 60, { now: new Date(t0.getTime() + 100) });
    expect(p2.execution_steps[0].started_at).toBe(t0.toISOString());
    const p3 = StateManager.updateStepStatus(p2, "step_search", "completed", undefined, { now: new Date(t0.getTime() + 250), result: { ok: 1 } });
    expect(p3.execution_steps[0]).toMatchObject({ status: "completed", progress_percentage: 100, execution_time_ms: 250, result: { ok: 1 }, completed_at: "2026-01-01T00:00:00.250Z" });
  });

  it("records failures and skips with their error and keeps partial progress", () => {
    const p1 = StateManager.updateStepStatus(planning(), "step_search", "in_progress", 50);
    const p2 = StateManager.updateStepStatus(p1, "step_search", "failed", undefined, { error: "market_data: timed out" });
    expect(p2.execution_steps[0]).toMatchObject({ status: "failed", progress_percentage: 50, error: "market_data: timed out" });
    const p3 = StateManager.updateStepStatus(p2, "step_analysis", "skipped", 0, { error: "inputs unavailable" });
    expect(p3.execution_steps[1]).toMatchObject({ status: "skipped", error: "inputs unavailable" });
    expect(p3.execution_steps[1].execution_time_ms).toBe(0);
  });

  it("refuses transitions out of a terminal state and unknown steps", () => {
    const done = StateManager.updateStepStatus(StateManager.updateStepStatus(planning(), "step_search", "in_progress", 0), "step_search", "completed");
    expect(() => StateManager.updateStepStatus(done, "step_search", "in_progress", 10)).toThrow(InvalidStepTransition);
    expect(() => StateManager.updateStepStatus(done, "step_search", "completed")).toThrow(InvalidStepTransition);
    expect(() => StateManager.updateStepStatus(done, "nope", "in_progress")).toThrow(/unknown step/);
  });

  it("clamps progress and computes overall progress over steps", () => {
    const p1 = StateManager.updateStepStatus(planning(), "step_search", "in_progress", 250);
    expect(p1.execution_steps[0].progress_percentage).toBe(100);
    const p2 = StateManager.updateStepStatus(planning(), "step_search", "in_progress", 50);
    expect(StateManager.overallProgress(p2)).toBe(25);
    const p3 = StateManager.updateStepStatus(StateManager.updateStepStatus(p2, "step_search", "failed"), "step_analysis", "skipped");
    expect(StateManager.overallProgress(p3)).toBe(100);
    expect(StateManager.overallProgress(null)).toBe(100);
  });
});

describe("graph routing", () => {
  const base = { planning: planning() } as SupervisorState;
  it("follows initialize → planning → execute → aggregate → respond → end", () => {
    expect(nextNode("initialize", base)).toBe("planning");
    expect(nextNode("planning", base)).toBe("execute");
    expect(nextNode("execute", base)).toBe("aggregate");
    expect(nextNode("aggregate", base)).toBe("respond");
    expect(nextNode("respond", base)).toBeNull();
  });
  it("routes planning straight to respond when there is nothing to execute", () => {
    expect(nextNode("planning", { ...base, planning: { ...planning(), execution_steps: [] } })).toBe("respond");
    expect(nextNode("planning", { ...base, planning: null })).toBe("respond");
  });
});
