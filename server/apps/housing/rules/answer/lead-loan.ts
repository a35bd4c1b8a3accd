// Loan leads, shaped by what was asked: the limit for the stated price or deposit, the programmes the stated
// profile qualifies for, the lowest rate, or a comparison of the products named — always naming the facts used.
import type { LoanSimulatorOutput } from "../../tools/loan-simulator";
import type { LoanProductResult } from "../../tools/loan-search";
import type { PolicyMatcherOutput } from "../../tools/policy-matcher";
import { namedLoanPatterns } from "../question-kind";
import { NO_LEAD, outputOf, pct, say, won, type Lead, type LeadInput } from "./lead-types";
import { formatPercentRange } from "../../tools/format";

const PURPOSE = {
  purchase: { ko: "주택구입자금", en: "home-purchase" }, jeonse: { ko: "전세자금", en: "jeonse" },
  monthly_rent: { ko: "월세자금", en: "monthly-rent" }, refinance: { ko: "대환", en: "refinancing" },
};

/** The facts the figures rest on, as the user gave them: "연소득 6,000만원, 주택 가격 5억원 기준". */
function basisOf(input: LeadInput): string {
  const e = input.agg.entities, l = input.language;
  const parts: string[] = [];
  if (e.region) parts.push(e.region);
  if (e.annualIncome !== undefined) parts.push(say(l, `연소득 ${won(e.annualIncome, l)}`, `income ${won(e.annualIncome, l)}`));
  if (e.price !== undefined) parts.push(say(l, `주택 가격 ${won(e.price, l)}`, `price ${won(e.price, l)}`));
  if (e.deposit !== undefined) parts.push(say(l, `보증금 ${won(e.deposit, l)}`, `deposit ${won(e.deposit, l)}`));
  const p = e.buyerProfile ?? {};
  if (p.newlywed) parts.push(say(l, "신혼부부", "newlyweds"));
  if (p.firstHome) parts.push(say(l, "생애최초", "first home"));
  if (p.age !== undefined) parts.push(say(l, `만 ${p.age}세`, `age ${p.age}`));
  if (p.children) parts.push(say(l, `자녀 ${p.children}명`, `${p.children} children`));
  return parts.length ? say(l, ` (${parts.join(", ")} 기준)`, ` (for ${parts.join(", ")})`) : "";
}

function productsOf(input: LeadInput): LoanProductResult[] {
  const o = outputOf(input.agg, "loan_search");
  return o?.products ?? [];
}

const rate = (p: LoanProductResult) => formatPercentRange(p.rateMin, p.rateMax);

/** Products whose programme or bank the question names (디딤돌, 버팀목, 카카오뱅크…), cheapest first. */
function namedProducts(input: LeadInput, products: LoanProductResult[]): LoanProductResult[] {
  const patterns = namedLoanPatterns(input.query);
  if (patterns.length === 0) return [];
  const hit = (p: LoanProductResult) => patterns.findIndex((re) => re.test(`${p.productName} ${p.productNameEn} ${p.bank} ${p.bankEn}`));
  // One product per pattern first (a comparison names two), then the rest by rate.
  const byPattern = patterns.map((_, i) => products.filter((p) => hit(p) === i).sort((a, b) => a.rateMin - b.rateMin)[0]).filter((p): p is LoanProductResult => !!p);
  const rest = products.filter((p) => hit(p) >= 0 && !byPattern.includes(p)).sort((a, b) => a.rateMin - b.rateMin);
  return [...byPattern, ...rest];
}

function limitLead(input: LeadInput, sim: LoanSimulatorOutput): string | null {
  const l = input.language;
  if (sim.maxLoan === null) return null;
  const product = sim.product ? say(l, `, ${sim.product.productName} 기준`, `, with ${sim.product.productNameEn}`) : "";
  const ratio = sim.purpose === "jeonse" ? say(l, `보증금의 ${pct(sim.rule.ltvPercent)}`, `${pct(sim.rule.ltvPercent)} of the deposit`) : `LTV ${pct(sim.rule.ltvPercent)}`;
  const head = say(l, `${PURPOSE[sim.purpose].ko} 대출은 최대 ${won(sim.maxLoan, l)}까지 가능할 것으로 보입니다`, `You can borrow up to about ${won(sim.maxLoan, l)} for ${PURPOSE[sim.purpose].en}`);
  const pay = sim.payments.find((p) => p.method === sim.repaymentMethod);
  const payLine = pay && sim.simulatedAmount !== null && sim.ratePercent !== null
    ? sim.purpose === "jeonse"
      ? say(l, ` 만기일시 상환이면 매월 이자는 약 ${won(pay.firstMonthlyPayment, l)}입니다.`, ` Interest-only, that is about ${won(pay.firstMonthlyPayment, l)} a month.`)
      : say(l, ` 원리금균등 ${sim.termYears}년이면 월 약 ${won(pay.firstMonthlyPayment, l)}입니다.`, ` Repaid in equal payments over ${sim.termYears} years, about ${won(pay.firstMonthlyPayment, l)} a month.`)
    : "";
  return `${head}${basisOf(input)} — ${ratio}${product}.${payLine}`;
}

