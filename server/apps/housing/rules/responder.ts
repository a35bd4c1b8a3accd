// The built-in (rules) answer composer: a markdown answer in the question's language built only from
// what the tools returned — summary, figures, legal basis, risks, next steps, gaps and sources — streamed per section.
import { housingAggregated, housingPlanning, type AggregatedResults, type Language, type PlanningState } from "../types";
import type { Answer, Responder, RespondInput } from "../../../models/types";
import {
  emptySections, renderContractAnalysis, renderDocumentReview, renderLeaseContract, renderLegal, renderListings,
  renderLoanSearch, renderMarketData, renderPolicyMatcher, renderRentIncrease,
  type Sections,
} from "./responder-sections";
import { renderLoanSimulator, renderMarketAnalysis } from "./responder-analysis";
import { nextSteps } from "./responder-next-steps";
import { guidance } from "./responder-guidance";
import { composeLead } from "./answer/lead";
import type { Lead, LeadInput } from "./answer/lead-types";
import { calculationKindOf, complexNameIn, effectiveQuestionType, type QuestionType } from "./question-kind";
import { procedureSteps } from "./answer/procedures";
import { housingOutput } from "../tools/outputs";

const TOOL_LABELS: Record<string, { ko: string; en: string }> = {
  market_data: { ko: "시세 자료", en: "market prices" },
  market_summary: { ko: "시세 요약", en: "market summary" },
  legal_search: { ko: "관련 법령", en: "law articles" },
  legal_search_keyword: { ko: "관련 법령(키워드)", en: "law articles (keyword)" },
  loan_search: { ko: "대출 상품", en: "loan products" },
  real_estate_search: { ko: "매물", en: "listings" },
  market_analysis: { ko: "가격·전세 위험 분석", en: "price and jeonse-risk analysis" },
  loan_simulator: { ko: "대출 한도·상환액 계산", en: "loan limit and repayment calculation" },
  policy_matcher: { ko: "정책 금융 매칭", en: "government programme matching" },
  rent_increase_check: { ko: "인상 한도 검토", en: "rent increase check" },
  contract_analysis: { ko: "계약서 위험 조항 분석", en: "contract clause analysis" },
  lease_contract_generator: { ko: "계약서 초안", en: "contract draft" },
  document_review: { ko: "계약서 검토", en: "contract review" },
  glossary_lookup: { ko: "용어 정의", en: "term definitions" },
  housing_calculator: { ko: "계산", en: "calculation" },
};

const HEADINGS = {
  summary: { ko: "## 요약", en: "## Summary" },
  figures: { ko: "## 주요 수치", en: "## Key figures" },
  legal: { ko: "## 법적 근거", en: "## Legal basis" },
  risks: { ko: "## 위험 요소", en: "## Risks" },
  next: { ko: "## 다음 단계", en: "## Next steps" },
  gaps: { ko: "## 확인하지 못한 정보", en: "## What could not be obtained" },
  sources: { ko: "## 출처", en: "## Sources" },
  question: { ko: "**한 가지 여쭤볼게요:**", en: "**One question:**" },
};

/**
 * Outputs that answer a different question than the one asked: a definition of LTV needs no list of policy
 * programmes or a loan simulation, a computed conversion no Seoul-wide market table. They are left out.
 */
function offTopic(agg: AggregatedResults, type: QuestionType): Set<string> {
  const o = agg.outputs;
  const defined = housingOutput(o, "glossary_lookup")?.terms.length ?? 0;
  if (type === "definition" && defined > 0) return new Set(["policy_matcher", "loan_simulator", "market_data", "market_summary", "real_estate_search"]);
  if (type === "calculation" && housingOutput(o, "housing_calculator")?.computed) return new Set(["market_data", "market_summary", "real_estate_search"]);
  // A contract review names no home unless it names a district: Seoul-wide prices and ratios say nothing about it.
  // Nor do they answer a legal or procedural question that gives no place and no amount ("what happens to my
  // deposit at auction?"): the law answers it, and a Seoul median beside it only distracts.
  const e = agg.entities;
  const placeless = e.region === undefined && e.deposit === undefined && e.price === undefined && e.monthlyRent === undefined;
  const lawAnswers = (o.legal_search ?? o.legal_search_keyword) !== undefined && ["other", "permissibility", "procedure"].includes(type);
  if (placeless && o.contract_analysis === undefined && (type === "review" || lawAnswers)) return new Set(["market_data", "market_summary", "market_analysis"]);
  return new Set();
}

/**
 * A jeonse-ratio verdict ("깡통전세 위험도 안전") speaks of a deposit: the user's own, or a district's going rate
 * in a jeonse question. A Seoul-wide ratio, or a sale or monthly-rent question, gets the figures but no verdict.
 */
