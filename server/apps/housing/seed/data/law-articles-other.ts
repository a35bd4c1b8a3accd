// Commercial Building Lease Protection Act, Civil Act lease rules, and the tax and reporting rules
// tenants and buyers ask about, summarised in our own words (Korean and English).
import type { LawArticleSeed } from "./law-article-type";

const CBLPA = { lawName: "상가건물 임대차보호법", lawNameEn: "Commercial Building Lease Protection Act" } as const;
const CIVIL = { lawName: "민법", lawNameEn: "Civil Act" } as const;

export const COMMERCIAL_LEASE_ARTICLES: LawArticleSeed[] = [
  {
    ...CBLPA, articleNumber: "제2조", title: "적용범위", titleEn: "Scope of application", category: "commercial_lease",
    concepts: ["commercial_lease", "scope"], tenantProtectionTags: ["business_stability"], taxTags: [],
    summary: "사업자등록 대상이 되는 상가건물의 임대차에 적용됩니다. 환산보증금(보증금 + 월세×100)이 지역별 기준(서울 9억원)을 넘으면 대부분의 규정이 적용되지 않지만, 대항력, 계약갱신요구권, 권리금 보호, 3기 연체 해지 규정 등은 기준을 넘어도 적용됩니다.",
    summaryEn: "Covers leases of commercial buildings used for a registered business. Above the regional threshold of 'converted deposit' (deposit + monthly rent × 100; KRW 900 million in Seoul) most rules do not apply, but opposing power, the renewal right, key-money protection and the three-period arrears rule still do.",
  },
  {
    ...CBLPA, articleNumber: "제3조", title: "대항력 등", titleEn: "Opposing power", category: "commercial_lease",
    concepts: ["opposing_power", "commercial_lease"], tenantProtectionTags: ["deposit_protection", "business_stability"], taxTags: [],
    summary: "상가 임차인은 건물을 인도받고 세무서에 사업자등록을 신청하면 그다음 날부터 제3자에게 임차권을 주장할 수 있습니다. 건물이 팔리면 새 소유자가 임대인의 지위를 승계합니다.",
    summaryEn: "A commercial tenant who has taken possession and applied for business registration at the tax office can assert the lease against third parties from the next day; a buyer of the building takes over as landlord.",
  },
  {
    ...CBLPA, articleNumber: "제5조", title: "보증금의 회수", titleEn: "Recovery of the deposit", category: "commercial_lease",
    concepts: ["priority_repayment", "fixed_date", "commercial_lease", "auction"], tenantProtectionTags: ["deposit_protection"], taxTags: [],
    summary: "대항요건을 갖추고 관할 세무서장에게서 확정일자를 받은 상가 임차인은 경매·공매 때 후순위 권리자보다 먼저 보증금을 배당받습니다. 배당을 받으려면 건물을 비워 주어야 합니다.",
    summaryEn: "A commercial tenant with opposing power and a fixed date from the tax office is paid the deposit from an auction or public sale ahead of junior right holders, after handing the premises back.",
  },
  {
    ...CBLPA, articleNumber: "제6조", title: "임차권등기명령", titleEn: "Lease registration order", category: "lease_registration",
    concepts: ["lease_registration", "commercial_lease", "deposit_return"], tenantProtectionTags: ["deposit_protection"], taxTags: [],
    summary: "상가 임대차가 끝났는데 보증금을 돌려받지 못하면 임차인은 법원에 임차권등기명령을 신청할 수 있고, 등기 후에는 가게를 옮겨도 대항력과 우선변제권이 유지됩니다.",
    summaryEn: "A commercial tenant whose deposit is not returned at the end of the lease can obtain a court lease registration order and keep opposing power and priority after moving the business.",
  },
  {
    ...CBLPA, articleNumber: "제9조", title: "임대차기간 등", titleEn: "Lease term", category: "commercial_lease",
    concepts: ["lease_term", "commercial_lease"], tenantProtectionTags: ["business_stability"], taxTags: [],
    summary: "기간을 정하지 않았거나 1년 미만으로 정한 상가 임대차는 1년으로 봅니다(임차인은 더 짧은 기간을 주장할 수 있음). 기간이 끝나도 보증금을 돌려받을 때까지 임대차 관계가 계속됩니다.",
    summaryEn: "A commercial lease with no term or less than a year is treated as one year (the tenant may rely on the shorter term); it continues until the deposit is returned.",
  },
  {
    ...CBLPA, articleNumber: "제10조", title: "계약갱신 요구 등", titleEn: "Right to request renewal", category: "commercial_lease",
    concepts: ["renewal_right", "commercial_lease", "implicit_renewal", "lease_term"], tenantProtectionTags: ["business_stability"], taxTags: [],
    summary: "상가 임차인은 만료 6개월 전부터 1개월 전까지 갱신을 요구할 수 있고, 임대인은 3기 차임 연체 등 정당한 사유 없이 거절할 수 없습니다. 최초 계약을 포함한 전체 임대차기간이 10년을 넘지 않는 범위에서 행사할 수 있습니다. 임대인이 기간 내 통지하지 않으면 같은 조건으로 1년 갱신된 것으로 보고, 임차인은 언제든 해지 통고(3개월 후 효력)를 할 수 있습니다.",
    summaryEn: "A commercial tenant may request renewal between six months and one month before expiry, and the landlord cannot refuse without cause such as three periods of arrears, as long as the total term including the first contract stays within ten years. Without notice from the landlord the lease renews for one year on the same terms, and the tenant may terminate with three months' notice.",
  },
  {
    ...CBLPA, articleNumber: "제10조의3", title: "권리금의 정의 등", titleEn: "Key money", category: "commercial_lease",
    concepts: ["key_money", "commercial_lease"], tenantProtectionTags: ["business_stability"], taxTags: [],
    summary: "권리금은 영업시설·비품, 거래처, 신용, 노하우, 상가 위치에 따른 이점 등 유무형의 재산적 가치를 넘겨주는 대가로 신규임차인이 기존 임차인에게 보증금·차임과 별도로 지급하는 돈입니다.",
    summaryEn: "Key money is what an incoming commercial tenant pays the outgoing one, apart from deposit and rent, for fixtures, customers, goodwill, know-how and the location's advantages.",
  },
  {
    ...CBLPA, articleNumber: "제10조의4", title: "권리금 회수기회 보호 등", titleEn: "Protection of the chance to recover key money", category: "commercial_lease",
    concepts: ["key_money", "commercial_lease"], tenantProtectionTags: ["business_stability"], taxTags: [],
    summary: "임대인은 임대차 종료 6개월 전부터 종료 때까지 임차인이 주선한 신규임차인에게서 권리금을 받는 것을 정당한 사유 없이 방해하면 안 됩니다(직접 권리금 요구, 신규임차인과 계약 거절, 과도한 차임 요구 등). 위반하면 손해를 배상해야 하며, 배상액은 신규임차인이 주기로 한 권리금과 종료 당시 권리금 중 낮은 금액을 넘지 않습니다. 청구는 종료일부터 3년 안에 해야 합니다.",
    summaryEn: "From six months before the end of the lease the landlord must not, without good reason, block the tenant from collecting key money from a new tenant the tenant found (by demanding key money, refusing the newcomer, asking an excessive rent, etc.). Damages are capped at the lower of the agreed key money and its value at the end of the lease, and must be claimed within three years.",
  },
  {
    ...CBLPA, articleNumber: "제10조의8", title: "차임연체와 해지", titleEn: "Rent arrears and termination", category: "termination",
    concepts: ["rent_arrears", "termination", "commercial_lease"], tenantProtectionTags: [], taxTags: [],
    summary: "상가 임차인의 연체 차임액이 3기의 차임액에 이르면 임대인은 계약을 해지할 수 있습니다.",
    summaryEn: "When a commercial tenant's arrears reach three periods' rent, the landlord may terminate the lease.",
  },
  {
    ...CBLPA, articleNumber: "제11조", title: "차임 등의 증감청구권", titleEn: "Claims to raise or lower rent", category: "commercial_lease",
    concepts: ["rent_increase", "commercial_lease"], tenantProtectionTags: ["rent_control", "business_stability"], taxTags: [],
    summary: "상가 차임이나 보증금도 경제 사정 변동(1급 감염병 등 포함)에 따라 증감을 청구할 수 있으나, 증액은 기존 금액의 5%를 넘을 수 없고 1년 안에는 다시 증액할 수 없습니다. 감염병으로 감액된 뒤에는 감액 전 금액까지 5% 상한 없이 회복할 수 있습니다.",
    summaryEn: "Commercial rent and deposits can be adjusted for changed conditions (including a class-1 epidemic), but an increase is capped at 5% and not within a year of the last one; after a pandemic reduction, rent may return to the earlier level without the cap.",
  },
  {
    ...CBLPA, articleNumber: "제11조의2", title: "폐업으로 인한 임차인의 해지권", titleEn: "Termination after a forced closure", category: "termination",
    concepts: ["business_closure", "termination", "commercial_lease"], tenantProtectionTags: ["business_stability"], taxTags: [],
    summary: "감염병 예방을 위한 집합 제한·금지 조치를 합계 3개월 이상 받아 경제 사정이 크게 나빠져 폐업한 상가 임차인은 계약을 해지할 수 있고, 임대인이 통고를 받은 날부터 3개월 후 효력이 생깁니다.",
    summaryEn: "A commercial tenant forced to close the business after a total of three months of infection-control gathering restrictions or bans may terminate; it takes effect three months after the landlord is notified.",
  },
  {
    ...CBLPA, articleNumber: "제12조", title: "월 차임 전환 시 산정률의 제한", titleEn: "Cap on converting deposit into rent", category: "commercial_lease",
    concepts: ["conversion_rate", "commercial_lease"], tenantProtectionTags: ["rent_control"], taxTags: [],
    summary: "상가 보증금을 월세로 바꿀 때 적용하는 비율은 연 12%와 한국은행 기준금리의 4.5배 중 낮은 비율을 넘을 수 없습니다.",
    summaryEn: "Converting a commercial deposit into monthly rent may not use a yearly rate above the lower of 12% and 4.5 times the Bank of Korea base rate.",
  },
  {
    ...CBLPA, articleNumber: "제14조", title: "보증금 중 일정액의 보호", titleEn: "Top-priority repayment for small deposits", category: "commercial_lease",
    concepts: ["small_deposit_priority", "commercial_lease", "priority_repayment"], tenantProtectionTags: ["deposit_protection"], taxTags: [],
    summary: "환산보증금이 소액(서울 6,500만원 이하)인 상가 임차인은 경매신청 등기 전에 대항요건을 갖추면 보증금 중 일정액(서울 2,200만원)을 다른 담보권자보다 먼저 받습니다. 합계는 건물가액의 2분의 1 이내입니다.",
    summaryEn: "A commercial tenant with a small converted deposit (up to KRW 65 million in Seoul) who has opposing power before the auction is registered gets a fixed sum (KRW 22 million in Seoul) ahead of secured creditors, within half of the building's value.",
  },
];