/** A loan amount the user named ("대출 2억 받으면 매달 얼마"): its repayment, even without a price. */
function paymentLead(input: LeadInput, sim: LoanSimulatorOutput): string | null {
  const l = input.language;
  const pay = sim.payments.find((p) => p.method === sim.repaymentMethod);
  if (!pay || sim.simulatedAmount === null || sim.ratePercent === null) return null;
  const product = sim.product ? say(l, `${sim.product.productName} 최저 금리 `, `${sim.product.productNameEn}'s lowest rate, `) : "";
  return sim.purpose === "jeonse"
    ? say(l, `${won(sim.simulatedAmount, l)}을 빌리면 만기일시 상환으로 매월 이자 약 ${won(pay.firstMonthlyPayment, l)}를 냅니다 (${product}연 ${pct(sim.ratePercent)})${basisOf(input)}.`,
      `Borrowing ${won(sim.simulatedAmount, l)} interest-only costs about ${won(pay.firstMonthlyPayment, l)} a month (${product}${pct(sim.ratePercent)} a year)${basisOf(input)}.`)
    : say(l, `${won(sim.simulatedAmount, l)}을 ${sim.termYears}년 원리금균등으로 갚으면 월 약 ${won(pay.firstMonthlyPayment, l)}입니다 (${product}연 ${pct(sim.ratePercent)}, 총이자 ${won(pay.totalInterest, l)})${basisOf(input)}.`,
      `Repaying ${won(sim.simulatedAmount, l)} in equal payments over ${sim.termYears} years costs about ${won(pay.firstMonthlyPayment, l)} a month (${product}${pct(sim.ratePercent)}, total interest ${won(pay.totalInterest, l)})${basisOf(input)}.`);
}

/** The products the question names, with their rate and limit: "디딤돌 금리는?" answered about 디딤돌. */
function namedLead(input: LeadInput, products: LoanProductResult[]): string | null {
  const l = input.language;
  const named = namedProducts(input, products);
  if (named.length === 0) return null;
  // loan_search checks each product against the stated profile: an eligibility question hears that verdict first.
  const verdict = (p: LoanProductResult) => input.type !== "eligibility" ? ""
    : p.eligible === true ? say(l, "대상입니다 — ", "you qualify — ") : p.eligible === false ? say(l, "대상이 아닙니다 — ", "you do not qualify — ") : say(l, "추가 확인이 필요합니다 — ", "to confirm — ");
  const items = named.slice(0, 3).map((p) => say(l, `${p.productName}(${p.bank}): ${verdict(p)}연 ${rate(p)}, 한도 ${won(p.estimatedMaxLoanKrw ?? p.limitKrw, l)}, 최장 ${p.maxTermYears}년`,
    `${p.productNameEn} (${p.bankEn}): ${verdict(p)}${rate(p)} a year, up to ${won(p.estimatedMaxLoanKrw ?? p.limitKrw, l)}, up to ${p.maxTermYears} years`));
  return say(l, `${items.join("; ")}${basisOf(input)}.`, `${items.join("; ")}${basisOf(input)}.`);
}

type Programme = PolicyMatcherOutput["matches"][number];

const PURPOSE_WORDS: [RegExp, string[]][] = [
  [/전세|jeonse/i, ["jeonse"]], [/월세|monthly|rent\b|renting/i, ["monthly"]], [/구입|매매|주담대|주택담보|사려|buy|purchase|mortgage|first home|first-time/i, ["purchase"]],
];
const PROFILE_WORDS: RegExp[] = [/청년|youth|young/i, /신혼|newlywed/i, /신생아|출산|newborn|baby/i, /생애최초|first/i];

/** How closely a programme fits the question: named > same purpose > profile word in its name; cheaper breaks ties. */
function relevance(m: Programme, query: string): number {
  const name = `${m.nameKo} ${m.nameEn}`;
  let score = 0;
  if (namedLoanPatterns(query).some((re) => re.test(name))) score += 100;
  for (const [re, purposes] of PURPOSE_WORDS) if (re.test(query) && purposes.includes(m.purpose)) score += 10;
  for (const re of PROFILE_WORDS) if (re.test(query) && re.test(name)) score += 5;
  return score;
}

