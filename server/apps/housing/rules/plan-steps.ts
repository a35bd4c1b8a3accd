// Turns a classified question into execution steps: which team runs, which tools it needs, what it waits
// for — limited to the teams and tools this runtime has, with a short todo-list description per language.
import type { Entities, ExecutionStep, Intent, Language } from "../types";
import type { PlanInput } from "../../../models/types";
import type { Classification, Need } from "./intent";

export const TEAM_ORDER = ["search", "analysis", "document"] as const;
export type PlannedTeam = (typeof TEAM_ORDER)[number];

/** Tool order inside a step, so plans read the same way every time. */
const TOOL_ORDER: Record<PlannedTeam, string[]> = {
  search: ["market_data", "legal_search", "loan_search", "real_estate_search"],
  analysis: ["market_analysis", "loan_simulator", "policy_matcher", "rent_increase_check", "contract_analysis"],
  document: ["lease_contract_generator", "document_review"],
};

const TOOL_LABELS: Record<string, { ko: string; en: string }> = {
  market_data: { ko: "시세 자료", en: "market prices" },
  legal_search: { ko: "관련 법령", en: "the relevant law" },
  loan_search: { ko: "대출 상품", en: "loan products" },
  real_estate_search: { ko: "매물", en: "listings" },
  market_analysis: { ko: "가격 적정성과 전세 위험", en: "price fairness and jeonse risk" },
  loan_simulator: { ko: "대출 한도와 상환액", en: "loan limit and repayments" },
  policy_matcher: { ko: "받을 수 있는 지원 정책", en: "eligible government programmes" },
  rent_increase_check: { ko: "인상 한도(5%)와 전환율", en: "the 5% increase cap and conversion rate" },
  contract_analysis: { ko: "계약서 위험 조항", en: "risky contract clauses" },
  lease_contract_generator: { ko: "임대차 계약서 초안 작성", en: "Draft the lease contract" },
  document_review: { ko: "계약서 검토", en: "review the contract" },
};

type ToolPlan = Record<PlannedTeam, Set<string>>;

function addNeedTools(need: Need, intent: Intent, c: Classification, entities: Entities, tools: ToolPlan): void {
  const hasAmountToJudge = entities.price !== undefined || entities.deposit !== undefined
    || entities.monthlyRent !== undefined || (entities.amounts?.length ?? 0) > 0;
  const hasProfile = entities.buyerProfile !== undefined || entities.annualIncome !== undefined;
  switch (need) {
    case "legal":
      tools.search.add("legal_search");
      if (c.wantsIncreaseCheck || entities.proposedDeposit !== undefined || entities.proposedMonthlyRent !== undefined) {
        tools.analysis.add("rent_increase_check");
      }
      break;
    case "market":
      tools.search.add("market_data");
      if (c.wantsListings) tools.search.add("real_estate_search");
      // A lone market question gets a verdict only when it gives a figure and asks for one;
      // inside a several-part question the figure alone is enough.
      if (hasAmountToJudge && (c.wantsJudgement || intent === "COMPREHENSIVE")) tools.analysis.add("market_analysis");
      break;
    case "loan":
      tools.search.add("loan_search");
      tools.analysis.add("loan_simulator");
      if (intent === "LOAN_CONSULT" || c.wantsPolicy || hasProfile) tools.analysis.add("policy_matcher");
      break;
    case "creation":
      tools.search.add("legal_search");
      tools.document.add("lease_contract_generator").add("document_review");
      break;
    case "review":
      tools.search.add("legal_search");
      tools.analysis.add("contract_analysis");
      if (c.wantsFixes) tools.document.add("document_review");
      break;
    case "risk":
      tools.search.add("market_data").add("legal_search");
      tools.analysis.add("market_analysis");
      break;
  }
}

function describe(team: PlannedTeam, tools: string[], language: Language): string {
  const labels = tools.map((tool) => TOOL_LABELS[tool]?.[language] ?? tool);
  if (language === "ko") {
    if (team === "search") return `${labels.join("·")} 검색`;
    if (team === "analysis") return `${labels.join("·")} 분석`;
    return tools.includes("lease_contract_generator") ? "임대차 계약서 초안 작성 및 검토" : "계약서 수정안 작성 및 검토";
  }
  const list = labels.length > 1 ? `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}` : labels[0];
  if (team === "search") return `Search ${list}`;
  if (team === "analysis") return `Analyse ${list}`;
  return tools.includes("lease_contract_generator") ? "Draft the lease contract and review it" : "Review the contract and propose fixes";
}

function pendingStep(stepId: string, team: string, description: string, tools: string[], dependsOn: string[]): ExecutionStep {
  return {
    step_id: stepId, team, description, tools, depends_on: dependsOn,
    status: "pending", progress_percentage: 0,
    started_at: null, completed_at: null, execution_time_ms: null, result: null, error: null,
  };
}

/**
 * The execution steps for a classified question: one per team ("step_search", "step_analysis",
 * "step_document"), analysis after search, document after everything before it. Teams or tools the
 * runtime lacks are left out; UNCLEAR and IRRELEVANT get no steps.
 */
export function buildExecutionSteps(
  classification: Classification,
  entities: Entities,
  language: Language,
  runtimeTeams: PlanInput["teams"],
): ExecutionStep[] {
  const { intent } = classification;
  if (intent === "UNCLEAR" || intent === "IRRELEVANT") return [];
  const tools: ToolPlan = { search: new Set(), analysis: new Set(), document: new Set() };
  for (const need of classification.needs) addNeedTools(need, intent, classification, entities, tools);
  // "How do I keep my deposit safe?" alongside a price or loan check: the deposit-return guarantees
  // (HUG, HF) are programmes policy_matcher knows, so they come with the analysis already planned.
  if (classification.wantsDepositProtection && tools.analysis.size > 0 && entities.transactionType !== "sale") {
    tools.analysis.add("policy_matcher");
  }

  const available = new Map(runtimeTeams.map((team) => [team.name, new Set(team.tools)]));
  const steps: ExecutionStep[] = [];
  for (const team of TEAM_ORDER) {
    const has = available.get(team);
    if (!has) continue;
    const chosen = TOOL_ORDER[team].filter((tool) => tools[team].has(tool) && has.has(tool));
    if (chosen.length === 0) continue;
    const stepId = `step_${team}`;
    const dependsOn = team === "analysis"
      ? steps.filter((s) => s.team === "search").map((s) => s.step_id)
      : steps.map((s) => s.step_id);
    steps.push(pendingStep(stepId, team, describe(team, chosen, language), chosen, dependsOn));
  }
  return steps;
}
