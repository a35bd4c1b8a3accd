// Numbered steps for procedure questions ("보증금 돌려받으려면 어떻게 해야 하나요?"), one list per situation,
// each step naming the article or document it rests on. Standing guidance: no figures, those come from tools.
import type { AggregatedResults, Language } from "../../types";
import { isObj } from "./lead-types";

type Steps = { ko: string[]; en: string[] };

const DEPOSIT_RETURN: Steps = {
  ko: [
    "계약 만료 전에 집주인에게 보증금 반환을 문자·내용증명으로 요구해 기록을 남기세요.",
    "만료일이 지나도 돌려받지 못하면 이사 전에 법원에 임차권등기명령을 신청하세요. 등기부에 기재된 것을 확인한 뒤 이사해야 대항력과 우선변제권이 유지됩니다.",
    "주택임대차분쟁조정위원회에 조정을 신청하거나, 지급명령·보증금반환소송을 내세요.",
    "판결을 받으면 집에 대해 강제경매를 신청해 우선변제 순위대로 배당받습니다.",
    "전세보증금반환보증에 가입했다면 보증기관(HUG·HF·SGI)에 이행을 청구하세요.",
  ],
  en: [
    "Before the lease ends, demand the deposit back in writing (text message or certified mail) so there is a record.",
    "If it is not returned by the end date, apply to the court for a lease registration order before moving out; move only once it shows on the register, so you keep opposing power and priority.",
    "Apply to the Housing Lease Dispute Mediation Committee, or file for a payment order or a deposit-return suit.",
    "With a judgment, apply for a compulsory auction of the home and be paid in your priority order.",
    "If you have a deposit-return guarantee, claim it from the guarantor (HUG, HF or SGI).",
  ],
};

const FIXED_DATE: Steps = {
  ko: [
    "임대차계약서 원본과 신분증을 준비하세요.",
    "입주하는 날 주민센터에서 전입신고를 하면서 계약서에 확정일자를 함께 받으세요 (온라인: 정부 민원 포털·인터넷등기소).",
    "대항력은 입주·전입신고 다음 날부터 생기고, 확정일자까지 갖추면 우선변제권이 생깁니다.",
    "확정일자를 받은 계약서는 보증금을 돌려받을 때까지 잘 보관하세요.",
  ],
  en: [
    "Bring the original lease contract and your ID.",
    "On moving day, register your residence at the community centre and get the fixed-date stamp on the contract at the same time (online: the government portal or the internet registry).",
    "Opposing power starts the next day; with the fixed date you also gain priority repayment.",
    "Keep the stamped contract until the deposit is returned.",
  ],
};

const RENEWAL: Steps = {
  ko: [
    "계약 만료 6개월 전부터 2개월 전 사이에 임대인에게 갱신을 요구하세요.",
    "요구는 문자·내용증명 등 날짜가 남는 방식으로 하세요.",
    "갱신되면 기간은 2년이고, 보증금·월세 증액은 5% 이내입니다.",
    "임대인이 실거주 등을 이유로 거절하면 그 사유를 기록해 두세요. 거절하고 다른 사람에게 세를 주면 손해배상을 청구할 수 있습니다.",
  ],
  en: [
    "Ask the landlord to renew between six and two months before the lease ends.",
    "Make the request in a dated form (text message or certified mail).",
    "A renewed lease runs two years, and any increase is capped at 5%.",
    "If the landlord refuses to move in themselves, keep a record: letting it to someone else instead makes them liable for damages.",
  ],
};

const LEASE_REGISTRATION: Steps = {
  ko: [
    "계약이 끝났는데 보증금을 못 받았는지 확인하세요 (계약 종료가 조건입니다).",
    "임대차계약서, 주민등록초본, 확정일자 증빙을 준비해 주택 소재지 관할 법원에 임차권등기명령을 신청하세요. 전자소송으로도 됩니다.",
    "등기부등본에 임차권등기가 기재된 것을 확인하세요.",
    "기재된 뒤에 이사하세요. 신청 비용은 임대인에게 청구할 수 있습니다.",
  ],
  en: [
    "Check that the lease has ended and the deposit was not returned (both are required).",
    "With the lease, your resident registration abstract and the fixed-date proof, apply to the district court where the home is for a lease registration order; e-filing works too.",
    "Check that the registration appears on the land register.",
    "Move out only after that; the costs can be claimed from the landlord.",
  ],
};

