// 100 varied loan questions (Korean and English): limits, rates, eligibility, products, procedures and terms,
// with different amounts, regions and profiles — the set that checks different questions get different answers.
export const LOAN_QUESTIONS: string[] = [
  // Limits with a price or deposit
  "마포구 5억 아파트 사려는데 대출 얼마나 나와요?", "연봉 6천에 7억 아파트 주담대 한도가 얼마예요?", "노원구 4억짜리 아파트 생애최초로 사면 대출 얼마까지 돼요?",
  "강남구 15억 아파트 주택담보대출 한도는?", "전세 3억이면 전세자금대출 얼마까지 받을 수 있어요?", "보증금 2억 전세대출 한도 알려주세요",
  "신혼부부인데 6억 아파트 사면 대출 얼마 가능해요?", "연소득 4천만원이고 3억 빌라 사려는데 대출 한도가 궁금해요", "송파구 9억 아파트 대출 최대 얼마예요?",
  "전세보증금 5억인데 대출 얼마 나오나요?", "은평구 6억 아파트 첫 집인데 LTV 몇 퍼센트 적용돼요?", "연봉 8천 맞벌이 10억 아파트 대출 가능 금액",
  "2억 5천 전세 대출 받으면 한 달 이자 얼마예요?", "4억 아파트 3억 대출 받으면 월 상환액이 얼마예요?", "전세 1억 5천 대출 이자 얼마나 내요?",
  "성동구 8억 아파트 사려는데 연봉 7천이면 DSR 때문에 한도가 줄어드나요?", "관악구 전세 2억 8천 대출 가능액", "연소득 5천 5백에 5억 5천 아파트 대출",
  "도봉구 3억 5천 아파트 대출 한도", "영등포구 12억 아파트 주담대 얼마 나와요?",
  // Rates and products
  "디딤돌 대출 금리가 어떻게 돼요?", "버팀목 전세자금대출 금리 알려줘", "주담대 금리 제일 낮은 상품이 뭐예요?", "전세대출 금리 비교해줘",
  "신혼부부 전용 전세대출 금리는?", "보금자리론 금리 얼마예요?", "청년 전세대출 금리가 궁금해요", "월세 대출 상품 있나요?",
  "은행 주담대 상품 뭐가 있어요?", "카카오뱅크 전세대출 조건 알려줘", "KB 주택담보대출 금리는?", "하나은행 전세대출 한도가 어떻게 돼요?",
  "정부 지원 전세대출 상품 종류 알려주세요", "고정금리 주택담보대출 추천해줘", "대환대출 상품 있나요?",
  // Eligibility
  "연봉 3천 5백인 27살인데 청년 버팀목 받을 수 있나요?", "신혼부부 합산 소득 7천이면 디딤돌 대상인가요?", "무주택자인데 정책 대출 뭐 받을 수 있어요?",
  "35살 미혼 연봉 4천인데 받을 수 있는 전세대출은?", "자녀 둘 있는 가구인데 주택구입 정책대출 자격 되나요?", "연소득 1억인데 정책 대출 받을 수 있나요?",
  "생애최초 주택구입인데 디딤돌 조건이 뭐예요?", "청년 월세 지원 대출 자격 알려주세요", "신혼부부 전세대출 소득 기준이 어떻게 돼요?",
  "유주택자도 전세대출 받을 수 있나요?", "29살 연봉 2천 8백 무주택 청년인데 전세 1억 대출 가능해요?", "맞벌이 연봉 합쳐서 9천인데 보금자리론 가능해요?",
  // Procedure
  "전세대출 신청 절차가 어떻게 되나요?", "주택담보대출 받으려면 어떤 서류가 필요해요?", "디딤돌 대출은 어떻게 신청해요?",
  "전세자금대출은 언제 신청해야 하나요?", "잔금 전에 대출 승인 받으려면 어떻게 해야 해요?",
  // Terms and comparisons
  "LTV가 무엇인가요?", "DSR이 뭐예요?", "DTI 뜻이 뭐예요?", "스트레스 DSR이 뭔가요?", "원리금균등이랑 원금균등 차이가 뭐예요?",
  "중도상환수수료가 뭐예요?", "디딤돌이랑 보금자리론 뭐가 나아요?", "버팀목과 은행 전세대출 중 어느 게 유리해요?", "LTV와 DSR 차이가 뭐예요?", "만기일시상환이 뭐예요?",
  // English
  "How much can I borrow to buy a 600 million won apartment in Mapo-gu?", "What is the mortgage limit for a 1.2 billion won apartment in Gangnam-gu?",
  "I earn 50 million won a year. How much can I borrow for a 400 million won home?", "How much jeonse loan can I get for a 300 million won deposit?",
  "What would the monthly payment be on a 250 million won mortgage?", "We're newlyweds buying our first home for 500 million won. What's our loan limit?",
  "What's the interest rate on the Didimdol loan?", "Which jeonse loan has the lowest rate?", "What government mortgage programmes are there?",
  "Can a 28-year-old earning 30 million won get a youth jeonse loan?", "Am I eligible for Bogeumjari with a household income of 65 million won?",
  "Which loans can I get as a first-time buyer earning 45 million won?", "How do I apply for a jeonse loan?", "What documents do I need for a mortgage?",
  "What is LTV?", "What does DSR mean?", "What's the difference between equal payment and equal principal repayment?", "Compare Didimdol and Bogeumjari",
  "How much interest will I pay each month on a 200 million won jeonse loan?", "Is there a loan for monthly rent?",
  "What's the maximum loan for a 900 million won apartment in Songpa-gu?", "I'm 33 with 40 million won income and no house. Which jeonse loans fit me?",
  "How much can a couple earning 90 million won borrow for an 800 million won apartment?", "What is the loan limit for a 350 million won villa in Nowon-gu?",
  "What are KB's mortgage rates?", "Do newlyweds get better jeonse loan rates?", "What's an early repayment fee?", 
  "How much can I borrow on a 450 million won jeonse in Seocho-gu?", "Tell me about government loans for young people renting",
  // More Korean, mixed
  "동작구 7억 아파트 생애최초 대출 한도랑 월 상환액 알려줘", "전세 4억 대출받으면 본인 돈은 얼마 있어야 해요?", "연봉 5천 신혼부부 6억 아파트 디딤돌 가능?",
  "강동구 전세 3억 5천 청년 대출 되나요?", "양천구 10억 아파트 대출 얼마까지?", "광진구 오피스텔 2억 전세대출 한도", "마포구 전세 6억 대출 이자 월 얼마?",
  "연소득 3천에 전세 1억 2천 대출 가능해요?", "구로구 5억 아파트 연봉 4천 5백 대출 가능 금액이랑 월 상환액",
];
