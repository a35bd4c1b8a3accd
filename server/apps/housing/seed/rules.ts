// Seeds the housing rule tables (lending limits, jeonse risk bands, rates, contract risk patterns,
// policy programmes). Upserts by key, so a rerun brings the tables in line with this file.
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../../db/client";
import {
  regulatedRegions, lendingRules, jeonseRiskLevels, rateSettings, contractRiskRules, policyPrograms,
  type PolicyCriteria,
} from "../schema/domain-rules";

const LENDING_SOURCE = "금융위원회 가계부채 관리방안(2025.6.27) 및 주택시장 안정화 대책(2025.10.15) 요약 — 실제 한도는 금융기관 심사에 따름";
const POLICY_AS_OF = "2025-10-01";

const REGULATED: (typeof regulatedRegions.$inferInsert)[] = [
  ...["강남구", "서초구", "송파구", "용산구"].map((region) => ({
    region, designation: "투기과열지구·조정대상지역", since: "2023-01-05", source: "국토교통부 2023.1.3 규제지역 해제 발표(4개 구 유지)",
  })),
  ...["종로구", "중구", "성동구", "광진구", "동대문구", "중랑구", "성북구", "강북구", "도봉구", "노원구", "은평구",
    "서대문구", "마포구", "양천구", "강서구", "구로구", "금천구", "영등포구", "동작구", "관악구", "강동구"].map((region) => ({
    region, designation: "투기과열지구·조정대상지역", since: "2025-10-16", source: "국토교통부 2025.10.15 주택시장 안정화 대책",
  })),
  ...["과천시", "광명시", "성남시 분당구", "성남시 수정구", "성남시 중원구", "수원시 영통구", "수원시 장안구", "수원시 팔달구",
    "안양시 동안구", "용인시 수지구", "의왕시", "하남시"].map((region) => ({
    region, designation: "투기과열지구·조정대상지역", since: "2025-10-16", source: "국토교통부 2025.10.15 주택시장 안정화 대책",
  })),
];

type LendingRow = typeof lendingRules.$inferInsert;
function lending(regionClass: string, buyerType: string, purpose: string, ltv: number, dti: number | null, dsr: number | null,
  maxLoanKrw: number | null, noteKo: string, noteEn: string): LendingRow {
  return { regionClass, buyerType, purpose, ltvPercent: ltv, dtiPercent: dti, dsrPercent: dsr, maxLoanKrw, noteKo, noteEn, source: LENDING_SOURCE };
}

const LENDING: LendingRow[] = [
  lending("regulated", "first_home", "purchase", 70, 40, 40, 600_000_000, "규제지역 생애최초 구입: LTV 70%, 수도권·규제지역 주담대 한도 6억원", "Regulated area, first home: LTV 70%, mortgage cap KRW 600m"),
  lending("regulated", "newlywed", "purchase", 40, 40, 40, 600_000_000, "규제지역 무주택 신혼부부(생애최초 아님): 일반 무주택자와 같은 LTV 40%", "Regulated area, newlywed (not first home): LTV 40% like other homeless buyers"),
  lending("regulated", "general", "purchase", 40, 40, 40, 600_000_000, "규제지역 무주택자: LTV 40%, 주담대 한도 6억원", "Regulated area, homeless buyer: LTV 40%, cap KRW 600m"),
  lending("regulated", "multi_home", "purchase", 0, 40, 40, 0, "규제지역 다주택자: 주택구입 목적 주담대 금지", "Regulated area, multi-home owner: no purchase mortgage"),
  lending("other", "first_home", "purchase", 80, 60, 40, 600_000_000, "비규제지역 생애최초 구입: LTV 80% (수도권 주담대 한도 6억원)", "Non-regulated area, first home: LTV 80% (capital-area cap KRW 600m)"),
  lending("other", "newlywed", "purchase", 70, 60, 40, 600_000_000, "비규제지역 신혼부부: LTV 70%", "Non-regulated area, newlywed: LTV 70%"),
  lending("other", "general", "purchase", 70, 60, 40, 600_000_000, "비규제지역 무주택·1주택(처분조건): LTV 70%", "Non-regulated area, general buyer: LTV 70%"),
  lending("other", "multi_home", "purchase", 60, 60, 40, 600_000_000, "비규제지역 다주택자: LTV 60% (수도권은 추가 제한 가능)", "Non-regulated area, multi-home owner: LTV 60% (more limits may apply in the capital area)"),
  lending("regulated", "first_home", "jeonse", 80, null, null, 500_000_000, "전세자금대출: 보증금의 80% 이내, 보증기관 한도 내 (DSR 미적용)", "Jeonse loan: up to 80% of the deposit within the guarantor's cap (no DSR)"),
  lending("regulated", "newlywed", "jeonse", 80, null, null, 500_000_000, "전세자금대출: 보증금의 80% 이내 (DSR 미적용)", "Jeonse loan: up to 80% of the deposit (no DSR)"),
  lending("regulated", "general", "jeonse", 80, null, null, 500_000_000, "전세자금대출: 보증금의 80% 이내 (DSR 미적용)", "Jeonse loan: up to 80% of the deposit (no DSR)"),
  lending("regulated", "multi_home", "jeonse", 0, null, null, 0, "다주택자는 공적 보증 전세자금대출 제한", "Multi-home owners cannot get guaranteed jeonse loans"),
  lending("other", "first_home", "jeonse", 80, null, null, 500_000_000, "전세자금대출: 보증금의 80% 이내 (DSR 미적용)", "Jeonse loan: up to 80% of the deposit (no DSR)"),
  lending("other", "newlywed", "jeonse", 80, null, null, 500_000_000, "전세자금대출: 보증금의 80% 이내 (DSR 미적용)", "Jeonse loan: up to 80% of the deposit (no DSR)"),
  lending("other", "general", "jeonse", 80, null, null, 500_000_000, "전세자금대출: 보증금의 80% 이내 (DSR 미적용)", "Jeonse loan: up to 80% of the deposit (no DSR)"),
  lending("other", "multi_home", "jeonse", 0, null, null, 0, "다주택자는 공적 보증 전세자금대출 제한", "Multi-home owners cannot get guaranteed jeonse loans"),
];

