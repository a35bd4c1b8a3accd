// lease_contract_generator: a markdown lease-contract draft (jeonse or monthly) filled from the user's
// entities, with protective special clauses chosen from the analysis and legal results; blanks are marked.
import { z } from "zod";
import type { ToolDefinition } from "../../../tools/types";
import { formatKrw } from "./format";
import { marketAnalysisOutputSchema } from "./market-analysis";
import { legalSearchOutputSchema } from "./legal-search";

const krw = z.number().int().min(0).max(1e13);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");


export const leaseContractInputSchema = z.object({
  contractType: z.enum(["jeonse", "monthly"]).optional(),
  region: z.string().trim().max(40).optional(),
  address: z.string().trim().max(200).optional(),
  propertyType: z.enum(["apartment", "officetel", "villa", "house", "commercial"]).optional(),
  areaM2: z.number().positive().max(2000).optional(),
  deposit: krw.optional(),
  monthlyRent: krw.optional(),
  /** Lease start (입주일) and end; with only a start, the term is termMonths (default 24). */
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  termMonths: z.number().int().min(1).max(120).default(24),
  landlordName: z.string().trim().max(60).optional(),
  tenantName: z.string().trim().max(60).optional(),
  /** Extra special clauses the user asked for, verbatim. */
  specialClauses: z.array(z.string().trim().min(1).max(500)).max(20).default([]),
  /** market_analysis's output; filled by the executor. */
  analysis: marketAnalysisOutputSchema.optional(),
  /** legal_search's output; filled by the executor. */
  legal: legalSearchOutputSchema.optional(),
  language: z.enum(["ko", "en"]).optional(),
});
export type LeaseContractInput = z.infer<typeof leaseContractInputSchema>;

const fieldSchema = z.object({ field: z.string(), labelKo: z.string(), labelEn: z.string() });
const clauseSchema = z.object({ code: z.string(), textKo: z.string(), textEn: z.string(), reasonKo: z.string(), reasonEn: z.string(), lawReference: z.string() });

export const leaseContractOutputSchema = z.object({
  title: z.string(),
  filename: z.string(),
  language: z.enum(["ko", "en"]),
  contractType: z.enum(["jeonse", "monthly"]),
  markdown: z.string(),
  filledFields: z.array(z.string()),
  missingFields: z.array(fieldSchema),
  recommendedClauses: z.array(clauseSchema),
  /** Law articles from legal_search the draft cites. */
  citedArticles: z.array(z.string()),
  notes: z.array(z.string()),
  sources: z.array(z.string()),
});
export type LeaseContractOutput = z.infer<typeof leaseContractOutputSchema>;
type Clause = z.infer<typeof clauseSchema>;
type Field = z.infer<typeof fieldSchema>;

/** The mandatory parts of a lease, in the order the draft shows them. document_review checks the same list. */
export const MANDATORY_FIELDS: Field[] = [
  { field: "landlordName", labelKo: "임대인 성명", labelEn: "landlord's name" },
  { field: "tenantName", labelKo: "임차인 성명", labelEn: "tenant's name" },
  { field: "address", labelKo: "임차주택 소재지", labelEn: "property address" },
  { field: "deposit", labelKo: "보증금", labelEn: "deposit" },
  { field: "monthlyRent", labelKo: "월 차임", labelEn: "monthly rent" },
  { field: "startDate", labelKo: "임대차 시작일·인도일", labelEn: "start/hand-over date" },
  { field: "endDate", labelKo: "임대차 종료일", labelEn: "end date" },
];

/** Labels must not contain ")" — BLANK_PATTERN reads a label up to the first closing parenthesis. */
export function blankMarker(label: { labelKo: string; labelEn: string }, language: "ko" | "en"): string {
  return language === "ko" ? `＿＿＿＿ (미기재: ${label.labelKo})` : `＿＿＿＿ (missing: ${label.labelEn})`;
}

/** Matches a blank left by blankMarker; group 1 is the label. */
export const BLANK_PATTERN = /＿{2,}\s*\((?:미기재|missing):\s*([^)]+)\)/gu;

