// A second labelled set, written after the answer code was frozen and scored once (the figure to report);
// kept apart from lead-questions.ts so fixes are never tuned on it.
import type { LeadQuestion } from "./lead-questions";

const ko = (type: LeadQuestion["type"], ...qs: string[]): LeadQuestion[] => qs.map((q) => ({ q, type, lang: "ko" as const }));
const en = (type: LeadQuestion["type"], ...qs: string[]): LeadQuestion[] => qs.map((q) => ({ q, type, lang: "en" as const }));

export const HOLDOUT_QUESTIONS: LeadQuestion[] = [
  ...ko("definition", "대항력이 뭐예요?", "우선변제권이란 무엇인가요?", "전월세전환율이 뭔가요?", "환산보증금이 무슨 뜻이에요?", "채권최고액이 뭐야?",
    "계약갱신요구권이 뭔지 알려주세요", "전세권이 무엇인가요?", "등기부등본이 뭐예요?", "특약이 뭔가요?", "양도소득세가 뭐예요?"),
  ...en("definition", "What is a jeonse ratio?", "What does fixed-date stamp mean?", "What is DTI?", "What's a mortgage lien in Korea?", "What is acquisition tax?",
    "What does implied renewal mean?"),
  ...ko("permissibility", "집주인이 갑자기 나가라고 하면 나가야 하나요?", "전세 계약 중에 집이 팔리면 계속 살 수 있나요?", "재계약할 때 보증금을 10% 올려도 되나요?",
    "갱신요구권을 두 번 쓸 수 있나요?", "보증금 일부를 월세로 돌리자는데 전환율 제한이 있나요?", "계약서에 갱신 안 한다는 특약 넣으면 유효한가요?",
    "집주인이 납세증명서를 안 보여줘도 되나요?", "2년 안 채우고 1년만 살기로 해도 되나요?"),
  ...en("permissibility", "Can the landlord raise my jeonse deposit by 8% at renewal?", "If the house is sold, do I have to move out?", "Can I use the renewal right twice?",
    "Is it legal for a lease to ban residence registration?", "Can the landlord refuse to show me his tax payment certificate?"),
  ...ko("amount", "은평구 아파트 전세 시세가 얼마예요?", "동작구 빌라 월세 얼마 해요?", "강남구 아파트 매매 중앙값 알려줘", "영등포구 오피스텔 전세 평균은?",
    "마포구 아파트 매매가 요즘 오르고 있나요?", "송파구 아파트 전세 거래량이 늘었나요?", "중랑구 아파트 매매 시세", "서초구 아파트 월세 평균 얼마예요?",
    "소액임차인 보호 금액이 서울은 얼마예요?", "성북구 아파트 전세가 추이 알려줘"),
  ...en("amount", "What does a jeonse cost for an apartment in Songpa-gu?", "How much are monthly rents for officetels in Mapo-gu?", "What's the average sale price of apartments in Gangnam-gu?",
    "Are apartment prices in Seocho-gu going up?", "How much is a villa jeonse in Eunpyeong-gu?", "What's the typical monthly rent in Gwanak-gu?"),
  ...ko("procedure", "전입신고는 어떻게 해요?", "보증금 반환 소송은 어떻게 진행하나요?", "계약 끝났는데 집주인이 돈을 안 줘요. 어떻게 해야 하죠?",
    "주택담보대출 받는 절차 알려주세요", "전세 계약 전에 확인할 것들 순서대로 알려줘", "갱신 요구하려면 어떻게 해야 돼요?"),
  ...en("procedure", "How do I register my residence after moving in?", "What should I do if my landlord refuses to return the deposit?", "How do I apply for a mortgage in Korea?",
    "What steps should I take before signing a jeonse contract?"),
  ...ko("eligibility", "연봉 3천만원 26살 무주택인데 청년 전세대출 받을 수 있어요?", "신혼부부 합산 6천이면 버팀목 대상인가요?", "자녀 셋인데 디딤돌 받을 수 있나요?",
    "생애최초로 5억 아파트 사는데 정책 대출 자격 되나요?"),
  ...en("eligibility", "I'm 25 with an income of 28 million won. Can I get Youth Beotimmok?", "We're newlyweds earning 85 million won together. Which programmes do we qualify for?",
    "Can a first-time buyer earning 60 million won get Didimdol?"),
  ...ko("comparison", "버팀목이랑 청년전용 버팀목 중 뭐가 나아요?", "전세와 월세 비교해주세요", "보금자리론이랑 은행 주담대 차이가 뭐예요?", "원리금균등과 원금균등 중 뭐가 유리해요?"),
  ...en("comparison", "Should I choose jeonse or monthly rent in Mapo-gu?", "Which is cheaper, Didimdol or a bank mortgage?"),
  ...ko("calculation", "보증금 3억 중 1억을 월세로 돌리면 월세가 얼마가 되는지 계산해줘", "월세 50만원을 보증금으로 환산하면 얼마예요?", "매매가 4억, 보증금 3천, 월세 100만원이면 수익률은?",
    "6억 아파트 살 때 중개보수 얼마예요?", "전세 2억 중개수수료 계산해줘", "계약금 3천만원 걸었는데 제가 계약 취소하면 얼마 손해예요?", "중개보수 계산해줘",
    "보증금 1천에 월세 50이면 복비 얼마예요?", "12억 아파트 매매 복비 얼마 나와요?", "전월세 전환 계산해줘"),
  ...en("calculation", "How much rent would 200 million won of deposit convert to?", "What's the brokerage fee for a 400 million won jeonse?",
    "Calculate the rental yield: price 700 million won, deposit 100 million, rent 2 million a month", "The landlord cancelled after I paid a 20 million won down payment. What am I owed?",
    "Work out the conversion of my deposit to monthly rent"),
  ...ko("review", "제 임대차 계약서 좀 검토해 주세요", "이 특약 괜찮은지 봐줘: \"임차인은 퇴거 시 모든 수리비를 부담한다\"", "계약서 독소조항 있는지 확인해줘",
    "이 조항 위험한가요? \"임대인은 임의로 계약을 해지할 수 있다\"", "계약서 검토 부탁드립니다"),
  ...en("review", "Can you check my lease contract?", "Review this clause: \"The tenant shall pay all repair costs including structural repairs.\"", "Look over my rental agreement for problems"),
  ...ko("drafting", "송파구 아파트 전세 계약서 써줘. 보증금 5억, 2026년 6월부터 2년", "오피스텔 월세 계약서 초안 부탁해요. 보증금 2천 월세 90만원"),
  ...en("drafting", "Write a monthly rent lease for a 10 million won deposit and 700,000 won rent"),
  ...ko("other", "집주인이 파산하면 제 보증금은요?", "전세 살다가 집주인이 바뀌었는데 괜찮을까요?", "래미안 퍼스티지 매매가는?", "깡통전세 피하려면 뭘 봐야 해요?"),
  ...en("other", "What happens to my deposit if my landlord goes bankrupt?", "The house I rent was sold. What happens to me?"),
];