function eligibilityLead(input: LeadInput, pm: PolicyMatcherOutput): string | null {
  const l = input.language;
  // A loan question is about loans: guarantees are listed only when the question asks about them.
  const wantsGuarantee = /보증|guarantee|insurance/i.test(input.query);
  const relevant = pm.matches.filter((m) => wantsGuarantee || m.purpose !== "guarantee")
    .sort((a, b) => relevance(b, input.query) - relevance(a, input.query) || (a.rateMinPercent ?? 99) - (b.rateMinPercent ?? 99));
  const label = (m: Programme) => `${l === "ko" ? m.nameKo : m.nameEn}${m.rateMinPercent !== null ? say(l, `(연 ${pct(m.rateMinPercent)}부터)`, ` (from ${pct(m.rateMinPercent)})`) : ""}`;
  // A programme the question names: its own verdict and what decides it.
  const named = relevant.find((m) => relevance(m, input.query) >= 100);
  if (named) {
    const open = named.checks.filter((c) => c.result !== "pass").map((c) => (l === "ko" ? c.ko : c.en)).slice(0, 2);
    const status = { eligible: say(l, "받을 수 있습니다", "you qualify"), possible: say(l, "추가 확인이 필요합니다", "it needs confirming"), ineligible: say(l, "대상이 아닙니다", "you do not qualify") }[named.status];
    return say(l, `${label(named)}: ${status}${basisOf(input)}.${open.length ? ` 확인할 조건: ${open.join("; ")}.` : ""}`,
      `${label(named)}: ${status}${basisOf(input)}.${open.length ? ` To check: ${open.join("; ")}.` : ""}`);
  }
  const yes = relevant.filter((m) => m.status === "eligible").map(label), maybe = relevant.filter((m) => m.status === "possible").map(label);
  if (yes.length === 0 && maybe.length === 0) {
    return say(l, `말씀하신 조건${basisOf(input)}으로는 해당하는 정책 대출이 없습니다.`, `With what you told me${basisOf(input)}, none of the government programmes fits.`);
  }
  if (yes.length > 0) {
    return say(l, `받을 수 있는 정책 대출은 ${yes.slice(0, 3).join(", ")}입니다${basisOf(input)}.`, `You qualify for ${yes.slice(0, 3).join(", ")}${basisOf(input)}.`)
      + (maybe.length ? say(l, ` 추가 확인 후 가능: ${maybe.slice(0, 2).join(", ")}.`, ` Possibly also: ${maybe.slice(0, 2).join(", ")}.`) : "");
  }
  return say(l, `추가 확인이 필요한 후보 정책 대출${basisOf(input)}: ${maybe.slice(0, 3).join(", ")}. 아래 조건을 확인하면 대상 여부가 정해집니다.`,
    `Programmes to confirm${basisOf(input)}: ${maybe.slice(0, 3).join(", ")}. The conditions below decide it.`);
}

function rateLead(input: LeadInput, products: LoanProductResult[]): string | null {
  const l = input.language;
  if (products.length === 0) return null;
  const sorted = [...products].sort((a, b) => a.rateMin - b.rateMin);
  const [best, next] = sorted;
  return say(l,
    `금리가 가장 낮은 상품은 ${best.productName}(연 ${rate(best)}, 한도 ${won(best.limitKrw, l)})${next ? `, 다음은 ${next.productName}(연 ${rate(next)})` : ""}입니다${basisOf(input)}.`,
    `The lowest rate is ${best.productNameEn} (${rate(best)} a year, up to ${won(best.limitKrw, l)})${next ? `, then ${next.productNameEn} (${rate(next)})` : ""}${basisOf(input)}.`);
}

function comparisonLead(input: LeadInput, products: LoanProductResult[]): string | null {
  const l = input.language;
  const named = namedProducts(input, products);
  const pair = named.length >= 2 ? named.slice(0, 2) : [...products].sort((a, b) => a.rateMin - b.rateMin).slice(0, 2);
  if (pair.length < 2) return null;
  const [a, b] = pair;
  const cheaper = a.rateMin <= b.rateMin ? a : b, bigger = a.limitKrw >= b.limitKrw ? a : b;
  return say(l,
    `${a.productName} — 연 ${rate(a)}, 한도 ${won(a.limitKrw, l)} / ${b.productName} — 연 ${rate(b)}, 한도 ${won(b.limitKrw, l)}. 금리가 더 낮은 쪽: ${cheaper.productName}, 한도가 더 큰 쪽: ${bigger.productName}.`,
    `${a.productNameEn}: ${rate(a)}, up to ${won(a.limitKrw, l)}; ${b.productNameEn}: ${rate(b)}, up to ${won(b.limitKrw, l)}. ${cheaper.productNameEn} is cheaper; ${bigger.productNameEn} lends more.`);
}