function ratioVerdictFits(e: AggregatedResults["entities"]): boolean {
  if (e.deposit !== undefined) return true;
  return e.region !== undefined && (e.transactionType === undefined || e.transactionType === "jeonse");
}

function collectSections(agg: AggregatedResults, l: Language, skip: Set<string> = new Set()): Sections {
  const s = emptySections();
  const o = Object.fromEntries(Object.entries(agg.outputs).filter(([tool]) => !skip.has(tool)));
  const market = housingOutput(o, "market_data", "market_summary");
  if (market) renderMarketData(market, l, s, agg.entities.transactionType);
  if (o.real_estate_search) renderListings(o.real_estate_search, l, s);
  if (o.loan_search) renderLoanSearch(o.loan_search, l, s);
  const analysis = housingOutput(o, "market_analysis");
  if (analysis) renderMarketAnalysis(analysis, l, s, agg.entities.areaM2 !== undefined, ratioVerdictFits(agg.entities));
  const simulation = housingOutput(o, "loan_simulator");
  if (simulation) renderLoanSimulator(simulation, l, s);
  const programmes = housingOutput(o, "policy_matcher");
  if (programmes) renderPolicyMatcher(programmes, l, s);
  const increase = housingOutput(o, "rent_increase_check");
  if (increase) renderRentIncrease(increase, l, s);
  const clauses = housingOutput(o, "contract_analysis");
  if (clauses) renderContractAnalysis(clauses, l, s);
  const legal = o.legal_search ?? o.legal_search_keyword;
  if (legal) renderLegal(legal, l, s);
  const draft = housingOutput(o, "lease_contract_generator");
  if (draft) renderLeaseContract(draft, l, s);
  const review = housingOutput(o, "document_review");
  if (review) renderDocumentReview(review, l, s);
  return s;
}

function sourcesOf(agg: AggregatedResults): string[] {
  const out = new Set<string>();
  for (const [tool, value] of Object.entries(agg.outputs)) {
    const listed = typeof value === "object" && value !== null && Array.isArray((value as { sources?: unknown }).sources)
      ? ((value as { sources: unknown[] }).sources.filter((x): x is string => typeof x === "string")) : [];
    if (listed.length === 0) out.add(tool);
    for (const src of listed) out.add(`${tool}: ${src}`);
  }
  return [...out];
}

function gapLines(agg: AggregatedResults, notes: string[], l: Language): string[] {
  const lines: string[] = [];
  const label = (tool: string) => TOOL_LABELS[tool]?.[l] ?? tool;
  if (agg.missing.length > 0) {
    lines.push(l === "ko"
      ? `- 다음 정보를 가져오지 못해 답변에서 빠졌습니다: ${agg.missing.map(label).join(", ")}`
      : `- These could not be obtained and are missing from the answer: ${agg.missing.map(label).join(", ")}`);
  }
  if (agg.degraded) {
    lines.push(l === "ko" ? "- 일부 단계가 실패하거나 건너뛰어져 답변이 불완전할 수 있습니다." : "- Some steps failed or were skipped, so this answer may be incomplete.");
  }
  for (const n of [...new Set(notes)]) lines.push(`- ${n}`);
  return lines;
}

const dedupe = (lines: string[]) => [...new Set(lines)];

export interface ComposeOptions {
  query?: string;
  /** The planner's question type; "other" (or none) is replaced by the one the question's words suggest. */
  questionType?: string;
}

/**
 * The answer: first the lead (the direct answer to what was asked), then the other summary points, figures,
 * legal basis, risks, next steps, gaps and sources, and at the end at most one precise follow-up question.
 */
