// Articles of the Housing Lease Protection Act and its Enforcement Decree, summarised in our own
// words (Korean and English). Figures are those in force in 2026 as we understand them; cite the statute.
import type { LawArticleSeed } from "./law-article-type";

const HLPA = { lawName: "주택임대차보호법", lawNameEn: "Housing Lease Protection Act" } as const;
const HLPA_DECREE = { lawName: "주택임대차보호법 시행령", lawNameEn: "Enforcement Decree of the Housing Lease Protection Act" } as const;

export const HOUSING_LEASE_ARTICLES: LawArticleSeed[] = [
  {
    ...HLPA, articleNumber: "제1조", title: "목적", titleEn: "Purpose", category: "scope",
    concepts: ["scope"], tenantProtectionTags: ["housing_stability"], taxTags: [],
    summary: "민법의 특례를 정해 주거용 건물 임차인의 주거생활 안정을 보장하려는 법이라는 점을 밝힌 조항입니다.",
    summaryEn: "States that the Act sets special rules on top of the Civil Act so that residential tenants can live securely.",
  },
  {
    ...HLPA, articleNumber: "제2조", title: "적용 범위", titleEn: "Scope of application", category: "scope",
    concepts: ["scope"], tenantProtectionTags: ["housing_stability"], taxTags: [],
    summary: "주거용 건물(일부를 가게 등으로 쓰는 경우 포함)의 전부 또는 일부를 빌리는 임대차에 이 법이 적용됩니다. 등기부상 용도보다 실제로 주거로 쓰는지가 기준입니다.",
    summaryEn: "The Act covers leases of all or part of a building used as a home, including one partly used for business. What counts is actual residential use, not the use written in the register.",
  },
  {
    ...HLPA, articleNumber: "제3조", title: "대항력 등", titleEn: "Opposing power", category: "opposing_power",
    concepts: ["opposing_power", "deposit_protection"], tenantProtectionTags: ["deposit_protection", "housing_stability"], taxTags: [],
    summary: "등기를 하지 않아도 임차인이 주택을 인도받고(입주) 전입신고(주민등록)를 마치면 그다음 날부터 제3자에게 임차권을 주장할 수 있습니다(대항력). 집이 팔리면 새 집주인이 임대인의 지위를 이어받으므로 남은 기간 거주하고 보증금도 새 집주인에게 받을 수 있습니다.",
    summaryEn: "Without registering the lease, a tenant who has moved in and filed the move-in report (resident registration) can assert the lease against third parties from the next day. If the house is sold, the new owner steps into the landlord's shoes: the tenant may stay for the rest of the term and claim the deposit from the new owner.",
  },
  {
    ...HLPA, articleNumber: "제3조의2", title: "보증금의 회수", titleEn: "Recovery of the deposit (fixed-date priority)", category: "priority_repayment",
    concepts: ["priority_repayment", "fixed_date", "deposit_return", "auction", "deposit_protection"], tenantProtectionTags: ["deposit_protection"], taxTags: [],
    summary: "대항요건(입주+전입신고)에 더해 계약서에 확정일자를 받은 임차인은 집이 경매·공매될 때 매각대금에서 후순위 권리자나 일반 채권자보다 먼저 보증금을 배당받을 수 있습니다(우선변제권). 순위는 대항요건과 확정일자를 모두 갖춘 날을 기준으로 저당권 등과 비교합니다. 배당금을 받으려면 집을 비워 넘겨주어야 합니다.",
    summaryEn: "A tenant who has the opposing-power requirements (moved in + move-in report) and a fixed date on the lease contract is paid the deposit out of an auction or public sale ahead of junior right holders and ordinary creditors (priority repayment). Rank against mortgages is set by the day both the requirements and the fixed date are in place. The tenant must vacate the house to collect the payout.",
  },
  {
    ...HLPA, articleNumber: "제3조의3", title: "임차권등기명령", titleEn: "Lease registration order", category: "lease_registration",
    concepts: ["lease_registration", "deposit_return", "opposing_power", "priority_repayment", "deposit_protection"], tenantProtectionTags: ["deposit_protection"], taxTags: [],
    summary: "임대차가 끝났는데 보증금을 돌려받지 못하면 임차인은 혼자서 주택 소재지 법원에 임차권등기명령을 신청할 수 있습니다. 등기가 되면 이사를 가거나 전입을 옮겨도 이미 가진 대항력과 우선변제권이 유지되므로, 등기부에 기재된 것을 확인한 뒤 이사하는 것이 안전합니다. 신청 비용은 임대인에게 청구할 수 있습니다.",
    summaryEn: "When the lease has ended and the deposit has not been returned, the tenant can apply alone to the local court for a lease registration order. Once registered, the tenant keeps the opposing power and priority already acquired even after moving out or changing the resident registration, so move only after the entry appears in the register. The costs can be claimed from the landlord.",
  },
  {
    ...HLPA, articleNumber: "제3조의6", title: "확정일자 부여 및 임대차 정보제공 등", titleEn: "Fixed dates and lease information", category: "priority_repayment",
    concepts: ["fixed_date", "priority_repayment", "landlord_disclosure"], tenantProtectionTags: ["deposit_protection"], taxTags: [],
    summary: "확정일자는 주민센터(읍·면·동), 시·군·구 출장소, 등기소·법원, 공증인에게서 받을 수 있고 온라인(인터넷등기소)으로도 가능합니다. 확정일자 부여기관은 장부를 관리하며, 이해관계인이나 계약하려는 사람(임대인 동의 필요)은 해당 주택의 확정일자 부여일, 보증금·차임 등 정보를 요청할 수 있습니다.",
    summaryEn: "A fixed date can be obtained at the community service centre, a district office branch, a registry office or court, or a notary, and online through the internet registry. The offices keep a ledger; interested parties, and with the landlord's consent a prospective tenant, can ask for the fixed dates, deposits and rents recorded for the house.",
  },
  {
    ...HLPA, articleNumber: "제3조의7", title: "임대인의 정보 제시 의무", titleEn: "Landlord's duty to disclose", category: "contract",
    concepts: ["landlord_disclosure", "jeonse_fraud", "deposit_protection"], tenantProtectionTags: ["deposit_protection", "fraud_prevention"], taxTags: ["tax_arrears_check"],
    summary: "계약을 맺을 때 임대인은 그 주택의 확정일자 부여일과 기존 보증금·차임 정보, 그리고 국세·지방세 납세증명서를 임차인에게 보여주어야 합니다(임차인이 직접 조회하도록 동의하는 방식도 가능). 세금 체납이나 선순위 임차인을 미리 확인해 보증금 피해를 막기 위한 규정입니다.",
    summaryEn: "When signing, the landlord must show the tenant the fixed-date and existing deposit/rent information for the house and certificates that national and local taxes are paid (or consent to the tenant looking them up). It lets tenants spot unpaid taxes and senior tenants that could eat into their deposit.",
  },
  {
    ...HLPA, articleNumber: "제4조", title: "임대차기간 등", titleEn: "Lease term", category: "lease_term",
    concepts: ["lease_term", "deposit_return"], tenantProtectionTags: ["housing_stability"], taxTags: [],
    summary: "기간을 정하지 않았거나 2년 미만으로 정한 주택임대차는 2년으로 봅니다. 다만 임차인은 2년 미만의 약정 기간이 유효하다고 주장할 수 있습니다. 기간이 끝나도 임차인이 보증금을 돌려받을 때까지는 임대차 관계가 계속되는 것으로 봅니다.",
    summaryEn: "A housing lease with no term or a term under two years is treated as a two-year lease, though the tenant (only) may rely on the shorter agreed term. Even after the term ends, the lease is deemed to continue until the tenant gets the deposit back.",
  },
  {
    ...HLPA, articleNumber: "제6조", title: "계약의 갱신", titleEn: "Renewal of the contract (implied renewal)", category: "renewal",
    concepts: ["implicit_renewal", "renewal_right", "lease_term"], tenantProtectionTags: ["housing_stability"], taxTags: [],
    summary: "임대인이 기간 만료 6개월 전부터 2개월 전까지 갱신 거절이나 조건 변경을 통지하지 않으면, 같은 조건으로 다시 임대차한 것으로 봅니다(묵시적 갱신). 임차인이 만료 2개월 전까지 통지하지 않은 경우도 같습니다. 이때 기간은 2년이며, 차임을 2기 이상 연체하는 등 의무를 크게 위반한 임차인에게는 적용되지 않습니다.",
    summaryEn: "If the landlord gives no notice of refusal or changed terms between six and two months before expiry (and the tenant gives none two months before), the lease is renewed on the same terms (implied renewal) for two years. It does not apply to a tenant who has fallen two rent periods behind or seriously breached the lease.",
  },
  {
    ...HLPA, articleNumber: "제6조의2", title: "묵시적 갱신의 경우 계약의 해지", titleEn: "Termination after implied renewal", category: "termination",
    concepts: ["termination", "implicit_renewal"], tenantProtectionTags: ["housing_stability"], taxTags: [],
    summary: "묵시적으로 갱신된 경우 임차인은 언제든지 계약 해지를 통지할 수 있고, 임대인이 통지를 받은 날부터 3개월이 지나면 해지의 효력이 생깁니다. 임대인은 이 방식으로 해지할 수 없습니다.",
    summaryEn: "After an implied renewal the tenant may give notice of termination at any time; it takes effect three months after the landlord receives it. The landlord has no such right.",
  },
  {
    ...HLPA, articleNumber: "제6조의3", title: "계약갱신 요구 등", titleEn: "Right to request renewal", category: "renewal",
    concepts: ["renewal_right", "rent_increase", "lease_term", "termination"], tenantProtectionTags: ["housing_stability", "rent_control"], taxTags: [],
    summary: "임차인은 기간 만료 6개월 전부터 2개월 전까지 계약갱신을 요구할 수 있고, 임대인은 정당한 사유(2기 차임 연체, 무단 전대, 고의·중과실 파손, 임대인이나 직계존비속의 실거주, 재건축 등) 없이 거절하지 못합니다. 갱신요구권은 한 번만 쓸 수 있고 갱신 기간은 2년이며, 보증금·차임 증액은 5% 이내로 제한됩니다. 갱신 후에도 임차인은 언제든 해지 통지를 할 수 있고 3개월 뒤 효력이 생깁니다. 실거주를 이유로 거절하고 그 기간에 제3자에게 세를 주면 임대인은 손해배상 책임을 집니다.",
    summaryEn: "Between six and two months before expiry the tenant may request renewal, and the landlord cannot refuse without a lawful ground (two periods of rent arrears, unauthorised sublease, wilful or grossly negligent damage, the landlord or their lineal family moving in, redevelopment, etc.). The right can be used once, the renewed term is two years and any increase is capped at 5%. The tenant can still terminate at any time with three months' notice. A landlord who refuses in order to move in but then rents to someone else owes damages.",
  },
  {
    ...HLPA, articleNumber: "제7조", title: "차임 등의 증감청구권", titleEn: "Claims to raise or lower rent and deposit", category: "rent_increase",
    concepts: ["rent_increase", "renewal_right"], tenantProtectionTags: ["rent_control"], taxTags: [],
    summary: "세금, 공과금, 경제 사정이 바뀌어 약정한 차임이나 보증금이 적절하지 않게 되면 당사자는 앞으로의 증액이나 감액을 청구할 수 있습니다. 증액은 기존 금액의 20분의 1(5%)을 넘지 못하고, 계약 또는 직전 증액 후 1년 안에는 다시 증액을 청구할 수 없습니다. 시·도는 조례로 더 낮은 상한을 정할 수 있습니다.",
    summaryEn: "If taxes, charges or economic conditions make the agreed rent or deposit unfair, either party may ask to raise or lower it for the future. An increase may not exceed one twentieth (5%) of the current amount, and no increase may be claimed within one year of the contract or the last increase. A province or metropolitan city may set a lower cap by ordinance.",
  },
  {
    ...HLPA, articleNumber: "제7조의2", title: "월차임 전환 시 산정률의 제한", titleEn: "Cap on converting deposit into monthly rent", category: "rent_increase",
    concepts: ["conversion_rate", "rent_increase"], tenantProtectionTags: ["rent_control"], taxTags: [],
    summary: "보증금의 전부나 일부를 월세로 바꿀 때, 바뀌는 금액에 연 10%와 '한국은행 기준금리 + 연 2%' 중 낮은 비율을 곱한 금액(연 기준)을 넘는 월차임은 받을 수 없습니다.",
    summaryEn: "When all or part of a deposit is converted into monthly rent, the yearly rent charged for the converted amount may not exceed the lower of 10% a year and the Bank of Korea base rate plus 2 percentage points.",
  },
  {
    ...HLPA, articleNumber: "제8조", title: "보증금 중 일정액의 보호", titleEn: "Protection of part of a small deposit (top-priority repayment)", category: "priority_repayment",
    concepts: ["small_deposit_priority", "priority_repayment", "auction", "deposit_return", "deposit_protection"], tenantProtectionTags: ["deposit_protection"], taxTags: [],
    summary: "보증금이 일정 금액 이하인 소액임차인은 경매신청 등기 전에 대항요건(입주+전입신고)을 갖추면, 확정일자가 없더라도 보증금 중 일정액을 저당권자 등 다른 담보권자보다 먼저 받습니다(최우선변제). 대상 보증금과 보호 금액은 시행령으로 정하며, 주택가액(대지 포함)의 2분의 1을 넘을 수 없습니다.",
    summaryEn: "A tenant with a small deposit who meets the opposing-power requirements (moved in + move-in report) before the auction is registered is paid a fixed part of the deposit ahead of mortgagees and other secured creditors, even without a fixed date (top-priority repayment). The eligible deposits and amounts are set by decree and can total at most half of the house's value including the land.",
  },
  {
    ...HLPA, articleNumber: "제9조", title: "주택 임차권의 승계", titleEn: "Succession to the lease", category: "contract",
    concepts: ["succession"], tenantProtectionTags: ["housing_stability"], taxTags: [],
    summary: "임차인이 상속인 없이 사망하면 함께 살던 사실혼 배우자가 임차인의 권리와 의무를 이어받습니다. 상속인이 함께 살지 않았다면 사실혼 배우자와 2촌 이내의 친족이 공동으로 승계합니다. 승계를 원하지 않으면 1개월 안에 임대인에게 반대 의사를 밝히면 됩니다.",
    summaryEn: "If a tenant dies without heirs, a de facto spouse who lived in the home takes over the lease. If heirs exist but did not live there, the de facto spouse and close relatives living there succeed jointly. Anyone who does not want the lease can tell the landlord so within one month.",
  },
  {
    ...HLPA, articleNumber: "제10조", title: "강행규정", titleEn: "Mandatory provisions", category: "contract",
    concepts: ["mandatory_provisions"], tenantProtectionTags: ["tenant_rights"], taxTags: [],
    summary: "이 법에 어긋나는 약정 가운데 임차인에게 불리한 것은 효력이 없습니다. 예를 들어 '갱신요구권을 포기한다'거나 '2년 전이라도 임대인이 요구하면 나간다'는 특약은 무효입니다.",
    summaryEn: "Any agreement that departs from this Act to the tenant's disadvantage is void — for example a clause waiving the renewal right or obliging the tenant to leave before two years on the landlord's demand.",
  },
  {
    ...HLPA, articleNumber: "제10조의2", title: "초과 차임 등의 반환청구", titleEn: "Refund of excess rent", category: "rent_increase",
    concepts: ["excess_rent_refund", "rent_increase", "conversion_rate"], tenantProtectionTags: ["rent_control"], taxTags: [],
    summary: "5% 증액 상한이나 월차임 전환율 상한을 넘겨 보증금이나 월세를 냈다면, 임차인은 초과해서 낸 금액을 돌려달라고 청구할 수 있습니다.",
    summaryEn: "A tenant who paid a deposit or rent above the 5% increase cap or above the conversion-rate cap can claim the excess back.",
  },
  {
    ...HLPA, articleNumber: "제12조", title: "미등기 전세에의 준용", titleEn: "Unregistered jeonse", category: "scope",
    concepts: ["scope", "opposing_power"], tenantProtectionTags: ["deposit_protection"], taxTags: [],
    summary: "등기하지 않은 채권적 전세(일반적인 전세 계약)에도 이 법이 적용되며, 전세금은 임대차의 보증금으로 봅니다.",
    summaryEn: "The Act also applies to ordinary, unregistered jeonse contracts; the jeonse money is treated as the lease deposit.",
  },
  {
    ...HLPA, articleNumber: "제13조", title: "「소액사건심판법」의 준용", titleEn: "Small-claims procedure for deposit suits", category: "dispute",
    concepts: ["dispute_mediation", "deposit_return"], tenantProtectionTags: ["deposit_protection"], taxTags: [],
    summary: "임차인이 임대인을 상대로 내는 보증금반환청구소송에는 금액과 관계없이 소액사건심판법의 일부 규정(이행권고결정, 신속한 변론 등)이 준용되어 비교적 빠르게 판결을 받을 수 있습니다.",
    summaryEn: "A tenant's suit for the return of the deposit follows parts of the Small Claims Trial Act whatever the amount (e.g. a court recommendation to pay, speedy hearings), so judgment comes faster.",
  },
  {
    ...HLPA, articleNumber: "제14조", title: "주택임대차분쟁조정위원회", titleEn: "Housing Lease Dispute Mediation Committee", category: "dispute",
    concepts: ["dispute_mediation", "repairs", "deposit_return", "rent_increase"], tenantProtectionTags: ["tenant_rights"], taxTags: [],
    summary: "보증금·차임 증감, 임대차 기간, 보증금 반환, 수선 의무, 원상복구 등 주택임대차 분쟁은 대한법률구조공단, 한국토지주택공사, 한국부동산원 등에 설치된 주택임대차분쟁조정위원회에 조정을 신청할 수 있습니다. 소송보다 비용과 시간이 적게 듭니다.",
    summaryEn: "Disputes about deposit or rent changes, the term, deposit return, repairs or restoration can be taken to a Housing Lease Dispute Mediation Committee (run by the Legal Aid Corporation, LH, the Korea Real Estate Board and others) — cheaper and quicker than going to court.",
  },
  {
    ...HLPA, articleNumber: "제30조", title: "주택임대차표준계약서 사용", titleEn: "Standard housing lease contract", category: "contract",
    concepts: ["standard_contract"], tenantProtectionTags: ["tenant_rights"], taxTags: [],
    summary: "주택임대차계약을 서면으로 맺을 때는 법무부와 국토교통부가 정한 주택임대차표준계약서를 우선 사용합니다. 당사자가 다른 서식을 쓰기로 합의하면 예외입니다.",
    summaryEn: "Written housing leases should use the standard lease contract published by the Ministries of Justice and of Land, unless both parties agree on another form.",
  },
  {
    ...HLPA_DECREE, articleNumber: "제8조", title: "차임 등 증액청구의 기준 등", titleEn: "Limits on increase claims", category: "rent_increase",
    concepts: ["rent_increase"], tenantProtectionTags: ["rent_control"], taxTags: [],
    summary: "차임이나 보증금 증액 청구는 약정 금액의 20분의 1(5%)을 넘지 못하고, 계약을 맺거나 증액한 뒤 1년 이내에는 할 수 없다는 세부 기준을 정합니다.",
    summaryEn: "Sets the detailed rule that a rent or deposit increase may not exceed one twentieth (5%) of the agreed amount and may not be claimed within a year of the contract or the last increase.",
  },
  {
    ...HLPA_DECREE, articleNumber: "제9조", title: "월차임 전환 시 산정률", titleEn: "Conversion rate", category: "rent_increase",
    concepts: ["conversion_rate"], tenantProtectionTags: ["rent_control"], taxTags: [],
    summary: "법 제7조의2에서 기준금리에 더하는 이율을 연 2%로 정합니다. 예컨대 기준금리가 연 2.5%라면 전환율 상한은 연 4.5%입니다.",
    summaryEn: "Fixes the margin added to the base rate under Article 7-2 at 2% a year: with a 2.5% base rate, the conversion cap is 4.5% a year.",
  },
  {
    ...HLPA_DECREE, articleNumber: "제10조", title: "보증금 중 일정액의 범위 등", titleEn: "Amount protected for small-deposit tenants", category: "priority_repayment",
    concepts: ["small_deposit_priority", "priority_repayment"], tenantProtectionTags: ["deposit_protection"], taxTags: [],
    summary: "최우선변제로 보호되는 금액: 서울 5,500만원, 과밀억제권역·세종·용인·화성·김포 4,800만원, 광역시·안산·광주·파주·이천·평택 2,800만원, 그 밖의 지역 2,500만원(2023년 2월 21일 이후 담보권 설정 기준). 합계가 주택가액의 2분의 1을 넘으면 그 범위로 줄어듭니다.",
    summaryEn: "Top-priority amounts: KRW 55 million in Seoul, 48 million in the overcrowding-control zone, Sejong, Yongin, Hwaseong and Gimpo, 28 million in metropolitan cities and Ansan, Gwangju, Paju, Icheon and Pyeongtaek, 25 million elsewhere (for mortgages set after 21 February 2023), reduced if they would exceed half the house value.",
    effectiveNote: "Amounts depend on the date of the earliest mortgage on the house.",
  },
  {
    ...HLPA_DECREE, articleNumber: "제11조", title: "우선변제를 받을 임차인의 범위", titleEn: "Who counts as a small-deposit tenant", category: "priority_repayment",
    concepts: ["small_deposit_priority"], tenantProtectionTags: ["deposit_protection"], taxTags: [],
    summary: "최우선변제를 받는 소액임차인은 보증금이 서울 1억 6,500만원 이하, 과밀억제권역 등 1억 4,500만원 이하, 광역시 등 8,500만원 이하, 그 밖의 지역 7,500만원 이하인 임차인입니다. 어느 기준을 적용할지는 그 주택에 처음 설정된 담보권의 날짜에 따라 달라집니다.",
    summaryEn: "Small-deposit tenants are those whose deposit is at most KRW 165 million in Seoul, 145 million in the overcrowding-control zone etc., 85 million in metropolitan cities etc., and 75 million elsewhere. Which table applies depends on when the first mortgage on the house was registered.",
  },
];
