// The chat UI's view of one run, built by folding SSE events (live or replayed) or from a run summary.
// Pure and idempotent per seq: an event at or below the last applied seq is ignored, so replays never double.
import type { EventPayload, RunEvent } from "@/server/state/run-event";
import type { Decision } from "@/server/state/decision";
import type { RunSummary } from "@/server/state/run-summary";

export type { RunSummary };

export type StepView = EventPayload<"todo_updated">["steps"][number];
export type RunStatus = "running" | "completed" | "failed";
export type RunPhase = "starting" | "planning" | "executing" | "responding" | "done";
export type ToolCallStatus = "planned" | "running" | "retrying" | "succeeded" | "failed" | "skipped";

/** A decision as drawn: the shared Decision, keyed for React, its type named as in the event. */
export type DecisionView = Omit<Decision, "type" | "at" | "detail"> & { key: string; decisionType: Decision["type"] };

export interface ToolCallView {
  /** callKey|tool: a fallback runs under its original call's key with another tool, and gets its own row. */
  key: string;
  callKey: string | null;
  tool: string;
  args: Record<string, unknown> | null;
  teams: string[];
  sharedBy: string[];
  status: ToolCallStatus;
  attempt: number;
  retries: number | null;
  fallbacks: string[];
  durationMs: number | null;
  error: string | null;
  fallbackFor: string | null;
  substitutedFor: string | null;
  reasoning: string | null;
  reused: boolean;
}

