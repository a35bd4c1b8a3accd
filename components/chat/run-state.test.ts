// The event → view reducer: a realistic run folded live, replayed (whole or overlapping) without doubles,
// failures, and views built from a run summary. Every event used is validated against the wire schema.
import { describe, expect, it } from "vitest";
import { parseEvent, type RunEvent } from "@/server/state/run-event";
import { runSummarySchema } from "@/server/state/run-summary";
import { applyEvent, applyEvents, containsSampleData, initialRunView, overallProgress, stepsProgress, viewFromSummary, type StepView } from "./run-state";

const runId = "11111111-1111-4111-8111-111111111111";

function step(id: string, team: string, status: StepView["status"], progress: number, result: unknown = null): StepView {
  return {
    step_id: id, team, description: `${team} step`, tools: [], depends_on: [], status, progress_percentage: progress,
    started_at: null, completed_at: null, execution_time_ms: null, result, error: null,
  };
}

function events(): RunEvent[] {
  let seq = 0;
  const at = "2026-11-24T20:00:00.000Z";
  const e = (payload: Record<string, unknown>) => parseEvent({ runId, seq: ++seq, at, ...payload });
  return [
    e({ type: "run_started", question: "마포구 전세 4억 적정한가요?", sessionId: null, userId: "u" }),
    e({ type: "planning_start" }),
    e({
      type: "plan_ready", intent: "COMPREHENSIVE", confidence: 0.9, language: "ko", entities: { region: "마포구" }, keywords: [],
      teams: ["search", "analysis"], steps: [step("s1", "search", "pending", 0), step("s2", "analysis", "pending", 0)],
      source: "rules", reasoning: "전세 + 대출", route: "execute",
    }),
    e({ type: "orchestration_decision", decisionType: "plan", source: "rules", reasoning: "전세 + 대출", confidence: 0.9 }),
    e({ type: "execution_start", orchestrated: true, stepCount: 2 }),
    e({ type: "orchestration_decision", decisionType: "strategy", source: "rules", reasoning: "independent calls", strategy: "parallel" }),
    e({
      type: "tool_decision_made", callKey: "k1", tool: "market_summary", args: { region: "마포구" }, teams: ["search", "analysis"], dependsOn: [],
      policy: { timeoutMs: 5000, retries: 2, fallbacks: [], fatal: false }, substitutedFor: "market_data", reasoning: "success 23% over 12 runs",
    }),
    e({ type: "tool_decision_made", callKey: "k2", tool: "legal_search", args: {}, teams: ["search"], dependsOn: [], policy: { timeoutMs: 5000, retries: 1, fallbacks: ["law_lookup"], fatal: false } }),
    e({ type: "todo_updated", steps: [step("s1", "search", "in_progress", 40), step("s2", "analysis", "pending", 0)], overallProgress: 20 }),
    e({ type: "tool_call_started", callKey: "k2", tool: "legal_search", attempt: 1, teams: ["search"] }),
    e({ type: "tool_call_finished", callKey: "k2", tool: "legal_search", status: "retrying", attempt: 1, durationMs: 12, teams: ["search"], sharedBy: [], error: "injected" }),
    e({ type: "tool_call_finished", callKey: "k2", tool: "legal_search", status: "failed", attempt: 2, durationMs: 10, teams: ["search"], sharedBy: [], error: "injected" }),
    e({ type: "tool_call_started", callKey: "k2>law_lookup", tool: "law_lookup", attempt: 1, teams: ["search"], fallbackFor: "k2" }),
    e({ type: "tool_call_finished", callKey: "k2>law_lookup", tool: "law_lookup", status: "succeeded", attempt: 1, durationMs: 30, teams: ["search"], sharedBy: ["search"], fallbackFor: "k2" }),
    e({ type: "tool_call_finished", callKey: "k1", tool: "market_summary", status: "succeeded", attempt: 1, durationMs: 50, teams: ["search", "analysis"], sharedBy: ["search", "analysis"] }),
    e({ type: "todo_updated", steps: [step("s1", "search", "completed", 100, { outputs: { market_summary: { sample: true } } }), step("s2", "analysis", "completed", 100)], overallProgress: 100 }),
    e({ type: "answer_delta", delta: "적정합니다. " }),
    e({ type: "answer_delta", delta: "보증보험을 드세요." }),
    e({ type: "run_completed", answer: "적정합니다. 보증보험을 드세요.", degraded: false, missing: [], durationMs: 1200 }),
  ];
}

