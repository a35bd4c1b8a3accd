// Renders each housing tool's output as answer lines (figures, legal basis, risks) for the rules
// responder. Every number shown is a field of the tool output or the user's entities, never a new one.
import type { Language } from "../types";
import { formatKrw, formatPercent, formatPercentRange } from "../tools/format";
import type { MarketOutput } from "../tools/market-schema";
import type { RentIncreaseOutput } from "../tools/rent-increase-check";
import type { ContractAnalysisOutput, ContractFinding } from "../tools/contract-analysis";
import type { PolicyMatcherOutput } from "../tools/policy-matcher";
import type { LeaseContractOutput } from "../tools/lease-contract-generator";
import type { DocumentReviewOutput } from "../tools/document-review";

export interface Sections {
  summary: string[];
  figures: string[];
  legal: string[];
  risks: string[];
  /** Standing qualifications of the figures (sample data, approximations), shown under them. */
  caveats: string[];
  /** What a tool could not work out: shown with what could not be obtained. */
  notes: string[];
}

export const emptySections = (): Sections => ({ summary: [], figures: [], legal: [], risks: [], caveats: [], notes: [] });

export const SAMPLE_MARKET = { ko: "시세와 가격 비교는 샘플(예시) 거래 데이터 기준입니다. 실제 계약 전 국토교통부 실거래가를 확인하세요.", en: "Market figures and comparisons come from sample transaction data; check the official MOLIT transaction prices before deciding." };

type Loose = Record<string, unknown>;
const isObj = (v: unknown): v is Loose => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

const TYPE_LABEL: Record<string, { ko: string; en: string }> = {
  sale: { ko: "매매", en: "sale" }, jeonse: { ko: "전세", en: "jeonse" }, monthly: { ko: "월세", en: "monthly rent" },
};
const PROPERTY_LABEL: Record<string, { ko: string; en: string }> = {
  apartment: { ko: "아파트", en: "apartments" }, officetel: { ko: "오피스텔", en: "officetels" }, villa: { ko: "빌라", en: "villas" },
  house: { ko: "주택", en: "houses" }, commercial: { ko: "상가", en: "commercial" },
};
const SEVERITY_LABEL = { high: { ko: "높음", en: "high" }, medium: { ko: "중간", en: "medium" }, low: { ko: "낮음", en: "low" } };

export const won = (n: number, l: Language) => formatKrw(n, l);

