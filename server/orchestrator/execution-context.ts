// The typed execution context: built from the supervisor state at the top of execute, filled as
// calls settle, and merged back into the state (so every checkpoint carries it).
import type { PatternSummary, ToolPreference } from "../memory/types";
import type { CallOutcome } from "./sink";
import type { ExecutionContextSnapshot, OrchestrationDecision } from "./types";

export function newExecutionContext(memory: { patterns: PatternSummary[]; preferences: ToolPreference[] }, legacy: boolean): ExecutionContextSnapshot {
  return {
    legacy, strategy: null, strategyConfidence: 0, decision: null, registry: [], usedTools: [], conflicts: [],
    intermediateResults: {}, teamQuality: {}, pastPatterns: memory.patterns, toolPreferences: memory.preferences, adjustments: [],
  };
}

export function withDecision(ctx: ExecutionContextSnapshot, decision: OrchestrationDecision): ExecutionContextSnapshot {
  return {
    ...ctx,
    strategy: decision.strategy,
    strategyConfidence: decision.confidence,
    decision,
    conflicts: decision.conflicts,
    registry: decision.calls.map((c) => ({ key: c.key, tool: c.tool, teams: c.teams, status: "pending", attempts: 0 })),
  };
}

export function withOutcomes(ctx: ExecutionContextSnapshot, outcomes: Map<string, CallOutcome>, teamQuality: Record<string, number>): ExecutionContextSnapshot {
  const intermediateResults: Record<string, unknown> = {};
  const usedTools = new Set<string>();
  const registry = ctx.registry.map((entry) => {
    const o = outcomes.get(entry.key);
    if (!o) return entry;
    if (o.status === "succeeded") intermediateResults[entry.key] = o.output;
    if (o.attempts > 0) usedTools.add(entry.tool);
    if (o.resolvedBy) usedTools.add(o.resolvedBy);
    return { ...entry, status: o.status, attempts: o.attempts, retries: o.retries, latencyMs: o.durationMs, attemptsByTool: o.attemptsByTool, ...(o.resolvedBy ? { resolvedBy: o.resolvedBy } : {}), ...(o.error ? { error: o.error } : {}) };
  });
  return { ...ctx, registry, intermediateResults, usedTools: [...usedTools], teamQuality };
}

/** Records every course change adaptive execution made (the strategy the run ended with is the last `to`). */
export function withAdjustments(ctx: ExecutionContextSnapshot, adjustments: ExecutionContextSnapshot["adjustments"]): ExecutionContextSnapshot {
  return { ...ctx, adjustments: [...ctx.adjustments, ...adjustments] };
}
