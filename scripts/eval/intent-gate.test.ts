// The understanding gate: every labelled question of the project (train, dev and test) runs end to end
// through runTurn on the rules deciders and must complete; the frozen test split must hold its floors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../test/db";
import { splitOf as splitOfRow } from "../../server/apps/housing/understanding/corpus";
import { runIntentEval, type IntentEvalResult } from "./intent";
import { confusionTable, formatReport, misses } from "./metrics";
import { THRESHOLDS } from "./thresholds";

let result: IntentEvalResult;
const previousModel = process.env.ENSEMBLE_INTENT_MODEL;

beforeAll(async () => {
  delete process.env.ENSEMBLE_INTENT_MODEL; // the committed model, whatever the shell says
  result = await runIntentEval(await testDatabase(), { concurrency: 6 });
}, 600_000);
afterAll(() => { if (previousModel !== undefined) process.env.ENSEMBLE_INTENT_MODEL = previousModel; });

describe("labelled questions end to end", () => {
  it("completes the run of every question in the corpus", () => {
    const failed = result.rows.filter((r) => r.predicted.failed).map((r) => `${r.label.id}: ${r.label.q.slice(0, 60)}`);
    expect(result.rows.length).toBeGreaterThanOrEqual(1500);
    expect(failed.length).toBeLessThanOrEqual(THRESHOLDS.intent.failedRuns);
    expect(failed).toEqual([]);
  });

  it("never answers a housing question with the help text", () => {
    expect(result.report.helpTextOnHousing).toBeLessThanOrEqual(THRESHOLDS.intent.helpTextOnHousing);
    expect(result.report.p95Ms).toBeLessThanOrEqual(THRESHOLDS.intent.p95Ms);
  });

  it("holds the floors on the frozen test split", () => {
    const test = result.bySet.test;
    console.log(`${formatReport("test", test)}\n${confusionTable(test.confusion)}\n${misses(result.rows.filter((r) => splitOfRow(r.label.id) === "test")).slice(0, 40).join("\n")}`);
    const floors = THRESHOLDS.intent;
    expect(test.intent).toBeGreaterThanOrEqual(floors.intent);
    expect(test.aspectsExact).toBeGreaterThanOrEqual(floors.aspectsExact);
    expect(test.qtype).toBeGreaterThanOrEqual(floors.qtype);
    expect(test.teams).toBeGreaterThanOrEqual(floors.teams);
    expect(test.tools).toBeGreaterThanOrEqual(floors.tools);
  });
});

