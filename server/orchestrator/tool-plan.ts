// Merges every team's tool requests into one global plan: one call per distinct tool + canonical
// arguments, dependencies as call keys, a policy per call, conflicts recorded.
import type { ToolDefinition, ToolRequest } from "../tools/types";
import { canonicalJson, shortHash } from "./canonical";
import { defaultPolicy } from "./policy";
import type { PlannedCall, ToolConflict } from "./types";

export interface ToolPlan {
  calls: PlannedCall[];
  conflicts: ToolConflict[];
  duplicatesAvoided: number;
  requests: number;
}

export function callKeyOf(tool: string, args: Record<string, unknown>, inputKeys: Record<string, string>): string {
  const identity = canonicalJson({ args, inputs: inputKeys });
  return `${tool}#${shortHash(identity)}`;
}

/**
 * Requests are processed in order, so a request's `inputsFrom` resolves to the call of that tool
 * requested by the same team if there is one, else by any team before it; an input whose tool nobody
 * requested is left out (the consumer must cope without it).
 */
export function buildToolPlan(requests: ToolRequest[], catalogue: ToolDefinition[]): ToolPlan {
  const byName = new Map(catalogue.map((t) => [t.name, t]));
  const calls = new Map<string, PlannedCall>();
  const keyByTeamTool = new Map<string, string>();
  const keyByTool = new Map<string, string[]>();
  const order = orderByDependencies(requests);

  for (const req of order) {
    const tool = byName.get(req.tool);
    if (!tool) throw new Error(`unknown tool requested by team ${req.team}: ${req.tool}`);
    const inputsFrom: Record<string, string> = {};
    for (const [field, sourceTool] of Object.entries(req.inputsFrom ?? {})) {
      const key = keyByTeamTool.get(`${req.team}/${sourceTool}`) ?? keyByTool.get(sourceTool)?.[0];
      if (key) inputsFrom[field] = key;
    }
    const key = callKeyOf(req.tool, req.args, inputsFrom);
    const existing = calls.get(key);
    if (existing) {
      if (!existing.teams.includes(req.team)) existing.teams.push(req.team);
      if (!existing.stepIds.includes(req.stepId)) existing.stepIds.push(req.stepId);
      existing.policy.fatal ||= Boolean(req.required);
    } else {
      calls.set(key, {
        key, tool: req.tool, args: req.args, inputsFrom,
        dependsOn: [...new Set(Object.values(inputsFrom))],
        teams: [req.team], stepIds: [req.stepId],
        policy: defaultPolicy(tool, Boolean(req.required), (n) => byName.has(n)),
      });
      keyByTool.set(req.tool, [...(keyByTool.get(req.tool) ?? []), key]);
    }
    keyByTeamTool.set(`${req.team}/${req.tool}`, key);
  }

  const conflicts: ToolConflict[] = [];
  for (const [tool, keys] of keyByTool) {
    if (keys.length < 2) continue;
    const teams = [...new Set(keys.flatMap((k) => calls.get(k)!.teams))];
    conflicts.push({ tool, keys, teams, reason: `${keys.length} different argument sets for ${tool}: each runs once` });
  }
  return { calls: [...calls.values()], conflicts, duplicatesAvoided: requests.length - calls.size, requests: requests.length };
}

/** Stable order in which every request comes after the requests of the tools it takes inputs from. */
function orderByDependencies(requests: ToolRequest[]): ToolRequest[] {
  const out: ToolRequest[] = [];
  const placed = new Set<number>();
  const provides = (i: number, tool: string) => requests[i].tool === tool;
  const visit = (i: number, stack: Set<number>) => {
    if (placed.has(i) || stack.has(i)) return;
    stack.add(i);
    for (const src of Object.values(requests[i].inputsFrom ?? {})) {
      requests.forEach((_, j) => {
        if (j !== i && provides(j, src)) visit(j, stack);
      });
    }
    stack.delete(i);
    placed.add(i);
    out.push(requests[i]);
  };
  requests.forEach((_, i) => visit(i, new Set()));
  return out;
}
