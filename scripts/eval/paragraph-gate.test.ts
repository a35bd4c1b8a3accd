// The paragraph gate: for paragraph-labelled questions, the provision legal_search shows for the labelled article
// must be the labelled paragraph at least as often as scripts/eval/thresholds.ts says.
import { describe, expect, it } from "vitest";
import { testDatabase } from "../../test/db";
import { DEFAULT_PARAGRAPH_FILE, loadParagraphQuestions, paragraphMetrics, runParagraphEval } from "./paragraphs";
import { THRESHOLDS } from "./thresholds";

describe("paragraph gate", () => {
  it("shows the labelled paragraph for the labelled article at or above the threshold", async () => {
    const questions = loadParagraphQuestions(DEFAULT_PARAGRAPH_FILE);
    const report = await runParagraphEval(await testDatabase(), questions);
    const summary = JSON.stringify(report.overall);
    expect(report.overall.n, summary).toBe(questions.length);
    expect(report.overall.articleAt8, summary).toBeGreaterThanOrEqual(0.75);
    expect(report.overall.paragraphRight, summary).toBeGreaterThanOrEqual(THRESHOLDS.paragraphs.paragraphRight);
  }, 120_000);

  it("scores only the questions whose article was found", () => {
    expect(paragraphMetrics([
      { id: "a", lang: "ko", found: true, shown: 2, expected: 2 },
      { id: "b", lang: "ko", found: true, shown: 1, expected: 2 },
      { id: "c", lang: "en", found: false, shown: null, expected: 1 },
    ])).toEqual({ n: 3, articleAt8: 0.667, paragraphRight: 0.5, paragraphRightOfAll: 0.333 });
  });
});
