// Default call policies — data, not code paths: timeout, retries with backoff and jitter, fallbacks.
import { retryDelay, TRANSIENT_KINDS, type RetryPolicy } from "../retry";
import type { ToolDefinition } from "../tools/types";
import type { CallPolicy } from "./types";

function envNumber(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined || v === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function defaultPolicy(tool: ToolDefinition, required: boolean, registered: (name: string) => boolean): CallPolicy {
  return {
    timeoutMs: envNumber("ENSEMBLE_TOOL_TIMEOUT_MS") ?? tool.timeoutMs,
    // Only read-only tools are safe to repeat.
    retries: tool.readOnly ? envNumber("ENSEMBLE_TOOL_RETRIES") ?? 2 : 0,
    backoff: { initialMs: envNumber("ENSEMBLE_BACKOFF_MS") ?? 50, factor: 2, maxMs: 2000, jitter: 0.25 },
    retryOn: [...TRANSIENT_KINDS],
    fallbacks: tool.fallbacks.filter(registered),
    fatal: required,
  };
}

/** A call's policy as the retry engine reads it. */
export function retryPolicyOf(policy: CallPolicy): RetryPolicy {
  const { initialMs, factor, maxMs, jitter } = policy.backoff;
  return {
    maxAttempts: policy.retries + 1, initialIntervalMs: initialMs, backoffFactor: factor, maxIntervalMs: maxMs, jitter,
    retryOn: policy.retryOn ?? TRANSIENT_KINDS,
  };
}

/** Delay before retry `attempt` (1-based): initial · factor^(attempt-1), capped, ± jitter. */
export function backoffDelay(policy: CallPolicy, attempt: number, random: () => number = Math.random): number {
  return retryDelay(retryPolicyOf(policy), attempt, random);
}
