// Workload W1 (shared/bench/W1.md) as an Ensemble app: synthetic tools and teams registered
// through the same registries the housing assistant uses — the runtime does not know the difference.
import { z } from "zod";
import { RulesOrchestrator } from "../../server/orchestrator/rules-orchestrator";
import type { AppDefinition } from "../../server/supervisor/app";
import { newStep } from "../../server/supervisor/state-manager";
import type { PlanningState } from "../../server/state/types";
import type { Answer, Planner, PlanVocabulary, Responder, RespondInput } from "../../server/models/types";
import { TeamRegistry, type TeamDefinition } from "../../server/teams/types";
import { ToolRegistry } from "../../server/tools/registry";
import type { ToolDefinition } from "../../server/tools/types";
import { shortHash } from "../../server/orchestrator/canonical";

export const W1_TEAMS: Record<string, string[]> = {
  search: ["legal_search", "market_data"],
  analysis: ["market_data", "risk_calc"],
  document: ["contract_template", "legal_search"],
};

/** A ~1 KB query, deterministic in the run's index. */
export function w1Query(i: number): string {
  const seed = `w1-query-${i}-`;
  let q = "";
  while (q.length < 1024) q += `${seed}${shortHash(seed + q.length)} `;
  return q.slice(0, 1024);
}

/** ~1 KB: six items of id, score, text derived from the tool name and the query. */
export function w1Payload(tool: string, query: string) {
  const h = shortHash(`${tool}:${query}`);
  return {
    tool,
    items: Array.from({ length: 6 }, (_, i) => ({
      id: `${tool}-${h}-${i}`,
      score: Number(((parseInt(h.slice(i, i + 4), 16) % 1000) / 1000).toFixed(3)),
      text: `${tool} result ${i} for ${h}: ${"lorem ipsum dolor sit amet ".repeat(4).slice(0, 110)}`,
    })),
  };
}

const payloadSchema = z.object({ tool: z.string(), items: z.array(z.object({ id: z.string(), score: z.number(), text: z.string() })) });

/** Executions per tool name, so the benchmark counts what actually ran. */
export type ExecutionCounter = Map<string, number>;

function w1Tool(name: string, latencyMs: number, fallbacks: string[] = [], counter?: ExecutionCounter): ToolDefinition<{ query: string }, z.infer<typeof payloadSchema>> {
  return {
    name, description: `W1 synthetic tool ${name}`, readOnly: true, timeoutMs: 1000, fallbacks,
    inputSchema: z.object({ query: z.string() }), outputSchema: payloadSchema,
    async run(input) {
      counter?.set(name, (counter.get(name) ?? 0) + 1);
      if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
      return w1Payload(name, input.query);
    },
    quality: (o) => (o.items.length > 0 ? 1 : 0),
  };
}

function w1Team(name: string): TeamDefinition {
  return {
    name, title: { ko: name, en: name }, tools: W1_TEAMS[name],
    proposeTools: (step, _planning, query) => step.tools.map((tool) => ({ tool, args: { query }, team: name, stepId: step.step_id, required: true })),
    summarize: (step, outputs, missing) => ({ team: name, stepId: step.step_id, outputs, quality: Object.keys(outputs).length / step.tools.length, missing }),
  };
}

/** W1's one intent: every query is the same synthetic workload. */
export const W1_INTENT = "W1_WORKLOAD";

/** W1's vocabulary: one intent, no entities (its planner is rules only; an LLM would be told this). */
export const w1Vocabulary: PlanVocabulary = {
  intents: [W1_INTENT], noStepIntents: [], entitiesSchema: z.object({}),
  description: "a synthetic benchmark workload (three teams over five tools)",
  aspects: ["workload"], questionTypes: ["other"], multiAspectIntents: [],
  intentGuide: `Always ${W1_INTENT}.`, aspectGuide: "Always workload.", questionTypeGuide: "Always other.",
  entityGuide: "There are no entities.",
};

class W1Planner implements Planner {
  readonly kind = "rules" as const;
  async plan(input: { query: string }): Promise<PlanningState> {
    return {
      intent: W1_INTENT, aspects: ["workload"], questionType: "other", intent_confidence: 1, keywords: [], entities: {}, language: "en", source: "rules",
      reasoning: "W1 always plans the three teams.",
      execution_steps: Object.entries(W1_TEAMS).map(([team, tools]) => newStep(`step_${team}`, team, `${team} team`, tools)),
    };
    void input;
  }
}

class W1Responder implements Responder {
  readonly kind = "rules" as const;
  async respond(input: RespondInput): Promise<Answer> {
    const outputs = input.aggregated?.outputs ?? {};
    const ranked = Object.keys(outputs).sort().map((t, rank) => `${rank + 1}. ${t}`).join(", ");
    let answer = `W1 answer from ${Object.keys(outputs).length} tool results (${ranked}). `;
    while (answer.length < 500) answer += "The aggregated team results are summarised here. ";
    answer = answer.slice(0, 500);
    await input.onDelta?.(answer);
    return { answer, sources: Object.keys(outputs), source: "rules" };
  }
}

export function createW1App(opts: { latencyMs: number; counter?: ExecutionCounter }): AppDefinition {
  const c = opts.counter;
  const tools = new ToolRegistry().register(
    w1Tool("legal_search", opts.latencyMs, [], c),
    w1Tool("market_data", opts.latencyMs, [], c),
    w1Tool("risk_calc", opts.latencyMs, ["risk_calc_basic"], c),
    w1Tool("risk_calc_basic", opts.latencyMs, [], c),
    w1Tool("contract_template", opts.latencyMs, [], c),
  );
  const teams = new TeamRegistry().register(w1Team("search"), w1Team("analysis"), w1Team("document"));
  return { name: "w1", tools, teams, vocabulary: w1Vocabulary, rules: { planner: new W1Planner(), orchestrator: new RulesOrchestrator(), responder: new W1Responder() } };
}
