// The LLM orchestrator against the fake server: the prompt carries the catalogue and the learned
// statistics; the answer becomes a full decision through the rules' own tool-plan keying.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "../../../test/fake-openai/server";
import { RulesOrchestrator } from "../../orchestrator/rules-orchestrator";
import { buildToolPlan } from "../../orchestrator/tool-plan";
import type { ToolRequest } from "../../tools/types";
import type { LlmUsage, OrchestrationInput } from "../types";
import { LlmOrchestrator } from "./llm-orchestrator";
import { API_MODES, testCatalogue, testConfig, testPlanning } from "./test-fixtures";

const planning = {
  ...testPlanning,
  execution_steps: [...testPlanning.execution_steps, { ...testPlanning.execution_steps[0], step_id: "step_3", team: "document" }],
};
const requests: ToolRequest[] = [
  { team: "search", stepId: "step_1", tool: "legal_search", args: { query: "계약갱신청구권" }, required: true },
  { team: "search", stepId: "step_1", tool: "market_data", args: { region: "마포구" } },
  { team: "analysis", stepId: "step_2", tool: "market_data", args: { region: "마포구" } },
  { team: "document", stepId: "step_3", tool: "contract_draft", args: { deposit: 300_000_000 } },
];

function input(overrides: Partial<OrchestrationInput> = {}): OrchestrationInput {
  return {
    query: "마포구 아파트 전세 시세와 갱신 요구권", planning, requests, catalogue: testCatalogue,
    preferences: [{ scope: "user", tool: "market_data", intent: "MARKET_INQUIRY", successRate: 0.42, avgLatencyMs: 2300, count: 12, lastError: "market_data: upstream timeout" }],
    patterns: [{
      runId: null, intent: "MARKET_INQUIRY", queryPattern: "{region} 아파트 시세", strategy: "adaptive", success: true, durationMs: 1800,
      tools: [{ tool: "market_data", outcome: "fell_back", latencyMs: 1500 }], createdAt: "2026-11-20T10:00:00.000Z",
    }],
    flags: {}, concurrencyLimit: 4, ...overrides,
  };
}

let fake: FakeOpenAI;
beforeAll(async () => { fake = await startFakeOpenAI(); });
afterAll(async () => { await fake.close(); });
beforeEach(() => { fake.reset(); });

function setup(apiMode: "chat" | "responses" = "chat") {
  const usage: LlmUsage[] = [];
  return { usage, orchestrator: new LlmOrchestrator(testConfig(fake.url, { apiMode }), new RulesOrchestrator(), (u) => usage.push(u)) };
}

const answer = (value: unknown) => ({ text: JSON.stringify(value) });

describe.each(API_MODES)("LlmOrchestrator over %s", (apiMode) => {
  it("sends the catalogue, the plan, the requests and the learned statistics in one prompt", async () => {
    const { orchestrator, usage } = setup(apiMode);
    fake.script(apiMode, answer({
      strategy: "adaptive", confidence: 0.7, reasoning: "market_data is flaky for this user",
      calls: [{ request: "r1" }, { request: "r2", retries: 3, timeoutMs: 4000 }, { request: "r3" }, { request: "r4", retries: 2 }],
    }));
    const decision = await orchestrator.orchestrate(input());
    const prompt = fake.requests[0].text;
    expect(fake.requests[0].promptName).toBe("orchestrate");
    for (const tool of testCatalogue) {
      expect(prompt).toContain(`"name": "${tool.name}"`);
      expect(prompt).toContain(tool.description);
    }
    expect(prompt).toContain('"officetel"'); // market_data's input JSON Schema (an enum value)
    expect(prompt).toContain('"market_summary"'); // its fallback
    expect(prompt).toContain("market_data (user, intent MARKET_INQUIRY): success 42%, avg 2300 ms over 12 runs, last error: market_data: upstream timeout");
    expect(prompt).toContain('"{region} 아파트 시세": adaptive, succeeded in 1800 ms; tools: market_data=fell_back');
    expect(prompt).toContain('r2: {"team":"search","tool":"market_data"');
    expect(prompt).toContain('"step_id": "step_3"');

    expect(decision.source).toBe("llm");
    expect(decision.prompt).toEqual({ name: "orchestrate", version: "1" });
    expect(decision.strategy).toBe("adaptive");
    expect(usage).toEqual([expect.objectContaining({ decision: "orchestrate", model: "fake-orchestrate", ok: true })]);
  });
});

