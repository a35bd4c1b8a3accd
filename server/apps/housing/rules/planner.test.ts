// The built-in planner's PlanningState: shape, tools per intent (on the rules fallback), dependencies, runtimes that lack a team,
// language, and clear errors for bad input.
import { describe, expect, it } from "vitest";
import { PlanInputError, planQuestion, RulesPlanner } from "./planner";
import { classifyIntent } from "./intent";

const FULL_RUNTIME = [
  { name: "search", tools: ["legal_search", "market_data", "real_estate_search", "loan_search"] },
  { name: "analysis", tools: ["market_analysis", "loan_simulator", "rent_increase_check", "contract_analysis", "policy_matcher"] },
  { name: "document", tools: ["lease_contract_generator", "document_review"] },
];
const TODAY = new Date("2026-11-24T00:00:00Z");
// These cases pin the rules fallback (no model); the trained path is covered in understanding/understanding.test.ts.
const plan = (query: string, teams = FULL_RUNTIME) => planQuestion(query, teams, TODAY, null);
const toolsByStep = (query: string, teams = FULL_RUNTIME) =>
  Object.fromEntries(plan(query, teams).execution_steps.map((s) => [s.step_id, s.tools]));

describe("RulesPlanner", () => {
  it("returns a complete PlanningState from rules", async () => {
    const planner = new RulesPlanner();
    expect(planner.kind).toBe("rules");
    const state = await planner.plan({ query: "마포구 아파트 전세 시세 알려줘", userId: "u1", teams: FULL_RUNTIME });
    expect(state).toMatchObject({ intent: "MARKET_INQUIRY", language: "ko", source: "rules", entities: { region: "마포구" } });
    expect(state.intent_confidence).toBeGreaterThan(0.5);
    expect(state.intent_confidence).toBeLessThanOrEqual(1);
    expect(state.keywords).toContain("시세");
    expect(state.reasoning.length).toBeGreaterThan(10);
    for (const step of state.execution_steps) {
      expect(step).toMatchObject({
        status: "pending", progress_percentage: 0, started_at: null, completed_at: null,
        execution_time_ms: null, result: null, error: null,
      });
      expect(step.description).toMatch(/[\uac00-\ud7a3]/);
    }
  });

  it("refuses an empty question and honours an aborted signal", async () => {
    expect(() => planQuestion("   ", FULL_RUNTIME)).toThrow(PlanInputError);
    const controller = new AbortController();
    controller.abort();
    await expect(new RulesPlanner().plan({ query: "전세", userId: "u1", teams: FULL_RUNTIME, signal: controller.signal })).rejects.toThrow();
  });

  it("answers in the question's language", () => {
    const en = plan("What's the average jeonse price for an apartment in Mapo-gu?");
    expect(en.language).toBe("en");
    expect(en.execution_steps[0].description).toBe("Search market prices");
    expect(en.entities.region).toBe("마포구");
  });
});