export function renderMarketData(o: MarketOutput, l: Language, s: Sections, askedDeal?: string): void {
  const ko = l === "ko";
  // No filler for filters the question did not set: "서울 아파트", "서울", never "서울 전체 전체 유형".
  const where = o.region ? (ko ? o.region.nameKo : o.region.nameEn) : ko ? "서울" : "Seoul";
  const what = o.propertyType ? PROPERTY_LABEL[o.propertyType]?.[l] ?? o.propertyType : "";
  const place = ko ? [where, what].filter(Boolean).join(" ") : what ? `${what} in ${where}` : where;
  if (o.totalCount === 0 || !o.period) {
    s.summary.push(ko ? `${place}의 거래 자료를 찾지 못했습니다.` : `No transactions were found for ${place}.`);
    return;
  }
  const sampleNote = o.sample ? (ko ? " (샘플 데이터 기준)" : " (sample data)") : "";
  const head = ko
    ? `**${place} 시세** — ${o.period.from} ~ ${o.period.to}, 거래 ${o.totalCount}건${sampleNote}`
    : `**Market for ${place}** — ${o.period.from} to ${o.period.to}, ${o.totalCount} transactions${sampleNote}`;
  s.figures.push(head, "");
  s.figures.push(ko ? "| 구분 | 건수 | 중앙값 | 평균 | 최저 | 최고 |" : "| Type | Count | Median | Average | Min | Max |", "|---|---|---|---|---|---|");
  for (const r of o.stats) {
    // A monthly-rent row's amount is its deposit; the rent itself has the next row.
    const rowLabel = r.monthlyRent ? (ko ? "월세(보증금)" : "monthly rent (deposit)") : TYPE_LABEL[r.transactionType]?.[l] ?? r.transactionType;
    s.figures.push(`| ${rowLabel} | ${r.count} | ${won(r.amount.median, l)} | ${won(r.amount.avg, l)} | ${won(r.amount.min, l)} | ${won(r.amount.max, l)} |`);
    if (r.monthlyRent) {
      s.figures.push(`| ${ko ? "월세(월 차임)" : "monthly rent (per month)"} | ${r.count} | ${won(r.monthlyRent.median, l)} | ${won(r.monthlyRent.avg, l)} | ${won(r.monthlyRent.min, l)} | ${won(r.monthlyRent.max, l)} |`);
    }
  }
  s.figures.push("");
  const comparison = o.comparison ?? []; // none in outputs stored before the comparison existed
  if (comparison.length > 0) {
    // The other districts asked about, same filters: one median per deal type each.
    const name = (r: { nameKo: string; nameEn: string }) => (ko ? r.nameKo : r.nameEn);
    s.figures.push(ko ? "| 지역 | 구분 | 건수 | 중앙값 |" : "| District | Type | Count | Median |", "|---|---|---|---|");
    for (const side of [{ region: o.region, stats: o.stats }, ...comparison]) {
      for (const r of side.stats) {
        const median = r.monthlyRent ? `${won(r.amount.median, l)} / ${ko ? "월" : "month"} ${won(r.monthlyRent.median, l)}` : won(r.amount.median, l);
        s.figures.push(`| ${side.region ? name(side.region) : where} | ${TYPE_LABEL[r.transactionType]?.[l] ?? r.transactionType} | ${r.count} | ${median} |`);
      }
    }
    s.figures.push("");
  }
  // The summary line speaks of the deal the tool filtered on, else the one the question named, else the first.
  const main = o.stats.find((r) => r.transactionType === (o.transactionType ?? askedDeal ?? "")) ?? o.stats[0];
  const sampleTag = o.sample ? (ko ? ", 샘플 데이터" : ", sample data") : "";
  // A monthly row's amount is the deposit: the rent leads, the deposit stands beside it.
  const figure = main.monthlyRent
    ? (ko ? `월세 중앙값은 월 ${won(main.monthlyRent.median, l)}(보증금 중앙값 ${won(main.amount.median, l)})` : `median monthly rent is ${won(main.monthlyRent.median, l)} (median deposit ${won(main.amount.median, l)})`)
    : (ko ? `${TYPE_LABEL[main.transactionType].ko} 중앙값은 ${won(main.amount.median, l)}` : `median ${TYPE_LABEL[main.transactionType].en} amount is ${won(main.amount.median, l)}`);
  s.summary.push(ko
    ? `${place} ${figure}입니다 (거래 ${main.count}건${sampleTag}).`
    : `For ${place}, the ${figure} (${main.count} transactions${sampleTag}).`);
  if (o.approximate) s.caveats.push(ko ? "시세는 월별 요약 자료에서 계산한 근사치입니다." : "Figures are approximate, from the monthly summary.");
  if (o.sample) s.caveats.push(SAMPLE_MARKET[l]);
}