const RISK_LEVELS: (typeof jeonseRiskLevels.$inferInsert)[] = [
  { level: "safe", minRatio: 0, maxRatio: 60, labelKo: "안전", labelEn: "safe", sortOrder: 1,
    adviceKo: "전세가율이 낮아 매매가 하락 시에도 보증금 회수 여력이 있습니다. 등기부 선순위 채권은 확인하세요.",
    adviceEn: "The ratio leaves room to recover the deposit even if prices fall. Still check senior claims on the register." },
  { level: "caution", minRatio: 60, maxRatio: 70, labelKo: "주의", labelEn: "caution", sortOrder: 2,
    adviceKo: "선순위 근저당과 합치면 위험해질 수 있습니다. 전세보증금 반환보증 가입을 권합니다.",
    adviceEn: "Together with senior mortgages this can become risky. A deposit-return guarantee is advisable." },
  { level: "danger", minRatio: 70, maxRatio: 80, labelKo: "위험", labelEn: "danger", sortOrder: 3,
    adviceKo: "매매가가 조금만 내려도 보증금을 다 돌려받지 못할 수 있습니다. 반환보증 가입 가능 여부를 먼저 확인하세요.",
    adviceEn: "A small price fall could leave the deposit partly unrecoverable. Check guarantee eligibility first." },
  { level: "very_high", minRatio: 80, maxRatio: null, labelKo: "매우 위험(깡통전세 우려)", labelEn: "very high (deposit at risk)", sortOrder: 4,
    adviceKo: "깡통전세 우려가 큽니다. 보증금을 낮추거나 반환보증 가입이 되지 않으면 계약을 재고하세요.",
    adviceEn: "High risk of a 'hollow jeonse'. Lower the deposit or reconsider unless a return guarantee is available." },
];

const RATES: (typeof rateSettings.$inferInsert)[] = [
  { key: "base_rate", valuePercent: 2.5, effectiveFrom: "2025-05-29", descriptionKo: "한국은행 기준금리", descriptionEn: "Bank of Korea base rate", lawReference: "한국은행 통화정책방향" },
  { key: "conversion_cap", valuePercent: 10, effectiveFrom: "2016-11-30", descriptionKo: "전월세전환율 상한(연 10%)", descriptionEn: "Deposit-to-rent conversion cap (10% a year)", lawReference: "주택임대차보호법 제7조의2 제1호, 시행령 제9조 제1항" },
  { key: "conversion_spread", valuePercent: 2, effectiveFrom: "2020-09-29", descriptionKo: "기준금리에 더하는 전환율 가산율(2%p)", descriptionEn: "Spread added to the base rate (2 percentage points)", lawReference: "주택임대차보호법 제7조의2 제2호, 시행령 제9조 제2항" },
  { key: "renewal_increase_cap", valuePercent: 5, effectiveFrom: "2020-07-31", descriptionKo: "계약갱신·증액 청구 시 증액 상한(5%)", descriptionEn: "Increase cap on renewal (5%)", lawReference: "주택임대차보호법 제7조 제2항, 제6조의3 제3항" },
];

