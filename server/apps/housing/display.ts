// The housing app's labels for the UI (Korean): its intents and teams.
import type { AppDisplay } from "../../state/app-display";

export const housingDisplay: AppDisplay = {
  intents: {
    LEGAL_CONSULT: "법률 상담", MARKET_INQUIRY: "시세 조회", LOAN_CONSULT: "대출 상담",
    CONTRACT_CREATION: "계약서 작성", CONTRACT_REVIEW: "계약서 검토", RISK_ANALYSIS: "위험 분석",
    COMPREHENSIVE: "종합 상담", UNCLEAR: "질문 확인 필요", IRRELEVANT: "범위 밖 질문",
  },
  teams: { search: "검색팀", analysis: "분석팀", document: "문서팀" },
};