const BASE_CLAUSES: Clause[] = [
  { code: "no_new_mortgage", textKo: "임대인은 잔금 지급일 다음 날까지 임차주택에 저당권 등 담보권을 설정하지 않는다. 위반 시 임차인은 계약을 해제할 수 있고 임대인은 받은 금액을 즉시 반환한다.",
    textEn: "Until the day after the final payment the landlord shall not create any mortgage on the property; otherwise the tenant may rescind and the landlord refunds all sums at once.",
    reasonKo: "전입신고의 대항력은 다음 날 0시에 생기므로 그 사이 근저당 설정을 막습니다.", reasonEn: "Opposability starts the day after move-in registration; this closes that gap.",
    lawReference: "주택임대차보호법 제3조 제1항, 제3조의2" },
  { code: "move_in_registration", textKo: "임대인은 임차인의 전입신고 및 확정일자 취득에 협조한다.", textEn: "The landlord shall cooperate with the tenant's residence registration and fixed-date stamp.",
    reasonKo: "대항력과 우선변제권의 요건입니다.", reasonEn: "They give the deposit opposability and priority.", lawReference: "주택임대차보호법 제3조, 제3조의2" },
  { code: "deposit_return_on_end", textKo: "임대인은 계약 종료일에 임차주택의 인도와 동시에 보증금 전액을 반환한다.", textEn: "On the end date the landlord returns the full deposit against hand-over of the property.",
    reasonKo: "새 임차인 입주 등 조건을 붙이지 않게 합니다.", reasonEn: "Prevents tying the return to a new tenant.", lawReference: "주택임대차보호법 제4조 제2항, 민법 제536조" },
  { code: "disclosure", textKo: "임대인은 계약 체결 전 선순위 확정일자 현황과 국세·지방세 납세증명서를 임차인에게 제시한다.", textEn: "Before signing, the landlord shows the tenant the senior fixed-date records and national/local tax clearance certificates.",
    reasonKo: "선순위 보증금과 체납 세금은 보증금보다 먼저 변제될 수 있습니다.", reasonEn: "Senior deposits and unpaid taxes can rank ahead of your deposit.", lawReference: "주택임대차보호법 제3조의7" },
  { code: "repairs", textKo: "주요 설비(보일러·배관·누수 등)의 수선은 임대인이, 소모품 교체는 임차인이 부담한다.", textEn: "The landlord repairs major fixtures (boiler, pipes, leaks); the tenant replaces consumables.",
    reasonKo: "수선 의무의 범위를 분명히 합니다.", reasonEn: "Makes the repair duty explicit.", lawReference: "민법 제623조" },
];

function recommendedClauses(input: LeaseContractInput, notes: string[], language: "ko" | "en"): Clause[] {
  const clauses = [...BASE_CLAUSES];
  const ratio = input.analysis?.jeonseRatio;
  if (ratio && (ratio.risk.level === "danger" || ratio.risk.level === "very_high" || ratio.risk.level === "caution")) {
    clauses.push({ code: "return_guarantee", textKo: "임차인이 전세보증금반환보증에 가입할 수 없는 사유가 임차주택에 있는 경우 임차인은 계약을 해제할 수 있고 임대인은 계약금을 즉시 반환한다.",
      textEn: "If the deposit-return guarantee is refused for a reason concerning the property, the tenant may rescind and the landlord refunds the down payment at once.",
      reasonKo: `전세가율 ${ratio.ratioPercent}% (${ratio.risk.labelKo}): 보증금 회수 위험에 대비합니다.`,
      reasonEn: `Jeonse ratio ${ratio.ratioPercent}% (${ratio.risk.labelEn}): protects against losing the deposit.`,
      lawReference: "주택도시기금법 제16조, 주택임대차보호법 제3조의2" });
  } else if (!input.analysis) {
    notes.push(language === "ko" ? "시세 분석 결과가 없어 전세가율에 따른 특약은 검토하지 못했습니다" : "no market analysis: the jeonse-ratio based clause could not be considered");
  }
  if ((input.contractType ?? (input.monthlyRent ? "monthly" : "jeonse")) === "monthly") {
    clauses.push({ code: "rent_arrears", textKo: "차임 연체액이 2기의 차임액에 달하는 때에 임대인은 계약을 해지할 수 있다.", textEn: "The landlord may terminate only when rent arrears reach two periods' rent.",
      reasonKo: "1회 연체로 해지하는 조항을 막습니다.", reasonEn: "Rules out termination after a single late payment.", lawReference: "민법 제640조" });
  }
  return clauses;
}

