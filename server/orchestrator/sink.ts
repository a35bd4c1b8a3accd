// What the DAG executor reports while it runs, as an interface: the run's writer (events + tool_calls
// rows) and the step tracker implement it in the supervisor; a test implements it with an array.
import type { ToolCallRecord } from "../state/tool-call";
import type { PlannedCall, Strategy } from "./types";

export type { AttemptRecord, ToolCallRecord } from "../state/tool-call";

export interface CallOutcome {
  key: string;
  tool: string;
  status: "succeeded" | "failed" | "skipped";
  output?: unknown;
  error?: string;
  /** The fallback tool whose output this is, when the planned tool failed. */
  resolvedBy?: string;
  attempts: number;
  retries: number;
  /** Attempts per tool (the planned one and any fallback): what memory learns reliability from. */
  attemptsByTool: Record<string, number>;
  durationMs: number;
  reused?: boolean;
}

/** One attempt of one tool, as it starts and as it ends. */
export interface AttemptEvent {
  call: PlannedCall;
  /** The row's key: the call's key, or "<key>><tool>" for a fallback. */
  callKey: string;
  tool: string;
  attempt: number;
  fallbackFor?: string;
  /** The call's row after this change. */
  record: ToolCallRecord;
}

export interface AttemptFinished extends AttemptEvent {
  status: "succeeded" | "failed" | "retrying";
  durationMs: number;
  error?: string;
}

export interface ExecutionSink {
  /** A call is about to run (its first attempt, its reuse or its skip). */
  callStarted(call: PlannedCall): void;
  attemptStarted(e: AttemptEvent): void;
  attemptFinished(e: AttemptFinished): void;
  /** Finished before a crash: taken over, not run again. */
  callReused(call: PlannedCall, callKey: string, tool: string): void;
  callSkipped(call: PlannedCall, reason: string, record: ToolCallRecord): void;
  callSettled(call: PlannedCall, outcome: CallOutcome): void;
  /** Adaptive execution changed course (`from` may equal `to`: a step dropped or a search broadened). */
  strategyAdjusted(change: { from: Strategy; to: Strategy; reason: string; at: string }): void;
}

/** Fans every report out to several sinks, in order. */
export function combineSinks(...sinks: Partial<ExecutionSink>[]): ExecutionSink {
  return {
    callStarted: (c) => sinks.forEach((s) => s.callStarted?.(c)),
    attemptStarted: (e) => sinks.forEach((s) => s.attemptStarted?.(e)),
    attemptFinished: (e) => sinks.forEach((s) => s.attemptFinished?.(e)),
    callReused: (c, k, t) => sinks.forEach((s) => s.callReused?.(c, k, t)),
    callSkipped: (c, r, rec) => sinks.forEach((s) => s.callSkipped?.(c, r, rec)),
    callSettled: (c, o) => sinks.forEach((s) => s.callSettled?.(c, o)),
    strategyAdjusted: (a) => sinks.forEach((s) => s.strategyAdjusted?.(a)),
  };
}
