// The legacy execution path, kept as the baseline: each team picks its own tools and calls them one
// after another — no shared registry (duplicates run again), no retries, no fallbacks.
import type { ToolDefinition, ToolRequest } from "../tools/types";
import { defaultPolicy } from "./policy";
import { callKeyOf } from "./tool-plan";
import type { OrchestrationDecision, PlannedCall } from "./types";

export function legacyDecision(requests: ToolRequest[], catalogue: ToolDefinition[], reasoning: string): OrchestrationDecision {
  const byName = new Map(catalogue.map((t) => [t.name, t]));
  const calls: PlannedCall[] = [];
  const keyOf = new Map<string, string>();
  for (const req of requests) {
    const tool = byName.get(req.tool);
    if (!tool) throw new Error(`unknown tool requested by team ${req.team}: ${req.tool}`);
    const inputsFrom: Record<string, string> = {};
    for (const [field, src] of Object.entries(req.inputsFrom ?? {})) {
      const k = keyOf.get(`${req.team}/${src}`) ?? [...keyOf.entries()].find(([tk]) => tk.endsWith(`/${src}`))?.[1];
      if (k) inputsFrom[field] = k;
    }
    let key = `${req.team}:${callKeyOf(req.tool, req.args, inputsFrom)}`;
    while (calls.some((c) => c.key === key)) key += "'";
    keyOf.set(`${req.team}/${req.tool}`, key);
    calls.push({
      key, tool: req.tool, args: req.args, inputsFrom, dependsOn: [...new Set(Object.values(inputsFrom))],
      teams: [req.team], stepIds: [req.stepId],
      // Same timeout as the orchestrator would give; none of its retries or fallbacks.
      policy: { ...defaultPolicy(tool, Boolean(req.required), () => false), retries: 0 },
    });
  }
  return { strategy: "sequential", confidence: 1, reasoning, calls, conflicts: [], duplicatesAvoided: 0, concurrencyLimit: 1, memoryNotes: [], source: "rules" };
}
