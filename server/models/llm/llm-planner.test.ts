// The LLM planner and the call machinery (repair, retry, timeout, cancellation) against the fake
// OpenAI-compatible server over real HTTP, in both wire APIs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "../../../test/fake-openai/server";
import type { LlmUsage } from "../types";
import { LlmPlanner } from "./llm-planner";
import { entityFieldList } from "./schemas";
import { API_MODES, RecordingRulesPlanner, testConfig, testTeams, testVocabulary } from "./test-fixtures";

const goodPlan = {
  intent: "MARKET_INQUIRY", intent_confidence: 0.86, aspects: ["market"], question_type: "amount",
  language: "ko", keywords: ["마포구", "아파트", "시세"],
  entities: { region: "마포구", propertyType: "apartment", price: null, areaM2: 84 },
  steps: [
    { team: "search", description: "마포구 아파트 실거래가 조회", tools: ["market_data"], depends_on: [] },
    { team: "analysis", description: "시세 분석", tools: ["market_data"], depends_on: ["search"] },
  ],
  reasoning: "Asks for apartment prices in a district.",
};
const query = "마포구 84㎡ 아파트 시세 알려줘";

let fake: FakeOpenAI;
beforeAll(async () => { fake = await startFakeOpenAI(); });
afterAll(async () => { await fake.close(); });
beforeEach(() => { fake.reset(); });

function setup(overrides: Parameters<typeof testConfig>[1] = {}) {
  const rules = new RecordingRulesPlanner();
  const usage: LlmUsage[] = [];
  const planner = new LlmPlanner(testConfig(fake.url, overrides), rules, testVocabulary, (u) => usage.push(u));
  return { rules, usage, planner };
}

describe.each(API_MODES)("LlmPlanner over %s", (apiMode) => {
  it("takes the model's plan, validated, with the prompt's name and version", async () => {
    const { planner, rules, usage } = setup({ apiMode });
    fake.script(apiMode, { text: JSON.stringify(goodPlan), usage: { input: 321, output: 45 } });
    const plan = await planner.plan({ query, userId: "u1", teams: testTeams });
    expect(plan.source).toBe("llm");
    expect(plan.prompt).toEqual({ name: "plan", version: "3" });
    expect(plan.intent).toBe("MARKET_INQUIRY");
    expect(plan.aspects).toEqual(["market"]);
    expect(plan.questionType).toBe("amount");
    expect(plan.entities).toEqual({ region: "마포구", propertyType: "apartment", areaM2: 84 });
    expect(plan.execution_steps.map((s) => [s.step_id, s.team, s.depends_on, s.status])).toEqual([
      ["step_1", "search", [], "pending"], ["step_2", "analysis", ["step_1"], "pending"],
    ]);
    expect(rules.calls).toBe(0);
    expect(usage).toEqual([{ decision: "plan", model: "fake-plan", inputTokens: 321, outputTokens: 45, ok: true }]);
    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0];
    expect(req.route).toBe(apiMode);
    expect(req.promptName).toBe("plan");
    expect(req.text).toContain(query);
    // The prompt asks for every aspect and the question type, naming their vocabularies.
    expect(req.text).toContain("aspects");
    expect(req.text).toContain("legal, market, loan, contract, risk");
    expect(req.text).toContain("definition, permissibility, amount, procedure");
    // Structured output: the zod schema travels as a JSON schema in the request.
    const format = apiMode === "chat" ? (req.body.response_format as { type: string }) : ((req.body.text as { format: { type: string } }).format);
    expect(format.type).toBe("json_schema");
  });
});

