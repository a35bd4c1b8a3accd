// The "next steps" section of a rules answer: the intent's standing advice, or for a question about
// keeping a jeonse deposit safe, the concrete order of checks a tenant makes before and after signing.
import type { AggregatedResults, Intent, Language } from "../types";
import { housingOutput } from "../tools/outputs";

type Lines = { ko: string[]; en: string[] };

const BY_INTENT: Partial<Record<Intent, Lines>> = {
  LEGAL_CONSULT: {
    ko: ["임대인과의 합의나 요구는 문자·내용증명 등 기록이 남는 방식으로 하세요.", "분쟁이 생기면 주택임대차분쟁조정위원회 조정을 신청할 수 있습니다."],
    en: ["Keep agreements and demands in writing (text messages or certified mail).", "For disputes, apply to the Housing Lease Dispute Mediation Committee."],
  },
  MARKET_INQUIRY: {
    ko: ["국토교통부 실거래가 공개시스템에서 같은 단지·면적의 최근 거래를 확인하세요.", "호가와 실거래가의 차이를 중개사에게 확인하세요."],
    en: ["Check recent deals for the same complex and size on the MOLIT transaction-price site.", "Ask the agent how asking prices compare with recent deals."],
  },
  LOAN_CONSULT: {
    ko: ["은행이나 주택도시기금 포털에서 실제 한도와 금리를 조회하세요.", "소득·재직 증빙과 주택 관련 서류를 미리 준비하세요."],
    en: ["Get an actual limit and rate quote from a bank or the Housing Fund portal.", "Prepare proof of income and employment and the property documents."],
  },
  CONTRACT_CREATION: {
    ko: ["빈칸(미기재 항목)을 채우고 등기부등본의 소유자와 임대인이 같은지 확인하세요.", "계약 당일 전입신고와 확정일자를 받으세요."],
    en: ["Fill in the blanks and check that the landlord is the owner on the land register.", "Register your residence and get the fixed-date stamp on moving day."],
  },
  CONTRACT_REVIEW: {
    ko: ["위험 조항은 서명 전에 수정하거나 삭제를 요구하세요.", "수정된 특약은 양 당사자가 서명 또는 날인하세요."],
    en: ["Ask for risky clauses to be changed or removed before signing.", "Have both parties sign any amended special clauses."],
  },
  RISK_ANALYSIS: {
    ko: ["등기부등본으로 선순위 근저당과 압류를 확인하세요.", "전세보증금반환보증 가입 가능 여부를 계약 전에 확인하세요."],
    en: ["Check the land register for senior mortgages and seizures.", "Confirm a deposit-return guarantee is available before signing."],
  },
  COMPREHENSIVE: {
    ko: ["등기부등본·납세증명서로 권리관계를 확인하세요.", "대출과 반환보증 가능 여부를 계약 전에 확인하세요."],
    en: ["Check the land register and tax certificates.", "Confirm loan and guarantee availability before signing."],
  },
};

/** Protecting a jeonse deposit, in the order a tenant does it (no figures: those come from the tools). */
const DEPOSIT_PROTECTION: Lines = {
  ko: [
    "**계약 전** — 등기부등본을 떼어 소유자가 임대인 본인인지, 근저당·압류·가압류·신탁이 있는지 확인하세요. 임대인에게 국세·지방세 납세증명서와 선순위 보증금(확정일자 부여 현황)을 요구하세요.",
    "**계약서 특약** — \"잔금일 다음 날까지 임대인은 근저당 등 새 권리를 설정하지 않는다\", \"전세대출·반환보증이 거절되면 계약을 해제하고 계약금을 돌려준다\"를 넣으세요.",
    "**잔금·입주 당일** — 전입신고와 확정일자를 같은 날 받으세요. 대항력은 입주와 전입신고 다음 날부터 생기고, 확정일자까지 갖춰야 경매 때 우선변제를 받습니다.",
    "**보증보험** — 전세보증금반환보증(HUG·HF·SGI)에 가입하세요. 전세가율 등 가입 조건을 계약 전에 확인해 두면 안전합니다.",
    "**계약 종료 때** — 보증금을 돌려받지 못하면 이사하기 전에 임차권등기명령을 신청하고, 등기부에 올라간 것을 확인한 뒤 이사하세요.",
  ],
  en: [
    "**Before signing** — get the land register (등기부등본): check that the landlord is the owner and look for mortgages, seizures, provisional seizures or a trust. Ask the landlord for national and local tax payment certificates and the senior deposits already on record (fixed-date history).",
    "**Special clauses** — add \"the landlord will not create a new mortgage or other right until the day after the balance is paid\" and \"if the jeonse loan or deposit guarantee is refused, the contract is cancelled and the down payment returned\".",
    "**On move-in day (balance payment)** — register your residence (전입신고) and get the fixed-date stamp (확정일자) the same day. Opposing power starts the day after moving in and registering; the fixed date is what gives you priority repayment at an auction.",
    "**Guarantee** — take out a deposit-return guarantee (HUG, HF or SGI); check its conditions, including the jeonse ratio, before you sign.",
    "**When the lease ends** — if the deposit is not returned, apply for a lease registration order (임차권등기명령) before moving out, and move only once it shows on the register.",
  ],
};

const LOAN_FOLLOW_UP: Lines = {
  ko: ["**대출** — 은행에서 실제 한도와 금리를 조회하고, 잔금일 전에 승인이 나도록 계약서(확정일자)를 갖춰 미리 신청하세요."],
  en: ["**Loan** — get an actual limit and rate quote from the bank and apply early with the signed contract (fixed-date stamped), so it is approved before the balance date."],
};

/** Whether the answer is about keeping a jeonse deposit safe: the legal search found that concept. */
function asksDepositProtection(agg: AggregatedResults): boolean {
  const concepts = housingOutput(agg.outputs, "legal_search", "legal_search_keyword")?.matchedConcepts ?? [];
  const lease = agg.entities.transactionType ?? agg.entities.contractType;
  return concepts.includes("deposit_protection") && lease !== "sale" && lease !== "monthly";
}

export function nextSteps(agg: AggregatedResults, language: Language): string[] {
  if (asksDepositProtection(agg)) {
    return [...DEPOSIT_PROTECTION[language], ...(agg.outputs.loan_simulator ? LOAN_FOLLOW_UP[language] : [])];
  }
  return BY_INTENT[agg.intent]?.[language] ?? [];
}