type RiskRuleRow = typeof contractRiskRules.$inferInsert;
function risk(code: string, severity: "high" | "medium" | "low", pattern: string, titleKo: string, titleEn: string,
  explanationKo: string, explanationEn: string, recommendationKo: string, recommendationEn: string, lawReference: string): RiskRuleRow {
  return { code, severity, pattern, titleKo, titleEn, explanationKo, explanationEn, recommendationKo, recommendationEn, lawReference };
}

const RISK_RULES: RiskRuleRow[] = [
  risk("deposit_return_delay", "high", "(deposit|보증금)[^.\\n]{0,60}(returned|refunded|repaid)[^.\\n]{0,40}(new|next|following) tenant|보증금[^.\\n]{0,40}(새로운|신규|다음|후속)\\s?(임차인|세입자)[^.\\n]{0,30}(후|이후|때|까지)|(새로운|신규|다음)\\s?(임차인|세입자)[^.\\n]{0,30}(입주|계약|구해)[^.\\n]{0,30}보증금[^.\\n]{0,20}(반환|돌려)|보증금[^.\\n]{0,40}(종료|만료|퇴거|퇴실|명도|이사)\\s?(일\\s?)?(후|뒤|이후|로부터)\\s?\\d+\\s?(개월|달|주|일)[^.\\n]{0,20}(반환|돌려)|deposit[^.\\n]{0,60}within \\d+ (months?|weeks?|days?) (after|of|following|from) (the )?(end|expiry|expiration|termination|move.out)",
    "보증금 반환 지연", "Deposit return delayed",
    "보증금 반환을 새 임차인 입주에 연동하거나 종료 후 몇 달 뒤로 미루면 계약이 끝나도 돌려받지 못할 수 있습니다. 임대인의 반환 의무는 명도와 동시이행입니다.",
    "Tying the deposit's return to a new tenant, or putting it months after the end, can leave it unpaid after the lease ends; the landlord must return it when you move out.",
    "\"계약 종료일에 보증금 전액을 반환한다\"로 고치세요.", "Rewrite as: the full deposit is returned on the end date.",
    "주택임대차보호법 제4조 제2항, 민법 제536조"),
  risk("excessive_restoration", "medium", "restor(e|ation)[^.\\n]{0,40}(all|entire|fully|brand.new|original condition including)|원상\\s?복구[^.\\n]{0,40}(전부|모든|일체|전체|신축|새것|새\\s?것|최초|도배|장판)",
    "원상복구 범위 과다", "Excessive restoration duty",
    "통상의 사용으로 생긴 마모까지 임차인에게 복구시키는 조항은 과도합니다.", "Making the tenant restore ordinary wear and tear goes beyond the legal duty.",
    "\"통상의 손모는 제외한다\"를 명시하세요.", "State that ordinary wear and tear is excluded.",
    "민법 제615조, 제654조"),
  risk("repair_cost_shift", "medium", "(all|any|major)[^.\\n]{0,20}repairs?[^.\\n]{0,30}(borne|paid|covered) by the tenant|tenant[^.\\n]{0,20}(shall|must|will) (bear|pay)[^.\\n]{0,20}(all|any) repair|(모든|일체의?|주요|구조|보일러|배관|누수|수도|전기)[^.\\n]{0,20}(수리|보수|교체)[^.\\n]{0,30}(임차인|세입자|을)[이가은는]?[^.\\n]{0,10}(부담|책임)",
    "수리비 전가", "Repair costs shifted to tenant",
    "주요 설비와 구조의 수선 의무는 임대인에게 있습니다. 소모품이 아닌 수리까지 떠넘기는 조항입니다.",
    "Major repairs are the landlord's duty; this clause shifts more than consumables to you.",
    "소모품(전구 등)만 임차인 부담으로 한정하세요.", "Limit the tenant's share to consumables.",
    "민법 제623조"),
  risk("renewal_right_waiver", "high", "(waive|waives|waiving|give up|forfeit)[^.\\n]{0,30}(renewal right|right to (request|demand) renewal|renewal)|(계약)?\\s?갱신\\s?(요구권|청구권|요구|청구)[^.\\n]{0,30}(포기|행사하지|행사할\\s?수\\s?없|주장하지)",
    "계약갱신요구권 포기", "Waiver of the renewal right",
    "갱신요구권을 포기시키는 약정은 임차인에게 불리하여 효력이 없지만 분쟁의 원인이 됩니다.",
    "A waiver of the renewal right is void against the tenant but invites disputes.",
    "해당 문구를 삭제하세요.", "Delete the clause.",
    "주택임대차보호법 제6조의3, 제10조"),
  risk("move_in_report_ban", "high", "(shall|must|will|may) not[^.\\n]{0,20}(register (his|her|their)? ?residence|report (the )?move.in|move.in report|resident registration)|전입\\s?신고[^.\\n]{0,30}(금지|하지\\s?않|하지\\s?못|할\\s?수\\s?없|불가|않기로)",
    "전입신고 금지(대항력 저해)", "Ban on registering residence",
    "전입신고를 못 하면 대항력과 우선변제권을 잃어 보증금이 보호되지 않습니다.",
    "Without residence registration you lose opposability and priority repayment for the deposit.",
    "전입신고 금지 조항이 있으면 계약하지 마세요.", "Do not sign a lease that bans residence registration.",
    "주택임대차보호법 제3조 제1항, 제3조의2"),
  risk("mortgage_allowed", "high", "(mortgage|security interest|lien)[^.\\n]{0,40}(consent|agree|may (create|register|establish)|without objection)|(근저당|담보|대출)[^.\\n]{0,30}(설정|실행|추가)[^.\\n]{0,30}(동의|허용|이의[^.\\n]{0,5}(제기하지|없)|할\\s?수\\s?있)",
    "근저당 설정 허용", "Consent to new mortgages",
    "계약 후 근저당을 더 잡으면 경매 시 보증금보다 앞설 수 있습니다(전입 전 설정 시).",
    "New mortgages may rank ahead of your deposit if registered before your move-in.",
    "\"잔금일 다음 날까지 담보권을 설정하지 않는다\"는 특약을 넣으세요.", "Add: no new security interest until the day after the final payment.",
    "주택임대차보호법 제3조의2, 민법 제356조"),
  risk("early_termination_penalty", "medium", "(early|mid.term) (termination|move.out)[^.\\n]{0,40}(penalty|forfeit|damages|\\d+\\s?(%|months?))|(중도|조기)\\s?(해지|해약|퇴거|퇴실)[^.\\n]{0,40}(위약금|손해배상|몰수|공제|\\d+\\s?(%|개월))",
    "중도해지 위약금 과다", "Heavy early-termination penalty",
    "위약금이 실제 손해보다 크면 법원이 감액할 수 있습니다. 중개보수 등 실손 범위로 한정하는 것이 일반적입니다.",
    "Penalties above the actual loss can be reduced by a court; limit it to actual costs such as the broker's fee.",
    "위약금을 실손(중개보수 등)으로 한정하세요.", "Limit the penalty to actual costs.",
    "민법 제398조, 주택임대차보호법 제6조의2"),
  risk("unclear_maintenance_fee", "low", "maintenance (fee|charge)s?[^.\\n]{0,30}(separately|determined by the landlord|to be decided|as incurred|variable)|관리비[^.\\n]{0,30}(별도|추후|임대인[이가]?\\s?정|협의|실비|변동)",
    "관리비 불명확", "Maintenance fee unclear",
    "관리비 금액과 포함 항목이 정해지지 않으면 사실상 임대료가 오를 수 있습니다.",
    "An open-ended maintenance fee can act as a hidden rent increase.",
    "월 관리비 금액과 포함 항목(수도·인터넷 등)을 적으세요.", "State the monthly amount and what it covers.",
    "공인중개사법 시행규칙 제20조(관리비 세부 표시), 주택임대차보호법 제7조"),
  risk("deposit_forfeiture", "high", "deposit[^.\\n]{0,20}(forfeit|shall not be returned|will not be returned|belongs to the landlord)|보증금[^.\\n]{0,20}(몰수|반환하지\\s?않|귀속|돌려주지\\s?않)",
    "보증금 몰수", "Deposit forfeiture",
    "보증금 전부를 몰수하는 약정은 손해배상 예정액으로 과다하여 감액될 수 있으나 분쟁이 큽니다.",
    "Forfeiting the whole deposit is an excessive liquidated-damages clause.",
    "몰수 조항을 삭제하고 실손 배상으로 바꾸세요.", "Replace forfeiture with actual damages.",
    "민법 제398조 제2항"),
  risk("landlord_free_termination", "high", "landlord[^.\\n]{0,20}(at any time|at will|unilaterally)[^.\\n]{0,20}(terminate|evict|cancel)|임대인[은이]?[^.\\n]{0,20}(언제든지|언제든|일방적으로|임의로)[^.\\n]{0,20}(해지|해제|퇴거|명도|나가)",
    "임대인 임의 해지", "Landlord may terminate at will",
    "임차인은 2년 거주가 보장됩니다. 임대인의 임의 해지 조항은 임차인에게 불리하여 무효입니다.",
    "Tenants are guaranteed two years; a landlord's termination at will is void.",
    "해당 조항을 삭제하세요.", "Delete the clause.",
    "주택임대차보호법 제4조 제1항, 제10조"),
  risk("unilateral_rent_increase", "high", "(차임|월세|보증금|임대료)[^.\\n]{0,20}(임의로|언제든지|일방적으로)[^.\\n]{0,10}(인상|증액|올릴|조정)",
    "일방적 증액", "Unilateral increase",
    "증액은 약정 후 1년 이내에는 할 수 없고 5%를 넘을 수 없습니다.", "Increases are barred within a year of the last one and capped at 5%.",
    "증액은 법정 한도(5%) 내 합의로만 가능하다고 적으세요.", "State that increases need agreement within the 5% cap.",
    "주택임대차보호법 제7조"),
  risk("short_term", "low", "(계약|임대차)\\s?기간[^.\\n]{0,20}(1년|12개월|6개월|일\\s?년)",
    "2년 미만 계약기간", "Term shorter than two years",
    "2년 미만으로 정해도 임차인은 2년을 주장할 수 있습니다(임차인은 짧은 기간도 선택 가능).",
    "Even with a shorter term the tenant may claim two years (or keep the shorter one).",
    "기간을 확인하고 2년 보장을 알아두세요.", "Know that two years are guaranteed to you.",
    "주택임대차보호법 제4조 제1항"),
  risk("priority_waiver", "high", "(waive|waives|give up)[^.\\n]{0,20}(priority|opposability|preferential repayment)|(우선\\s?변제|최우선\\s?변제|대항력)[^.\\n]{0,20}(포기|주장하지|행사하지)",
    "대항력·우선변제권 포기", "Waiver of opposability or priority",
    "대항력과 우선변제권을 포기시키는 약정은 무효이지만 보증금 보호를 해칠 수 있습니다.",
    "Waivers of opposability or priority are void but endanger the deposit.",
    "해당 문구를 삭제하세요.", "Delete the clause.",
    "주택임대차보호법 제3조, 제3조의2, 제10조"),
  risk("termination_on_single_arrear", "medium", "(one|a single|1) (late|missed|overdue) (payment|rent)[^.\\n]{0,40}(terminat|evict)|(차임|월세)[^.\\n]{0,20}(1회|한\\s?번|한\\s?달|1개월)[^.\\n]{0,20}(연체|미납|지체|밀리)[^.\\n]{0,30}(해지|퇴거|명도|해제)",
    "1회 연체 즉시 해지", "Termination after one late payment",
    "주택 임대차는 차임 연체액이 2기에 달해야 해지할 수 있습니다.", "A lease may be terminated only when two periods' rent are overdue.",
    "\"2기 이상 연체 시\"로 고치세요.", "Change to two or more periods in arrears.",
    "민법 제640조, 제652조"),
  risk("register_check_waiver", "medium", "(등기부|권리\\s?관계|선순위|체납)[^.\\n]{0,30}(확인하지|문제\\s?삼지|이의를?\\s?제기하지|묻지)",
    "권리관계 확인 포기", "Waiver of title checks",
    "등기부·체납 여부를 문제 삼지 않기로 하면 선순위 채권을 알고도 계약한 것이 됩니다.",
    "Agreeing not to question the register or tax arrears means accepting unknown senior claims.",
    "잔금 전 등기부와 납세증명서를 확인하는 특약을 넣으세요.", "Add a clause to check the register and tax certificate before the final payment.",
    "주택임대차보호법 제3조의7, 제3조의2"),
  risk("sale_without_notice", "medium", "(매매|소유권\\s?이전|양도|매도)[^.\\n]{0,30}(통지|고지|알리)[^.\\n]{0,10}(없이|하지\\s?않|않아도)",
    "매도 시 통지 없음", "Sale without notice",
    "임대인이 바뀌어도 임대차는 승계되지만, 통지가 없으면 보증금 반환 상대를 놓칠 수 있습니다.",
    "The lease passes to a buyer, but without notice you may lose track of who owes the deposit.",
    "매도 시 즉시 통지하는 특약을 넣으세요.", "Require prompt notice of any sale.",
    "주택임대차보호법 제3조 제4항"),
  risk("excessive_late_interest", "medium", "(연체|지연)[^.\\n]{0,20}(이자|손해금|가산금)[^.\\n]{0,20}(연\\s?(2[1-9]|[3-9]\\d)\\s?%|월\\s?([2-9]|\\d{2})\\s?%)",
    "과도한 연체이자", "Excessive late interest",
    "연 20%를 넘는 이자 약정은 초과 부분이 무효입니다.", "Interest above 20% a year is void for the excess.",
    "연체이자율을 법정 한도 이하로 낮추세요.", "Lower the late interest below the legal maximum.",
    "이자제한법 제2조"),
  risk("move_out_deductions", "low", "(퇴거|퇴실|계약\\s?종료)[^.\\n]{0,30}(청소비|수수료|공제|차감)",
    "퇴거 시 일방 공제", "Deductions at move-out",
    "정액 공제는 실제 비용과 무관할 수 있습니다. 공제 항목과 금액을 미리 정하세요.",
    "Flat deductions may not match real costs; fix items and amounts in advance.",
    "공제 항목과 상한을 적으세요.", "List deductible items and a cap.",
    "민법 제618조, 제615조"),
  risk("guarantee_refusal", "medium", "(전세\\s?자금\\s?대출|전세\\s?대출|보증\\s?보험|반환\\s?보증)[^.\\n]{0,30}(협조하지|불가|동의하지|가입[^.\\n]{0,5}(금지|불가|하지))",
    "대출·반환보증 비협조", "Refusal to cooperate with loans or guarantees",
    "반환보증 가입이나 전세대출에 협조하지 않겠다는 조항은 보증금 보호 수단을 막습니다.",
    "Refusing cooperation blocks the main protections for the deposit.",
    "임대인이 보증 가입·대출 절차에 협조한다는 특약으로 바꾸세요.", "Replace with a duty to cooperate.",
    "주택도시기금법 제16조(주택도시보증공사 보증), 주택임대차보호법 제3조의2"),
  risk("deposit_to_third_party", "medium", "보증금[^.\\n]{0,30}(대리인|제3자|관리인|중개인|중개사)[^.\\n]{0,20}(계좌|통장|입금|송금)",
    "제3자 계좌로 보증금 송금", "Deposit paid to a third party",
    "소유자가 아닌 사람 계좌로 보내면 권한 없는 대리인에게 지급한 위험이 있습니다.",
    "Paying someone other than the owner risks paying an unauthorised agent.",
    "등기부상 소유자 명의 계좌로만 송금하세요(위임장·인감증명 확인).", "Pay only into the registered owner's account.",
    "민법 제114조, 제130조"),
];