export function composeAnswer(agg: AggregatedResults, language: Language, options: ComposeOptions = {}): { parts: string[]; sources: string[]; lead: string } {
  const query = options.query ?? "";
  const type: QuestionType = effectiveQuestionType({ questionType: options.questionType ?? "other" }, query);
  const skip = offTopic(agg, type);
  const s = collectSections(agg, language, skip);
  // The tools' own summary lines as a lead: for a risk or fairness question the verdicts go first.
  const verdictFirst = /위험|안전|적정|깡통|risk|safe|fair/i.test(query);
  const rank = (x: string) => (!verdictFirst ? 0 : /전세가율|jeonse ratio/i.test(x) ? 0 : /중앙값보다|the median of/i.test(x) ? 1 : 2);
  const ordered = [...s.summary].sort((a, b) => rank(a) - rank(b));
  const fromSummary = (): Lead => ({ lines: ordered.length > 0 ? [ordered.map((x) => `- ${x}`).join("\n")] : [], followUp: null });
  const input: LeadInput = { query, type, language, agg };
  const lead = composeLead(input, fromSummary);
  const parts: string[] = [];
  const section = (heading: string, lines: string[]) => {
    if (lines.length > 0) parts.push(`${heading}\n\n${lines.join("\n").trim()}\n\n`);
  };
  const leadText = lead.lines.length > 0 ? lead.lines.join("\n\n")
    : language === "ko" ? "도구에서 이 질문에 직접 답할 결과를 얻지 못했습니다. 아래는 확인된 내용입니다." : "The tools returned nothing that answers this directly; below is what was found.";
  parts.push(`${leadText}\n\n`);
  // Summary points the lead did not already say.
  // "마포구 … 중앙값은 월 325만원(…)입니다 (거래 165건…)" says again what the lead said: compare up to the verb.
  const rest = s.summary.filter((x) => !leadText.includes(x.split(/입니다|\s\(/u)[0]));
  section(HEADINGS.summary[language], rest.map((x) => `- ${x}`));
  const caveats = dedupe(s.caveats).map((c) => `> ${c}`);
  section(HEADINGS.figures[language], caveats.length > 0 ? [...s.figures, "", ...caveats] : s.figures);
  section(HEADINGS.legal[language], dedupe(s.legal));
  section(HEADINGS.risks[language], dedupe(s.risks).map((r) => (r.startsWith("- ") ? r : `- ${r}`)));
  section(HEADINGS.next[language], nextSteps(agg, language).map((x) => `- ${x}`));
  section(HEADINGS.gaps[language], gapLines(agg, s.notes, language));
  const sources = sourcesOf({ ...agg, outputs: Object.fromEntries(Object.entries(agg.outputs).filter(([tool]) => !skip.has(tool))) });
  section(HEADINGS.sources[language], sources.map((x) => `- ${x}`));
  if (lead.followUp) parts.push(`${HEADINGS.question[language]} ${lead.followUp}\n`);
  return { parts, sources, lead: leadText };
}

const HOUSING_WORDS = /보증금|월세|전세|매매|시세|집값|부동산|청약|중개|계약|위약금|수익률|복비|집주인|세입자|아파트|빌라|오피스텔|전입|확정일자|갱신|임대|임차|특약|등기|근저당|채권최고액|경매|대출|담보|\brent|deposit|jeonse|lease|brokerage|landlord|tenant|seller|down payment|yield|apartment|house|상환|금리|이자|residence|fixed.date|renewal|mortgage|repayment|interest rate|opposing power|jeonse|-gu\b/i;

const CALC_NEEDS = {
  yield: { ko: ["임대 수익률", "매매가·보증금·월세", "매매가와 월세가 얼마인가요? 수익률은 연간 월세 합계를 실투자금(매매가 − 보증금)으로 나눠 계산합니다."], en: ["rental yield", "the price, deposit and rent", "What are the price and the monthly rent? Yield is a year's rent divided by the cash invested (price − deposit)."] },
  brokerage_fee: { ko: ["중개보수", "거래 종류(매매·전세·월세)와 거래금액", "매매인가요, 임대차인가요? 그리고 거래금액(매매가 또는 보증금·월세)은 얼마인가요? 요율이 거래 종류와 금액 구간에 따라 다릅니다."], en: ["brokerage fee", "the deal type and amount", "Is it a sale or a lease, and for how much? The maximum rate depends on both."] },
  down_payment: { ko: ["계약 해제 시 계약금(위약금)", "계약금 액수와 누가 해제하는지", "계약금이 얼마였고, 누가 계약을 해제하나요(본인 또는 상대방)? 해제하는 쪽에 따라 포기하거나 두 배를 돌려받습니다."], en: ["down-payment forfeit", "the down payment and who cancels", "How much was the down payment, and who is cancelling? One side forfeits it, the other pays back double."] },
  conversion: { ko: ["전월세 전환", "전환할 보증금 또는 월세", "월세로 바꿀 보증금(또는 보증금으로 바꿀 월세)이 얼마인가요? 법정 전환율을 그 금액에 적용합니다."], en: ["deposit-to-rent conversion", "the amount to convert", "How much deposit (or rent) do you want to convert? The legal rate is applied to it."] },
} as const;

/**
 * A housing question the planner left without steps: a calculation says what it needs, a procedure gets its
 * standing steps, anything else one question back — never the help text.
 */
function clarification(planning: PlanningState, query: string): string {
  const l = planning.language;
  const kind = effectiveQuestionType(planning, query) === "calculation" ? calculationKindOf(query) : null;
  if (kind) {
    const [what, needs, ask] = CALC_NEEDS[kind][l];
    return l === "ko" ? `${what}을(를) 계산하려면 ${needs}이(가) 필요합니다.\n\n**한 가지 여쭤볼게요:** ${ask}\n` : `To compute the ${what} I need ${needs}.\n\n**One question:** ${ask}\n`;
  }
  const steps = effectiveQuestionType(planning, query) === "procedure" ? procedureSteps(query, [], { intent: planning.intent, language: l, entities: planning.entities, outputs: {}, missing: [], degraded: false }, l) : [];
  if (steps.length > 0) return `${l === "ko" ? "이렇게 진행하세요:" : "Here is what to do, in order:"}\n\n${steps.map((x, i) => `${i + 1}. ${x}`).join("\n")}\n`;
  const complex = complexNameIn(query, planning.entities);
  if (complex) {
    return planning.language === "ko"
      ? `'${complex}' 단지에 대해 물으셨는데, 어느 구에 있는 단지인지와 매매·전세·월세 중 무엇을 보시는지 확인하지 못했습니다.\n\n**한 가지 여쭤볼게요:** '${complex}'은(는) 어느 구에 있나요? 구를 알면 그 지역 거래 자료에서 단지를 찾아 시세를 알려드릴 수 있습니다.\n`
      : `You asked about '${complex}', but I could not tell which district it is in or whether you mean buying, jeonse or monthly rent.\n\n**One question:** Which district is '${complex}' in? With the district I can look the complex up in that area's transactions.\n`;
  }
  const missing = missingFact(query, planning.entities.region !== undefined);
  if (missing) return l === "ko" ? `${missing.ko[0]}\n\n**한 가지 여쭤볼게요:** ${missing.ko[1]}\n` : `${missing.en[0]}\n\n**One question:** ${missing.en[1]}\n`;
  return planning.language === "ko"
    ? "질문을 정확히 이해하지 못했습니다.\n\n**한 가지 여쭤볼게요:** 어떤 상황인지(예: 마포구 아파트에 전세로 들어갈 예정이고 보증금은 얼마) 알려주시겠어요? 지역·거래 종류·금액에 따라 적용되는 시세·법·대출 조건이 달라집니다.\n"
    : "I could not tell exactly what you are asking.\n\n**One question:** What is your situation (e.g. renting an apartment in Mapo-gu on a jeonse, and for how much)? The prices, rules and loans that apply depend on the district, the deal and the amount.\n";
}

/** The one fact a short housing question lacks, by its subject: (what is missing, the question that asks for it). */
function missingFact(query: string, hasRegion: boolean): { ko: [string, string]; en: [string, string] } | null {
  if (/대출|loan|mortgage/i.test(query)) {
    return {
      ko: ["대출 한도와 받을 수 있는 상품은 용도와 소득에 따라 정해집니다.", "집을 사시려는 건가요, 전세·월세 보증금인가요? 그리고 연소득은 얼마인가요?"],
      en: ["The loan limit and the products you can get depend on what the loan is for and your income.", "Is it to buy a home or for a jeonse or monthly-rent deposit, and what is your yearly income?"],
    };
  }
  if (!hasRegion && /시세|집값|가격|얼마|price|how much|market/i.test(query)) {
    return {
      ko: ["시세는 지역과 거래 종류에 따라 크게 달라서, 어느 지역의 어떤 거래인지 알아야 중앙값을 찾을 수 있습니다.", "어느 구(예: 마포구)의 어떤 집(아파트·빌라·오피스텔)을 매매·전세·월세 중 무엇으로 보고 계신가요?"],
      en: ["Prices differ widely by district and deal, so I need both to look up the median.", "Which district (e.g. Mapo-gu), which kind of home (apartment, villa, officetel), and is it to buy, jeonse or monthly rent?"],
    };
  }
  return null;
}

export class RulesResponder implements Responder {
  readonly kind = "rules" as const;

  async respond({ query, planning: corePlanning, aggregated, onDelta, signal }: RespondInput): Promise<Answer> {
    const planning = housingPlanning(corePlanning);
    const language = planning.language;
    // UNCLEAR, or "IRRELEVANT" for what is plainly a housing sum: one question back, not the help text.
    // A housing question the planner called IRRELEVANT still gets what the rules can give without tools
    // (a calculation's inputs, a procedure's steps, one precise question), never the help text.
    if (planning.intent === "UNCLEAR" || (planning.intent === "IRRELEVANT" && HOUSING_WORDS.test(query ?? ""))) {
      const text = clarification(planning, query);
      await onDelta?.(text);
      return { answer: text, sources: [], source: "rules" };
    }
    if (!aggregated || planning.execution_steps.length === 0 || planning.intent === "IRRELEVANT") {
      const text = guidance(language);
      const [head, ...rest] = text.split("\n\n");
      await onDelta?.(`${head}\n\n`);
      if (rest.length > 0) await onDelta?.(rest.join("\n\n"));
      return { answer: text, sources: [], source: "rules" };
    }
    const { parts, sources } = composeAnswer(housingAggregated(aggregated), language, { query, questionType: planning.questionType });
    for (const part of parts) {
      if (signal?.aborted) throw new Error("respond aborted");
      await onDelta?.(part);
    }
    return { answer: parts.join(""), sources, source: "rules" };
  }
}
