// The legal vocabulary: each concept key with the Korean and English words people use for it.
// legal_search maps a query to concepts through these terms, so either language finds the same articles.

export const LAW_CONCEPT_TERMS: Record<string, { ko: string[]; en: string[] }> = {
  scope: { ko: ["적용범위", "적용 대상", "적용대상"], en: ["scope", "applies to", "application"] },
  // "How do I keep my deposit safe?" names no article, but its answer is 대항력 (제3조), 확정일자·우선변제
  // (제3조의2), 임차권등기명령 (제3조의3), 최우선변제 (제8조) and the landlord's disclosure (제3조의7):
  // those articles list this concept. A "~" in a Korean term allows a few characters between its parts.
  deposit_protection: {
    ko: [
      "보증금~지키", "보증금~지킬", "보증금~지켜", "보증금~보호", "보증금~안전", "보증금~떼이지", "보증금~안 떼이",
      "전세금~지키", "전세금~지킬", "전세금~지켜", "전세금~보호", "전세금~안전", "전세금~떼이지", "전세금~안 떼이", "보증금 보호", "보증금보호",
    ],
    en: [
      "protect my deposit", "protect the deposit", "protect our deposit", "protecting my deposit", "protecting the deposit",
      "deposit protection", "keep my deposit safe", "keep the deposit safe", "my deposit safe", "safeguard my deposit",
      "secure my deposit", "protect my jeonse deposit", "protect my key deposit",
    ],
  },
  opposing_power: {
    ko: ["대항력", "대항요건", "전입신고", "주민등록", "전입", "집주인이 바뀌", "매매되면"],
    en: ["opposing power", "third-party effect", "move-in report", "resident registration", "new owner", "house is sold", "perfection"],
  },
  fixed_date: { ko: ["확정일자"], en: ["fixed date", "fixed-date", "confirmed date", "date stamp"] },
  priority_repayment: {
    ko: ["우선변제", "우선변제권", "배당", "순위"],
    en: ["priority repayment", "preferential repayment", "priority", "distribution", "seniority"],
  },
  small_deposit_priority: {
    ko: ["최우선변제", "소액임차인", "소액보증금", "소액 임차인"],
    en: ["small deposit", "small-deposit", "top priority", "small-sum tenant", "minimum protected amount"],
  },
  lease_registration: {
    ko: ["임차권등기명령", "임차권등기", "임차권 등기"],
    en: ["lease registration order", "lease registration", "register the lease", "registration order"],
  },
  deposit_return: {
    ko: ["보증금 반환", "보증금반환", "보증금을 돌려", "보증금 돌려", "전세금 반환", "보증금 회수", "보증금을 못", "보증금 못", "돌려받", "돌려주", "돌려줘", "돌려 주", "반환"],
    en: ["deposit return", "return of deposit", "return my deposit", "deposit back", "refund the deposit", "refund my deposit", "recover the deposit", "deposit refund"],
  },
  lease_term: {
    ko: ["임대차기간", "임대차 기간", "계약기간", "계약 기간", "존속기간", "최소 2년", "2년 미만"],
    en: ["lease term", "lease period", "minimum term", "contract period", "duration", "two years", "2 years"],
  },
  renewal_right: {
    ko: ["계약갱신요구권", "갱신요구권", "갱신 요구", "갱신요구", "계약갱신", "계약 갱신", "갱신청구권", "재계약", "나가라", "퇴거"],
    en: ["renewal request right", "right to request renewal", "request renewal", "renewal right", "contract renewal", "renew", "renewal", "extend the lease", "evict", "eviction", "kick me out"],
  },
  implicit_renewal: {
    ko: ["묵시적 갱신", "묵시적갱신", "자동 연장", "자동연장", "자동 갱신"],
    en: ["implied renewal", "implicit renewal", "tacit renewal", "automatic renewal", "automatically renewed"],
  },
  rent_increase: {
    ko: ["5%", "5퍼센트", "증액", "증감청구", "인상", "차임 증액", "보증금 인상", "월세 인상", "상한", "20분의 1", "올려", "올리"],
    en: ["rent increase", "increase cap", "5% cap", "5 percent", "raise the rent", "rent cap", "increase the deposit", "rent hike", "increase", "raise", "hike"],
  },
  conversion_rate: {
    ko: ["전월세 전환율", "전환율", "월세 전환", "월차임 전환", "월세로 전환"],
    en: ["conversion rate", "convert deposit", "conversion to monthly rent", "deposit to monthly rent"],
  },
  termination: {
    ko: ["해지", "계약 해지", "중도 해지", "중도해지", "해지통고", "계약해지"],
    en: ["terminate", "termination", "early termination", "cancel the lease", "break the lease", "end the lease", "move out early"],
  },
  rent_arrears: {
    ko: ["차임 연체", "월세 연체", "연체", "월세를 못", "밀린 월세", "밀리", "밀려", "밀렸"],
    en: ["rent arrears", "unpaid rent", "late rent", "overdue rent", "arrears"],
  },
  repairs: {
    ko: ["수선", "수리", "수선의무", "하자", "누수", "보일러", "곰팡이", "고장"],
    en: ["repair", "repairs", "maintenance", "leak", "defect", "broken", "boiler", "mold", "fix"],
  },
  restoration: {
    ko: ["원상복구", "원상회복", "원상 복구"],
    en: ["restoration", "restore", "original condition", "move-out condition", "reinstatement"],
  },
  expense_reimbursement: {
    ko: ["필요비", "유익비", "비용상환", "상환청구"],
    en: ["necessary expenses", "improvement costs", "reimbursement", "useful expenses"],
  },
  auction: { ko: ["경매", "공매", "낙찰"], en: ["auction", "foreclosure", "public sale"] },
  dispute_mediation: {
    ko: ["분쟁조정", "분쟁 조정", "조정위원회", "소액사건", "소송"],
    en: ["dispute mediation", "mediation", "dispute", "small claims", "lawsuit", "sue"],
  },
  standard_contract: {
    ko: ["표준계약서", "계약서 양식", "표준 계약서"],
    en: ["standard lease contract", "standard contract", "standard form", "contract form"],
  },
  landlord_disclosure: {
    ko: ["정보제시", "정보 제시", "납세증명서", "국세 완납", "체납", "선순위", "임대인 정보"],
    en: ["landlord disclosure", "tax payment certificate", "unpaid taxes", "tax arrears", "senior liens", "landlord information"],
  },
  lease_report: {
    ko: ["전월세 신고", "임대차 신고", "전월세신고", "임대차신고", "주택임대차 신고"],
    en: ["lease reporting", "rental report", "report the lease", "lease report"],
  },
  succession: { ko: ["승계", "임차인 사망", "사실혼"], en: ["succession", "tenant dies", "tenant death", "de facto spouse"] },
  sublease: { ko: ["전대", "임차권 양도", "임차권을 양도", "전차인"], en: ["sublease", "sublet", "assignment", "assign the lease"] },
  commercial_lease: {
    ko: ["상가", "상가임대차", "상가건물", "점포", "가게", "환산보증금", "사업자등록", "영업"],
    en: ["commercial lease", "commercial", "store", "shop", "business premises", "retail", "business registration"],
  },
  key_money: { ko: ["권리금"], en: ["key money", "premium", "goodwill"] },
  mandatory_provisions: {
    ko: ["강행규정", "불리한 약정", "불리한 특약", "특약", "무효"],
    en: ["mandatory provision", "unfavourable clause", "unfavorable clause", "void clause", "special clause"],
  },
  excess_rent_refund: {
    ko: ["초과 차임", "초과 지급", "더 낸", "초과지급"],
    en: ["excess rent", "overpaid rent", "overpaid", "paid too much"],
  },
  simultaneous_performance: {
    ko: ["동시이행", "열쇠", "이사 나가"],
    en: ["simultaneous performance", "hand back the keys", "hand over the keys", "at the same time"],
  },
  jeonse_fraud: {
    ko: ["전세사기", "깡통전세", "전세 사기", "피해자"],
    en: ["jeonse fraud", "rental fraud", "deposit scam", "fraud victim", "lease fraud"],
  },
  capital_gains_tax: {
    ko: ["양도소득세", "양도세", "비과세", "1세대 1주택", "1주택"],
    en: ["capital gains tax", "capital gains", "one-house exemption", "one house exemption", "tax exemption on sale"],
  },
  acquisition_tax: { ko: ["취득세"], en: ["acquisition tax", "purchase tax"] },
  holding_tax: {
    ko: ["종합부동산세", "종부세", "재산세", "보유세"],
    en: ["comprehensive real estate tax", "holding tax", "property tax"],
  },
  rent_tax_credit: {
    ko: ["월세 세액공제", "세액공제", "연말정산", "월세 공제"],
    en: ["monthly rent tax credit", "tax credit", "rent deduction", "year-end tax settlement"],
  },
  broker_duty: {
    ko: ["중개사", "공인중개사", "확인설명", "확인·설명", "부동산 중개", "중개대상물"],
    en: ["broker", "realtor", "real estate agent", "agent's explanation"],
  },
  business_closure: { ko: ["폐업", "집합금지", "집합 금지"], en: ["business closure", "closed down", "shutdown order"] },
};

export interface LawTermRow { term: string; concept: string; language: "ko" | "en" }

/** Flattened rows for law_terms; a term listed under two concepts keeps the first. */
export function lawTermRows(): LawTermRow[] {
  const seen = new Set<string>();
  const rows: LawTermRow[] = [];
  for (const [concept, { ko, en }] of Object.entries(LAW_CONCEPT_TERMS)) {
    for (const [language, terms] of [["ko", ko], ["en", en]] as const) {
      for (const raw of terms) {
        const term = raw.toLowerCase();
        if (seen.has(term)) continue;
        seen.add(term);
        rows.push({ term, concept, language });
      }
    }
  }
  return rows;
}
