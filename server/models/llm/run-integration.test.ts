// Whole runs with LLM decisions against the fake OpenAI server (demo script): at most three model
// calls per run (two on a strategy-cache hit), LLM sources recorded, the answer streamed as deltas.
import { beforeEach, describe, expect, it } from "vitest";
import { withDemoModel } from "../../../test/fake-openai/demo-env";
import { createTestUser, testDatabase } from "../../../test/db";
import { collectRunEvents } from "../../../test/events";
import { runTurn } from "../../supervisor/service";

const FLAGS = { orchestrator: true, llm_decisions: true, memory_learning: false, strategy_cache: false };
const QUESTION = "마포구 아파트 매매 시세가 궁금해요. 84㎡ 기준으로 알려주세요.";
const fake = withDemoModel();
beforeEach(() => { fake().reset(); });

describe("runs with LLM decisions", () => {
  it("makes exactly three model calls (plan, orchestrate, respond) and streams the answer in order", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    const summary = await runTurn(database, { userId, message: QUESTION, flagOverrides: FLAGS });
    expect(summary.status).toBe("completed");
    expect(fake().requests.map((r) => r.promptName)).toEqual(["plan", "orchestrate", "respond"]);
    expect(summary.llmCalls).toBe(3);
    expect(summary.llmTokens).toBeGreaterThan(0);
    const sources = summary.decisions.map((d) => d.source);
    expect(sources).toContain("llm");
    expect(summary.decisions.every((d) => !d.fallbackReason)).toBe(true);
    expect(summary.answer).toContain("데모 모델"); // the demo script answers in the question's language

    const events = await collectRunEvents(database, summary.runId);
    const deltas = events.flatMap((e) => (e.type === "answer_delta" ? [e.delta] : []));
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join("")).toBe(summary.answer);
    const plan = events.find((e) => e.type === "plan_ready");
    expect(plan && plan.type === "plan_ready" && plan.source).toBe("llm");
  });

  it("falls back to the rules per decision when the model misbehaves, still within three calls", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    // plan: invalid twice (decision + its repair) → rules; orchestrate and respond: the demo script.
    fake().script("any", { text: "{\"intent\": \"NOPE\"}" }, { text: "not json" });
    const summary = await runTurn(database, { userId, message: QUESTION, flagOverrides: FLAGS });
    expect(summary.status).toBe("completed");
    expect(fake().requests.map((r) => r.promptName)).toEqual(["plan", "plan", "orchestrate", "respond"]);
    expect(summary.llmCalls).toBe(3); // the repair is counted inside its decision
    expect(summary.decisions.some((d) => d.fallbackReason === "llm_invalid_output")).toBe(true);
  });

  it("makes two model calls when the strategy cache answers the orchestration", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    const flags = { ...FLAGS, memory_learning: true, strategy_cache: true };
    const first = await runTurn(database, { userId, message: QUESTION, flagOverrides: flags });
    expect(first.status).toBe("completed");
    fake().requests.length = 0;
    const second = await runTurn(database, { userId, message: QUESTION, flagOverrides: flags });
    expect(second.status).toBe("completed");
    expect(second.decisions.some((d) => d.source === "cache")).toBe(true);
    expect(fake().requests.map((r) => r.promptName)).toEqual(["plan", "respond"]);
    expect(second.llmCalls).toBe(2);
  });
});
