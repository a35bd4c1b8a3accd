// The statute retrieval gate: the test split of data/eval/legal runs through the real pipeline on the
// test database, and the related-law and article figures must stay at or above scripts/eval/thresholds.ts.
import { describe, expect, it } from "vitest";
import { testDatabase } from "../../test/db";
import { runLegalEval } from "./legal";
import { thresholds } from "./thresholds";

describe("statute retrieval gate (test split)", () => {
  it("keeps top-3 related-law accuracy and article hit@3 at or above the thresholds", async () => {
    const report = await runLegalEval({
      split: "test",
      database: await testDatabase(),
      concurrency: 4,
      // Built-in rules decide, so the figure does not depend on whether a model is configured.
      flagOverrides: { llm_decisions: false },
    });
    const summary = JSON.stringify({ overall: report.overall, byCategory: report.byCategory });
    expect(report.questions, summary).toBeGreaterThanOrEqual(150);
    expect(report.overall.top3Law, summary).toBeGreaterThanOrEqual(thresholds.legal.top3Law);
    expect(report.overall.articleHit3, summary).toBeGreaterThanOrEqual(thresholds.legal.articleHit3);
  }, 120_000);
});