describe("applyEvent", () => {
  it("folds a whole run into plan, steps, decisions, tool calls and the answer", () => {
    const all = events();
    const view = applyEvents(initialRunView(runId), all);
    expect(view).toMatchObject({ status: "completed", phase: "done", intent: "COMPREHENSIVE", orchestrated: true, strategy: "parallel", lastSeq: all.length });
    expect(view.answer).toBe("적정합니다. 보증보험을 드세요.");
    expect(view.steps.map((s) => s.status)).toEqual(["completed", "completed"]);
    expect(view.decisions.map((d) => `${d.decisionType}:${d.source}`)).toEqual(["plan:rules", "strategy:rules"]);
    expect(view.toolCalls.map((c) => `${c.tool}:${c.status}`)).toEqual(["market_summary:succeeded", "legal_search:failed", "law_lookup:succeeded"]);
    expect(view.toolCalls[0]).toMatchObject({ substitutedFor: "market_data", sharedBy: ["search", "analysis"], reasoning: "success 23% over 12 runs" });
    expect(view.toolCalls[1]).toMatchObject({ attempt: 2, retries: 1, fallbacks: ["law_lookup"], error: "injected" });
    expect(view.toolCalls[2]).toMatchObject({ fallbackFor: "legal_search" });
    expect(containsSampleData(view.steps[0].result)).toBe(true);
    expect(containsSampleData(view.steps[1].result)).toBe(false);
  });

  it("shows the streaming answer and step progress while running", () => {
    const all = events();
    const mid = applyEvents(initialRunView(runId), all.slice(0, 9));
    expect(mid.phase).toBe("executing");
    expect(mid.steps[0]).toMatchObject({ status: "in_progress", progress_percentage: 40 });
    expect(stepsProgress(mid.steps)).toBe(20);
    expect(overallProgress(mid)).toBe(26);
    const streaming = applyEvents(initialRunView(runId), all.slice(0, 17));
    expect(streaming).toMatchObject({ status: "running", phase: "responding", answer: "적정합니다. " });
  });

  it("never doubles anything when events are replayed, overlapping or repeated", () => {
    const all = events();
    const once = applyEvents(initialRunView(runId), all);
    // A reconnect that replays from 0 after half the run was seen, then the tail again.
    const half = applyEvents(initialRunView(runId), all.slice(0, 12));
    const replayed = applyEvents(applyEvents(half, all), all.slice(5));
    expect(replayed).toEqual(once);
    expect(replayed.answer).toBe(once.answer);
    const partialAnswer = applyEvents(initialRunView(runId), all.slice(0, 17));
    expect(applyEvents(partialAnswer, all.slice(11, 18)).answer).toBe("적정합니다. 보증보험을 드세요.");
    expect(applyEvent(once, all[3])).toBe(once);
  });

  it("ignores another run's events and records a failure", () => {
    const all = events();
    const other = { ...all[0], runId: "22222222-2222-4222-8222-222222222222" } as RunEvent;
    const start = initialRunView(runId);
    expect(applyEvent(start, other)).toBe(start);
    const failed = applyEvents(start, [...all.slice(0, 3), parseEvent({ runId, seq: 4, at: "2026-11-24T20:00:01.000Z", type: "run_failed", error: "planner crashed" })]);
    expect(failed).toMatchObject({ status: "failed", phase: "done", error: "planner crashed" });
    expect(overallProgress(failed)).toBe(10);
  });

  it("sends irrelevant questions straight to the answer", () => {
    const view = applyEvents(initialRunView(runId), [
      parseEvent({ runId, seq: 1, at: "x", type: "run_started", question: "hi", sessionId: null, userId: "u" }),
      parseEvent({ runId, seq: 2, at: "x", type: "plan_ready", intent: "IRRELEVANT", confidence: 1, language: "en", entities: {}, keywords: [], teams: [], steps: [], source: "rules", reasoning: "greeting", route: "respond" }),
    ]);
    expect(view).toMatchObject({ phase: "responding", route: "respond", steps: [] });
  });
});

describe("viewFromSummary", () => {
  it("builds a finished turn from GET /api/runs/{id}", () => {
    // The shared schema checks the fixture has the server's exact shape.
    const view = viewFromSummary(runSummarySchema.parse({
      runId, sessionId: null, status: "completed", question: "대출?", intent: "LOAN_CONSULT", aspects: ["loan"], questionType: "amount", citations: [],
      teams: ["search"], strategy: "sequential", orchestrated: false, degraded: false,
      decisions: [{ type: "plan", source: "llm", reasoning: "loan question", at: "2026-11-24T20:00:00.100Z" }],
      toolCalls: [{ callKey: "k1>law_lookup", tool: "law_lookup", args: {}, teams: ["search"], status: "succeeded", attempts: 1, durationMs: 20, fallbackFor: "legal_search" }],
      steps: [step("s1", "search", "completed", 100)], answer: "답", error: null, duplicatesAvoided: 0, llmCalls: 1, llmTokens: 10,
      startedAt: "2026-11-24T20:00:00.000Z", finishedAt: "2026-11-24T20:00:02.500Z",
    }));
    expect(view).toMatchObject({ status: "completed", phase: "done", question: "대출?", answer: "답", durationMs: 2500, intent: "LOAN_CONSULT" });
    expect(view.toolCalls[0]).toMatchObject({ tool: "law_lookup", status: "succeeded", fallbackFor: "legal_search", attempt: 1 });
    expect(view.decisions[0]).toMatchObject({ decisionType: "plan", source: "llm" });
  });
});
