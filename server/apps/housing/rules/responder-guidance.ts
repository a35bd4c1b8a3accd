// What the assistant says when a message is not a housing question at all: what it can help with, with
// examples. A housing question that lacks facts never gets this: it gets one precise follow-up question.
import type { Language } from "../types";

export function guidance(language: Language): string {
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
