// Small apps for tests of the runtime: W1's synthetic teams with tools whose behaviour a test controls.
import { z } from "zod";
import { RulesOrchestrator } from "./rules-orchestrator";
import type { AppDefinition } from "../supervisor/app";
import { newStep } from "../supervisor/state-manager";
import type { Planner, PlanInput } from "../models/types";
import type { PlanningState } from "../state/types";
import { TeamRegistry, type TeamDefinition } from "../teams/types";
import { ToolRegistry } from "../tools/registry";
import type { ToolDefinition, ToolRequest } from "../tools/types";
import { createW1App, W1_INTENT, w1Vocabulary } from "../../scripts/bench/w1-app";

/** Scripted tools return whatever their behaviour does; one shared schema lets any stand in for another. */
const anyOutput = z.unknown();

export interface ScriptedTool {
  name: string;
  fallbacks?: string[];
  timeoutMs?: number;
  /** Called per attempt with the attempt's 1-based count for this tool; throw to fail. */
  behaviour: (n: number, input: Record<string, unknown>, signal: AbortSignal) => Promise<unknown>;
}

export interface ScriptedTeam {
  name: string;
  requests: (stepId: string) => Omit<ToolRequest, "team" | "stepId">[];
  dependsOn?: string[];
}

/** Records every execution: tool, start and finish times, for overlap and count assertions. */
export interface ExecutionLog {
  tool: string;
  start: number;
  end: number;
  ok: boolean;
}

export function createScriptedApp(tools: ScriptedTool[], teams: ScriptedTeam[], log: ExecutionLog[] = []): AppDefinition {
  const counts = new Map<string, number>();
  const registry = new ToolRegistry();
  for (const t of tools) {
    const def: ToolDefinition = {
      name: t.name, description: `scripted ${t.name}`, readOnly: true, timeoutMs: t.timeoutMs ?? 1000, fallbacks: t.fallbacks ?? [],
      inputSchema: z.object({}).passthrough(), outputSchema: anyOutput,
      async run(input, ctx) {
        const n = (counts.get(t.name) ?? 0) + 1;
        counts.set(t.name, n);
        const entry: ExecutionLog = { tool: t.name, start: Date.now(), end: 0, ok: false };
        log.push(entry);
        try {
          const out = await t.behaviour(n, input as Record<string, unknown>, ctx.signal);
          entry.ok = true;
          return out;
        } finally {
          entry.end = Date.now();
        }
      },
    };
    registry.register(def);
  }
  const teamRegistry = new TeamRegistry();
  for (const team of teams) {
    const def: TeamDefinition = {
      name: team.name, title: { ko: team.name, en: team.name }, tools: tools.map((t) => t.name),
      proposeTools: (step) => team.requests(step.step_id).map((r) => ({ ...r, team: team.name, stepId: step.step_id })),
      summarize: (step, outputs, missing) => ({ team: team.name, stepId: step.step_id, outputs, missing, quality: missing.length ? 0.5 : 1 }),
    };
    teamRegistry.register(def);
  }
  const planner: Planner = {
    kind: "rules",
    async plan(_input: PlanInput): Promise<PlanningState> {
      return {
        intent: W1_INTENT, aspects: [], questionType: "other", intent_confidence: 1, keywords: [], entities: {}, language: "en", source: "rules", reasoning: "scripted",
        execution_steps: teams.map((t) => newStep(`step_${t.name}`, t.name, `${t.name} step`, [], (t.dependsOn ?? []).map((d) => `step_${d}`))),
      };
    },
  };
  const w1 = createW1App({ latencyMs: 0 });
  return { name: "scripted", tools: registry, teams: teamRegistry, vocabulary: w1Vocabulary, rules: { planner, orchestrator: new RulesOrchestrator(), responder: w1.rules.responder } };
}
