// Chooses the lead — the opening lines that answer the question — by question type first, then by what the
// question is about (its intent and the tools that ran); falls back to the tools' own summary lines.
import type { Intent } from "../../types";
import { calculationLead } from "./lead-calculation";
import { definitionLead } from "./lead-definition";
import { legalExplanationLead, permissibilityLead, procedureLead } from "./lead-legal";
import { loanLead } from "./lead-loan";
import { marketLead } from "./lead-market";
import { draftingLead, reviewLead } from "./lead-review";
import { isObj, NO_LEAD, type Lead, type LeadInput } from "./lead-types";

type Composer = (input: LeadInput) => Lead;

function glossaryTerms(input: LeadInput): number {
  const g = input.agg.outputs.glossary_lookup;
  return isObj(g) && Array.isArray(g.terms) ? g.terms.length : 0;
}

/** What the question is about, read from intent and outputs: the composer that speaks for that subject. */
function subjectComposers(input: LeadInput, summaryLead: Composer): Composer[] {
  const o = input.agg.outputs;
  const intent: Intent = input.agg.intent;
  const legalConcepts = (() => {
    const legal = o.legal_search ?? o.legal_search_keyword;
    return isObj(legal) && Array.isArray(legal.matchedConcepts) ? legal.matchedConcepts.length : 0;
  })();
  const asksRisk = /위험|안전|적정|깡통|괜찮|risk|safe|fair|hollow/i.test(input.query);
  const byIntent: Partial<Record<Intent, Composer[]>> = {
    LOAN_CONSULT: [loanLead],
    // The figure for the deal asked about first; the analysis' verdicts lead only when the question asks for one.
    MARKET_INQUIRY: asksRisk && o.market_analysis ? [summaryLead, marketLead] : [marketLead, summaryLead],
    RISK_ANALYSIS: asksRisk && o.market_analysis ? [summaryLead] : legalConcepts > 0 ? [legalExplanationLead, summaryLead] : [summaryLead],
    LEGAL_CONSULT: input.type === "permissibility" || input.type === "other" ? [permissibilityLead, legalExplanationLead] : [legalExplanationLead],
    CONTRACT_REVIEW: [reviewLead],
    CONTRACT_CREATION: [draftingLead],
    COMPREHENSIVE: [summaryLead],
  };
  return byIntent[intent] ?? [];
}

/**
 * The one fact a lead without its own follow-up still lacks: a jeonse ratio worked out against the district's
 * median sale price needs this home's price; a market figure without a district needs the district.
 */
function fallbackFollowUp(input: LeadInput): string | null {
  const l = input.language;
  const analysis = input.agg.outputs.market_analysis;
  const ratio = isObj(analysis) ? (isObj(analysis.jeonseRatio) ? analysis.jeonseRatio : isObj(analysis.marketJeonseRatio) ? analysis.marketJeonseRatio : null) : null;
  if (ratio && ratio.basis !== "user") {
    return l === "ko"
      ? "계약하려는 집의 매매가(같은 단지·면적 시세)를 알려주시겠어요? 전세가율은 보증금 ÷ 매매가라서, 지역 중앙값 대신 그 집 가격으로 계산해야 위험도가 정확합니다."
      : "What is the sale price of this home (or of the same size in the same complex)? The jeonse ratio is deposit ÷ price, so the risk level is only accurate with this home's price.";
  }
  const market = input.agg.outputs.market_data ?? input.agg.outputs.market_summary;
  if (isObj(market) && market.region === null && !input.agg.entities.region) {
    return l === "ko" ? "어느 구를 보고 계신가요? 구마다 시세 차이가 커서 서울 전체 수치로는 판단하기 어렵습니다." : "Which district are you looking at? Prices differ widely between districts.";
  }
  return null;
}

/**
 * "Is a clause waiving my renewal right valid?" without the contract: the law's verdict on that kind of clause
 * first, then the request for the text (the review itself needs it; nothing is called clean).
 */
function clauseValidityLead(input: LeadInput): Lead {
  const q = input.query;
  if (!/조항|특약|clause|\bterm\b/i.test(q) || !/유효|무효|효력|합법|불법|가능|되나요|\bvalid|\blegal|allowed|enforceable/i.test(q) || input.agg.outputs.contract_analysis) return NO_LEAD;
  const verdict = permissibilityLead(input);
  if (verdict.lines.length === 0) return NO_LEAD;
  return { lines: verdict.lines, followUp: reviewLead(input).followUp };
}

export function composeLead(input: LeadInput, summaryLead: Composer): Lead {
  const byType: Partial<Record<LeadInput["type"], Composer[]>> = {
    definition: [definitionLead],
    // Two terms side by side ("DTI와 LTV 차이") are best answered by both definitions.
    comparison: glossaryTerms(input) >= 2 ? [definitionLead] : [],
    calculation: [calculationLead],
    review: [clauseValidityLead, reviewLead],
    drafting: [draftingLead],
    procedure: [procedureLead],
    permissibility: input.agg.intent === "RISK_ANALYSIS" || input.agg.intent === "COMPREHENSIVE" ? [] : [permissibilityLead],
  };
  // A trend or buy/rent question about prices is a market question whatever the intent says.
  const market = input.agg.outputs.market_data ?? input.agg.outputs.market_summary;
  const pricey = market && !input.agg.outputs.market_analysis && /시세|가격|집값|중앙값|상승|하락|추이|거래량|price|market|trend|cost/i.test(input.query) ? [marketLead] : [];
  // Text the user pasted was reviewed: "is this risky / valid?" is about that text, whatever the intent says.
  const reviewed = input.agg.outputs.contract_analysis && !["definition", "calculation", "drafting"].includes(input.type) ? [reviewLead] : [];
  const order = [...reviewed, ...(byType[input.type] ?? []), ...subjectComposers(input, summaryLead), ...pricey, legalExplanationLead, loanLead, marketLead, summaryLead];
  let followUp: string | null = null;
  for (const compose of order) {
    const lead = compose(input);
    followUp ??= lead.followUp;
    if (lead.lines.length > 0) return { lines: lead.lines, followUp: lead.followUp ?? followUp ?? fallbackFollowUp(input) };
  }
  return { lines: [], followUp: followUp ?? fallbackFollowUp(input) };
}
