// Default call policies — data, not code paths: timeout, retries with backoff and jitter, fallbacks.
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
    fallbacks: tool.fallbacks.filter(registered),
    fatal: required,
  };
}

/** Delay before retry `attempt` (1-based): initial · factor^(attempt-1), capped, ± jitter. */
export function backoffDelay(policy: CallPolicy, attempt: number, random: () => number = Math.random): number {
  const { initialMs, factor, maxMs, jitter } = policy.backoff;
  const base = Math.min(maxMs, initialMs * Math.pow(factor, Math.max(0, attempt - 1)));
  return Math.max(0, Math.round(base * (1 + jitter * (2 * random() - 1))));
}
