// Housing loan products: government programmes (주택도시기금, 한국주택금융공사) and bank loans.
// Rates, limits and caps are our own illustrative figures modelled on 2025–26 terms, flagged as sample.
import type { loanProducts } from "../../schema/domain";

type LoanSeed = Omit<typeof loanProducts.$inferInsert, "id" | "isSample">;

const EOK = 100_000_000;
const MAN = 10_000;

const government = (p: Omit<LoanSeed, "provider">): LoanSeed => ({ ...p, provider: "government" });
const bank = (p: Omit<LoanSeed, "provider">): LoanSeed => ({ ...p, provider: "bank" });
const FUND = { bank: "주택도시기금 (수탁은행)", bankEn: "Housing and Urban Fund (via partner banks)" };
const HF = { bank: "한국주택금융공사", bankEn: "Korea Housing Finance Corporation" };

export const LOAN_PRODUCTS: LoanSeed[] = [
  government({
    code: "didimdol", ...FUND, productName: "내집마련 디딤돌대출", productNameEn: "Didimdol home purchase loan",
    loanType: "purchase", rateMin: 2.85, rateMax: 4.15, maxLtv: 70, limitKrw: 2.5 * EOK, maxTermYears: 30,
    incomeCapKrw: 6000 * MAN, maxHousePriceKrw: 5 * EOK, homelessOnly: true,
    notes: "무주택 세대주, 부부합산 연소득 6천만원 이하, 주택가격 5억원 이하·전용 85㎡ 이하.",
    notesEn: "Homeless head of household, combined income up to KRW 60M, house up to KRW 500M and 85 m².",
  }),
  government({
    code: "didimdol-first-home", ...FUND, productName: "생애최초 디딤돌대출", productNameEn: "Didimdol loan for first-time buyers",
    loanType: "purchase", rateMin: 2.65, rateMax: 3.95, maxLtv: 80, limitKrw: 3 * EOK, maxTermYears: 30,
    incomeCapKrw: 7000 * MAN, maxHousePriceKrw: 5 * EOK, firstHomeOnly: true, homelessOnly: true,
    notes: "생애최초 주택구입자, 부부합산 연소득 7천만원 이하, LTV 최대 80%.",
    notesEn: "First-time buyers, combined income up to KRW 70M, LTV up to 80%.",
  }),
  government({
    code: "didimdol-newlywed", ...FUND, productName: "신혼부부 전용 구입자금", productNameEn: "Newlywed home purchase loan",
    loanType: "purchase", rateMin: 2.55, rateMax: 3.85, maxLtv: 80, limitKrw: 4 * EOK, maxTermYears: 30,
    incomeCapKrw: 8500 * MAN, maxHousePriceKrw: 6 * EOK, newlywedOnly: true, homelessOnly: true,
    notes: "혼인 7년 이내 또는 3개월 내 결혼 예정, 부부합산 연소득 8,500만원 이하, 주택가격 6억원 이하.",
    notesEn: "Married within 7 years or marrying within 3 months, combined income up to KRW 85M, house up to KRW 600M.",
  }),
  government({
    code: "bogeumjari", ...HF, productName: "보금자리론", productNameEn: "Bogeumjari loan (fixed rate)",
    loanType: "purchase", rateMin: 3.95, rateMax: 4.25, maxLtv: 70, limitKrw: 3.6 * EOK, maxTermYears: 50,
    incomeCapKrw: 7000 * MAN, maxHousePriceKrw: 6 * EOK,
    notes: "만기까지 고정금리, 무주택 또는 처분조건부 1주택, 생애최초는 LTV 80%·한도 4.2억원.",
    notesEn: "Fixed to maturity; homeless or one home to be sold; first-time buyers LTV 80%, limit KRW 420M.",
  }),
  government({
    code: "bogeumjari-newlywed", ...HF, productName: "보금자리론 (신혼가구)", productNameEn: "Bogeumjari loan for newlyweds",
    loanType: "purchase", rateMin: 3.75, rateMax: 4.05, maxLtv: 70, limitKrw: 3.6 * EOK, maxTermYears: 50,
    incomeCapKrw: 8500 * MAN, maxHousePriceKrw: 6 * EOK, newlywedOnly: true,
    notes: "혼인 7년 이내 신혼가구 우대금리, 부부합산 연소득 8,500만원 이하.",
    notesEn: "Preferential rate for households married within 7 years, combined income up to KRW 85M.",
  }),
  government({
    code: "beotimmok-jeonse", ...FUND, productName: "버팀목 전세자금대출", productNameEn: "Beotimmok jeonse loan",
    loanType: "jeonse", rateMin: 2.5, rateMax: 3.5, maxDepositRatio: 80, limitKrw: 1.2 * EOK, maxTermYears: 10,
    incomeCapKrw: 5000 * MAN, maxDepositKrw: 3 * EOK, homelessOnly: true,
    notes: "무주택 세대주, 부부합산 연소득 5천만원 이하, 수도권 보증금 3억원 이하, 2년 단위 연장.",
    notesEn: "Homeless head of household, combined income up to KRW 50M, deposit up to KRW 300M in the capital area; renewable every 2 years.",
  }),
  government({
    code: "beotimmok-youth", ...FUND, productName: "청년전용 버팀목 전세자금", productNameEn: "Beotimmok jeonse loan for youth",
    loanType: "jeonse", rateMin: 2.2, rateMax: 3.3, maxDepositRatio: 80, limitKrw: 2 * EOK, maxTermYears: 10,
    incomeCapKrw: 5000 * MAN, maxDepositKrw: 3 * EOK, minAge: 19, maxAge: 34, youthOnly: true, homelessOnly: true,
    notes: "만 19~34세 무주택 세대주(예비 포함), 연소득 5천만원 이하, 보증금 3억원 이하.",
    notesEn: "Homeless heads of household aged 19–34, income up to KRW 50M, deposit up to KRW 300M.",
  }),
  government({
    code: "beotimmok-newlywed", ...FUND, productName: "신혼부부전용 전세자금", productNameEn: "Newlywed jeonse loan",
    // The capital-area limit, as policy_programs' newlywed_jeonse has it (KRW 250M elsewhere).
    loanType: "jeonse", rateMin: 1.9, rateMax: 3.3, maxDepositRatio: 80, limitKrw: 3 * EOK, maxTermYears: 10,
    incomeCapKrw: 7500 * MAN, maxDepositKrw: 4 * EOK, newlywedOnly: true, homelessOnly: true,
    notes: "혼인 7년 이내, 부부합산 연소득 7,500만원 이하, 수도권 보증금 4억원 이하, 한도 수도권 3억원(그 외 2.5억원).",
    notesEn: "Married within 7 years, combined income up to KRW 75M, deposit up to KRW 400M in the capital area; limit KRW 300M in the capital area (250M elsewhere).",
  }),
  government({
    code: "sme-youth-jeonse", ...FUND, productName: "중소기업취업청년 전월세보증금대출", productNameEn: "Deposit loan for young SME employees",
    loanType: "jeonse", rateMin: 1.5, rateMax: 1.5, maxDepositRatio: 100, limitKrw: 1 * EOK, maxTermYears: 10,
    incomeCapKrw: 3500 * MAN, maxDepositKrw: 2 * EOK, minAge: 19, maxAge: 34, youthOnly: true, homelessOnly: true,
    notes: "중소·중견기업 재직 만 19~34세, 연소득 3,500만원 이하, 전용 85㎡ 이하·보증금 2억원 이하.",
    notesEn: "Employees of small and mid-sized firms aged 19–34, income up to KRW 35M, deposit up to KRW 200M.",
  }),
  government({
    code: "youth-monthly-rent", ...FUND, productName: "청년전용 보증부월세대출", productNameEn: "Youth deposit-and-rent loan",
    loanType: "monthly_rent", rateMin: 1.0, rateMax: 1.3, maxDepositRatio: 80, limitKrw: 5700 * MAN, maxTermYears: 10,
    incomeCapKrw: 5000 * MAN, maxDepositKrw: 6500 * MAN, minAge: 19, maxAge: 34, youthOnly: true, homelessOnly: true,
    notes: "보증금 최대 4,500만원 + 월세 최대 월 50만원(24개월분 1,200만원), 보증금 6,500만원·월세 70만원 이하 주택.",
    notesEn: "Up to KRW 45M of deposit plus up to KRW 500K a month of rent for 24 months; deposit up to KRW 65M, rent up to KRW 700K.",
  }),
  government({
    code: "monthly-rent-stability", ...FUND, productName: "주거안정월세대출", productNameEn: "Housing stability monthly rent loan",
    loanType: "monthly_rent", rateMin: 1.5, rateMax: 2.5, limitKrw: 1440 * MAN, maxTermYears: 10,
    incomeCapKrw: 5000 * MAN, maxDepositKrw: 1 * EOK, homelessOnly: true,
    notes: "월 최대 60만원, 2년간 최대 1,440만원, 보증금 1억원·월세 60만원 이하 주택.",
    notesEn: "Up to KRW 600K a month, KRW 14.4M over two years, for homes with deposit up to KRW 100M and rent up to KRW 600K.",
  }),
  government({
    code: "fixed-rate-eligible", ...HF, productName: "적격대출", productNameEn: "Qualified fixed-rate mortgage",
    loanType: "purchase", rateMin: 4.2, rateMax: 4.9, maxLtv: 70, limitKrw: 5 * EOK, maxTermYears: 40,
    maxHousePriceKrw: 9 * EOK,
    notes: "은행 판매 장기 고정금리, 소득 제한 없음, 주택가격 9억원 이하.",
    notesEn: "Long-term fixed rate sold by banks, no income cap, house up to KRW 900M.",
  }),
  bank({
    code: "kb-mortgage", bank: "KB국민은행", bankEn: "KB Kookmin Bank", productName: "KB 주택담보대출 (혼합형)", productNameEn: "KB mortgage (hybrid rate)",
    loanType: "purchase", rateMin: 3.9, rateMax: 5.4, maxLtv: 70, limitKrw: 6 * EOK, maxTermYears: 40,
    notes: "5년 고정 후 변동, 규제지역 LTV 40~50%·수도권 한도 6억원, DSR 40% 적용.",
    notesEn: "Fixed 5 years then variable; LTV 40–50% in regulated areas, KRW 600M cap in the capital area, DSR 40%.",
  }),
  bank({
    code: "shinhan-mortgage", bank: "신한은행", bankEn: "Shinhan Bank", productName: "신한 주택담보대출 (변동형)", productNameEn: "Shinhan mortgage (variable)",
    loanType: "purchase", rateMin: 4.0, rateMax: 5.6, maxLtv: 70, limitKrw: 6 * EOK, maxTermYears: 40,
    notes: "COFIX 연동 변동금리, DSR 40%, 규제지역 LTV 축소.",
    notesEn: "COFIX-linked variable rate, DSR 40%, lower LTV in regulated areas.",
  }),
  bank({
    code: "hana-mortgage", bank: "하나은행", bankEn: "Hana Bank", productName: "하나 주택담보대출 (고정혼합)", productNameEn: "Hana mortgage (fixed-hybrid)",
    loanType: "purchase", rateMin: 3.8, rateMax: 5.3, maxLtv: 70, limitKrw: 6 * EOK, maxTermYears: 40,
    notes: "5년 주기 금리 재산정, 중도상환수수료 1.2%.",
    notesEn: "Rate reset every 5 years, early repayment fee 1.2%.",
  }),
  bank({
    code: "woori-apartment", bank: "우리은행", bankEn: "Woori Bank", productName: "우리 아파트론", productNameEn: "Woori apartment loan",
    loanType: "purchase", rateMin: 3.9, rateMax: 5.5, maxLtv: 70, limitKrw: 6 * EOK, maxTermYears: 40,
    notes: "아파트 담보 전용, 급여이체 등 우대금리 최대 0.5%p.",
    notesEn: "Apartments only; up to 0.5 pp discount for salary transfer and other conditions.",
  }),
  bank({
    code: "nh-mortgage", bank: "NH농협은행", bankEn: "NH NongHyup Bank", productName: "NH 주택담보대출", productNameEn: "NH mortgage",
    loanType: "purchase", rateMin: 4.0, rateMax: 5.5, maxLtv: 70, limitKrw: 6 * EOK, maxTermYears: 35,
    notes: "변동·혼합 선택, 지역 조합원 우대.",
    notesEn: "Variable or hybrid; preferential terms for cooperative members.",
  }),
  bank({
    code: "kbank-apartment", bank: "케이뱅크", bankEn: "K Bank", productName: "케이뱅크 아파트담보대출", productNameEn: "K Bank apartment loan",
    loanType: "purchase", rateMin: 3.8, rateMax: 5.1, maxLtv: 70, limitKrw: 6 * EOK, maxTermYears: 40,
    notes: "비대면 신청, 아파트 전용, 중도상환수수료 0.6%.",
    notesEn: "Online only, apartments only, early repayment fee 0.6%.",
  }),
  bank({
    code: "kakao-refinance", bank: "카카오뱅크", bankEn: "KakaoBank", productName: "카카오뱅크 주택담보대출 갈아타기", productNameEn: "KakaoBank mortgage refinance",
    loanType: "refinance", rateMin: 3.7, rateMax: 5.0, maxLtv: 70, limitKrw: 6 * EOK, maxTermYears: 40,
    notes: "기존 주택담보대출 대환 전용, 비대면.",
    notesEn: "Refinancing an existing mortgage only; online.",
  }),
  bank({
    code: "shinhan-refinance", bank: "신한은행", bankEn: "Shinhan Bank", productName: "신한 대환 주택담보대출", productNameEn: "Shinhan mortgage refinance",
    loanType: "refinance", rateMin: 3.9, rateMax: 5.3, maxLtv: 70, limitKrw: 6 * EOK, maxTermYears: 40,
    notes: "타행 주택담보대출 대환, 금리 재산정.",
    notesEn: "Refinance another bank's mortgage at a new rate.",
  }),
  bank({
    code: "kb-jeonse-hf", bank: "KB국민은행", bankEn: "KB Kookmin Bank", productName: "KB 전세자금대출 (HF 보증)", productNameEn: "KB jeonse loan (HF guarantee)",
    loanType: "jeonse", rateMin: 3.6, rateMax: 4.8, maxDepositRatio: 80, limitKrw: 22_200 * MAN, maxTermYears: 2,
    notes: "한국주택금융공사 보증, 보증금의 80% 이내, 2년 만기 연장 가능.",
    notesEn: "Guaranteed by HF, up to 80% of the deposit, 2-year term renewable.",
  }),
  bank({
    code: "shinhan-jeonse-hug", bank: "신한은행", bankEn: "Shinhan Bank", productName: "신한 전세대출 (HUG 보증)", productNameEn: "Shinhan jeonse loan (HUG guarantee)",
    loanType: "jeonse", rateMin: 3.7, rateMax: 5.0, maxDepositRatio: 80, limitKrw: 4 * EOK, maxTermYears: 2,
    maxDepositKrw: 7 * EOK, homelessOnly: true,
    notes: "주택도시보증공사 보증, 수도권 보증금 7억원 이하, 전세보증금반환보증 함께 가입 가능.",
    notesEn: "Guaranteed by HUG, deposit up to KRW 700M in the capital area; can be combined with deposit-return insurance.",
  }),
  bank({
    code: "hana-jeonse-sgi", bank: "하나은행", bankEn: "Hana Bank", productName: "하나 전세자금대출 (SGI 보증)", productNameEn: "Hana jeonse loan (SGI guarantee)",
    loanType: "jeonse", rateMin: 3.9, rateMax: 5.2, maxDepositRatio: 80, limitKrw: 5 * EOK, maxTermYears: 2,
    notes: "서울보증보험 보증, 고액 전세 가능, 소득 심사.",
    notesEn: "Guaranteed by SGI Seoul Guarantee; suits large deposits; income checked.",
  }),
  bank({
    code: "woori-youth-jeonse", bank: "우리은행", bankEn: "Woori Bank", productName: "우리 청년 전세대출", productNameEn: "Woori youth jeonse loan",
    loanType: "jeonse", rateMin: 3.3, rateMax: 4.2, maxDepositRatio: 90, limitKrw: 2 * EOK, maxTermYears: 2,
    incomeCapKrw: 7000 * MAN, maxDepositKrw: 5 * EOK, minAge: 19, maxAge: 34, youthOnly: true, homelessOnly: true,
    notes: "만 19~34세 무주택 청년, 보증금의 90% 이내, 연소득 7천만원 이하.",
    notesEn: "Homeless young adults aged 19–34, up to 90% of the deposit, income up to KRW 70M.",
  }),
  bank({
    code: "kakao-jeonse", bank: "카카오뱅크", bankEn: "KakaoBank", productName: "카카오뱅크 전월세보증금 대출", productNameEn: "KakaoBank deposit loan",
    loanType: "jeonse", rateMin: 3.5, rateMax: 4.6, maxDepositRatio: 80, limitKrw: 22_200 * MAN, maxTermYears: 2,
    homelessOnly: true,
    notes: "비대면, 전세·반전세 보증금, HF 보증.",
    notesEn: "Online; jeonse or part-deposit leases; HF guarantee.",
  }),
  bank({
    code: "ibk-newlywed-jeonse", bank: "IBK기업은행", bankEn: "IBK Industrial Bank", productName: "IBK 신혼부부 전세자금대출", productNameEn: "IBK newlywed jeonse loan",
    loanType: "jeonse", rateMin: 3.4, rateMax: 4.5, maxDepositRatio: 80, limitKrw: 3 * EOK, maxTermYears: 2,
    maxDepositKrw: 6 * EOK, newlywedOnly: true, homelessOnly: true,
    notes: "혼인 7년 이내 무주택 신혼부부 우대금리 0.3%p.",
    notesEn: "0.3 pp discount for homeless couples married within 7 years.",
  }),
];
