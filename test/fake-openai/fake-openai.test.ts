// The fake OpenAI server itself: routes, recording, scripted failures on the wire, and the demo
// script that answers each decision's prompt plausibly (what the e2e and demos rely on).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlmOrchestrator } from "../../server/models/llm/llm-orchestrator";
import { LlmPlanner } from "../../server/models/llm/llm-planner";
import { RecordingRulesPlanner, testCatalogue, testConfig, testTeams, testVocabulary } from "../../server/models/llm/test-fixtures";
import { RulesOrchestrator } from "../../server/orchestrator/rules-orchestrator";
import { demoResponse } from "./demo-script";
import { startFakeOpenAI, type FakeOpenAI } from "./server";

let fake: FakeOpenAI;
beforeAll(async () => { fake = await startFakeOpenAI({ respond: demoResponse }); });
afterAll(async () => { await fake.close(); });

const post = (path: string, body: string) => fetch(`${fake.url}${path}`, { method: "POST", body, headers: { "content-type": "application/json" } });

describe("fake OpenAI server", () => {
  it("answers chat completions as JSON, records the request and reads the prompt marker", async () => {
    fake.script("chat", { text: "hello", usage: { input: 3, output: 1 } });
    const res = await post("/chat/completions", JSON.stringify({ model: "m", messages: [{ role: "user", content: "[prompt:plan@7]\nhi" }] }));
    expect(res.status).toBe(200);
    const json = await res.json() as { choices: { message: { content: string } }[]; usage: { prompt_tokens: number } };
    expect(json.choices[0].message.content).toBe("hello");
    expect(json.usage.prompt_tokens).toBe(3);
    const req = fake.requests.at(-1)!;
    expect(req).toMatchObject({ route: "chat", model: "m", stream: false, promptName: "plan", promptVersion: "7" });
  });

  it("plays scripted statuses with headers, raw bodies, and refuses unknown routes and non-JSON bodies", async () => {
    fake.script("responses", { status: 429, headers: { "retry-after": "2" } }, { rawBody: "{not json" });
    const limited = await post("/responses", JSON.stringify({ model: "m", input: "x" }));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
    const raw = await post("/responses", JSON.stringify({ model: "m", input: "x" }));
    expect(await raw.text()).toBe("{not json");
    expect((await post("/embeddings", "{}")).status).toBe(404);
    expect((await post("/chat/completions", "nope")).status).toBe(400);
  });

  it("streams chat chunks as SSE ending in [DONE]", async () => {
    fake.script("chat", { text: "abcdefghijklmnopqrstuvwxyz", chunks: ["abc", "def"] });
    const res = await post("/chat/completions", JSON.stringify({ model: "m", stream: true, messages: [{ role: "user", content: "x" }] }));
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const text = await res.text();
    const contents = [...text.matchAll(/"content":"([^"]*)"/g)].map((m) => m[1]);
    expect(contents).toEqual(["abc", "def"]);
    expect(text.trim().endsWith("data: [DONE]")).toBe(true);
  });
});

describe("demo script", () => {
  it("plans like the rules and orchestrates every requested call, through the real LLM deciders", async () => {
    const planner = new LlmPlanner(testConfig(fake.url), new RecordingRulesPlanner(), testVocabulary);
    const plan = await planner.plan({ query: "마포구 아파트 시세 알려줘", userId: "u", teams: testTeams });
    expect(plan.source).toBe("llm");
    expect(plan.entities.region).toBe("마포구");

    const orchestrator = new LlmOrchestrator(testConfig(fake.url), new RulesOrchestrator());
    const decision = await orchestrator.orchestrate({
      query: "q", planning: plan,
      requests: plan.execution_steps.map((s) => ({ team: s.team, stepId: s.step_id, tool: "market_summary", args: { region: "마포구" } })),
      catalogue: testCatalogue, preferences: [], patterns: [], flags: {}, concurrencyLimit: 4,
    });
    expect(decision.source).toBe("llm");
    expect(decision.calls).toHaveLength(1);
  });

  it("answers an unmarked request with a 400 so a wiring mistake shows", async () => {
    const res = await post("/chat/completions", JSON.stringify({ model: "m", messages: [{ role: "user", content: "no marker" }] }));
    expect(res.status).toBe(400);
  });
});