export interface RunView {
  runId: string;
  lastSeq: number;
  status: RunStatus;
  phase: RunPhase;
  question: string | null;
  resumed: boolean;
  intent: string | null;
  confidence: number | null;
  language: "ko" | "en" | null;
  teams: string[];
  route: "execute" | "respond" | null;
  steps: StepView[];
  orchestrated: boolean | null;
  strategy: string | null;
  duplicatesAvoided: number | null;
  decisions: DecisionView[];
  toolCalls: ToolCallView[];
  adjustments: { from: string; to: string; reason: string }[];
  answer: string;
  degraded: boolean;
  missing: string[];
  error: string | null;
  durationMs: number | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export function initialRunView(runId: string, question: string | null = null): RunView {
  return {
    runId, lastSeq: 0, status: "running", phase: "starting", question, resumed: false,
    intent: null, confidence: null, language: null, teams: [], route: null, steps: [],
    orchestrated: null, strategy: null, duplicatesAvoided: null, decisions: [], toolCalls: [], adjustments: [],
    answer: "", degraded: false, missing: [], error: null, durationMs: null, startedAt: null, finishedAt: null,
  };
}

/** Mean step progress, terminal steps counting as done (the server's StateManager.overallProgress). */
export function stepsProgress(steps: StepView[]): number {
  if (steps.length === 0) return 0;
  const sum = steps.reduce((acc, s) => acc + (s.status === "pending" || s.status === "in_progress" ? s.progress_percentage : 100), 0);
  return Math.round(sum / steps.length);
}

/** Progress of the whole turn: planning, then the steps, then writing the answer. */
export function overallProgress(view: RunView): number {
  if (view.status === "completed") return 100;
  // A failed run's bar stays where the work stopped.
  if (view.status === "failed") return Math.min(99, 10 + Math.round(stepsProgress(view.steps) * 0.8));
  switch (view.phase) {
    case "starting": return 2;
    case "planning": return 8;
    case "executing": return 10 + Math.round(stepsProgress(view.steps) * 0.8);
    case "responding": return view.answer ? 95 : 90;
    case "done": return 100;
  }
}

function upsertTool(calls: ToolCallView[], key: string, patch: Partial<ToolCallView> & { tool: string }): ToolCallView[] {
  const idx = calls.findIndex((c) => c.key === key);
  if (idx === -1) {
    const fresh: ToolCallView = {
      key, callKey: null, args: null, teams: [], sharedBy: [], status: "planned", attempt: 0, retries: null,
      fallbacks: [], durationMs: null, error: null, fallbackFor: null, substitutedFor: null, reasoning: null, reused: false,
      ...patch,
    };
    return [...calls, fresh];
  }
  const next = calls.slice();
  next[idx] = { ...calls[idx], ...patch };
  return next;
}

/** Fallback events name the original call by its key; show that call's tool instead. */
function fallbackTool(calls: ToolCallView[], fallbackFor: string | undefined): Partial<ToolCallView> {
  if (!fallbackFor) return {};
  return { fallbackFor: calls.find((c) => c.callKey === fallbackFor)?.tool ?? fallbackFor };
}

/** Applies one event. Returns the same object when the event was already applied (seq ≤ lastSeq). */
export function applyEvent(view: RunView, ev: RunEvent): RunView {
  if (ev.runId !== view.runId || ev.seq <= view.lastSeq) return view;
  const v: RunView = { ...view, lastSeq: ev.seq };
  switch (ev.type) {
    case "run_started":
      return { ...v, question: ev.question, resumed: v.resumed || ev.resumed === true, startedAt: v.startedAt ?? ev.at, phase: v.phase === "starting" ? "planning" : v.phase };
    case "planning_start":
      return { ...v, phase: "planning" };
    case "plan_ready":
      return {
        ...v, intent: ev.intent, confidence: ev.confidence, language: ev.language, teams: ev.teams, route: ev.route,
        steps: ev.steps, phase: ev.route === "execute" ? "executing" : "responding",
      };
    case "execution_start":
      return { ...v, orchestrated: ev.orchestrated, phase: "executing" };
    case "todo_updated":
      return { ...v, steps: ev.steps };
    case "orchestration_started":
      return v;
    case "orchestration_decision":
      return {
        ...v, strategy: ev.strategy ?? v.strategy,
        decisions: [...v.decisions, {
          key: `decision-${ev.seq}`, decisionType: ev.decisionType, source: ev.source, reasoning: ev.reasoning,
          strategy: ev.strategy, confidence: ev.confidence, fallbackReason: ev.fallbackReason, prompt: ev.prompt,
        }],
      };
    case "tool_decision_made":
      return {
        ...v,
        toolCalls: upsertTool(v.toolCalls, `${ev.callKey}|${ev.tool}`, {
          callKey: ev.callKey, tool: ev.tool, args: ev.args, teams: ev.teams, retries: ev.policy.retries,
          fallbacks: ev.policy.fallbacks, substitutedFor: ev.substitutedFor ?? null, reasoning: ev.reasoning ?? null,
        }),
      };
    case "orchestration_complete":
      return { ...v, strategy: ev.strategy, duplicatesAvoided: ev.duplicatesAvoided };
    case "tool_call_started":
      return {
        ...v,
        toolCalls: upsertTool(v.toolCalls, `${ev.callKey}|${ev.tool}`, {
          callKey: ev.callKey, tool: ev.tool, teams: ev.teams, status: "running", attempt: ev.attempt,
          error: null, ...fallbackTool(v.toolCalls, ev.fallbackFor),
        }),
      };
    case "tool_call_finished":
      return {
        ...v,
        toolCalls: upsertTool(v.toolCalls, `${ev.callKey}|${ev.tool}`, {
          callKey: ev.callKey, tool: ev.tool, teams: ev.teams, sharedBy: ev.sharedBy, status: ev.status,
          attempt: ev.attempt, durationMs: ev.durationMs, error: ev.error ?? null, reused: ev.reused === true,
          ...fallbackTool(v.toolCalls, ev.fallbackFor),
        }),
      };
    case "strategy_adjusted":
      return { ...v, strategy: ev.to, adjustments: [...v.adjustments, { from: ev.from, to: ev.to, reason: ev.reason }] };
    case "checkpoint_saved":
      return v;
    case "answer_delta":
      return { ...v, answer: v.answer + ev.delta, phase: "responding" };
    case "run_completed":
      return {
        ...v, status: "completed", phase: "done", answer: ev.answer, degraded: ev.degraded, missing: ev.missing,
        durationMs: ev.durationMs, finishedAt: ev.at,
      };
    case "run_failed":
      return { ...v, status: "failed", phase: "done", error: ev.error, finishedAt: ev.at };
  }
}

export function applyEvents(view: RunView, events: readonly RunEvent[]): RunView {
  return events.reduce(applyEvent, view);
}

const TOOL_STATUSES: readonly ToolCallStatus[] = ["planned", "running", "retrying", "succeeded", "failed", "skipped"];

export function viewFromSummary(s: RunSummary, fallback: { question?: string; error?: string | null } = {}): RunView {
  const base = initialRunView(s.runId, s.question ?? fallback.question ?? null);
  const started = Date.parse(s.startedAt);
  const finished = s.finishedAt ? Date.parse(s.finishedAt) : NaN;
  return {
    ...base,
    status: s.status,
    phase: s.status === "running" ? "executing" : "done",
    intent: s.intent,
    teams: s.teams ?? [],
    route: (s.steps ?? []).length > 0 ? "execute" : "respond",
    steps: s.steps ?? [],
    orchestrated: s.orchestrated,
    strategy: s.strategy,
    decisions: (s.decisions ?? []).map(({ type, at: _at, detail: _detail, ...d }, i) => ({ ...d, key: `summary-decision-${i}`, decisionType: type })),
    toolCalls: (s.toolCalls ?? []).map((c, i) => ({
      key: `${c.callKey ?? `summary-${i}`}|${c.tool}`, callKey: c.callKey ?? null, tool: c.tool, args: (c.args ?? null) as Record<string, unknown> | null, teams: c.teams ?? [], sharedBy: c.teams ?? [],
      status: (TOOL_STATUSES as readonly string[]).includes(c.status) ? (c.status as ToolCallStatus) : "failed",
      attempt: c.attempts, retries: null, fallbacks: [], durationMs: c.durationMs ?? null, error: c.error ?? null,
      fallbackFor: c.fallbackFor ?? null, substitutedFor: null, reasoning: null, reused: false,
    })),
    answer: s.answer ?? "",
    degraded: s.degraded ?? false,
    missing: [],
    error: s.error ?? fallback.error ?? null,
    durationMs: Number.isFinite(finished) && Number.isFinite(started) ? finished - started : null,
    startedAt: s.startedAt,
    finishedAt: s.finishedAt,
  };
}

/** True when a tool output anywhere in a step's result is marked as generated sample data. */
export function containsSampleData(value: unknown, depth = 0): boolean {
  if (depth > 5 || value === null || typeof value !== "object") return false;
  if (!Array.isArray(value) && (value as Record<string, unknown>).sample === true) return true;
  const children = Array.isArray(value) ? value.slice(0, 50) : Object.values(value as Record<string, unknown>);
  return children.some((child) => containsSampleData(child, depth + 1));
}
