// Turns call outcomes into each team's result: outputs keyed by the tool the team asked for
// (a fallback's output stands under the original name), and what is missing.
import type { TeamRegistry } from "../teams/types";
import type { PlanningState, TeamResult } from "../state/types";
import type { CallOutcome } from "./sink";
import type { PlannedCall } from "./types";

export function teamResultsFrom(planning: PlanningState, teams: TeamRegistry, calls: PlannedCall[], outcomes: Map<string, CallOutcome>): Record<string, TeamResult> {
  const results: Record<string, TeamResult> = {};
  for (const step of planning.execution_steps) {
    const outputs: Record<string, unknown> = {};
    const missing: string[] = [];
    for (const call of calls) {
      if (!call.stepIds.includes(step.step_id)) continue;
      const requested = call.substitutedFor ?? call.tool;
      const o = outcomes.get(call.key);
      if (o?.status === "succeeded") outputs[requested] ??= o.output;
      else if (!(requested in outputs)) missing.push(requested);
    }
    const finalMissing = [...new Set(missing.filter((m) => !(m in outputs)))];
    results[step.team] = teams.get(step.team).summarize(step, outputs, finalMissing);
  }
  return results;
}