function productListLead(input: LeadInput, products: LoanProductResult[]): string | null {
  const l = input.language;
  const named = namedProducts(input, products);
  const shown = (named.length ? named : products).slice(0, 3);
  if (shown.length === 0) return null;
  const items = shown.map((p) => say(l, `${p.productName}(연 ${rate(p)}, 한도 ${won(p.estimatedMaxLoanKrw ?? p.limitKrw, l)})`, `${p.productNameEn} (${rate(p)}, up to ${won(p.estimatedMaxLoanKrw ?? p.limitKrw, l)})`));
  const kinds = new Set(shown.map((p) => p.loanType));
  const kind = kinds.size === 1 ? shown[0].loanType : null;
  return kind
    ? say(l, `${PURPOSE[kind].ko} 대출 상품: ${items.join(", ")}${basisOf(input)}.`, `For ${PURPOSE[kind].en} loans: ${items.join("; ")}${basisOf(input)}.`)
    : say(l, `조건에 맞는 대출 상품(금리 낮은 순): ${items.join(", ")}${basisOf(input)}.`, `Loans that fit, cheapest first: ${items.join("; ")}${basisOf(input)}.`);
}

/** The one fact that would let the loan answer give a figure it could not. */
function loanFollowUp(input: LeadInput, sim: LoanSimulatorOutput | undefined, pm: PolicyMatcherOutput | undefined): string | null {
  const l = input.language, e = input.agg.entities;
  if (sim && sim.maxLoan === null) {
    return sim.purpose === "jeonse"
      ? say(l, "전세 보증금이 얼마인가요? 전세대출 한도는 보증금의 일정 비율로 정해집니다.", "How large is the jeonse deposit? The loan limit is a share of it.")
      : say(l, "사려는 집의 가격이 얼마인가요? 대출 한도(LTV)는 주택 가격을 기준으로 계산됩니다.", "What is the price of the home? The limit (LTV) is computed from it.");
  }
  if (sim && sim.purpose === "purchase" && e.annualIncome === undefined) {
    return say(l, "연소득이 얼마인가요? DSR 규제 때문에 소득에 따라 실제 한도가 LTV 한도보다 작아질 수 있습니다.", "What is your annual income? Under the DSR rule your real limit may be below the LTV limit.");
  }
  if (pm && pm.missingProfile.length > 0 && pm.counts.eligible === 0) {
    const field = pm.missingProfile[0];
    const ask: Record<string, [string, string]> = {
      annualIncome: ["연소득(부부 합산)이 얼마인가요? 정책 대출은 소득 상한으로 대상이 갈립니다.", "What is your (household) annual income? Programmes are split by income caps."],
      age: ["나이가 어떻게 되시나요? 청년 대상 상품은 만 34세 이하 등 나이 조건이 있습니다.", "How old are you? Youth programmes have an age limit."],
      homeless: ["현재 무주택이신가요? 대부분의 정책 대출은 무주택 세대주만 받을 수 있습니다.", "Do you currently own no home? Most programmes require a homeless household."],
      newlywed: ["혼인 7년 이내 신혼부부이신가요? 신혼부부 전용 상품은 한도와 금리가 더 유리합니다.", "Are you married within the last seven years? Newlywed products have better limits and rates."],
    };
    const [ko, en] = ask[field] ?? ["", ""];
    return ko ? say(l, ko, en) : null;
  }
  return null;
}

export function loanLead(input: LeadInput): Lead {
  const sim = outputOf(input.agg, "loan_simulator");
  const pm = outputOf(input.agg, "policy_matcher");
  const products = productsOf(input);
  if (!sim && !pm && products.length === 0) return NO_LEAD;
  const q = input.query;
  const asksRate = /금리|이자율|interest rate|\brates?\b/i.test(q);
  const candidates: (string | null)[] = input.type === "comparison" ? [comparisonLead(input, products)]
    : input.type === "eligibility" ? [pm ? eligibilityLead(input, pm) : null, namedLead(input, products)]
      : [namedLead(input, products), ...(asksRate ? [rateLead(input, products)] : [])];
  candidates.push(sim ? limitLead(input, sim) : null, sim && sim.maxLoan === null ? paymentLead(input, sim) : null, pm && input.type !== "amount" ? eligibilityLead(input, pm) : null, productListLead(input, products), pm ? eligibilityLead(input, pm) : null);
  const first = candidates.find((c): c is string => !!c);
  return first ? { lines: [first], followUp: loanFollowUp(input, sim, pm) } : NO_LEAD;
}
