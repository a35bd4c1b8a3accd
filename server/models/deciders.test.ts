// The provider switch and the LLM configuration: rules unless the flag is on and a model is
// configured; at most three model decisions per run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "../../test/fake-openai/server";
import { RulesOrchestrator } from "../orchestrator/rules-orchestrator";
import { MAX_MODEL_DECISIONS_PER_RUN, resolveDeciders } from "./deciders";
import { readLlmConfig } from "./llm/config";
import { RecordingRulesPlanner, RecordingRulesResponder, testTeams, testVocabulary } from "./llm/test-fixtures";
import type { Deciders, LlmUsage } from "./types";

const on = { llm_decisions: { value: true, reason: "override" as const } };
const off = { llm_decisions: { value: false, reason: "default" as const } };

function rules(): Deciders {
  return { planner: new RecordingRulesPlanner(), orchestrator: new RulesOrchestrator(), responder: new RecordingRulesResponder() };
}

describe("readLlmConfig", () => {
  it("is null without a key and a base URL", () => {
    expect(readLlmConfig({})).toBeNull();
    expect(readLlmConfig({ OPENAI_API_KEY: "  " })).toBeNull();
  });

  it("reads models per decision, the API mode and the timeout", () => {
    const c = readLlmConfig({ OPENAI_BASE_URL: "http://127.0.0.1:11434/v1/", OPENAI_MODEL: "qwen2.5", OPENAI_MODEL_RESPOND: "llama3.1", OPENAI_API_MODE: "responses", OPENAI_TIMEOUT_MS: "5000" })!;
    expect(c.baseURL).toBe("http://127.0.0.1:11434/v1");
    expect(c.apiKey).toBeUndefined();
    expect(c.models).toEqual({ plan: "qwen2.5", orchestrate: "qwen2.5", respond: "llama3.1" });
    expect(c.apiMode).toBe("responses");
    expect(c.timeoutMs).toBe(5000);
    const d = readLlmConfig({ OPENAI_API_KEY: "sk-x" })!;
    expect(d).toMatchObject({ apiMode: "chat", timeoutMs: 20_000, models: { plan: "gpt-4o-mini" } });
  });

  it("says clearly what is wrong with a bad setting", () => {
    expect(() => readLlmConfig({ OPENAI_API_KEY: "k", OPENAI_API_MODE: "completions" })).toThrow(/OPENAI_API_MODE must be "chat" or "responses"/);
    expect(() => readLlmConfig({ OPENAI_API_KEY: "k", OPENAI_TIMEOUT_MS: "soon" })).toThrow(/OPENAI_TIMEOUT_MS/);
    expect(() => readLlmConfig({ OPENAI_BASE_URL: "localhost:8000" })).toThrow(/OPENAI_BASE_URL/);
  });
});

describe("resolveDeciders", () => {
  let fake: FakeOpenAI;
  beforeAll(async () => { fake = await startFakeOpenAI(); });
  afterAll(async () => { await fake.close(); });

  it("uses the rules when the flag is off or no model is configured", () => {
    const r = rules();
    expect(resolveDeciders({ flags: off, rules: r, vocabulary: testVocabulary, env: { OPENAI_API_KEY: "k" } })).toBe(r);
    expect(resolveDeciders({ flags: {}, rules: r, vocabulary: testVocabulary, env: { OPENAI_API_KEY: "k" } })).toBe(r);
    expect(resolveDeciders({ flags: on, rules: r, vocabulary: testVocabulary, env: {} })).toBe(r);
  });

  it("uses the LLM when both say so, and stops after three model decisions per run", async () => {
    const r = rules();
    const usage: LlmUsage[] = [];
    const d = resolveDeciders({ flags: on, rules: r, vocabulary: testVocabulary, onUsage: (u) => usage.push(u), env: { OPENAI_BASE_URL: fake.url, OPENAI_TIMEOUT_MS: "2000" } });
    expect([d.planner.kind, d.orchestrator.kind, d.responder.kind]).toEqual(["llm", "llm", "llm"]);
    // Each model decision is refused (HTTP 400, not retried) and the rules decide.
    fake.script("chat", { status: 400 }, { status: 400 }, { status: 400 });
    for (let i = 0; i < MAX_MODEL_DECISIONS_PER_RUN; i++) {
      const plan = await d.planner.plan({ query: "전세 계약", userId: "u1", teams: testTeams });
      expect(plan.fallbackReason).toBe("llm_error");
    }
    const requestsBefore = fake.requests.length;
    const fourth = await d.planner.plan({ query: "전세 계약", userId: "u1", teams: testTeams });
    expect(fourth.source).toBe("rules");
    expect(fourth.fallbackReason).toBe("llm_budget_exhausted");
    expect(fake.requests.length).toBe(requestsBefore);
    expect(usage).toHaveLength(MAX_MODEL_DECISIONS_PER_RUN);
  });
});
