// Shared fixtures for the LLM decision tests: a config pointing at the fake server, a small tool
// catalogue, a plan, and stand-ins for the rules deciders that record when they were asked.
import { z } from "zod";
import type { ToolDefinition } from "../../tools/types";
import type { PlanningState } from "../../state/types";

/** The decision tests speak housing: its intents and entities are what the fake model answers in. */
export { housingVocabulary as testVocabulary } from "../../apps/housing/types";
import type { Answer, PlanInput, Planner, Responder, RespondInput } from "../types";
import type { ApiMode, LlmConfig } from "./config";

export function testConfig(baseURL: string, overrides: Partial<LlmConfig> = {}): LlmConfig {
  return {
    apiKey: "test-key", baseURL, apiMode: "chat",
    models: { plan: "fake-plan", orchestrate: "fake-orchestrate", respond: "fake-respond" },
    timeoutMs: 3000, maxTransientRetries: 2, backoffInitialMs: 10, maxRetryAfterMs: 5000,
    ...overrides,
  };
}

export const API_MODES: ApiMode[] = ["chat", "responses"];

function tool(def: Pick<ToolDefinition, "name" | "description" | "inputSchema" | "readOnly" | "fallbacks">): ToolDefinition {
  return {
    ...def, outputSchema: z.unknown(), timeoutMs: 3000,
    run: async () => { throw new Error(`${def.name} is never run by decision tests`); },
  };
}

export const testCatalogue: ToolDefinition[] = [
  tool({ name: "legal_search", description: "Search lease-law articles", readOnly: true, fallbacks: [],
    inputSchema: z.object({ query: z.string().min(1), limit: z.number().int().min(1).max(10).optional() }) }),
  tool({ name: "market_data", description: "Recent transactions in a district", readOnly: true, fallbacks: ["market_summary"],
    inputSchema: z.object({ region: z.string().min(1), propertyType: z.enum(["apartment", "officetel"]).optional() }) }),
  tool({ name: "market_summary", description: "District price summary (cached)", readOnly: true, fallbacks: [],
    inputSchema: z.object({ region: z.string().min(1) }) }),
  tool({ name: "contract_draft", description: "Draft a lease contract", readOnly: false, fallbacks: [],
    inputSchema: z.object({ deposit: z.number().int().positive() }) }),
];

export const testTeams = [
  { name: "search", tools: ["legal_search", "market_data", "market_summary"] },
  { name: "analysis", tools: ["market_data"] },
  { name: "document", tools: ["contract_draft"] },
];

function step(id: string, team: string, dependsOn: string[] = []): PlanningState["execution_steps"][number] {
  return {
    step_id: id, team, description: `${team} work`, tools: [], depends_on: dependsOn, status: "pending",
    progress_percentage: 0, started_at: null, completed_at: null, execution_time_ms: null, result: null, error: null,
  };
}

export const testPlanning: PlanningState = {
  intent: "MARKET_INQUIRY", aspects: ["market"], questionType: "amount", intent_confidence: 0.9, keywords: ["마포구", "시세"], entities: { region: "마포구" },
  language: "ko", execution_steps: [step("step_1", "search"), step("step_2", "analysis", ["step_1"])],
  source: "rules", reasoning: "fixture",
};

/** Stands in for the rules planner: a fixed plan, and a count of how often the LLM fell back to it. */
export class RecordingRulesPlanner implements Planner {
  readonly kind = "rules" as const;
  calls = 0;
  async plan(_input: PlanInput): Promise<PlanningState> {
    this.calls++;
    return { ...testPlanning, reasoning: "rules plan" };
  }
}

/** Stands in for the rules responder: a fixed answer streamed in two deltas. */
export class RecordingRulesResponder implements Responder {
  readonly kind = "rules" as const;
  calls = 0;
  async respond(input: RespondInput): Promise<Answer> {
    this.calls++;
    await input.onDelta?.("rules ");
    await input.onDelta?.("answer");
    return { answer: "rules answer", sources: [], source: "rules" };
  }
}
