// The statistics' update rules in one place. recordExecution runs the same formulas in SQL
// (so concurrent runs update atomically); these JS twins document them and back the tests.
import type { ToolOutcome } from "./types";

/** Success rate: r ← 0.9·r + 0.1·(1 if success else 0), starting at 0.5. */
export const SUCCESS_ALPHA = 0.1;
export const INITIAL_SUCCESS_RATE = 0.5;
/** Latency: an EMA too (recent behaviour matters more than old), seeded with the first sample. */
export const LATENCY_ALPHA = 0.2;

/** A tool "succeeded" in a run when it produced the result itself, with or without retries. */
export function isSuccessOutcome(outcome: ToolOutcome): boolean {
  return outcome === "succeeded" || outcome === "retried";
}

export function nextSuccessRate(rate: number, success: boolean): number {
  return (1 - SUCCESS_ALPHA) * rate + (success ? SUCCESS_ALPHA : 0);
}

export function nextAvgLatency(avg: number, count: number, latencyMs: number): number {
  return count === 0 ? latencyMs : (1 - LATENCY_ALPHA) * avg + LATENCY_ALPHA * latencyMs;
}
