// Guards on decisions from elsewhere (an LLM, the cache): every call names a registered tool and a
// valid DAG; a cached decision is re-bound to this run's requests, keeping only its choices.
import type { ToolRegistry } from "../tools/registry";
import type { ToolDefinition, ToolRequest } from "../tools/types";
import { buildToolPlan } from "./tool-plan";
import type { OrchestrationDecision } from "./types";

export class InvalidDecisionError extends Error {}

export function validateDecision(d: OrchestrationDecision, tools: ToolRegistry): void {
  const keys = new Set(d.calls.map((c) => c.key));
  if (keys.size !== d.calls.length) throw new InvalidDecisionError("decision has duplicate call keys");
  for (const c of d.calls) {
    if (!tools.has(c.tool)) throw new InvalidDecisionError(`decision names an unknown tool: ${c.tool}`);
    for (const dep of c.dependsOn) if (!keys.has(dep)) throw new InvalidDecisionError(`${c.key} depends on unknown call ${dep}`);
    for (const fb of c.policy.fallbacks) if (!tools.has(fb)) throw new InvalidDecisionError(`${c.key} falls back to unknown tool ${fb}`);
  }
}

/**
 * A cached decision was made for the same kind of question, not the same values: rebuild the calls
 * from this run's requests and carry over the cached strategy, substitutions and policies per tool.
 */
export function rebindDecision(cached: OrchestrationDecision, requests: ToolRequest[], catalogue: ToolDefinition[]): OrchestrationDecision {
  const plan = buildToolPlan(requests, catalogue);
  const byTool = new Map(cached.calls.map((c) => [c.substitutedFor ?? c.tool, c]));
  const calls = plan.calls.map((call) => {
    const prior = byTool.get(call.tool);
    if (!prior) return call;
    return { ...call, tool: prior.tool, policy: { ...prior.policy }, ...(prior.substitutedFor ? { substitutedFor: prior.substitutedFor } : {}), ...(prior.reasoning ? { reasoning: prior.reasoning } : {}) };
  });
  return {
    ...cached, calls, conflicts: plan.conflicts, duplicatesAvoided: plan.duplicatesAvoided, source: "cache",
    reasoning: `Reused the decision cached for this kind of question (same flags and learned preferences): ${cached.reasoning}`,
  };
}
