// Turns a classified question into execution steps: which team runs, which tools it needs, what it waits
// for — limited to the teams and tools this runtime has, with a short todo-list description per language.
import type { Entities, ExecutionStep, Language } from "../types";
import type { PlanInput } from "../../../models/types";
import type { Aspect } from "../understanding/corpus";
import type { Understanding } from "../understanding/understand";

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

/** Named policy programmes, special supply and public guarantees: what policy_matcher knows about. */
const PROGRAMMES = new RegExp([
  "디딤돌", "보금자리", "버팀목", "특례", "신생아", "신혼", "청년", "생애\\s*최초", "특별\\s*공급", "특공", "정책", "지원", "청약",
  "공공\\s*임대", "장기\\s*전세", "임대\\s*주택", "주택\\s*연금", "중기청", "보증\\s*보험", "\\bHUG\\b",
  "\\bdidimdol\\b", "\\bbogeumjari\\b", "\\bbeotimmok\\b", "\\bnewly\\s*-?weds?\\b", "\\bfirst[-\\s]+(?:time|home)", "\\bprogram",
  "\\bsubscription\\b", "\\bguarantee\\s+insurance\\b",
].join("|"), "i");
/** A change of deposit or rent, said in more ways than the rules' cue list: the increase check applies. */
const RENT_CHANGE = /올릴|오를|오르|올라|돌리|전환|→|월세로|보증금으로|\bgoes?\s+(?:from|up)\b|\bturn\w*\b.{0,40}\binto\b|\bconver/i;
/** A verdict on a price or where it is heading, beyond the rules' words: 거품, 싼 건가, 오를까, "normal", the going rate. */
const VERDICT = /거품|타이밍|오를까|떨어질까|빠질까|바닥|전망|고평가|저평가|\bgood\s+time\s+to\b|\bwill\s+(?:prices|it)\s+(?:go|rise|fall|drop)\b|\bfair\s+(?:rent|price)\b|싼\s*(?:거|건|가|지)|비싼\s*(?:거|건|가|지)|시세\s*(?:대비|랑\s*비교|와\s*비교)|비교하면|\bnormal\b|\bcompared?\b|\bgoing\s+rate\b/i;
/** Asks for what is on the market, beyond the rules' words. */
const LISTINGS_MORE = /새로\s*나온|나온\s*(?:거|것|집)|어디\s*(?:살|있)|살\s*수\s*있는\s*(?:집|아파트|곳)/;

/** Drafting or reviewing: what the contract aspect asks for. A pasted contract is always reviewed. */
function contractTask(u: Understanding, entities: Entities): "creation" | "review" {
  if (entities.contractText) return "review";
  if (u.intent === "CONTRACT_CREATION" || u.qtype === "drafting") return "creation";
  if (u.intent === "CONTRACT_REVIEW" || u.qtype === "review") return "review";
  return u.rules.scores.creation >= u.rules.scores.review ? "creation" : "review";
}

function addAspectTools(aspect: Aspect, u: Understanding, entities: Entities, tools: ToolPlan, question: string): void {
  const c = u.rules;
  const hasAmountToJudge = entities.price !== undefined || entities.deposit !== undefined
    || entities.monthlyRent !== undefined || (entities.amounts?.length ?? 0) > 0;
  const hasProfile = entities.buyerProfile !== undefined || entities.annualIncome !== undefined;
  switch (aspect) {
    case "legal":
      tools.search.add("legal_search");
      // Who qualifies for a programme or special supply (특별공급 자격) is policy_matcher's table.
      if (u.qtype === "eligibility" && PROGRAMMES.test(question)) tools.analysis.add("policy_matcher");
      if (c.wantsIncreaseCheck || entities.proposedDeposit !== undefined || entities.proposedMonthlyRent !== undefined
        || (RENT_CHANGE.test(question) && (u.qtype === "calculation" || u.qtype === "permissibility"))) {
        tools.analysis.add("rent_increase_check");
      }
      break;
    case "market":
      tools.search.add("market_data");
      if (c.wantsListings || LISTINGS_MORE.test(question)) tools.search.add("real_estate_search");
      // A verdict on a given figure, a trend or a computation is the analysis team's work; a plain
      // "what does it cost" is answered from the search.
      if ((hasAmountToJudge && (c.wantsJudgement || u.intent === "COMPREHENSIVE")) || VERDICT.test(question)
        || u.qtype === "comparison" || u.qtype === "calculation") tools.analysis.add("market_analysis");
      break;
    case "loan":
      tools.search.add("loan_search");
      tools.analysis.add("loan_simulator");
      if (c.wantsPolicy || u.qtype === "eligibility" || hasProfile || PROGRAMMES.test(question)) tools.analysis.add("policy_matcher");
      break;
    case "contract":
      tools.search.add("legal_search");
      if (contractTask(u, entities) === "creation") {
        tools.document.add("lease_contract_generator").add("document_review");
      } else {
        tools.analysis.add("contract_analysis");
        if (c.wantsFixes) tools.document.add("document_review");
      }
      break;
    case "risk":
      tools.search.add("market_data").add("legal_search");
      tools.analysis.add("market_analysis");
      // Whether a deposit guarantee (HUG, HF, SGI) will take this house is policy_matcher's table.
      if (/보증\s*보험|\bHUG\b|반환\s*보증|guarantee\s+insurance/i.test(question)) tools.analysis.add("policy_matcher");
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
 * The execution steps for an understood question: every aspect asked gets its tools, one step per team
 * ("step_search", "step_analysis", "step_document"), analysis after search, document after everything
 * before it. Teams or tools the runtime lacks are left out; UNCLEAR and IRRELEVANT get no steps, and a
 * housing question with no aspect found still searches the law (retrieval decides what is relevant).
 */
export function buildExecutionSteps(
  understanding: Understanding,
  entities: Entities,
  language: Language,
  runtimeTeams: PlanInput["teams"],
  question: string,
): ExecutionStep[] {
  const { intent } = understanding;
  if (intent === "UNCLEAR" || intent === "IRRELEVANT") return [];
  const tools: ToolPlan = { search: new Set(), analysis: new Set(), document: new Set() };
  // A clause or contract pasted into the question is always reviewed; "is this risky?" about it asks about
  // the clause, not the district's jeonse ratio, unless a deposit, price or district makes the deal concrete.
  const aspects = new Set(understanding.aspects);
  if (entities.contractText) {
    aspects.add("contract");
    const concreteDeal = entities.deposit !== undefined || entities.price !== undefined || entities.region !== undefined;
    if (!concreteDeal) aspects.delete("risk");
  }
  for (const aspect of aspects) addAspectTools(aspect, understanding, entities, tools, question);
  if (understanding.aspects.length === 0) tools.search.add("legal_search");
  // "How do I keep my deposit safe?" alongside a price or loan check: the deposit-return guarantees
  // (HUG, HF) are programmes policy_matcher knows, so they come with the analysis already planned.
  if (understanding.rules.wantsDepositProtection && tools.analysis.size > 0 && entities.transactionType !== "sale") {
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