const LOAN: Steps = {
  ko: [
    "자격을 확인하세요: 연소득, 무주택·생애최초·신혼 여부, 나이, 주택 가격 또는 보증금이 상품마다 다릅니다.",
    "주택도시기금(기금e든든)이나 은행 앱에서 한도와 금리를 조회하세요.",
    "서류를 준비하세요: 신분증, 소득·재직 증빙, 주민등록등본, 계약서(전세는 확정일자 받은 임대차계약서), 등기부등본.",
    "잔금일 몇 주 전에 미리 신청해 승인을 받고, 잔금일에 대출금이 임대인·매도인에게 지급되게 하세요.",
  ],
  en: [
    "Check eligibility: income, homeless / first-home / newlywed status, age, and the price or deposit each product allows.",
    "Get a limit and rate quote from the Housing Fund portal or a bank app.",
    "Prepare ID, proof of income and employment, a resident registration copy, the contract (for jeonse: the fixed-date stamped lease) and the land register.",
    "Apply a few weeks before the balance date so the loan is paid to the landlord or seller on that day.",
  ],
};

const SIGNING: Steps = {
  ko: [
    "등기부등본으로 소유자와 근저당·압류를 확인하세요.",
    "임대인에게 납세증명서와 확정일자 부여 현황을 요구하세요.",
    "표준계약서로 계약하고 특약(근저당 추가 설정 금지, 대출 거절 시 해제)을 넣으세요.",
    "계약금을 임대인 본인 명의 계좌로 보내고, 잔금일에 전입신고와 확정일자를 받으세요.",
    "전세보증금반환보증 가입을 검토하세요.",
  ],
  en: [
    "Pull the land register: check the owner, mortgages and seizures.",
    "Ask the landlord for tax certificates and the fixed-date record.",
    "Use the standard contract and add special clauses (no new mortgage; cancellation if the loan is refused).",
    "Pay the down payment to the owner's own account; on the balance date register residence and get the fixed-date stamp.",
    "Consider a deposit-return guarantee.",
  ],
};

const DEPOSIT_GUARANTEE: Steps = {
  ko: [
    "가입 조건을 확인하세요: 전입신고와 확정일자를 마쳐야 하고, 보증금과 주택 가격이 보증기관(HUG·HF·SGI) 기준 안이어야 합니다.",
    "계약 직후 일찍 신청하세요. 가입 가능 기간이 계약기간 중 정해진 시점까지로 제한됩니다.",
    "서류를 준비하세요: 확정일자 받은 임대차계약서, 주민등록등본(전입 확인), 보증금 지급 증빙(계좌이체 내역), 등기부등본.",
    "보증기관 영업점·위탁 은행·앱에서 신청하고, 심사가 끝나면 보증료를 내고 보증서를 받으세요.",
    "만기에 보증금을 못 받으면 보증서로 보증기관에 이행을 청구하세요.",
  ],
  en: [
    "Check the conditions: residence registration and the fixed-date stamp must be done, and the deposit and home price must be within the guarantor's (HUG, HF or SGI) limits.",
    "Apply soon after signing: enrolment is only open until a set point in the lease term.",
    "Prepare the fixed-date stamped lease, a resident registration copy showing you moved in, proof of the deposit transfer and the land register.",
    "Apply at the guarantor's branch, a partner bank or its app; once approved, pay the premium and receive the guarantee.",
    "If the deposit is not returned at the end, claim it from the guarantor with the guarantee.",
  ],
};