type ProgramRow = typeof policyPrograms.$inferInsert;
function program(code: string, nameKo: string, nameEn: string, provider: string, purpose: string, criteria: PolicyCriteria,
  maxLoanKrw: number | null, rate: [number, number] | null, descriptionKo: string, descriptionEn: string, url: string): ProgramRow {
  return { code, nameKo, nameEn, provider, purpose, criteria, maxLoanKrw, rateMinPercent: rate?.[0] ?? null,
    rateMaxPercent: rate?.[1] ?? null, descriptionKo, descriptionEn, url, asOf: POLICY_AS_OF };
}

const FUND_URL = "https://nhuf.molit.go.kr";
const BIRTH_WITHIN_2Y = { ko: "대출 신청일 기준 2년 내 출산(2023.1.1 이후 출생아)", en: "A child born within two years of applying (born 2023-01-01 or later)" };

const PROGRAMS: ProgramRow[] = [
  program("didimdol", "내 집 마련 디딤돌 대출", "Didimdol home-purchase loan", "주택도시기금", "purchase",
    { maxIncome: 60_000_000, maxIncomeFor: [{ profile: "firstHome", maxIncome: 70_000_000 }, { profile: "children2", maxIncome: 70_000_000 }, { profile: "newlywed", maxIncome: 85_000_000 }],
      homeless: true, maxPrice: 500_000_000, maxPriceFor: [{ profile: "newlywed", maxPrice: 600_000_000 }, { profile: "children2", maxPrice: 600_000_000 }], maxAreaM2: 85 },
    250_000_000, [2.85, 4.15], "무주택 세대주의 주택 구입 자금(생애최초 3억원까지)", "Home-purchase loan for homeless household heads (up to KRW 300m for first homes)", FUND_URL),
  program("didimdol_newlywed", "신혼부부 전용 구입자금", "Newlywed home-purchase loan", "주택도시기금", "purchase",
    { newlywed: true, homeless: true, maxIncome: 85_000_000, maxPrice: 600_000_000, maxAreaM2: 85 },
    320_000_000, [2.55, 3.85], "혼인 7년 이내 또는 3개월 내 결혼 예정 신혼부부의 구입자금", "Purchase loan for couples married within 7 years", FUND_URL),
  program("didimdol_first_home", "생애최초 주택구입 디딤돌", "First-home Didimdol loan", "주택도시기금", "purchase",
    { firstHome: true, homeless: true, maxIncome: 70_000_000, maxPrice: 500_000_000, maxAreaM2: 85 },
    300_000_000, [2.85, 4.15], "생애최초 주택 구입자 우대(LTV 최대 80%)", "For first-time buyers (LTV up to 80%)", FUND_URL),
  program("newborn_purchase", "신생아 특례 디딤돌 구입자금", "Newborn special purchase loan", "주택도시기금", "purchase",
    { minChildren: 1, homeless: true, maxIncome: 200_000_000, maxPrice: 900_000_000, maxAreaM2: 85, unchecked: [BIRTH_WITHIN_2Y] },
    500_000_000, [1.8, 4.5], "출산 가구 특례 저금리 구입자금", "Low-rate purchase loan for households with a newborn", FUND_URL),
  program("bogeumjari", "보금자리론", "Bogeumjari loan", "한국주택금융공사", "purchase",
    { maxIncome: 70_000_000, maxIncomeFor: [{ profile: "newlywed", maxIncome: 85_000_000 }], maxPrice: 600_000_000,
      unchecked: [{ ko: "1주택자는 기존 주택 처분 조건", en: "One-home owners must sell the existing home" }] },
    360_000_000, [3.65, 3.95], "장기 고정금리 주택담보대출(생애최초 4.2억원까지)", "Long-term fixed-rate mortgage (up to KRW 420m for first homes)", "https://www.hf.go.kr"),
  program("youth_dream", "청년 주택드림 대출", "Youth Housing Dream loan", "주택도시기금", "purchase",
    { minAge: 19, maxAge: 34, homeless: true, maxIncome: 70_000_000, maxIncomeFor: [{ profile: "newlywed", maxIncome: 100_000_000 }], maxPrice: 600_000_000, maxAreaM2: 85,
      unchecked: [{ ko: "청년주택드림청약통장 1년 이상 가입·1천만원 이상 납입 후 분양 당첨", en: "Youth Dream subscription account (1+ year, KRW 10m+ paid) and a won allocation" }] },
    300_000_000, [2.2, 2.2], "청약 당첨 청년의 분양가 대출(최저 연 2.2%)", "Loan for young allocation winners (from 2.2%)", FUND_URL),
  program("beotimmok", "버팀목 전세자금", "Beotimmok jeonse loan", "주택도시기금", "jeonse",
    { homeless: true, maxIncome: 50_000_000, maxIncomeFor: [{ profile: "newlywed", maxIncome: 75_000_000 }], maxDepositCapital: 300_000_000, maxDepositOther: 200_000_000, maxAreaM2: 85 },
    120_000_000, [2.5, 3.5], "무주택 세대주의 전세자금(수도권 1.2억원, 그 외 8천만원)", "Jeonse loan for homeless household heads (KRW 120m in the capital area, 80m elsewhere)", FUND_URL),
  program("youth_beotimmok", "청년전용 버팀목 전세자금", "Youth Beotimmok jeonse loan", "주택도시기금", "jeonse",
    { minAge: 19, maxAge: 34, homeless: true, maxIncome: 50_000_000, maxDepositCapital: 300_000_000, maxDepositOther: 300_000_000, maxAreaM2: 85 },
    200_000_000, [2.2, 3.3], "만 19~34세 무주택 청년의 전세자금", "Jeonse loan for homeless people aged 19–34", FUND_URL),
  program("newlywed_beotimmok", "신혼부부 전용 전세자금", "Newlywed jeonse loan", "주택도시기금", "jeonse",
    { newlywed: true, homeless: true, maxIncome: 75_000_000, maxDepositCapital: 400_000_000, maxDepositOther: 300_000_000, maxAreaM2: 85 },
    300_000_000, [1.9, 3.3], "신혼부부 전세자금(수도권 3억원, 그 외 2.5억원)", "Jeonse loan for newlyweds (KRW 300m capital area, 250m elsewhere)", FUND_URL),
  program("newborn_jeonse", "신생아 특례 버팀목 전세자금", "Newborn special jeonse loan", "주택도시기금", "jeonse",
    { minChildren: 1, homeless: true, maxIncome: 200_000_000, maxDepositCapital: 500_000_000, maxDepositOther: 400_000_000, maxAreaM2: 85, unchecked: [BIRTH_WITHIN_2Y] },
    300_000_000, [1.3, 4.3], "출산 가구 특례 저금리 전세자금", "Low-rate jeonse loan for households with a newborn", FUND_URL),
  program("sme_youth_jeonse", "중소기업취업청년 전월세보증금대출", "SME young-employee deposit loan", "주택도시기금", "jeonse",
    { minAge: 19, maxAge: 34, homeless: true, maxIncome: 50_000_000, maxDepositCapital: 200_000_000, maxDepositOther: 200_000_000, maxAreaM2: 85,
      unchecked: [{ ko: "중소·중견기업 재직 또는 청년창업", en: "Employed at an SME/mid-size firm or a youth start-up founder" }] },
    100_000_000, [1.5, 1.5], "중소기업 재직 청년의 전월세 보증금(연 1.5%)", "Deposit loan for young SME employees (1.5%)", FUND_URL),
  program("youth_monthly", "청년전용 보증부월세대출", "Youth monthly-rent loan", "주택도시기금", "monthly",
    { minAge: 19, maxAge: 34, homeless: true, maxIncome: 50_000_000, maxDepositCapital: 65_000_000, maxDepositOther: 65_000_000, maxMonthlyRent: 700_000, maxAreaM2: 60 },
    47_000_000, [1.3, 2.5], "보증금 3,500만원 + 월세 최대 1,200만원(월 50만원)", "Deposit up to KRW 35m plus rent up to 12m (500k a month)", FUND_URL),
  program("monthly_rent_loan", "주거안정 월세대출", "Housing-stability monthly-rent loan", "주택도시기금", "monthly",
    { homeless: true, maxIncome: 50_000_000, maxDepositCapital: 100_000_000, maxDepositOther: 100_000_000, maxMonthlyRent: 600_000, maxAreaM2: 85,
      unchecked: [{ ko: "취업준비생·사회초년생·근로장려금 수급자 등 대상 요건", en: "Job seekers, early-career workers or earned-income tax credit recipients" }] },
    14_400_000, [1.5, 2.5], "월세 월 60만원 한도, 2년 최대 1,440만원", "Rent support up to KRW 600k a month, 14.4m over two years", FUND_URL),
  program("hug_return_guarantee", "전세보증금반환보증(HUG)", "HUG deposit-return guarantee", "주택도시보증공사", "guarantee",
    { maxDepositCapital: 700_000_000, maxDepositOther: 500_000_000, maxDepositToPricePercent: 90 },
    null, null, "보증금을 돌려받지 못할 때 HUG가 대신 반환(보증료 연 0.115~0.154%)", "HUG repays the deposit if the landlord cannot (fee 0.115–0.154% a year)", "https://www.khug.or.kr"),
  program("hf_jeonse_guard", "전세지킴보증(HF)", "HF jeonse-keeper guarantee", "한국주택금융공사", "guarantee",
    { maxDepositCapital: 700_000_000, maxDepositOther: 500_000_000, maxDepositToPricePercent: 90 },
    null, null, "한국주택금융공사의 전세보증금 반환 보증", "Housing Finance Corporation's deposit-return guarantee", "https://www.hf.go.kr"),
];