export const CIVIL_ACT_ARTICLES: LawArticleSeed[] = [
  {
    ...CIVIL, articleNumber: "제536조", title: "동시이행의 항변권", titleEn: "Defence of simultaneous performance", category: "deposit_return",
    concepts: ["simultaneous_performance", "deposit_return"], tenantProtectionTags: ["deposit_protection"], taxTags: [],
    summary: "쌍방이 서로 의무를 지는 계약에서는 상대방이 자기 의무를 이행할 때까지 내 의무 이행을 거절할 수 있습니다. 임대차가 끝나면 임차인의 집 반환과 임대인의 보증금 반환이 동시이행 관계여서, 보증금을 받기 전에는 집(열쇠)을 넘겨주지 않아도 됩니다.",
    summaryEn: "In a contract with mutual duties, each side may withhold performance until the other performs. At the end of a lease, handing back the home and returning the deposit are simultaneous: the tenant need not hand over the keys before the deposit is paid.",
  },
  {
    ...CIVIL, articleNumber: "제623조", title: "임대인의 의무", titleEn: "Landlord's duties (repairs)", category: "repairs_restoration",
    concepts: ["repairs"], tenantProtectionTags: ["housing_quality"], taxTags: [],
    summary: "임대인은 목적물을 임차인에게 넘겨주고 계약 기간 동안 사용·수익에 필요한 상태를 유지해 줄 의무가 있습니다. 보일러·배관·누수처럼 사는 데 지장을 주는 큰 하자는 임대인이 고쳐야 하고, 전구 교체 같은 작은 수선은 통상 임차인이 부담합니다.",
    summaryEn: "The landlord must hand over the property and keep it fit for use throughout the lease. Defects that stop normal living — boiler, pipes, leaks — are the landlord's to repair; small items such as light bulbs are usually the tenant's.",
  },
  {
    ...CIVIL, articleNumber: "제626조", title: "임차인의 상환청구권", titleEn: "Tenant's claim for expenses", category: "repairs_restoration",
    concepts: ["expense_reimbursement", "repairs"], tenantProtectionTags: ["housing_quality"], taxTags: [],
    summary: "임차인이 집을 보존하는 데 필요한 비용(필요비)을 냈다면 임대인에게 바로 돌려달라고 청구할 수 있습니다. 가치를 높이는 비용(유익비)은 계약 종료 때 가치 증가가 남아 있으면 임대인이 지출액이나 증가액 중 하나를 선택해 상환합니다. 계약서에서 이 권리를 포기하기로 약정할 수도 있으니 특약을 확인해야 합니다.",
    summaryEn: "A tenant who paid for necessary repairs to preserve the property can claim them back at once; for improvements that raise its value, the landlord repays either the cost or the added value at the end of the lease if the improvement remains. Leases often waive this, so check the special clauses.",
  },
  {
    ...CIVIL, articleNumber: "제629조", title: "임차권의 양도, 전대의 제한", titleEn: "Assignment and sublease", category: "contract",
    concepts: ["sublease", "termination"], tenantProtectionTags: [], taxTags: [],
    summary: "임차인은 임대인의 동의 없이 임차권을 양도하거나 집을 다시 세놓을(전대) 수 없고, 이를 어기면 임대인이 계약을 해지할 수 있습니다.",
    summaryEn: "A tenant may not assign the lease or sublet without the landlord's consent; if they do, the landlord may terminate.",
  },
  {
    ...CIVIL, articleNumber: "제635조", title: "기간의 약정없는 임대차의 해지통고", titleEn: "Notice to end a lease with no fixed term", category: "termination",
    concepts: ["termination"], tenantProtectionTags: [], taxTags: [],
    summary: "기간을 정하지 않은 임대차는 당사자가 언제든 해지를 통고할 수 있고, 건물의 경우 임대인이 통고하면 6개월, 임차인이 통고하면 1개월이 지나면 해지됩니다. 주택은 주택임대차보호법의 2년 보장이 우선합니다.",
    summaryEn: "A lease without a fixed term can be ended by notice at any time: for buildings, six months after the landlord's notice or one month after the tenant's. For homes the two-year protection of the Housing Lease Protection Act comes first.",
  },
  {
    ...CIVIL, articleNumber: "제640조", title: "차임연체와 해지", titleEn: "Rent arrears and termination", category: "termination",
    concepts: ["rent_arrears", "termination"], tenantProtectionTags: [], taxTags: [],
    summary: "건물 임대차에서 임차인의 연체 차임액이 2기의 차임액에 이르면 임대인은 계약을 해지할 수 있습니다. 월세 두 달치가 밀리면 해지 사유가 되는 셈입니다.",
    summaryEn: "In a building lease the landlord may terminate once the tenant's arrears reach two periods' rent — in practice, two months of unpaid monthly rent.",
  },
  {
    ...CIVIL, articleNumber: "제615조", title: "차주의 원상회복의무와 철거권", titleEn: "Duty to restore the original condition", category: "repairs_restoration",
    concepts: ["restoration", "deposit_return"], tenantProtectionTags: [], taxTags: [],
    summary: "빌린 물건을 돌려줄 때는 원래 상태로 회복해야 하고, 붙여 놓은 물건은 철거할 수 있습니다(제654조로 임대차에 준용). 다만 통상적인 사용에 따른 마모나 시간이 지나 생긴 노후는 원상복구 대상이 아니므로, 임대인이 이를 이유로 보증금에서 공제할 수 없습니다. 입주 때 사진으로 상태를 남겨 두면 분쟁을 줄일 수 있습니다.",
    summaryEn: "Whoever returns a borrowed thing must restore it to its original condition and may remove what they attached (applied to leases by Article 654). Ordinary wear and ageing are not the tenant's to restore, so the landlord cannot deduct them from the deposit. Photos taken at move-in prevent disputes.",
  },
  {
    ...CIVIL, articleNumber: "제646조", title: "임차인의 부속물매수청구권", titleEn: "Tenant's right to have fixtures bought", category: "repairs_restoration",
    concepts: ["expense_reimbursement", "restoration"], tenantProtectionTags: [], taxTags: [],
    summary: "건물 사용의 편익을 위해 임대인의 동의를 얻어 붙인 물건(부속물)이 있으면, 임차인은 임대차 종료 때 임대인에게 그 물건을 사 달라고 청구할 수 있습니다.",
    summaryEn: "Fixtures the tenant added with the landlord's consent to make the building more usable can, at the end of the lease, be sold to the landlord at the tenant's demand.",
  },
];

