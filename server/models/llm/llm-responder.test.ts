// The streamed LLM answer against the fake server: deltas arrive in order and add up to the
// answer, in both wire APIs; repair, timeouts mid-stream and sources are handled safely.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "../../../test/fake-openai/server";
import type { AggregatedResults } from "../../supervisor/types";
import type { LlmUsage, RespondInput } from "../types";
import { LlmResponder, STREAM_BREAK } from "./llm-responder";
import { API_MODES, RecordingRulesResponder, testConfig, testPlanning } from "./test-fixtures";

const aggregated: AggregatedResults = {
  intent: "MARKET_INQUIRY", language: "ko", entities: { region: "마포구" },
  outputs: { market_data: { region: "마포구", medianPrice: 1_350_000_000, count: 42 } },
  missing: [], degraded: false,
};
const answerText = "마포구 아파트 중위 매매가는 **13억 5천만원**입니다.\n\n- 거래 42건 기준\n- \"일반 정보\"이며 법률 자문이 아닙니다.";

let fake: FakeOpenAI;
beforeAll(async () => { fake = await startFakeOpenAI(); });
afterAll(async () => { await fake.close(); });
beforeEach(() => { fake.reset(); });

function setup(overrides: Parameters<typeof testConfig>[1] = {}) {
  const rules = new RecordingRulesResponder();
  const usage: LlmUsage[] = [];
  const deltas: string[] = [];
  const responder = new LlmResponder(testConfig(fake.url, overrides), rules, (u) => usage.push(u));
  const input: RespondInput = { query: "마포구 아파트 시세", planning: testPlanning, aggregated, onDelta: (d) => { deltas.push(d); } };
  return { rules, usage, deltas, responder, input };
}

/** The JSON answer cut into small pieces, the way a model streams it. */
function streamedJson(value: unknown, size = 7): { text: string; chunks: string[] } {
  const text = JSON.stringify(value);
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return { text, chunks };
}

describe.each(API_MODES)("LlmResponder over %s", (apiMode) => {
  it("streams the answer's text to onDelta, in order, as it arrives", async () => {
    const { responder, input, deltas, usage } = setup({ apiMode });
    const arrivals: number[] = [];
    input.onDelta = (d) => { deltas.push(d); arrivals.push(Date.now()); };
    fake.script(apiMode, { ...streamedJson({ answer: answerText, sources: ["market_data", "made-up source"] }), chunkDelayMs: 15 });
    const result = await responder.respond(input);
    expect(result.source).toBe("llm");
    expect(result.answer).toBe(answerText);
    expect(result.prompt).toEqual({ name: "respond", version: "1" });
    expect(result.sources).toEqual(["market_data"]); // an untraceable source is dropped
    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.join("")).toBe(answerText);
    expect(deltas.every((d) => !d.includes('"answer"'))).toBe(true); // the JSON wrapper never leaks
    expect(arrivals[arrivals.length - 1] - arrivals[0]).toBeGreaterThan(50); // delivered while streaming, not at the end
    expect(fake.requests[0].stream).toBe(true);
    expect(fake.requests[0].route).toBe(apiMode);
    expect(fake.requests[0].promptName).toBe("respond");
    expect(fake.requests[0].text).toContain("medianPrice");
    expect(usage).toEqual([expect.objectContaining({ decision: "respond", model: "fake-respond", ok: true })]);
    expect(usage[0].outputTokens).toBeGreaterThan(0);
  });
});

describe("LlmResponder: failures", () => {
  it("repairs a plain-text answer (nothing streamed yet) and streams the repaired one", async () => {
    const { responder, input, deltas, rules } = setup();
    fake.script("chat", { text: "마포구 시세는 13억입니다." }, streamedJson({ answer: answerText, sources: [] }));
    const result = await responder.respond(input);
    expect(result.source).toBe("llm");
    expect(deltas.join("")).toBe(answerText);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1].text).toContain("Your previous answer was rejected");
    expect(rules.calls).toBe(0);
  });

  it("falls back to the rules (llm_invalid_output) when the repair is not JSON either", async () => {
    const { responder, input, deltas } = setup();
    fake.script("chat", { text: "plain" }, { text: "still plain" });
    const result = await responder.respond(input);
    expect(result.source).toBe("rules");
    expect(result.fallbackReason).toBe("llm_invalid_output");
    expect(deltas.join("")).toBe(result.answer);
  });

  it("a stream that stalls midway times out; the rules answer follows what was sent, and deltas still add up", async () => {
    const { responder, input, deltas, rules } = setup({ timeoutMs: 300 });
    fake.script("chat", { ...streamedJson({ answer: answerText, sources: [] }), hangAfterChunks: 6 });
    const result = await responder.respond(input);
    expect(result.source).toBe("rules");
    expect(result.fallbackReason).toBe("llm_timeout");
    expect(rules.calls).toBe(1);
    expect(fake.requests).toHaveLength(1); // never retried once deltas reached the user
    expect(result.answer.endsWith(`${STREAM_BREAK}rules answer`)).toBe(true);
    expect(answerText.startsWith(result.answer.split(STREAM_BREAK)[0])).toBe(true);
    expect(deltas.join("")).toBe(result.answer);
  });

  it("retries a 503 before the stream starts", async () => {
    const { responder, input, deltas } = setup();
    fake.script("chat", { status: 503 }, streamedJson({ answer: answerText, sources: [] }));
    const result = await responder.respond(input);
    expect(result.source).toBe("llm");
    expect(deltas.join("")).toBe(answerText);
    expect(fake.requests).toHaveLength(2);
  });

  it("stops when the run is cancelled", async () => {
    const { responder, input, rules } = setup({ timeoutMs: 5000 });
    fake.script("chat", { ...streamedJson({ answer: answerText, sources: [] }), hangAfterChunks: 3 });
    const run = new AbortController();
    setTimeout(() => run.abort(new Error("run cancelled")), 200);
    await expect(responder.respond({ ...input, signal: run.signal })).rejects.toThrow("run cancelled");
    expect(rules.calls).toBe(0);
  });
});