const PROPERTY_TYPE_LABEL = {
  apartment: { ko: "아파트", en: "apartment" }, officetel: { ko: "오피스텔", en: "officetel" }, villa: { ko: "빌라(다세대)", en: "villa" },
  house: { ko: "단독주택", en: "house" }, commercial: { ko: "상가주택", en: "commercial building" },
} as const;

function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate()));
  target.setUTCDate(target.getUTCDate() - 1);
  return target.toISOString().slice(0, 10);
}

function generate(input: LeaseContractInput, language: "ko" | "en"): LeaseContractOutput {
  const notes: string[] = [];
  const contractType = input.contractType ?? (input.monthlyRent ? "monthly" : "jeonse");
  const endDate = input.endDate ?? (input.startDate ? addMonths(input.startDate, input.termMonths) : undefined);
  if (!input.endDate && endDate) notes.push(language === "ko" ? `종료일은 시작일과 ${input.termMonths}개월 기간으로 계산했습니다` : `end date derived from the start date and a ${input.termMonths}-month term`);
  const address = input.address ?? (input.region ? (language === "ko" ? `서울특별시 ${input.region} (상세 주소 미기재)` : `${input.region}, Seoul (street address not given)`) : undefined);

  const values: Record<string, string | undefined> = {
    landlordName: input.landlordName, tenantName: input.tenantName, address,
    deposit: input.deposit !== undefined ? formatKrw(input.deposit, language) : undefined,
    monthlyRent: contractType === "monthly" ? (input.monthlyRent !== undefined ? formatKrw(input.monthlyRent, language) : undefined) : (language === "ko" ? "없음(전세)" : "none (jeonse)"),
    startDate: input.startDate, endDate,
  };
  const missingFields = MANDATORY_FIELDS.filter((f) => values[f.field] === undefined);
  const filledFields = MANDATORY_FIELDS.filter((f) => values[f.field] !== undefined).map((f) => f.field);
  const show = (field: string) => values[field] ?? blankMarker(MANDATORY_FIELDS.find((f) => f.field === field)!, language);

  const clauses = recommendedClauses({ ...input, contractType }, notes, language);
  const articles = input.legal?.articles ?? [];
  if (!input.legal) notes.push(language === "ko" ? "법령 검색 결과가 없어 특약에 포함된 조문만 인용했습니다" : "no legal search results: the draft cites only the articles built into its clauses");
  const citedArticles = [...new Set(articles.slice(0, 6).map((a) => `${a.citation} (${language === "ko" ? a.title : a.titleEn})`))];

  const ko = language === "ko";
  const kind = contractType === "jeonse" ? (ko ? "전세" : "Jeonse") : (ko ? "월세" : "Monthly-rent");
  const title = ko ? `주택 ${kind} 임대차계약서 (초안)` : `${kind} Residential Lease Agreement (draft)`;
  const lines: string[] = [`# ${title}`, ""];
  lines.push(ko ? "> 이 문서는 자동 작성된 초안입니다. 서명 전에 등기부등본과 당사자 신분을 확인하고, 필요하면 전문가 검토를 받으세요." :
    "> This is an automatically generated draft. Check the land register and both parties' identity before signing, and seek professional review if needed.", "");
  lines.push(ko ? "## 1. 당사자" : "## 1. Parties", "");
  lines.push(`- ${ko ? "임대인" : "Landlord"}: ${show("landlordName")}`, `- ${ko ? "임차인" : "Tenant"}: ${show("tenantName")}`, "");
  lines.push(ko ? "## 2. 임차주택의 표시" : "## 2. The property", "");
  lines.push(`- ${ko ? "소재지" : "Address"}: ${show("address")}`);
  if (input.propertyType) lines.push(`- ${ko ? "주택 유형" : "Type"}: ${PROPERTY_TYPE_LABEL[input.propertyType][language]}`);
  lines.push(`- ${ko ? "전용면적" : "Floor area"}: ${input.areaM2 !== undefined ? `${input.areaM2}㎡` : blankMarker({ labelKo: "전용면적", labelEn: "floor area" }, language)}`, "");
  lines.push(ko ? "## 3. 보증금과 차임" : "## 3. Deposit and rent", "");
  lines.push(`- ${ko ? "보증금" : "Deposit"}: ${show("deposit")}`);
  lines.push(`- ${ko ? "계약금" : "Down payment"}: ${blankMarker({ labelKo: "계약금 및 지급일", labelEn: "down payment and date" }, language)}`);
  lines.push(`- ${ko ? "잔금" : "Balance"}: ${blankMarker({ labelKo: "잔금 및 지급일", labelEn: "balance and date" }, language)}`);
  lines.push(`- ${ko ? "월 차임" : "Monthly rent"}: ${show("monthlyRent")}${contractType === "monthly" && ko ? " (매월 ＿＿일 지급)" : ""}`, "");
  lines.push(ko ? "## 4. 임대차 기간" : "## 4. Term", "");
  lines.push(`- ${ko ? "시작일(인도일)" : "Start (hand-over)"}: ${show("startDate")}`, `- ${ko ? "종료일" : "End"}: ${show("endDate")}`, "");
  lines.push(ko ? "## 5. 일반 조항" : "## 5. General terms", "");
  lines.push(ko ? "1. 임차인은 임대인의 동의 없이 임차주택의 구조를 변경하거나 전대하지 못한다 (민법 제629조)." : "1. The tenant shall not alter the structure or sublet without the landlord's consent (Civil Act Art. 629).");
  lines.push(ko ? "2. 임차인은 계약 종료 시 임차주택을 원상으로 회복한다. 다만 통상의 손모는 제외한다 (민법 제615조, 제654조)." : "2. At the end the tenant restores the property, ordinary wear and tear excepted (Civil Act Arts. 615, 654).");
  lines.push(ko ? "3. 임차인은 계약갱신요구권을 가진다 (주택임대차보호법 제6조의3)." : "3. The tenant has the right to request renewal (Housing Lease Protection Act Art. 6-3).", "");
  lines.push(ko ? "## 6. 특약사항" : "## 6. Special clauses", "");
  clauses.forEach((c, i) => lines.push(`${i + 1}. ${ko ? c.textKo : c.textEn} _(${c.lawReference})_`));
  input.specialClauses.forEach((c, i) => lines.push(`${clauses.length + i + 1}. ${c}`));
  lines.push("");
  if (citedArticles.length > 0) {
    lines.push(ko ? "## 참고 법령" : "## Legal references", "", ...citedArticles.map((a) => `- ${a}`), "");
  }
  lines.push(ko ? "## 서명" : "## Signatures", "");
  lines.push(`- ${ko ? "계약일" : "Date"}: ${blankMarker({ labelKo: "계약일", labelEn: "contract date" }, language)}`);
  lines.push(`- ${ko ? "임대인" : "Landlord"}: ${show("landlordName")} (${ko ? "서명 또는 날인" : "signature"})`);
  lines.push(`- ${ko ? "임차인" : "Tenant"}: ${show("tenantName")} (${ko ? "서명 또는 날인" : "signature"})`, "");

  const stamp = input.startDate ?? "undated";
  return {
    title, filename: `lease-${contractType}-${stamp}.md`, language, contractType, markdown: lines.join("\n"),
    filledFields, missingFields, recommendedClauses: clauses, citedArticles, notes,
    sources: ["lease template", ...(input.analysis ? ["market_analysis"] : []), ...(input.legal ? ["legal_search"] : [])],
  };
}

export const leaseContractGeneratorTool: ToolDefinition<LeaseContractInput, LeaseContractOutput, "lease_contract_generator"> = {
  name: "lease_contract_generator",
  description:
    "Drafts a jeonse or monthly-rent lease contract (markdown, downloadable) from the user's details, with protective " +
    "special clauses chosen from the market analysis and legal search; missing details are left as marked blanks.",
  inputSchema: leaseContractInputSchema,
  outputSchema: leaseContractOutputSchema,
  readOnly: true,
  timeoutMs: 3_000,
  fallbacks: [],
  run: async (input, ctx) => generate(input, input.language ?? ctx.language),
};