describe("LlmOrchestrator: building the decision", () => {
  it("merges and keys calls exactly like the rules, with the model's bounded policies", async () => {
    const { orchestrator } = setup();
    fake.script("chat", answer({
      strategy: "parallel", confidence: 0.8, reasoning: "independent calls",
      calls: [{ request: "r1" }, { request: "r2", retries: 3, timeoutMs: 4000, reasoning: "flaky" }, { request: "r3" }, { request: "r4", retries: 2 }],
    }));
    const decision = await orchestrator.orchestrate(input());
    const rules = await new RulesOrchestrator().orchestrate(input());
    expect(decision.calls.map((c) => c.key).sort()).toEqual(buildToolPlan(requests, testCatalogue).calls.map((c) => c.key).sort());
    // The rules orchestrator keys the same requests identically (calls memory did not reroute).
    const keys = new Set(decision.calls.map((c) => c.key));
    for (const c of rules.calls.filter((c) => !c.substitutedFor)) expect(keys.has(c.key)).toBe(true);
    expect(decision.duplicatesAvoided).toBe(1);
    const market = decision.calls.find((c) => c.tool === "market_data")!;
    expect(market.teams.sort()).toEqual(["analysis", "search"]);
    expect(market.policy.retries).toBe(3);
    expect(market.policy.timeoutMs).toBe(4000);
    expect(market.reasoning).toBe("flaky");
    // contract_draft is not read-only: never retried, whatever the model says.
    expect(decision.calls.find((c) => c.tool === "contract_draft")!.policy.retries).toBe(0);
    expect(decision.concurrencyLimit).toBe(4);
  });

  it("lets the model swap a flaky tool for its fallback and records the substitution", async () => {
    const { orchestrator } = setup();
    fake.script("chat", answer({
      strategy: "parallel", confidence: 0.75, reasoning: "market_data fails for this user: use the summary",
      calls: [{ request: "r1" }, { tool: "market_summary", args: { region: "마포구" }, team: "search", reasoning: "42% success" }, { request: "r4" }],
    }));
    const decision = await orchestrator.orchestrate(input());
    expect(decision.source).toBe("llm");
    expect(decision.calls.map((c) => c.tool).sort()).toEqual(["contract_draft", "legal_search", "market_summary"]);
    expect(decision.calls.find((c) => c.tool === "market_summary")!.substitutedFor).toBe("market_data");
    expect(decision.memoryNotes).toContain("LLM left out market_data for analysis");
  });

  it("keeps parallel execution off when the flag says so", async () => {
    const { orchestrator } = setup();
    fake.script("chat", answer({ strategy: "parallel", confidence: 0.9, reasoning: "go", calls: [{ request: "r1" }, { request: "r2" }] }));
    const decision = await orchestrator.orchestrate(input({ flags: { parallel_execution: { value: false, reason: "override" } } }));
    expect(decision.strategy).toBe("sequential");
    expect(decision.concurrencyLimit).toBe(1);
  });
});

describe("LlmOrchestrator: untrusted output", () => {
  it("repairs an unknown tool, telling the model what is wrong", async () => {
    const { orchestrator } = setup();
    fake.script("chat",
      answer({ strategy: "parallel", confidence: 0.9, reasoning: "x", calls: [{ request: "r1" }, { tool: "delete_everything", args: {}, team: "search" }] }),
      answer({ strategy: "parallel", confidence: 0.9, reasoning: "x", calls: [{ request: "r1" }] }));
    const decision = await orchestrator.orchestrate(input());
    expect(decision.source).toBe("llm");
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1].text).toContain('unknown tool "delete_everything"');
  });

  it("falls back to the rules when the args stay invalid (llm_invalid_output)", async () => {
    const { orchestrator, usage } = setup();
    const bad = answer({ strategy: "parallel", confidence: 0.9, reasoning: "x", calls: [{ request: "r1" }, { tool: "market_data", args: { region: 42 }, team: "search" }] });
    fake.script("chat", bad, bad);
    const decision = await orchestrator.orchestrate(input());
    expect(decision.source).toBe("rules");
    expect(decision.fallbackReason).toBe("llm_invalid_output");
    expect(decision.calls.length).toBeGreaterThan(0);
    expect(fake.requests[1].text).toContain("invalid args for market_data");
    expect(usage).toEqual([expect.objectContaining({ ok: false })]);
  });

  it("rejects leaving out a required request, an unknown request id and out-of-bounds retries", async () => {
    const { orchestrator } = setup();
    fake.script("chat",
      answer({ strategy: "parallel", confidence: 0.9, reasoning: "x", calls: [{ request: "r2" }] }),
      answer({ strategy: "parallel", confidence: 0.9, reasoning: "x", calls: [{ request: "r1" }, { request: "r9" }] }));
    const first = await orchestrator.orchestrate(input());
    expect(first.fallbackReason).toBe("llm_invalid_output");
    expect(fake.requests[1].text).toContain("required requests left out: r1 (search/legal_search)");

    fake.requests.length = 0;
    fake.script("chat",
      answer({ strategy: "parallel", confidence: 0.9, reasoning: "x", calls: [{ request: "r1", retries: 9 }] }),
      answer({ strategy: "parallel", confidence: 0.9, reasoning: "x", calls: [{ request: "r1", retries: 1 }] }));
    const second = await orchestrator.orchestrate(input());
    expect(second.source).toBe("llm");
    expect(fake.requests[1].text).toContain("retries");
  });

  it("times out to the rules with llm_timeout", async () => {
    const usage: LlmUsage[] = [];
    const orchestrator = new LlmOrchestrator(testConfig(fake.url, { timeoutMs: 250 }), new RulesOrchestrator(), (u) => usage.push(u));
    fake.script("chat", { hang: true });
    const decision = await orchestrator.orchestrate(input());
    expect(decision.source).toBe("rules");
    expect(decision.fallbackReason).toBe("llm_timeout");
  });
});
