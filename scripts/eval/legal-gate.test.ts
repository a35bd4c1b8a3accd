// The statute retrieval gate: the test split of data/eval/legal runs through the real pipeline on the
// test database, and the related-law and article figures must stay at or above scripts/eval/thresholds.ts.
import { describe, expect, it } from "vitest";
import { testDatabase } from "../../test/db";
import { runLegalEval } from "./legal";
import { THRESHOLDS as thresholds } from "./thresholds";

/**
 * Every flag pinned: other test files share this database and may switch flags or fill tool
 * statistics. Memory off keeps runs independent of them and of each other; built-in rules decide,
 * so the figure does not depend on whether a model is configured. The retrieval path is the same.
 */
const GATE_FLAGS = {
  orchestrator: true, parallel_execution: true, adaptive_strategy: true,
  memory_learning: false, strategy_cache: false, llm_decisions: false,
};

describe("statute retrieval gate (test split)", () => {
  it("keeps top-3 related-law accuracy (overall and per category) and article hit@3 at or above the thresholds", async () => {
    const report = await runLegalEval({
      split: "test",
      database: await testDatabase(),
      concurrency: 4,
      flagOverrides: GATE_FLAGS,
    });
    const summary = JSON.stringify({ overall: report.overall, byCategory: report.byCategory });
    expect(report.questions, summary).toBeGreaterThanOrEqual(150);
    expect(report.overall.top3Law, summary).toBeGreaterThanOrEqual(thresholds.legal.top3Law);
    expect(report.overall.articleHit3, summary).toBeGreaterThanOrEqual(thresholds.legal.articleHit3);
    // Every category, not only the mean: the held-out measure asks for each of the four.
    for (const category of ["lease", "sale_lease", "supply_management", "other"]) {
      expect(report.byCategory[category]?.top3Law ?? 0, `${category}: ${summary}`).toBeGreaterThanOrEqual(thresholds.legal.top3LawPerCategory);
    }
  }, 120_000);
});
