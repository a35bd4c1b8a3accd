// Runs a plan's steps one after another through the housing teams and tools, without the orchestrator:
// for tests and scripts that need real team results and aggregated outputs from the seeded database.
import type { Db } from "../../../db/client";
import type { ToolRegistry } from "../../../tools/registry";
import type { AggregatedResults, PlanningState, TeamResult } from "../types";
import type { TeamRegistry } from "../../../teams/types";

export interface SequentialRun {
  teamResults: Record<string, TeamResult>;
  aggregated: AggregatedResults;
  /** tool → why it failed (input rejected or run error). */
  failures: Record<string, string>;
}

export async function runStepsSequentially(planning: PlanningState, query: string, tools: ToolRegistry, teams: TeamRegistry, db: Db): Promise<SequentialRun> {
  const outputs: Record<string, unknown> = {};
  const failures: Record<string, string> = {};
  const teamResults: Record<string, TeamResult> = {};
  const ctx = { db, signal: new AbortController().signal, language: planning.language, runId: "sequential" };
  for (const step of planning.execution_steps) {
    const team = teams.get(step.team);
    const stepOutputs: Record<string, unknown> = {};
    const missing: string[] = [];
    for (const req of team.proposeTools(step, planning, query)) {
      const tool = tools.get(req.tool);
      const input: Record<string, unknown> = { ...req.args };
      for (const [field, source] of Object.entries(req.inputsFrom ?? {})) if (source in outputs) input[field] = outputs[source];
      const parsed = tool.inputSchema.safeParse(input);
      if (!parsed.success) {
        failures[req.tool] = parsed.error.message;
        missing.push(req.tool);
        continue;
      }
      try {
        const out = tool.outputSchema.parse(await tool.run(parsed.data, ctx));
        outputs[req.tool] = out;
        stepOutputs[req.tool] = out;
      } catch (e) {
        failures[req.tool] = e instanceof Error ? e.message : String(e);
        missing.push(req.tool);
      }
    }
    teamResults[step.team] = team.summarize(step, stepOutputs, missing);
  }
  const missing = [...new Set(Object.values(teamResults).flatMap((r) => r.missing))].filter((m) => !(m in outputs));
  return {
    teamResults, failures,
    aggregated: { intent: planning.intent, language: planning.language, entities: planning.entities, outputs, missing, degraded: missing.length > 0 },
  };
}