export function renderRentIncrease(o: RentIncreaseOutput, l: Language, s: Sections): void {
  const ko = l === "ko";
  const r = o.rates;
  s.figures.push(ko
    ? `**전월세전환율** ${formatPercent(r.conversionRatePercent)} (기준금리 ${formatPercent(r.baseRatePercent)} + ${formatPercent(r.conversionSpreadPercent)}, 상한 ${formatPercent(r.conversionCapPercent)} 중 낮은 값)`
    : `**Conversion rate** ${formatPercent(r.conversionRatePercent)} (lower of base rate ${formatPercent(r.baseRatePercent)} + ${formatPercent(r.conversionSpreadPercent)} and the ${formatPercent(r.conversionCapPercent)} cap)`);
  const amounts = o.basis === "amounts";
  if (amounts) s.figures.push(ko
    ? `- 현재: 보증금 ${won(o.current.deposit, l)}, 월세 ${won(o.current.monthlyRent, l)} (환산보증금 ${won(o.current.equivalentDeposit, l)})`
    : `- Current: deposit ${won(o.current.deposit, l)}, rent ${won(o.current.monthlyRent, l)} (equivalent deposit ${won(o.current.equivalentDeposit, l)})`);
  if (o.proposed) {
    s.figures.push(ko
      ? `- 제안: 보증금 ${won(o.proposed.deposit, l)}, 월세 ${won(o.proposed.monthlyRent, l)} (환산보증금 ${won(o.proposed.equivalentDeposit, l)})`
      : `- Proposed: deposit ${won(o.proposed.deposit, l)}, rent ${won(o.proposed.monthlyRent, l)} (equivalent deposit ${won(o.proposed.equivalentDeposit, l)})`);
  }
  if (amounts) s.figures.push(ko
    ? `- ${formatPercent(r.renewalCapPercent)} 상한: 환산보증금 ${won(o.maxEquivalentDeposit, l)}까지 — 월세를 그대로 두면 보증금 ${won(o.maxDepositIfRentUnchanged, l)}, 보증금을 그대로 두면 월세 ${won(o.maxMonthlyRentIfDepositUnchanged, l)}까지`
    : `- ${formatPercent(r.renewalCapPercent)} cap: equivalent deposit up to ${won(o.maxEquivalentDeposit, l)} — deposit up to ${won(o.maxDepositIfRentUnchanged, l)} with the same rent, or rent up to ${won(o.maxMonthlyRentIfDepositUnchanged, l)} with the same deposit`);
  if (o.conversion) {
    s.figures.push(ko
      ? `- 보증금 ${won(o.conversion.convertedDeposit, l)}을 월세로 전환할 때 늘릴 수 있는 월세는 최대 ${won(o.conversion.maxAddedMonthlyRent, l)} (제안: ${won(o.conversion.proposedAddedMonthlyRent, l)})`
      : `- Converting ${won(o.conversion.convertedDeposit, l)} of deposit allows at most ${won(o.conversion.maxAddedMonthlyRent, l)} more rent (proposed: ${won(o.conversion.proposedAddedMonthlyRent, l)})`);
    if (!o.conversion.withinConversionRate) s.risks.push(ko ? "제안된 월세 전환이 법정 전환율을 넘습니다." : "The proposed conversion exceeds the legal conversion rate.");
  }
  s.figures.push("");
  if (o.increasePercent !== null) {
    const verdict = o.withinCap === null ? (ko ? "신규 계약이라 상한이 적용되지 않습니다" : "the cap does not apply to a new contract")
      : o.withinCap ? (ko ? `${formatPercent(r.renewalCapPercent)} 상한 이내입니다` : `within the ${formatPercent(r.renewalCapPercent)} cap`)
        : (ko ? `${formatPercent(r.renewalCapPercent)} 상한을 넘습니다` : `over the ${formatPercent(r.renewalCapPercent)} cap`);
    // "More than 5%?" against a 5% cap: saying it is over the cap would repeat the question, so the summary gives
    // what the lead does not: the one-year wait, and the refund of an increase already paid (제7조 ①, 제10조의2).
    const cap = formatPercent(r.renewalCapPercent);
    s.summary.push(o.increaseAbove && o.withinCap === false
      ? (ko ? `갱신 때나 계약 중 증액은 기존 금액의 ${cap}${r.renewalCapPercent === 5 ? "(20분의 1)" : ""}까지이고, 계약이나 직전 증액 후 1년 안에는 다시 올릴 수 없습니다. 이미 상한을 넘겨 지급했다면 초과분의 반환을 청구할 수 있습니다(주택임대차보호법 제10조의2).`
        : `At renewal or during the lease an increase may be at most ${cap} of the current amount, and none within a year of the contract or the last increase. If you already paid more than the cap allows, you can claim the excess back (Housing Lease Protection Act Article 10-2).`)
      : o.increaseAbove
        ? (ko ? `${formatPercent(o.increasePercent)}를 넘는 인상은 그 폭에 따라 상한을 넘을 수 있습니다.` : `An increase of more than ${formatPercent(o.increasePercent)} is over the cap or not, depending on how much more.`)
        : ko ? `제안된 인상률은 ${formatPercent(o.increasePercent)}로, ${verdict}.` : `The proposed increase is ${formatPercent(o.increasePercent)}: ${verdict}.`);
    if (o.withinCap === false && amounts) {
      s.risks.push(ko ? `갱신 시 ${formatPercent(r.renewalCapPercent)}를 넘는 증액 요구는 거절할 수 있습니다 (초과분 환산 ${won(o.excessEquivalentDeposit, l)}).`
        : `At renewal you may refuse an increase above ${formatPercent(r.renewalCapPercent)} (excess: ${won(o.excessEquivalentDeposit, l)} as deposit).`);
    }
  }
  s.legal.push(...o.lawReferences.map((ref) => `- ${ref}`));
  for (const n of o.notes) s.notes.push(n);
}