describe("LlmPlanner: invalid output and repair", () => {
  it("repairs JSON that fails the schema, sending the validation error back", async () => {
    const { planner, rules, usage } = setup();
    fake.script("chat", { text: JSON.stringify({ ...goodPlan, intent: "SHOPPING" }) }, { text: JSON.stringify(goodPlan) });
    const plan = await planner.plan({ query, userId: "u1", teams: testTeams });
    expect(plan.source).toBe("llm");
    expect(rules.calls).toBe(0);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1].text).toContain("Your previous answer was rejected");
    expect(fake.requests[1].text).toContain("intent");
    expect(fake.requests[1].text).toContain("SHOPPING"); // the bad answer is shown back as the assistant turn
    expect(usage).toHaveLength(1); // one decision, one report
    expect(usage[0].ok).toBe(true);
  });

  it("falls back to the rules with llm_invalid_output when the repair fails too", async () => {
    const { planner, rules, usage } = setup();
    fake.script("chat", { text: JSON.stringify({ ...goodPlan, intent: "SHOPPING" }) }, { text: JSON.stringify({ ...goodPlan, intent_confidence: 7 }) });
    const plan = await planner.plan({ query, userId: "u1", teams: testTeams });
    expect(plan.source).toBe("rules");
    expect(plan.fallbackReason).toBe("llm_invalid_output");
    expect(rules.calls).toBe(1);
    expect(fake.requests).toHaveLength(2);
    expect(usage).toEqual([expect.objectContaining({ decision: "plan", ok: false })]);
  });

  it("treats malformed JSON as invalid output", async () => {
    const { planner } = setup();
    fake.script("chat", { text: '{"intent": "MARKET_INQUIRY", "steps": [' }, { text: "Sure! Here is the plan: none" });
    const plan = await planner.plan({ query, userId: "u1", teams: testTeams });
    expect(plan.fallbackReason).toBe("llm_invalid_output");
    expect(fake.requests).toHaveLength(2);
  });

  it("rejects a team or tool the runtime does not have (untrusted output)", async () => {
    const { planner } = setup();
    const badTeam = { ...goodPlan, steps: [{ team: "hackers", description: "x", tools: [], depends_on: [] }] };
    const badTool = { ...goodPlan, steps: [{ team: "analysis", description: "x", tools: ["rm_rf"], depends_on: [] }] };
    fake.script("chat", { text: JSON.stringify(badTeam) }, { text: JSON.stringify(badTool) });
    const plan = await planner.plan({ query, userId: "u1", teams: testTeams });
    expect(plan.fallbackReason).toBe("llm_invalid_output");
    expect(fake.requests[1].text).toContain('unknown team "hackers"');
  });

  it("accepts JSON wrapped in a code fence, as local models often answer", async () => {
    const { planner } = setup();
    fake.script("chat", { text: "```json\n" + JSON.stringify(goodPlan) + "\n```" });
    const plan = await planner.plan({ query, userId: "u1", teams: testTeams });
    expect(plan.source).toBe("llm");
    expect(fake.requests).toHaveLength(1);
  });
});

describe("LlmPlanner: aspects and question type", () => {
  const compound = {
    ...goodPlan, intent: "COMPREHENSIVE", aspects: ["market", "loan", "legal"], question_type: "other",
    steps: [
      { team: "search", description: "시세와 법령", tools: ["market_data", "legal_search"], depends_on: [] },
      { team: "analysis", description: "분석", tools: ["market_data"], depends_on: ["search"] },
    ],
  };

  it("keeps every aspect of a compound question", async () => {
    const { planner, rules } = setup();
    fake.script("chat", { text: JSON.stringify(compound) });
    const plan = await planner.plan({ query: "마포 전세 4억 적정한지, 대출 얼마나, 보증금 지키는 법", userId: "u1", teams: testTeams });
    expect(plan.source).toBe("llm");
    expect(plan.aspects).toEqual(["market", "loan", "legal"]);
    expect(plan.questionType).toBe("other");
    expect(rules.calls).toBe(0);
  });

  it("sends back a COMPREHENSIVE plan with one aspect, and a housing plan without aspects, for repair", async () => {
    const { planner } = setup();
    fake.script("chat", { text: JSON.stringify({ ...compound, aspects: ["market"] }) }, { text: JSON.stringify({ ...goodPlan, aspects: [] }) });
    const plan = await planner.plan({ query, userId: "u1", teams: testTeams });
    expect(fake.requests[1].text).toContain("two or more aspects");
    expect(plan.source).toBe("rules");
    expect(plan.fallbackReason).toBe("llm_invalid_output");
  });

  it("rejects an unknown aspect or question type, and a plan without them (schema)", async () => {
    const { planner } = setup();
    const { aspects: _a, question_type: _q, ...bare } = goodPlan;
    fake.script("chat", { text: JSON.stringify({ ...goodPlan, aspects: ["weather"] }) }, { text: JSON.stringify(bare) });
    const plan = await planner.plan({ query, userId: "u1", teams: testTeams });
    expect(fake.requests[1].text).toContain("weather");
    expect(plan.fallbackReason).toBe("llm_invalid_output");
  });

  it("gives an IRRELEVANT plan no aspects and type other, whatever the model wrote", async () => {
    const { planner } = setup();
    fake.script("chat", { text: JSON.stringify({ ...goodPlan, intent: "IRRELEVANT", aspects: ["market"], question_type: "amount", steps: [] }) });
    const plan = await planner.plan({ query: "오늘 날씨 어때?", userId: "u1", teams: testTeams });
    expect(plan.source).toBe("llm");
    expect(plan.aspects).toEqual([]);
    expect(plan.questionType).toBe("other");
    expect(plan.execution_steps).toEqual([]);
  });

  it("falls back to the rules planner's aspects and question type when the model fails", async () => {
    const { planner } = setup();
    fake.script("chat", { status: 400 });
    const plan = await planner.plan({ query, userId: "u1", teams: testTeams });
    expect(plan.source).toBe("rules");
    expect(plan.fallbackReason).toBe("llm_error");
    expect(plan.aspects.length).toBeGreaterThan(0);
  });
});

