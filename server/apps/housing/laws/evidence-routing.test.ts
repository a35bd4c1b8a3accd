// The evidence-routing decorator around the real rules planner and the imported statutes: questions the intent
// rules miss but the statutes answer gain legal_search; market questions and plans that have it stay as they were.
import { describe, expect, it } from "vitest";
import { getDatabase } from "../../../db/client";
import { RulesPlanner } from "../rules/planner";
import { withEvidenceRouting, EVIDENCE_THRESHOLD } from "./evidence-routing";
import { createHousingApp } from "../index";
import type { Planner } from "../../../models/types";

const TEAMS = [
  { name: "search", tools: ["legal_search", "market_data", "real_estate_search", "loan_search"] },
  { name: "analysis", tools: ["market_analysis", "loan_simulator", "policy_matcher", "rent_increase_check", "contract_analysis"] },
  { name: "document", tools: ["lease_contract_generator", "document_review"] },
];
const planner = withEvidenceRouting(new RulesPlanner(), async () => (await getDatabase()).db);
const plan = (query: string) => planner.plan({ query, userId: "evidence-routing-test", teams: TEAMS });
const legalTools = (p: Awaited<ReturnType<typeof plan>>) => p.execution_steps.flatMap((s) => s.tools).filter((t) => t === "legal_search");

describe("withEvidenceRouting", () => {
  it.each(["중개수수료는 얼마인가요?", "표준지공시지가란 무엇인가요?", "층간소음 기준이 어떻게 되나요?", "등기부등본은 어떻게 떼나요?"])(
    "routes a question with a strong statute match to legal search: %s", async (q) => {
      const inner = await new RulesPlanner().plan({ query: q, userId: "t", teams: TEAMS });
      const p = await plan(q);
      expect(legalTools(p)).toEqual(["legal_search"]);
      // The decorator adds the aspect with the tool; a plan that had legal_search already is left as it was.
      if (legalTools(inner).length === 0) expect(p.aspects).toContain("legal");
      expect(p.intent).not.toBe("UNCLEAR");
      expect(p.intent).not.toBe("IRRELEVANT");
    });

  it("leaves market questions and off-topic questions alone", async () => {
    for (const q of ["마포구 아파트 전세 시세가 요즘 어느 정도예요?", "오늘 저녁 메뉴 추천해줘"]) {
      const inner = await new RulesPlanner().plan({ query: q, userId: "t", teams: TEAMS });
      const p = await plan(q);
      expect(p.execution_steps).toEqual(inner.execution_steps);
      expect(p.intent).toBe(inner.intent);
    }
  });

  it("adds a search step beside a plan that had none, and the run completes", async () => {
    const q = "Can a registered private landlord raise the rent by more than 5 percent?";
    const inner = await new RulesPlanner().plan({ query: q, userId: "t", teams: TEAMS });
    const p = await plan(q);
    if (inner.execution_steps.some((s) => s.team === "search")) return; // nothing to prove for this planner version
    expect(p.execution_steps[0]).toMatchObject({ step_id: "step_search", tools: ["legal_search"], depends_on: [] });
    expect(p.execution_steps.slice(1)).toEqual(inner.execution_steps);
  });

  it("does not add legal_search twice", async () => {
    const p = await plan("계약갱신요구권은 몇 번 쓸 수 있나요?");
    expect(legalTools(p)).toEqual(["legal_search"]);
  });

  it("does nothing in a runtime without legal_search", async () => {
    const teams = [{ name: "search", tools: ["market_data"] }];
    const p = await planner.plan({ query: "층간소음 기준이 어떻게 되나요?", userId: "t", teams });
    expect(p.execution_steps.flatMap((s) => s.tools)).not.toContain("legal_search");
    expect(EVIDENCE_THRESHOLD).toBeGreaterThan(0);
  });

  it.each(["What is a provisional registration and what does it protect?", "How do I object to the individual land price of my lot?"])(
    "routes an English question by its legal terms: %s", async (q) => {
      expect(legalTools(await plan(q))).toEqual(["legal_search"]);
    });

  it.each(["Are apartment prices in Gangnam going up or down lately?", "How much would my monthly mortgage payment be on a 300 million won loan?"])(
    "leaves English market and loan questions alone: %s", async (q) => {
      const inner = await new RulesPlanner().plan({ query: q, userId: "t", teams: TEAMS });
      expect((await plan(q)).execution_steps).toEqual(inner.execution_steps);
    });

  it("applies to whichever planner a run uses, not only the rules (the app wraps the resolved planner)", async () => {
    // A stand-in for the LLM or understanding planner: it plans as if the question were off-topic.
    const offTopic: Planner = {
      kind: "llm",
      plan: (input) => new RulesPlanner().plan({ ...input, query: "오늘 저녁 메뉴 추천해줘" }),
    };
    const wrapped = createHousingApp().wrapPlanner!(offTopic);
    expect(wrapped.kind).toBe("llm");
    const p = await wrapped.plan({ query: "표준지공시지가란 무엇인가요?", userId: "t", teams: TEAMS });
    expect(legalTools(p)).toEqual(["legal_search"]);
    expect(p.aspects).toContain("legal");
  });
});