function findingLine(f: ContractFinding, l: Language): string {
  const ko = l === "ko";
  return ko
    ? `- **[${SEVERITY_LABEL[f.severity].ko}] ${f.titleKo}** — "${f.excerpt}": ${f.explanationKo} → ${f.recommendationKo} (${f.lawReference})`
    : `- **[${SEVERITY_LABEL[f.severity].en}] ${f.titleEn}** — "${f.excerpt}": ${f.explanationEn} → ${f.recommendationEn} (${f.lawReference})`;
}

export function renderContractAnalysis(o: ContractAnalysisOutput, l: Language, s: Sections): void {
  const ko = l === "ko";
  if (o.findings.length === 0) {
    s.summary.push(ko ? "확인한 계약 문구에서 위험 조항 패턴이 발견되지 않았습니다." : "No risky clause patterns were found in the contract text.");
    return;
  }
  s.summary.push(ko
    ? `계약서에서 위험 조항이 발견되었습니다: 높음 ${o.counts.high}건, 중간 ${o.counts.medium}건, 낮음 ${o.counts.low}건.`
    : `Risky clauses found: ${o.counts.high} high, ${o.counts.medium} medium, ${o.counts.low} low.`);
  s.risks.push(...o.findings.map((f) => findingLine(f, l)));
  s.legal.push(...o.findings.map((f) => `- ${f.lawReference} — ${ko ? f.titleKo : f.titleEn}`));
}

const PROFILE_LABEL: Record<string, { ko: string; en: string }> = {
  annualIncome: { ko: "연소득", en: "annual income" }, age: { ko: "나이", en: "age" }, newlywed: { ko: "신혼 여부", en: "newlywed" },
  children: { ko: "자녀 수", en: "children" }, firstHome: { ko: "생애최초 여부", en: "first home" }, homeless: { ko: "무주택 여부", en: "homeless" },
  region: { ko: "지역", en: "region" }, price: { ko: "주택 가격", en: "house price" }, deposit: { ko: "보증금", en: "deposit" },
  monthlyRent: { ko: "월세", en: "monthly rent" }, areaM2: { ko: "전용면적", en: "floor area" },
};

