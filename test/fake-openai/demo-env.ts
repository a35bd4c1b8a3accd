// For tests that run whole turns with LLM decisions: the fake OpenAI server answering with the demo
// script, and the process's OPENAI_* settings pointed at it for the enclosing suite (restored after).
import { afterAll, beforeAll } from "vitest";
import { demoResponse } from "./demo-script";
import { startFakeOpenAI, type FakeOpenAI } from "./server";

const ENV_KEYS = ["OPENAI_BASE_URL", "OPENAI_API_KEY", "OPENAI_API_MODE", "OPENAI_TIMEOUT_MS"] as const;

/** Registers the suite's hooks; the returned getter gives the running server (after beforeAll). */
export function withDemoModel(): () => FakeOpenAI {
  let fake: FakeOpenAI | undefined;
  const saved: Record<string, string | undefined> = {};
  beforeAll(async () => {
    fake = await startFakeOpenAI({ respond: demoResponse });
    for (const k of ENV_KEYS) saved[k] = process.env[k];
    process.env.OPENAI_BASE_URL = fake.url;
    process.env.OPENAI_API_KEY = "test-key";
    process.env.OPENAI_TIMEOUT_MS = "10000";
    delete process.env.OPENAI_API_MODE;
  });
  afterAll(async () => {
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    await fake?.close();
  });
  return () => {
    if (!fake) throw new Error("the fake model starts in beforeAll");
    return fake;
  };
}
