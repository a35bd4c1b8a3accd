// Loan leads, shaped by what was asked: the limit for the stated price or deposit, the programmes the stated
// profile qualifies for, the lowest rate, or a comparison of the products named — always naming the facts used.
import type { LoanSimulatorOutput } from "../../tools/loan-simulator";
import type { LoanProductResult } from "../../tools/loan-search";
import type { PolicyMatcherOutput } from "../../tools/policy-matcher";
import { NO_LEAD, outputOf, pct, say, won, type Lead, type LeadInput } from "./lead-types";

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
  const o = outputOf<{ products?: LoanProductResult[] }>(input.agg, "loan_search");
  return o?.products ?? [];
}

const name = (p: LoanProductResult, l: LeadInput["language"]) => (l === "ko" ? p.productName : p.productNameEn);
const rate = (p: LoanProductResult) => `${pct(p.rateMin)}~${pct(p.rateMax)}`;

/** Products whose name the question mentions (디딤돌, 버팀목, 보금자리…), in the question's order. */
function namedProducts(input: LeadInput, products: LoanProductResult[]): LoanProductResult[] {
  const q = input.query.toLowerCase();
  const key = (p: LoanProductResult) => [p.productName, p.productNameEn].flatMap((n) => n.toLowerCase().split(/[\s()·,-]+/)).filter((w) => w.length >= 2 && !/대출|loan|자금|전세|구입|fund|for|the|and/.test(w));
  return products.filter((p) => key(p).some((w) => q.includes(w))).sort((a, b) => q.indexOf(key(a)[0]) - q.indexOf(key(b)[0]));
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

function eligibilityLead(input: LeadInput, pm: PolicyMatcherOutput): string | null {
  const l = input.language;
  const pick = (s: string) => pm.matches.filter((m) => m.status === s).map((m) => (l === "ko" ? m.nameKo : m.nameEn));
  const yes = pick("eligible"), maybe = pick("possible");
  if (yes.length === 0 && maybe.length === 0) {
    return say(l, `말씀하신 조건${basisOf(input)}으로는 해당하는 정책 대출이 없습니다.`, `With what you told me${basisOf(input)}, none of the government programmes fits.`);
  }
  const listed = (xs: string[]) => xs.join(", ");
  return [
    yes.length ? say(l, `받을 수 있는 정책 대출: ${listed(yes)}`, `Programmes you qualify for: ${listed(yes)}`) : "",
    maybe.length ? say(l, `추가 확인이 필요한 것: ${listed(maybe)}`, `To confirm: ${listed(maybe)}`) : "",
  ].filter(Boolean).join(say(l, ". ", ". ")) + `${basisOf(input)}.`;
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
    `${a.productName}는 연 ${rate(a)}·한도 ${won(a.limitKrw, l)}, ${b.productName}는 연 ${rate(b)}·한도 ${won(b.limitKrw, l)}입니다. 금리는 ${cheaper.productName}가 낮고, 한도는 ${bigger.productName}가 큽니다.`,
    `${a.productNameEn}: ${rate(a)}, up to ${won(a.limitKrw, l)}; ${b.productNameEn}: ${rate(b)}, up to ${won(b.limitKrw, l)}. ${cheaper.productNameEn} is cheaper; ${bigger.productNameEn} lends more.`);
}

function productListLead(input: LeadInput, products: LoanProductResult[]): string | null {
  const l = input.language;
  const named = namedProducts(input, products);
  const shown = (named.length ? named : products).slice(0, 3);
  if (shown.length === 0) return null;
  const items = shown.map((p) => say(l, `${p.productName}(연 ${rate(p)}, 한도 ${won(p.estimatedMaxLoanKrw ?? p.limitKrw, l)})`, `${p.productNameEn} (${rate(p)}, up to ${won(p.estimatedMaxLoanKrw ?? p.limitKrw, l)})`));
  const kind = shown[0].loanType;
  return say(l, `${PURPOSE[kind].ko} 대출로는 ${items.join(", ")}이 있습니다${basisOf(input)}.`, `For ${PURPOSE[kind].en} loans: ${items.join("; ")}${basisOf(input)}.`);
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
  const sim = outputOf<LoanSimulatorOutput>(input.agg, "loan_simulator");
  const pm = outputOf<PolicyMatcherOutput>(input.agg, "policy_matcher");
  const products = productsOf(input);
  if (!sim && !pm && products.length === 0) return NO_LEAD;
  const q = input.query;
  const asksRate = /금리|이자율|interest rate|\brates?\b/i.test(q);
  const candidates: (string | null)[] = input.type === "comparison" ? [comparisonLead(input, products)]
    : input.type === "eligibility" ? [pm ? eligibilityLead(input, pm) : null]
      : asksRate ? [rateLead(input, products)] : [];
  candidates.push(sim ? limitLead(input, sim) : null, pm && input.type !== "amount" ? eligibilityLead(input, pm) : null, productListLead(input, products), pm ? eligibilityLead(input, pm) : null);
  const first = candidates.find((c): c is string => !!c);
  return first ? { lines: [first], followUp: loanFollowUp(input, sim, pm) } : NO_LEAD;
}
