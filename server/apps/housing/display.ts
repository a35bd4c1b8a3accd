// The housing app's labels for the UI (Korean): its intents and teams, and the chat's greeting.
import type { AppDisplay } from "../../state/app-display";

export const housingDisplay: AppDisplay = {
  intents: {
    LEGAL_CONSULT: "법률 상담", MARKET_INQUIRY: "시세 조회", LOAN_CONSULT: "대출 상담",
    CONTRACT_CREATION: "계약서 작성", CONTRACT_REVIEW: "계약서 검토", RISK_ANALYSIS: "위험 분석",
    COMPREHENSIVE: "종합 상담", UNCLEAR: "질문 확인 필요", IRRELEVANT: "범위 밖 질문",
  },
  teams: { search: "검색팀", analysis: "분석팀", document: "문서팀" },
  welcome: {
    title: "무엇을 도와드릴까요?",
    intro: "전세·매매 시세, 임대차 법, 대출, 계약서 검토까지. 질문을 보내면 여러 팀이 도구를 나눠 쓰며 처리하는 과정을 실시간으로 보여드립니다.",
    examples: [
      "마포구 아파트 전세 4억이면 적정한가요? 대출은 얼마나 되고 보증금은 어떻게 지키나요?",
      "전세 계약 갱신 때 집주인이 보증금을 10% 올리겠다고 해요. 가능한가요?",
      "신혼부부인데 디딤돌 대출로 5억 아파트를 살 수 있을까요?",
    ],
  },
};