describe("tools per intent", () => {
  it("plans the comprehensive example across search and analysis", () => {
    const state = plan("마포구 아파트 전세 4억이면 적정한가요? 대출은 얼마나 되고 보증금은 어떻게 지키나요?");
    expect(state.intent).toBe("COMPREHENSIVE");
    expect(state.entities).toMatchObject({ region: "마포구", propertyType: "apartment", transactionType: "jeonse", deposit: 400_000_000 });
    const steps = state.execution_steps;
    expect(steps.map((s) => [s.step_id, s.team, s.depends_on])).toEqual([
      ["step_search", "search", []],
      ["step_analysis", "analysis", ["step_search"]],
    ]);
    expect(steps[0].tools).toEqual(["market_data", "legal_search", "loan_search"]);
    // Keeping the deposit safe brings the deposit-return guarantees (HUG, HF) from policy_matcher.
    expect(steps[1].tools).toEqual(["market_analysis", "loan_simulator", "policy_matcher"]);
  });

  it("plans the English comprehensive example exactly like the Korean one", () => {
    const korean = plan("마포구 아파트 전세 4억이면 적정한가요? 대출은 얼마나 되고 보증금은 어떻게 지키나요?");
    const english = plan("Is a 400 million won jeonse for an apartment in Mapo-gu fair? How much can I borrow, and how do I protect my deposit?");
    expect(english.intent).toBe("COMPREHENSIVE");
    expect(english.entities).toEqual(korean.entities);
    expect(english.execution_steps.map((s) => [s.team, s.tools])).toEqual(korean.execution_steps.map((s) => [s.team, s.tools]));
  });

  it.each([
    "Is a 400 million won jeonse in Mapo-gu a reasonable price? How much can I borrow, and how do I keep my deposit safe?",
    "Mapo-gu apartment jeonse for 400 million won: is it overpriced? What loan can I get, and how do I get my deposit back?",
    "Is 400 million won jeonse for a Mapo-gu apartment a good deal? How much can I borrow and how do I protect the deposit?",
    "마포구 아파트 전세 4억 괜찮은 가격인가요? 대출 한도는요? 전세금은 어떻게 보호하나요?",
  ])("reads other phrasings of fairness, borrowing and deposit protection as the same plan: %s", (q) => {
    const state = plan(q);
    expect(state.intent).toBe("COMPREHENSIVE");
    expect(toolsByStep(q)).toEqual({
      step_search: ["market_data", "legal_search", "loan_search"],
      step_analysis: ["market_analysis", "loan_simulator", "policy_matcher"],
    });
  });

  it("does not read a fairness question about the landlord's conduct as a price question", () => {
    const state = plan("Is it fair that my landlord keeps 5 million won of my deposit?");
    expect(state.intent).toBe("LEGAL_CONSULT");
    expect(toolsByStep("Is it fair that my landlord keeps 5 million won of my deposit?")).toEqual({ step_search: ["legal_search"] });
  });

  it("adds the increase check to a legal question about a raise", () => {
    expect(toolsByStep("집주인이 월세를 50만원에서 60만원으로 올리겠다는데 법적으로 가능한가요?")).toEqual({
      step_search: ["legal_search"], step_analysis: ["rent_increase_check"],
    });
    expect(toolsByStep("계약갱신청구권은 몇 번까지 쓸 수 있어요?")).toEqual({ step_search: ["legal_search"] });
  });

  it("judges a market price only when one is given and asked about; lists when asked", () => {
    expect(toolsByStep("Someone is asking 950 million won for a 59㎡ apartment in Seongdong-gu. Is that overpriced?")).toEqual({
      step_search: ["market_data"], step_analysis: ["market_analysis"],
    });
    expect(toolsByStep("성수동 근처에 전세 3억 이하 빌라 매물 있나요?")).toEqual({ step_search: ["market_data", "real_estate_search"] });
  });

  it("plans loans with the simulator and policy matcher", () => {
    expect(toolsByStep("연봉 6천만원인데 주택담보대출 얼마까지 받을 수 있나요?")).toEqual({
      step_search: ["loan_search"], step_analysis: ["loan_simulator", "policy_matcher"],
    });
  });

  it("plans contract drafting through the document team after search", () => {
    const state = plan("마포구 아파트 전세 계약서 작성해줘. 보증금 4억, 2025년 3월 1일부터 2년");
    expect(state.intent).toBe("CONTRACT_CREATION");
    expect(state.entities).toMatchObject({ deposit: 400_000_000, dates: ["2025-03-01"], contractType: "jeonse" });
    expect(state.execution_steps.map((s) => [s.step_id, s.tools, s.depends_on])).toEqual([
      ["step_search", ["legal_search"], []],
      ["step_document", ["lease_contract_generator", "document_review"], ["step_search"]],
    ]);
  });

  it("reviews a pasted contract, proposing fixes only when asked, and ignores the clauses' own words", () => {
    const contract = "\n제1조 임차인은 보증금 2억 5천만원을 지급한다.\n제2조 임대인은 잔금 후 근저당을 설정하고 대출을 받을 수 있다.";
    const review = plan(`이 계약서 검토해 주세요.${contract}`);
    expect(review.intent).toBe("CONTRACT_REVIEW");
    expect(review.entities.contractText).toContain("제1조");
    expect(review.execution_steps.map((s) => s.tools)).toEqual([["legal_search"], ["contract_analysis"]]);
    const fixes = plan(`이 계약서 검토하고 고쳐 주세요.${contract}`);
    expect(fixes.execution_steps.map((s) => [s.step_id, s.tools, s.depends_on])).toEqual([
      ["step_search", ["legal_search"], []],
      ["step_analysis", ["contract_analysis"], ["step_search"]],
      ["step_document", ["document_review"], ["step_search", "step_analysis"]],
    ]);
  });

  it("plans risk with market and law, then the market analysis", () => {
    expect(toolsByStep("전세 3억 2천에 들어가려는 빌라가 매매가 3억 4천이래요. 깡통전세 아닌가요?")).toEqual({
      step_search: ["market_data", "legal_search"], step_analysis: ["market_analysis"],
    });
  });

  it("gives unclear and irrelevant questions no steps", () => {
    expect(plan("집 문제 좀 도와줘")).toMatchObject({ intent: "UNCLEAR", execution_steps: [] });
    expect(plan("help")).toMatchObject({ intent: "UNCLEAR", execution_steps: [] });
    expect(plan("오늘 날씨 어때?")).toMatchObject({ intent: "IRRELEVANT", execution_steps: [] });
    expect(plan("write me a poem")).toMatchObject({ intent: "IRRELEVANT", execution_steps: [], language: "en" });
  });
});

describe("runtimes without a team or tool", () => {
  it("leaves out what the runtime lacks and keeps dependencies on steps that exist", () => {
    const noSearch = FULL_RUNTIME.filter((t) => t.name !== "search");
    const steps = plan("연봉 6천만원인데 주택담보대출 얼마까지 받을 수 있나요?", noSearch).execution_steps;
    expect(steps.map((s) => [s.step_id, s.tools, s.depends_on])).toEqual([["step_analysis", ["loan_simulator", "policy_matcher"], []]]);

    const noAnalysis = FULL_RUNTIME.filter((t) => t.name !== "analysis");
    expect(plan("마포구 아파트 전세 4억이면 적정한가요? 대출은 얼마나 되고 보증금은 어떻게 지키나요?", noAnalysis)
      .execution_steps.map((s) => s.team)).toEqual(["search"]);

    const searchWithoutLoans = [{ name: "search", tools: ["legal_search", "market_data"] }];
    expect(plan("연봉 6천만원인데 주택담보대출 얼마까지 받을 수 있나요?", searchWithoutLoans).execution_steps).toEqual([]);
  });
});

describe("classifyIntent", () => {
  it("does not treat a question with no housing words as housing, whatever it says about 'how to'", () => {
    expect(classifyIntent("파이썬으로 리스트 정렬하는 법 알려줘").intent).toBe("IRRELEVANT");
    expect(classifyIntent("What's the exchange rate between dollars and won today?").intent).toBe("IRRELEVANT");
  });

  it("is more confident when one need clearly dominates", () => {
    const clear = classifyIntent("전세사기 깡통전세 위험한가요? 근저당도 있어요");
    const weak = classifyIntent("요즘 용산 집값");
    expect(clear.intent).toBe("RISK_ANALYSIS");
    expect(clear.confidence).toBeGreaterThan(weak.confidence);
  });
});