export const TAX_AND_REPORTING_ARTICLES: LawArticleSeed[] = [
  {
    lawName: "조세특례제한법", lawNameEn: "Restriction of Special Taxation Act", articleNumber: "제95조의2",
    title: "월세액에 대한 세액공제", titleEn: "Tax credit for monthly rent", category: "tax",
    concepts: ["rent_tax_credit"], tenantProtectionTags: ["housing_cost_relief"], taxTags: ["tax_credit", "income_tax"],
    summary: "무주택 세대주(요건을 갖춘 세대원 포함)로 총급여 8,000만원 이하인 근로자가 국민주택규모(85㎡) 이하 또는 기준시가 4억원 이하 주택에 월세로 살면, 연 1,000만원 한도로 낸 월세의 15%(총급여 5,500만원 이하는 17%)를 세액공제받을 수 있습니다. 전입신고가 되어 있어야 합니다.",
    summaryEn: "A homeless head of household earning a total salary of KRW 80 million or less who rents a home of up to 85 m² (or worth up to KRW 400 million by the official price) can credit 15% of rent paid (17% at salaries up to 55 million) against income tax, on up to KRW 10 million of rent a year. The move-in report must be at that address.",
  },
  {
    lawName: "소득세법", lawNameEn: "Income Tax Act", articleNumber: "제89조",
    title: "비과세 양도소득", titleEn: "Tax-exempt capital gains (one house per household)", category: "tax",
    concepts: ["capital_gains_tax"], tenantProtectionTags: [], taxTags: ["capital_gains"],
    summary: "1세대가 국내에 1주택만 보유하고 2년 이상 보유(취득 당시 조정대상지역이면 2년 거주 포함)한 뒤 팔면 양도소득세가 비과세됩니다. 다만 양도가액이 12억원을 넘는 고가주택은 12억원 초과분에 해당하는 양도차익에 과세됩니다.",
    summaryEn: "A household that owns only one home and has held it at least two years (and lived there two years if it was in an adjustment area when bought) pays no capital gains tax on the sale. For a sale price above KRW 1.2 billion, the gain attributable to the part above 1.2 billion is taxed.",
  },
  {
    lawName: "지방세법", lawNameEn: "Local Tax Act", articleNumber: "제11조",
    title: "부동산 취득의 세율", titleEn: "Acquisition tax rates", category: "tax",
    concepts: ["acquisition_tax"], tenantProtectionTags: [], taxTags: ["acquisition"],
    summary: "주택을 사서 취득할 때 취득세 기본세율은 취득가 6억원 이하 1%, 6억원 초과 9억원 이하 구간은 금액에 따라 1~3%로 올라가며, 9억원 초과 3%입니다(지방교육세 등 별도). 조정대상지역 다주택자나 법인은 제13조의2에 따라 중과될 수 있고, 생애최초 구입은 감면 제도가 있습니다.",
    summaryEn: "Buying a home attracts acquisition tax of 1% up to KRW 600 million, a sliding 1–3% between 600 and 900 million, and 3% above 900 million (local education tax extra). Multi-home owners in adjustment areas and companies may pay surcharged rates under Article 13-2; first-time buyers can get a reduction.",
  },
  {
    lawName: "종합부동산세법", lawNameEn: "Comprehensive Real Estate Holding Tax Act", articleNumber: "제8조",
    title: "과세표준", titleEn: "Tax base for housing", category: "tax",
    concepts: ["holding_tax"], tenantProtectionTags: [], taxTags: ["holding"],
    summary: "주택분 종합부동산세 과세표준은 보유 주택 공시가격 합계에서 9억원(1세대 1주택자는 12억원)을 뺀 금액에 공정시장가액비율을 곱해 정합니다. 재산세와 별도로 매년 6월 1일 보유자 기준으로 부과됩니다.",
    summaryEn: "The housing tax base is the total official price of the homes owned minus KRW 900 million (1.2 billion for a one-home household), times the fair-market-value ratio. It is levied on owners as of 1 June each year, on top of property tax.",
  },
  {
    lawName: "부동산 거래신고 등에 관한 법률", lawNameEn: "Act on Report on Real Estate Transactions", articleNumber: "제6조의2",
    title: "주택 임대차 계약의 신고", titleEn: "Reporting housing leases", category: "contract",
    concepts: ["lease_report", "fixed_date"], tenantProtectionTags: ["deposit_protection"], taxTags: [],
    summary: "보증금 6,000만원 초과 또는 월세 30만원 초과 주택임대차 계약(신규·갱신 포함, 금액 변동 없는 갱신 제외)은 계약일부터 30일 안에 시·군·구에 신고해야 합니다. 신고하면 확정일자가 자동으로 부여된 것으로 봅니다(제6조의5).",
    summaryEn: "Housing leases with a deposit above KRW 60 million or rent above KRW 300,000 a month (new or renewed with changed amounts) must be reported to the local government within 30 days. A filed report counts as obtaining a fixed date (Article 6-5).",
  },
  {
    lawName: "공인중개사법", lawNameEn: "Licensed Real Estate Agents Act", articleNumber: "제25조",
    title: "중개대상물의 확인·설명", titleEn: "Agent's duty to verify and explain", category: "contract",
    concepts: ["broker_duty", "landlord_disclosure", "jeonse_fraud"], tenantProtectionTags: ["fraud_prevention", "deposit_protection"], taxTags: [],
    summary: "공인중개사는 계약 전에 중개대상물의 상태, 권리관계(근저당 등), 공법상 제한, 거래 금액과 중개보수 등을 확인해 근거 자료와 함께 설명하고, 확인·설명서를 작성해 교부해야 합니다. 임대차에서는 선순위 보증금, 임대인의 세금 체납 확인 방법, 최우선변제 기준도 설명해야 합니다.",
    summaryEn: "Before a contract the agent must check and explain, with evidence, the property's condition, rights over it (mortgages etc.), public-law restrictions, the price and the fee, and hand over a written explanation. For leases this includes senior deposits, how to check the landlord's unpaid taxes, and small-deposit priority thresholds.",
  },
  {
    lawName: "전세사기피해자 지원 및 주거안정에 관한 특별법", lawNameEn: "Special Act on Support for Jeonse Fraud Victims", articleNumber: "제3조",
    title: "전세사기피해자의 요건", titleEn: "Who qualifies as a jeonse-fraud victim", category: "deposit_return",
    concepts: ["jeonse_fraud", "deposit_return", "auction"], tenantProtectionTags: ["deposit_protection", "fraud_prevention"], taxTags: [],
    summary: "대항력과 확정일자를 갖추었거나 임차권등기를 한 임차인으로, 보증금이 5억원 이하(위원회가 2억원 범위에서 상향 가능)이고, 다수의 임차인이 피해를 보았거나 볼 우려가 있으며, 임대인이 보증금을 돌려줄 의사가 없다고 의심될 때 전세사기피해자로 결정받아 경매 유예, 우선매수권, 저리 대출 등 지원을 받을 수 있습니다.",
    summaryEn: "A tenant with opposing power and a fixed date (or a registered lease), a deposit of up to KRW 500 million (the committee can raise it by up to 200 million), where many tenants are or may be harmed and the landlord is suspected of not intending to repay, can be recognised as a jeonse-fraud victim and get auction deferral, a priority purchase right and low-rate loans.",
  },
];