export function renderPolicyMatcher(o: PolicyMatcherOutput, l: Language, s: Sections): void {
  const ko = l === "ko";
  const status = { eligible: { ko: "해당", en: "eligible" }, possible: { ko: "추가 확인 필요", en: "possibly eligible" }, ineligible: { ko: "해당 없음", en: "not eligible" } };
  s.summary.push(ko
    ? `정책 금융: 해당 ${o.counts.eligible}개, 추가 확인 필요 ${o.counts.possible}개, 해당 없음 ${o.counts.ineligible}개.`
    : `Government programmes: ${o.counts.eligible} eligible, ${o.counts.possible} to confirm, ${o.counts.ineligible} not eligible.`);
  s.figures.push(ko ? "**정책 금융 상품**" : "**Government programmes**", "");
  for (const m of o.matches.filter((x) => x.status !== "ineligible")) {
    const limit = m.maxLoanKrw !== null ? (ko ? `, 한도 ${won(m.maxLoanKrw, l)}` : `, up to ${won(m.maxLoanKrw, l)}`) : "";
    const rate = m.rateMinPercent !== null && m.rateMaxPercent !== null ? (ko ? `, 금리 ${formatPercentRange(m.rateMinPercent, m.rateMaxPercent)}` : `, rate ${formatPercentRange(m.rateMinPercent, m.rateMaxPercent, "–")}`) : "";
    s.figures.push(`- **${ko ? m.nameKo : m.nameEn}** (${status[m.status][l]}${limit}${rate}) — ${ko ? m.descriptionKo : m.descriptionEn}`);
    for (const c of m.checks.filter((c) => c.result !== "pass")) s.figures.push(`  - ${ko ? c.ko : c.en}`);
  }
  const excluded = o.matches.filter((x) => x.status === "ineligible");
  if (excluded.length > 0) {
    s.figures.push("", ko ? "해당하지 않는 프로그램과 이유:" : "Programmes you do not qualify for, and why:");
    for (const m of excluded) {
      const reasons = m.checks.filter((c) => c.result === "fail").map((c) => (ko ? c.ko : c.en)).join("; ");
      s.figures.push(`- ${ko ? m.nameKo : m.nameEn}: ${reasons}`);
    }
  }
  s.figures.push("");
  if (o.missingProfile.length > 0) {
    const fields = o.missingProfile.map((f) => PROFILE_LABEL[f]?.[l] ?? f).join(", ");
    s.notes.push(ko ? `정책 자격 판단에 없던 정보: ${fields}` : `Profile details not given for the programme check: ${fields}`);
  }
}

export function renderLeaseContract(o: LeaseContractOutput, l: Language, s: Sections): void {
  const ko = l === "ko";
  s.summary.push(ko ? `임대차 계약서 초안(${o.filename})을 작성했습니다.` : `A lease contract draft (${o.filename}) is ready.`);
  if (o.missingFields.length > 0) {
    const labels = o.missingFields.map((f) => (ko ? f.labelKo : f.labelEn)).join(", ");
    s.risks.push(ko ? `계약서에 아직 비어 있는 필수 항목: ${labels}` : `Mandatory fields still blank in the draft: ${labels}`);
  }
  s.figures.push(ko ? "**계약서 초안**" : "**Contract draft**", "", "<details>", `<summary>${o.title}</summary>`, "", o.markdown, "", "</details>", "");
  s.legal.push(...o.recommendedClauses.map((c) => `- ${c.lawReference} — ${ko ? c.reasonKo : c.reasonEn}`));
  for (const n of o.notes) s.notes.push(n);
}

export function renderDocumentReview(o: DocumentReviewOutput, l: Language, s: Sections): void {
  const ko = l === "ko";
  if (!o.reviewed) {
    s.notes.push(...o.notes);
    return;
  }
  s.summary.push(o.ready
    ? (ko ? "계약서 검토 결과 서명 전 보완할 항목이 없습니다." : "The contract review found nothing to fix before signing.")
    : (ko ? "계약서 검토 결과 서명 전에 보완할 항목이 있습니다." : "The contract review found items to fix before signing."));
  if (o.blanks.length > 0) s.risks.push(ko ? `채워야 할 빈칸: ${[...new Set(o.blanks)].join(", ")}` : `Blanks to fill in: ${[...new Set(o.blanks)].join(", ")}`);
  if (o.subject === "text" && o.missingFields.length > 0) {
    const labels = o.missingFields.map((f) => (ko ? f.labelKo : f.labelEn)).join(", ");
    s.risks.push(ko ? `계약서에 보이지 않는 필수 항목: ${labels}` : `Mandatory fields not found in the contract: ${labels}`);
  }
  s.risks.push(...o.findings.map((f) => findingLine(f, l)));
  for (const n of o.notes) s.notes.push(n);
}

/** "제3조의2" → "Article 3-2" for English answers; anything else is shown as written. */
export function englishArticleNumber(articleNumber: string): string {
  const m = /^제(\d+)조(?:의(\d+))?$/u.exec(articleNumber);
  return m ? `Article ${m[1]}${m[2] ? `-${m[2]}` : ""}` : articleNumber;
}

