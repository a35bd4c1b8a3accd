// The labelled question set (questions.json) run through the rules planner: intent and team accuracy
// must stay at or above 90%, and the confusion matrix is printed so a regression shows where it is.
import { describe, expect, it } from "vitest";
import { INTENTS, type Intent } from "../types";
import { planQuestion } from "./planner";
import questions from "./questions.json";

interface LabelledQuestion {
  question: string;
  intent: Intent;
  teams: string[];
}

const FULL_RUNTIME = [
  { name: "search", tools: ["legal_search", "market_data", "real_estate_search", "loan_search"] },
  { name: "analysis", tools: ["market_analysis", "loan_simulator", "rent_increase_check", "contract_analysis", "policy_matcher"] },
  { name: "document", tools: ["lease_contract_generator", "document_review"] },
];
const TODAY = new Date("2026-11-24T00:00:00Z");
const labelled = questions as LabelledQuestion[];

function confusionMatrix(rows: { expected: Intent; actual: Intent }[]): string {
  const short = (intent: string) => intent.replace("_CONSULT", "").replace("_INQUIRY", "").replace("CONTRACT_", "C_").replace("_ANALYSIS", "").slice(0, 9);
  const header = ["expected \\ got".padEnd(18), ...INTENTS.map((i) => short(i).padStart(10))].join("");
  const lines = INTENTS.map((expected) => {
    const cells = INTENTS.map((actual) => String(rows.filter((r) => r.expected === expected && r.actual === actual).length || ".").padStart(10));
    return [expected.padEnd(18), ...cells].join("");
  });
  return [header, ...lines].join("\n");
}

describe("labelled questions", () => {
  const results = labelled.map((q) => {
    const plan = planQuestion(q.question, FULL_RUNTIME, TODAY);
    const teams = plan.execution_steps.map((s) => s.team).sort();
    return { q, plan, teams, intentOk: plan.intent === q.intent, teamsOk: teams.join(",") === [...q.teams].sort().join(",") };
  });

  it("is a real set: at least 60 questions, both languages, every intent", () => {
    expect(labelled.length).toBeGreaterThanOrEqual(60);
    const korean = labelled.filter((q) => /[\uac00-\ud7a3]/.test(q.question)).length;
    expect(korean).toBeGreaterThanOrEqual(20);
    expect(labelled.length - korean).toBeGreaterThanOrEqual(20);
    for (const intent of INTENTS) expect(labelled.some((q) => q.intent === intent), intent).toBe(true);
    for (const q of labelled) for (const team of q.teams) expect(["search", "analysis", "document"]).toContain(team);
  });

  it("classifies intent and picks teams with at least 90% accuracy", () => {
    const intentAccuracy = results.filter((r) => r.intentOk).length / results.length;
    const teamAccuracy = results.filter((r) => r.teamsOk).length / results.length;
    const misses = results
      .filter((r) => !r.intentOk || !r.teamsOk)
      .map((r) => `  ${r.q.intent} → ${r.plan.intent} [${r.teams}] vs [${r.q.teams}]: ${r.q.question.slice(0, 60).replace(/\n/g, " ")}`);
    console.log(
      `rules planner on ${results.length} labelled questions: intent ${(intentAccuracy * 100).toFixed(1)}%, teams ${(teamAccuracy * 100).toFixed(1)}%\n` +
        confusionMatrix(results.map((r) => ({ expected: r.q.intent, actual: r.plan.intent }))) +
        (misses.length ? `\nmisses:\n${misses.join("\n")}` : ""),
    );
    expect(intentAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(teamAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("gives unclear and irrelevant questions no steps, and every other question at least one", () => {
    for (const { q, plan } of results) {
      if (plan.intent === "UNCLEAR" || plan.intent === "IRRELEVANT") expect(plan.execution_steps, q.question).toEqual([]);
      else expect(plan.execution_steps.length, q.question).toBeGreaterThan(0);
    }
  });
});