/** `set` for an upsert: every non-key column takes the incoming row's value. */
export function excludedColumns(table: PgTable, keys: string[]): Record<string, SQL> {
  const set: Record<string, SQL> = {};
  for (const [prop, column] of Object.entries(getTableColumns(table))) {
    if (!keys.includes(prop)) set[prop] = sql.raw(`excluded."${column.name}"`);
  }
  return set;
}

export async function seedRules(db: Db): Promise<void> {
  await db.insert(regulatedRegions).values(REGULATED)
    .onConflictDoUpdate({ target: regulatedRegions.region, set: excludedColumns(regulatedRegions, ["region"]) });
  await db.insert(lendingRules).values(LENDING).onConflictDoUpdate({
    target: [lendingRules.regionClass, lendingRules.buyerType, lendingRules.purpose],
    set: excludedColumns(lendingRules, ["regionClass", "buyerType", "purpose"]),
  });
  await db.insert(jeonseRiskLevels).values(RISK_LEVELS)
    .onConflictDoUpdate({ target: jeonseRiskLevels.level, set: excludedColumns(jeonseRiskLevels, ["level"]) });
  await db.insert(rateSettings).values(RATES)
    .onConflictDoUpdate({ target: rateSettings.key, set: excludedColumns(rateSettings, ["key"]) });
  await db.insert(contractRiskRules).values(RISK_RULES)
    .onConflictDoUpdate({ target: contractRiskRules.code, set: excludedColumns(contractRiskRules, ["code"]) });
  await db.insert(policyPrograms).values(PROGRAMS)
    .onConflictDoUpdate({ target: policyPrograms.code, set: excludedColumns(policyPrograms, ["code"]) });
}