describe("LlmPlanner: transport failures", () => {
  it("retries a 500 and succeeds", async () => {
    const { planner } = setup();
    fake.script("chat", { status: 500 }, { text: JSON.stringify(goodPlan) });
    const plan = await planner.plan({ query, userId: "u1", teams: testTeams });
    expect(plan.source).toBe("llm");
    expect(fake.requests).toHaveLength(2);
  });

  it("gives up after the retries when the 5xx persists → llm_error", async () => {
    const { planner, usage } = setup();
    fake.script("chat", { status: 500 }, { status: 502 }, { status: 503 });
    const plan = await planner.plan({ query, userId: "u1", teams: testTeams });
    expect(plan.source).toBe("rules");
    expect(plan.fallbackReason).toBe("llm_error");
    expect(fake.requests).toHaveLength(3); // 1 + maxTransientRetries
    expect(usage[0].ok).toBe(false);
  });

  it("does not retry a 400", async () => {
    const { planner } = setup();
    fake.script("chat", { status: 400 });
    const plan = await planner.plan({ query, userId: "u1", teams: testTeams });
    expect(plan.fallbackReason).toBe("llm_error");
    expect(fake.requests).toHaveLength(1);
  });

  it("waits for retry-after on a 429, then succeeds", async () => {
    const { planner } = setup();
    fake.script("chat", { status: 429, headers: { "retry-after": "1" } }, { text: JSON.stringify(goodPlan) });
    const started = Date.now();
    const plan = await planner.plan({ query, userId: "u1", teams: testTeams });
    const elapsed = Date.now() - started;
    expect(plan.source).toBe("llm");
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(fake.requests).toHaveLength(2);
  });

  it("refuses to wait for a retry-after longer than allowed → llm_error", async () => {
    const { planner } = setup({ maxRetryAfterMs: 2000 });
    fake.script("chat", { status: 429, headers: { "retry-after": "120" } });
    const started = Date.now();
    const plan = await planner.plan({ query, userId: "u1", teams: testTeams });
    expect(plan.fallbackReason).toBe("llm_error");
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("times out a hanging server → llm_timeout", async () => {
    const { planner, rules } = setup({ timeoutMs: 300 });
    fake.script("chat", { hang: true });
    const started = Date.now();
    const plan = await planner.plan({ query, userId: "u1", teams: testTeams });
    expect(plan.source).toBe("rules");
    expect(plan.fallbackReason).toBe("llm_timeout");
    expect(rules.calls).toBe(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("is cancelled by the run's signal: the abort propagates, no fallback", async () => {
    const { planner, rules } = setup({ timeoutMs: 5000 });
    fake.script("chat", { hang: true });
    const run = new AbortController();
    setTimeout(() => run.abort(new Error("run cancelled")), 150);
    await expect(planner.plan({ query, userId: "u1", teams: testTeams, signal: run.signal })).rejects.toThrow("run cancelled");
    expect(rules.calls).toBe(0);
  });
});

describe("the plan prompt's field list", () => {
  it("is read off the app's entity schema, enums and nested objects included", () => {
    const fields = entityFieldList(testVocabulary.entitiesSchema);
    expect(fields.split(", ")[0]).toBe("region");
    expect(fields).toContain("propertyType (apartment|officetel|villa|house|commercial)");
    expect(fields).toContain("buyerProfile {firstHome, newlywed, youth, age, homeless, children}");
    expect(fields.endsWith("contractText, amounts")).toBe(true);
  });
});
