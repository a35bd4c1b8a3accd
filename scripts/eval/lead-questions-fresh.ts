// A third held-out set for the lead eval, written in new words (colloquial, formal, English, typos, compound)
// before the responder changes of the leads2 branch, scored once before and once after; never tuned on.
import type { LeadQuestion } from "./lead-questions";

const ko = (type: LeadQuestion["type"], ...qs: string[]): LeadQuestion[] => qs.map((q) => ({ q, type, lang: "ko" as const }));
const en = (type: LeadQuestion["type"], ...qs: string[]): LeadQuestion[] => qs.map((q) => ({ q, type, lang: "en" as const }));

export const FRESH_QUESTIONS: LeadQuestion[] = [
  ...ko("definition", "LTV 뜻 좀 알려줘", "확정일자가 정확히 뭐에요", "주택임대차보호법에서 말하는 대항력은 어떤 개념인가요?", "전세사기에서 말하는 깡통전세 개념 설명 부탁드립니다",
    "DSR 이 뭐임?", "묵시적갱신 이란게 뭐죠", "근저당권이 뭔지 쉽게 설명해 주세요", "임차권등기명령이라는 게 뭐예요?", "전세가율 의미가 뭔가요", "중개보수란 무엇을 말하나요?",
    "최우선변제권 뜻"),
  ...en("definition", "what does LTV stand for", "Explain what a fixed date is for a lease", "What is the jeonse system?", "Can you explain what DSR means for a mortgage?",
    "What's implied renewal of a lease?", "Define opposing power"),
  ...ko("permissibility", "집주인이 월세를 15% 올린다는데 이거 되는 거예요?", "전세 만기 전에 나가면 보증금 바로 돌려받을 수 있어요?", "갱신 요구했는데 집주인이 자기가 들어와 산다고 거절하면 끝인가요?",
    "임대인이 계약기간 중에 일방적으로 해지할 수 있습니까?", "반전세로 바꾸자는데 집주인 마음대로 전환율 정해도 되나요", "묵시적 갱신 후에 집주인이 3개월 뒤 나가라고 할 수 있나요?",
    "전입신고 하지 말라는 특약 유효한가요?", "보증금 증액 5% 넘게 요구하면 거부 가능?", "집주인이 바뀌면 새 집주인한테 보증금 청구 가능한가요?", "월세 두 달 밀리면 바로 쫓겨나나요?"),
  ...en("permissibility", "My landlord wants 12% more rent at renewal - is that allowed?", "Can a landlord refuse to renew so his daughter can move in?", "Is it legal to sign a lease that forbids me from registering my address?",
    "Can I leave before the lease ends and still get my deposit back?", "Can the new owner kick me out after buying the house?", "Can my landlord raise the deposit in the middle of the contract?"),
  ...ko("amount", "마포구 아파트 월세 요즘 얼마쯤 해요?", "강동구 아파트 전세 시세 궁금합니다", "용산구 아파트 매매가 얼마에요", "역삼동 아파트 전세 얼마예요?", "헬리오시티 전세가 얼마쯤 하나요?",
    "관악구 오피스텔 월세 시세 알려줘", "서초구 아파트 매매 상승률 어때요?", "송파구 아파트 전세 거래량 추이 알려주세요", "노원구 아파트 매매가 최근에 떨어졌나요?", "광진구 빌라 전세 중앙값 얼마예요",
    "서초동 아파트 매매 시세", "양천구 아파트 월세 평균", "소액임차인 최우선변제 받을 수 있는 금액이 얼마예요?", "잠실엘스 매매가 알려줘"),
  ...en("amount", "How much is monthly rent for an apartment in Yongsan-gu?", "What does a jeonse cost in Gangdong-gu for an apartment?", "What's the going price to buy an apartment in Mapo-gu?",
    "Is the jeonse market in Songpa-gu rising?", "How many apartment sales were there in Gangnam-gu recently, and is volume going up?", "What's the median sale price of apartments in Yeoksam-dong?",
    "How much is a villa monthly rent in Gwanak-gu?"),
  ...ko("procedure", "보증금 못 받고 이사 가야 하는데 어떻게 해야 돼요?", "확정일자 받는 방법 알려줘", "임차권등기명령 어떻게 신청해요?", "계약갱신요구권 행사하려면 절차가 어떻게 되나요?",
    "전세대출 신청하는 순서 좀", "집 살 때 등기 이전 절차가 어떻게 되나요?", "전세보증보험 가입하는 방법", "계약 끝나고 보증금 반환 청구하는 절차를 단계별로 알려주세요"),
  ...en("procedure", "How do I apply for a lease registration order?", "What's the process to get my deposit back when the lease ends?", "How do I get jeonse deposit insurance?",
    "How do I exercise my right to renew the lease?", "Steps to get a jeonse loan as a foreigner?"),
  ...ko("eligibility", "29살 연소득 3500 무주택인데 청년 버팀목 돼요?", "맞벌이 신혼부부 합쳐서 연봉 7천이면 신혼부부 전세대출 받을 수 있나요?", "첫 집 사는데 소득 5천이면 디딤돌 대출 대상인가요?",
    "무주택 35세 미혼 연봉 4500 받을 수 있는 정책대출 있어요?", "다자녀 가구인데 특례 대출 조건 되나요?"),
  ...en("eligibility", "I'm 31, earn 40 million won, no house. Which loans can I get?", "Do newlyweds with a combined income of 70 million qualify for Didimdol?", "Am I eligible for youth jeonse loan at age 33 with 30 million income?"),
  ...ko("comparison", "전세랑 월세 중에 뭐가 이득이에요?", "디딤돌이랑 보금자리론 금리 차이", "마포구랑 용산구 아파트 전세 비교해줘", "고정금리 변동금리 뭐가 나아요?", "버팀목 vs 청년 버팀목 한도 차이"),
  ...en("comparison", "Jeonse or wolse - which is better for me in Mapo-gu?", "Compare apartment prices in Gangnam-gu and Songpa-gu", "Is Bogeumjari or Didimdol cheaper?"),
  ...ko("calculation", "보증금 2억에서 5천만원을 월세로 돌리면 월세 얼마 되나요? 계산 좀", "8억 아파트 매매 중개수수료 계산해줘", "보증금 5천 월세 60 중개보수 얼마?",
    "매매가 5억 보증금 1억 월세 150이면 연 수익률 몇 %예요?", "계약금 5천 냈는데 집주인이 파기하면 얼마 받아요?", "월세 80만원을 전세로 바꾸면 보증금 얼마 더 내야 돼요?",
    "수익률 계산해줘", "위약금 계산해 주세요", "전세 3억 복비 얼마야", "전월세 전환하면 얼마인지 계산해줘"),
  ...en("calculation", "Convert 100 million won of my deposit into monthly rent - how much?", "What is the brokerage commission on a 1 billion won apartment purchase?",
    "Price 600 million, deposit 50 million, rent 1.5 million a month: what's my yield?", "I paid a 30 million won deposit and want to cancel the purchase. How much do I lose?",
    "Calculate the broker fee for me"),
  ...ko("review", "이 계약서 검토하고 위험 요소 분석해줘", "계약서 봐주실 수 있나요?", "전세 계약서에 문제 있는지 확인 부탁드려요",
    "특약 검토해줘: \"임차인은 계약 기간 중 어떠한 경우에도 보증금 반환을 요구할 수 없다\"", "이 조항 괜찮아요? \"임대인은 1개월 전 통보로 계약을 해지할 수 있다\""),
  ...en("review", "Please review my lease for risky clauses", "Is this clause fair? \"The tenant waives the right to request renewal.\"", "Check this contract for me"),
  ...ko("drafting", "마포구 아파트 월세 계약서 초안 써줘. 보증금 3천 월세 120", "전세 계약서 작성해줘 보증금 4억 2026년 3월부터 2년"),
  ...en("drafting", "Draft a jeonse lease for a 300 million won deposit starting March 2026"),
  ...ko("other", "집이 경매 넘어가면 제 전세금은 어떻게 되나요?", "전세 계약하려는데 근저당이 10억 잡혀 있어요 괜찮을까요?", "마포구 아파트 사려는데 대출은 얼마나 나오고 시세는 어때요?",
    "재개발 지역 투자하려는데 법률이랑 시세 같이 봐주세요", "집주인이 연락이 안 돼요 보증금 어떡하죠"),
  ...en("other", "What happens to my jeonse deposit if the house goes to auction?", "I want to buy in Mapo-gu; what would the loan and the price look like?", "My landlord disappeared. What do I do about my deposit?"),
];
