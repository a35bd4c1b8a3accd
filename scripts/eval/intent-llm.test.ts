// The understanding eval with a model configured (issue 10: "the same eval runs with a model configured"):
// test-split questions through runTurn with LLM decisions on, against the fake OpenAI-compatible server on
// 127.0.0.1. Its demo script plans as the built-in planner would, so the LLM path must carry the same
// intent, aspects and question type through the plan prompt, the JSON schema and validation, and every run
// must complete; a real model is measured the same way with `npm run eval -- --llm` and OPENAI_* set.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../test/db";
import { withDemoModel } from "../../test/fake-openai/demo-env";
import { corpusFile, readCorpus } from "../../server/apps/housing/understanding/corpus";
import { runIntentEval } from "./intent";

const fake = withDemoModel();
const dir = mkdtempSync(path.join(tmpdir(), "intent-llm-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the understanding eval with a model configured", () => {
  it("plans every question through the model with the same labels as the rules, and completes every run", async () => {
    // Every 8th test question: a spread of intents and languages, small enough for the test command.
    const sample = readCorpus(corpusFile("test")).filter((_, i) => i % 8 === 0);
    const file = path.join(dir, "sample.jsonl");
    writeFileSync(file, sample.map((q) => JSON.stringify(q)).join("\n"));
    const database = await testDatabase();
    const rules = await runIntentEval(database, { files: [file], concurrency: 4 });
    fake().reset();
    const llm = await runIntentEval(database, { files: [file], concurrency: 4, llm: true });

    const planCalls = fake().requests.filter((r) => r.promptName === "plan");
    expect(planCalls.length).toBe(sample.length);
    expect(llm.report.failed).toBe(0);
    expect(llm.rows.length).toBe(sample.length);
    for (const key of ["intent", "aspectsExact", "qtype", "teams"] as const) {
      expect(llm.report[key], key).toBeCloseTo(rules.report[key], 5);
    }
  }, 300_000);
});