/** The steps for the situation the question and legal_search's concepts describe; empty when none fits. */
const SIGNING_ASKED = /계약\s*(서\s*)?(를\s*|을\s*)?(쓰|작성|맺|체결|하기|할\s*때|하려|전에|전 )|계약하|가계약|계약금|sign|drawing up|draw up|before (i |we )?(rent|lease|buy)|new lease/;

export function procedureSteps(query: string, concepts: string[], agg: AggregatedResults, l: Language): string[] {
  const q = query.toLowerCase();
  const pick = (s: Steps) => s[l];
  if (concepts.includes("lease_registration") || /임차권등기|registration order/.test(q)) return pick(LEASE_REGISTRATION);
  if (/보증보험|반환보증|보증금 ?보험|\bhug\b|deposit (insurance|guarantee)|return guarantee/.test(q)) return pick(DEPOSIT_GUARANTEE);
  if (concepts.includes("deposit_return") || /돌려받|반환|deposit back|get my deposit/.test(q)) return pick(DEPOSIT_RETURN);
  if (concepts.includes("fixed_date") || concepts.includes("opposing_power") || /확정일자|전입신고|fixed.date|register (my )?residence/.test(q)) return pick(FIXED_DATE);
  if (concepts.includes("renewal") || /갱신|renew/.test(q)) return pick(RENEWAL);
  if (agg.outputs.loan_search || agg.outputs.loan_simulator || /대출|loan|mortgage/.test(q)) return loanSteps(q, agg, l);
  // Signing steps for making a contract, not for everything that mentions one ("report my jeonse contract" is a
  // filing question: its articles answer it better than a checklist for signing).
  if (SIGNING_ASKED.test(q) || isObj(agg.outputs.lease_contract_generator)) return pick(SIGNING);
  return [];
}

/**
 * Loan steps shaped by the loan asked about: the products loan_search found for this question come first,
 * then the documents of that purpose (a jeonse loan needs the fixed-date stamped lease, a purchase the sale contract).
 */
function loanSteps(q: string, agg: AggregatedResults, l: Language): string[] {
  const found = agg.outputs.loan_search;
  const products = isObj(found) && Array.isArray(found.products) ? found.products.filter(isObj) : [];
  const jeonse = /전세|jeonse|월세|rent/.test(q) || products.some((p) => p.loanType === "jeonse");
  const names = products.slice(0, 3).map((p) => String(l === "ko" ? p.productName : p.productNameEn));
  const first = names.length > 0
    ? (l === "ko" ? `이번 질문에 맞는 상품부터 자격을 확인하세요: ${names.join(", ")}.` : `Check eligibility for the products that fit this question first: ${names.join(", ")}.`)
    : LOAN[l][0];
  const docs = jeonse
    ? (l === "ko" ? "서류: 신분증, 소득·재직 증빙, 주민등록등본, 확정일자 받은 임대차계약서, 계약금 영수증, 등기부등본." : "Documents: ID, proof of income and employment, resident registration, the fixed-date stamped lease, the down-payment receipt and the land register.")
    : (l === "ko" ? "서류: 신분증, 소득·재직 증빙, 주민등록등본, 매매계약서, 등기부등본, (생애최초라면) 무주택 확인 서류." : "Documents: ID, proof of income and employment, resident registration, the sale contract, the land register and, for a first home, proof of owning none.");
  const timing = jeonse
    ? (l === "ko" ? "잔금일 몇 주 전에 미리 은행에 신청하세요. 보증기관(HUG·HF·SGI) 심사가 끝나야 대출금이 임대인 계좌로 지급됩니다." : "Apply a few weeks before the balance date: the loan is paid to the landlord once the guarantor (HUG, HF or SGI) approves.")
    : (l === "ko" ? "잔금일 최소 한 달 전에 신청해 감정평가·심사를 마치고, 잔금일에 대출금이 매도인에게 지급되게 하세요." : "Apply at least a month before the balance date so the appraisal and review finish and the loan is paid to the seller that day.");
  return [first, LOAN[l][1], docs, timing];
}
