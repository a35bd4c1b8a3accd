// A labelled set of housing questions (Korean and English, every question type) for the lead eval: written
// once, without looking at the answers, and not edited to make the checks pass.
import type { LeadCheckType } from "./lead-checks";

export interface LeadQuestion { q: string; type: LeadCheckType; lang: "ko" | "en" }

const ko = (type: LeadCheckType, ...qs: string[]): LeadQuestion[] => qs.map((q) => ({ q, type, lang: "ko" as const }));
const en = (type: LeadCheckType, ...qs: string[]): LeadQuestion[] => qs.map((q) => ({ q, type, lang: "en" as const }));

export const LEAD_QUESTIONS: LeadQuestion[] = [
  ...ko("definition", "DSR이 뭐예요?", "확정일자란 무엇인가요?", "전세가율이 무슨 뜻이에요?", "근저당이 뭔가요?", "묵시적 갱신이 무엇인지 알려주세요",
    "최우선변제권이 뭐야?", "임차권등기명령이란?", "중개보수가 무엇인가요?", "DTI와 LTV의 의미가 궁금해요", "깡통전세가 뭔지 설명해줘"),
  ...en("definition", "What is DSR?", "What does jeonse ratio mean?", "What is a lease registration order?", "What's opposing power in Korean lease law?", "Define LTV",
    "What is the right to request renewal?"),
  ...ko("permissibility", "계약기간 중에 집주인이 보증금을 올려달라고 할 수 있나요?", "집주인이 실거주한다고 갱신을 거절할 수 있나요?", "전입신고 안 하는 조건으로 계약해도 되나요?",
    "묵시적 갱신된 뒤에 제가 먼저 나가도 되나요?", "임대인이 보증금을 5% 넘게 올리면 거절할 수 있나요?", "월세를 20% 인상한다는데 합법인가요?",
    "계약 만료 전에 이사 가면 보증금 못 돌려받나요?", "집이 팔리면 새 집주인에게 보증금 받을 수 있나요?"),
  ...en("permissibility", "Can my landlord raise the rent by 10% when we renew?", "Is it legal for the landlord to refuse renewal because his son will move in?",
    "Can I end my lease early after it renewed automatically?", "Can the landlord keep my deposit if I move out a month early?", "Is a clause waiving my renewal right valid?"),
  ...ko("amount", "마포구 아파트 전세 시세 알려줘", "강남구 오피스텔 월세 얼마 정도예요?", "송파구 아파트 매매가 평균이 얼마예요?", "서대문구 빌라 전세 중앙값은?",
    "용산구 아파트 월세 시세는 어때요?", "노원구 아파트 사려면 얼마 필요해요?", "서울 소액임차인 최우선변제 금액은 얼마예요?", "성동구 아파트 전세가 최근 상승률은?",
    "강서구 아파트 매매 거래량 추이가 어떤가요?", "관악구 원룸 월세 시세 알려주세요"),
  ...en("amount", "How much is a jeonse for an apartment in Mapo-gu?", "What's the average monthly rent for an officetel in Gangnam-gu?",
    "I want to buy an apartment in Nowon-gu, what do they cost?", "How have apartment sale prices in Songpa-gu changed recently?",
    "What's the median jeonse deposit in Seocho-gu?", "How much rent do people pay for villas in Mapo-gu?"),
  ...ko("procedure", "보증금을 못 돌려받고 있는데 어떻게 해야 하나요?", "확정일자는 어떻게 받나요?", "임차권등기명령 신청 절차가 궁금해요", "계약갱신요구는 어떻게 하면 되나요?",
    "전세자금대출 받으려면 어떻게 해야 해요?", "전세 계약할 때 뭘 확인해야 하나요? 순서대로 알려주세요"),
  ...en("procedure", "How do I get my deposit back if the landlord won't pay?", "How do I get a fixed-date stamp?", "What are the steps to apply for a jeonse loan?",
    "How do I request a lease renewal?"),
  ...ko("eligibility", "연봉 4천인 30살인데 버팀목 전세대출 받을 수 있나요?", "신혼부부 디딤돌 대출 자격이 어떻게 되나요?", "무주택 청년인데 받을 수 있는 정책 대출이 있나요?",
    "연소득 9천만원 맞벌이 신혼부부인데 정책 대출 대상인가요?"),
  ...en("eligibility", "I'm 31, earn 38 million won and have no home. Which government loans can I get?", "Do newlyweds with a combined income of 70 million won qualify for Didimdol?",
    "Am I eligible for a youth jeonse loan at 36?"),
  ...ko("comparison", "디딤돌 대출과 보금자리론 중 뭐가 나아요?", "버팀목이랑 일반 은행 전세대출 차이가 뭐예요?", "전세랑 월세 중 어느 쪽이 나을까요? 보증금 2억, 월세 80만원 기준",
    "마포구와 성동구 아파트 전세 시세 비교해줘"),
  ...en("comparison", "Which is better for a jeonse loan, Beotimmok or a bank loan?", "Compare Didimdol and Bogeumjari loans"),
  ...ko("calculation", "보증금 2억을 월세로 전환하면 얼마예요? 계산해줘", "월세 100만원을 보증금으로 바꾸면 얼마인지 계산해줘", "매매가 6억 아파트를 보증금 1억 월세 120만원에 세주면 수익률이 얼마예요?",
    "8억 아파트 매매 중개보수 계산해줘", "전세 3억 중개수수료 얼마예요?", "계약금 5천만원 넣었는데 집주인이 계약 파기하면 얼마 받아요?", "수익률 계산해줘", "위약금 계산해줘",
    "전세 4억 5천 복비 얼마 나와요?", "보증금 5천에 월세 70만원이면 중개보수 얼마예요?"),
  ...en("calculation", "Calculate the yield on a 500 million won apartment rented for 1.5 million a month with a 50 million deposit",
    "What is the brokerage fee on a 900 million won sale?", "If I convert 100 million won of my deposit to monthly rent, how much rent is that?",
    "I paid a 30 million won down payment and the seller backed out. How much do I get back?", "Calculate my brokerage fee"),
  ...ko("review", "이 계약서 검토해줘", "계약서 위험한 조항 있는지 봐줘", "특약 검토 부탁해요: \"임차인은 계약 기간 중 전입신고를 하지 않는다\"",
    "이 문구 위험한가요? \"임대인은 보증금을 계약 종료 후 6개월 이내에 반환한다\"", "계약서 봐주세요"),
  ...en("review", "Please review my lease", "Is this clause risky: \"The tenant waives the right to request renewal.\"", "Check my contract for risky terms"),
  ...ko("drafting", "마포구 아파트 전세 계약서 초안 작성해줘. 보증금 3억, 2026년 3월부터 2년", "월세 계약서 만들어줘. 보증금 1천만원 월세 60만원"),
  ...en("drafting", "Draft a jeonse lease for a 250 million won deposit starting 2026-05-01"),
  ...ko("other", "집이 경매로 넘어가면 제 전세 보증금은 어떻게 되나요?", "집주인이 세금을 체납했으면 보증금이 위험한가요?", "헬리오시티 전세가는?", "전세사기 당하지 않으려면?"),
  ...en("other", "What happens to my jeonse deposit if the house goes to auction?", "My landlord died. What happens to my lease?"),
];