/** legal_search (or its keyword fallback): articles with law name, number, title and summary. */
export function renderLegal(output: unknown, l: Language, s: Sections): void {
  const ko = l === "ko";
  const articles = isObj(output) && Array.isArray(output.articles) ? output.articles.filter(isObj) : [];
  if (articles.length === 0) {
    s.notes.push(ko ? "관련 법령을 찾지 못했습니다." : "No relevant law articles were found.");
    return;
  }
  for (const a of articles.slice(0, 5)) {
    const law = ko ? str(a.lawName) : str(a.lawNameEn) ?? str(a.lawName);
    const title = ko ? str(a.title) : str(a.titleEn) ?? str(a.title);
    const number = str(a.articleNumber) ?? "";
    // The summary is written in the run's language by legal_search.
    const summary = str(a.summary);
    s.legal.push(`- **${law ?? ""} ${ko ? number : englishArticleNumber(number)}${title ? ` (${title})` : ""}**${summary ? ` — ${summary}` : ""}`);
  }
}

/** loan_search: the products found, best rate first as the tool returned them. */
export function renderLoanSearch(output: unknown, l: Language, s: Sections): void {
  const ko = l === "ko";
  const products = isObj(output) && Array.isArray(output.products) ? output.products.filter(isObj) : [];
  if (products.length === 0) {
    s.notes.push(ko ? "조건에 맞는 대출 상품을 찾지 못했습니다." : "No loan products matched.");
    return;
  }
  s.figures.push(ko ? "**대출 상품**" : "**Loan products**", "");
  for (const p of products.slice(0, 5)) {
    const name = ko ? str(p.productName) : str(p.productNameEn) ?? str(p.productName);
    const bank = ko ? str(p.bank) : str(p.bankEn) ?? str(p.bank);
    const rateMin = num(p.rateMin), rateMax = num(p.rateMax), limit = num(p.limitKrw);
    const rate = rateMin !== undefined && rateMax !== undefined ? formatPercentRange(rateMin, rateMax) : "";
    s.figures.push(`- ${name ?? ""}${bank ? ` (${bank})` : ""}${rate ? ` — ${ko ? "금리" : "rate"} ${rate}` : ""}${limit !== undefined ? `, ${ko ? "한도" : "limit"} ${won(limit, l)}` : ""}`);
  }
  s.figures.push("");
  if (isObj(output) && output.sample === true) s.caveats.push(ko ? "대출 금리·한도는 예시(샘플) 상품 기준입니다. 실제 조건은 은행에서 확인하세요." : "Loan rates and limits are illustrative sample products; confirm with the lender.");
}

/** real_estate_search: listings with name, region, area and asking price. */
export function renderListings(output: unknown, l: Language, s: Sections): void {
  const ko = l === "ko";
  const listings = isObj(output) && Array.isArray(output.listings) ? output.listings.filter(isObj) : [];
  if (listings.length === 0) {
    s.notes.push(ko ? "조건에 맞는 매물을 찾지 못했습니다." : "No listings matched.");
    return;
  }
  s.figures.push(ko ? "**매물**" : "**Listings**", "");
  for (const p of listings.slice(0, 5)) {
    const price = num(p.askingPrice), rent = num(p.askingMonthlyRent), area = num(p.areaM2);
    const type = str(p.transactionType);
    const parts = [
      str(p.name), str(p.dong),
      area !== undefined ? `${area}㎡` : undefined,
      type ? TYPE_LABEL[type]?.[l] ?? type : undefined,
      price !== undefined ? won(price, l) : undefined,
      rent !== undefined && rent > 0 ? `${ko ? "월" : "rent"} ${won(rent, l)}` : undefined,
    ].filter(Boolean);
    s.figures.push(`- ${parts.join(" · ")}`);
  }
  s.figures.push("");
  if (listings.some((p) => p.sample === true) || (isObj(output) && output.sample === true)) {
    s.caveats.push(ko ? "매물 정보는 샘플(예시) 데이터입니다." : "Listings are sample data.");
  }
}
