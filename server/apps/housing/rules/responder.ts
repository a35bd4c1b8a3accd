// The built-in (rules) answer composer: a markdown answer in the question's language built only from
// what the tools returned — summary, figures, legal basis, risks, next steps, gaps and sources — streamed per section.
import { housingAggregated, type AggregatedResults, type Language } from "../types";
import type { Answer, Responder, RespondInput } from "../../../models/types";
import {
  emptySections, renderContractAnalysis, renderDocumentReview, renderLeaseContract, renderLegal, renderListings,
  renderLoanSearch, renderMarketData, renderPolicyMatcher, renderRentIncrease,
  type Sections,
} from "./responder-sections";
import { renderLoanSimulator, renderMarketAnalysis } from "./responder-analysis";
import { nextSteps } from "./responder-next-steps";
import type { MarketOutput } from "../tools/market-schema";
import type { MarketAnalysisOutput } from "../tools/market-analysis";
import type { LoanSimulatorOutput } from "../tools/loan-simulator";
import type { RentIncreaseOutput } from "../tools/rent-increase-check";
import type { ContractAnalysisOutput } from "../tools/contract-analysis";
import type { PolicyMatcherOutput } from "../tools/policy-matcher";
import type { LeaseContractOutput } from "../tools/lease-contract-generator";
import type { DocumentReviewOutput } from "../tools/document-review";

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
};

const HEADINGS = {
  summary: { ko: "## 요약", en: "## Summary" },
  figures: { ko: "## 주요 수치", en: "## Key figures" },
  legal: { ko: "## 법적 근거", en: "## Legal basis" },
  risks: { ko: "## 위험 요소", en: "## Risks" },
  next: { ko: "## 다음 단계", en: "## Next steps" },
  gaps: { ko: "## 확인하지 못한 정보", en: "## What could not be obtained" },
  sources: { ko: "## 출처", en: "## Sources" },
};

function guidance(language: Language): string {
  if (language === "ko") {
    return [
      "## 도와드릴 수 있는 일", "",
      "주택·부동산 상담 도우미입니다. 다음과 같은 질문에 답할 수 있습니다:", "",
      "- 임대차 법률: 계약갱신요구권, 보증금 인상 한도, 보증금 반환, 전입신고와 확정일자",
      "- 시세: 지역별 매매·전세·월세 시세와 가격 적정성",
      "- 대출: 주택담보대출·전세자금대출 한도와 월 상환액, 정책 금융 자격",
      "- 위험 분석: 전세가율과 깡통전세 위험",
      "- 계약서: 임대차 계약서 초안 작성, 계약서 위험 조항 검토", "",
      "예시 질문:", "",
      "- \"마포구 아파트 전세 시세가 어느 정도예요?\"",
      "- \"전세 재계약 때 집주인이 보증금을 올려 달라는데 한도가 있나요?\"",
      "- \"신혼부부인데 전세자금대출 조건이 어떻게 되나요?\"",
      "- \"계약서 특약에 있는 이 문구가 위험한지 봐 주세요: ...\"",
    ].join("\n");
  }
  return [
    "## What I can help with", "",
    "I am a housing and real-estate assistant for Korea. I can answer questions about:", "",
    "- Lease law: the renewal right, increase limits, getting the deposit back, residence registration",
    "- Market prices: sale, jeonse and monthly-rent prices by district, and whether a price is fair",
    "- Loans: mortgage and jeonse loan limits, monthly repayments, government programmes",
    "- Risk: the jeonse-to-sale ratio and the risk to your deposit",
    "- Contracts: drafting a lease, reviewing clauses for risks", "",
    "Example questions:", "",
    "- \"What's the average jeonse price for an apartment in Mapo-gu?\"",
    "- \"My landlord wants a bigger deposit at renewal. Is there a limit?\"",
    "- \"Which government jeonse loans can newlyweds get?\"",
    "- \"Is this clause in my lease risky: ...\"",
  ].join("\n");
}

function collectSections(agg: AggregatedResults, l: Language): Sections {
  const s = emptySections();
  const o = agg.outputs;
  const market = (o.market_data ?? o.market_summary) as MarketOutput | undefined;
  if (market) renderMarketData(market, l, s);
  if (o.real_estate_search) renderListings(o.real_estate_search, l, s);
  if (o.loan_search) renderLoanSearch(o.loan_search, l, s);
  if (o.market_analysis) renderMarketAnalysis(o.market_analysis as MarketAnalysisOutput, l, s, agg.entities.areaM2 !== undefined);
  if (o.loan_simulator) renderLoanSimulator(o.loan_simulator as LoanSimulatorOutput, l, s);
  if (o.policy_matcher) renderPolicyMatcher(o.policy_matcher as PolicyMatcherOutput, l, s);
  if (o.rent_increase_check) renderRentIncrease(o.rent_increase_check as RentIncreaseOutput, l, s);
  if (o.contract_analysis) renderContractAnalysis(o.contract_analysis as ContractAnalysisOutput, l, s);
  const legal = o.legal_search ?? o.legal_search_keyword;
  if (legal) renderLegal(legal, l, s);
  if (o.lease_contract_generator) renderLeaseContract(o.lease_contract_generator as LeaseContractOutput, l, s);
  if (o.document_review) renderDocumentReview(o.document_review as DocumentReviewOutput, l, s);
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

export function composeAnswer(agg: AggregatedResults, language: Language): { parts: string[]; sources: string[] } {
  const s = collectSections(agg, language);
  const parts: string[] = [];
  const section = (heading: string, lines: string[]) => {
    if (lines.length > 0) parts.push(`${heading}\n\n${lines.join("\n").trim()}\n\n`);
  };
  const summary = s.summary.length > 0 ? s.summary.map((x) => `- ${x}`)
    : [language === "ko" ? "- 질문에 답할 수 있는 결과를 얻지 못했습니다." : "- No results were obtained that answer the question."];
  section(HEADINGS.summary[language], summary);
  const caveats = dedupe(s.caveats).map((c) => `> ${c}`);
  section(HEADINGS.figures[language], caveats.length > 0 ? [...s.figures, "", ...caveats] : s.figures);
  section(HEADINGS.legal[language], dedupe(s.legal));
  section(HEADINGS.risks[language], dedupe(s.risks).map((r) => (r.startsWith("- ") ? r : `- ${r}`)));
  section(HEADINGS.next[language], nextSteps(agg, language).map((x) => `- ${x}`));
  section(HEADINGS.gaps[language], gapLines(agg, s.notes, language));
  const sources = sourcesOf(agg);
  section(HEADINGS.sources[language], sources.map((x) => `- ${x}`));
  return { parts, sources };
}

export class RulesResponder implements Responder {
  readonly kind = "rules" as const;

  async respond({ planning, aggregated, onDelta, signal }: RespondInput): Promise<Answer> {
    const language = planning.language;
    if (!aggregated || planning.execution_steps.length === 0 || planning.intent === "UNCLEAR" || planning.intent === "IRRELEVANT") {
      const text = guidance(language);
      const [head, ...rest] = text.split("\n\n");
      await onDelta?.(`${head}\n\n`);
      if (rest.length > 0) await onDelta?.(rest.join("\n\n"));
      return { answer: text, sources: [], source: "rules" };
    }
    const { parts, sources } = composeAnswer(housingAggregated(aggregated), language);
    for (const part of parts) {
      if (signal?.aborted) throw new Error("respond aborted");
      await onDelta?.(part);
    }
    return { answer: parts.join(""), sources, source: "rules" };
  }
}
