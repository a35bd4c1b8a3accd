// loan_simulator: the largest loan the LTV/DTI/DSR rules (lending_rules, regulated_regions) allow for
// the user's region and buyer type, and monthly payments by amortisation method at a loan_search product's rate.
import { z } from "zod";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { lendingRules, regulatedRegions } from "../schema/domain-rules";
import type { ToolDefinition } from "../../../tools/types";
import { resolveRegion } from "./common";
import { loanProductResultSchema, loanSearchOutputSchema, type LoanProductResult } from "./loan-search";

const krw = z.number().int().min(0).max(1e13);

export const BUYER_TYPES = ["first_home", "newlywed", "general", "multi_home"] as const;

export const loanSimulatorInputSchema = z.object({
  /** loan_search's output; filled by the executor. */
  loans: loanSearchOutputSchema.optional(),
  /** purchase (주택담보대출) or jeonse (전세자금대출). */
  purpose: z.enum(["purchase", "jeonse"]).default("purchase"),
  price: krw.optional(),
  deposit: krw.optional(),
  annualIncome: krw.optional(),
  region: z.string().trim().min(1).max(40).optional(),
  buyerType: z.enum(BUYER_TYPES).default("general"),
  /** The borrower's age, for youth products. */
  age: z.number().int().min(0).max(120).optional(),
  /** Yearly repayments of the user's other debts (for DSR/DTI), KRW. */
  existingAnnualDebtPayment: krw.default(0),
  /** A rate the user stated; otherwise the best matching product's lowest rate. */
  ratePercent: z.number().positive().max(30).optional(),
  termYears: z.number().int().min(1).max(50).optional(),
  /** The amount the user wants to borrow; otherwise the maximum is simulated. */
  loanAmount: krw.optional(),
});
export type LoanSimulatorInput = z.infer<typeof loanSimulatorInputSchema>;

const paymentSchema = z.object({
  method: z.enum(["equal_payment", "equal_principal", "bullet"]),
  /** 원리금균등: the fixed payment; 원금균등: the first (largest) payment; 만기일시: the monthly interest. */
  firstMonthlyPayment: z.number(),
  lastMonthlyPayment: z.number(),
  totalInterest: z.number(),
  totalPayment: z.number(),
});

/**
 * How this kind of loan is customarily repaid, and so the payment an answer leads with: jeonse loans are
 * interest-only for the lease (만기일시: principal repaid or rolled over when the deposit comes back),
 * purchase loans amortise (원리금균등).
 */
export const CUSTOMARY_METHOD = { jeonse: "bullet", purchase: "equal_payment" } as const;

const limitSchema = z.object({ rule: z.enum(["ltv", "dsr", "dti", "rule_cap", "product"]), amount: z.number(), detail: z.string() });

export const loanSimulatorOutputSchema = z.object({
  purpose: z.enum(["purchase", "jeonse"]),
  regionClass: z.enum(["regulated", "other"]),
  /** False when the region was not given and the stricter (regulated) rules were applied. */
  regionKnown: z.boolean(),
  regulatedDesignation: z.string().nullable(),
  buyerType: z.enum(BUYER_TYPES),
  rule: z.object({
    ltvPercent: z.number(), dtiPercent: z.number().nullable(), dsrPercent: z.number().nullable(),
    maxLoanKrw: z.number().nullable(), noteKo: z.string(), noteEn: z.string(), source: z.string(),
  }),
  limits: z.array(limitSchema),
  /** The smallest of the limits (null when none could be worked out). */
  maxLoan: z.number().nullable(),
  bindingLimit: z.enum(["ltv", "dsr", "dti", "rule_cap", "product"]).nullable(),
  product: loanProductResultSchema.nullable(),
  ratePercent: z.number().nullable(),
  rateSource: z.enum(["user", "product"]).nullable(),
  termYears: z.number().int(),
  /** The principal the payments are for (the user's amount or the maximum). */
  simulatedAmount: z.number().nullable(),
  /** The customary repayment method for this purpose (CUSTOMARY_METHOD); its payment leads. */
  repaymentMethod: z.enum(["equal_payment", "equal_principal", "bullet"]),
  /** Customary method first. A jeonse loan has only the interest-only row: it is not amortised over a lease. */
  payments: z.array(paymentSchema),
  /** Jeonse: the part of the deposit the loan does not cover (deposit − loan), the tenant's own money. */
  ownFunds: z.number().nullable(),
  /** When the chosen product's own limit binds: the fitting product that lends the most, and how much. */
  largerLoan: z.object({ product: loanProductResultSchema, amount: z.number() }).nullable(),
  missing: z.array(z.string()),
  sample: z.boolean(),
  sources: z.array(z.string()),
});
export type LoanSimulatorOutput = z.infer<typeof loanSimulatorOutputSchema>;
type Payment = z.infer<typeof paymentSchema>;

/** Principal whose level monthly payment is `monthly` at annual `ratePercent` over `months`. */
export function annuityPrincipal(monthly: number, ratePercent: number, months: number): number {
  const r = ratePercent / 100 / 12;
  if (r === 0) return monthly * months;
  return (monthly * (1 - Math.pow(1 + r, -months))) / r;
}

export function paymentsFor(principal: number, ratePercent: number, months: number): Payment[] {
  const r = ratePercent / 100 / 12;
  const level = r === 0 ? principal / months : (principal * r) / (1 - Math.pow(1 + r, -months));
  const slice = principal / months;
  const equalPrincipalInterest = (principal * r * (months + 1)) / 2;
  const round = Math.round;
  return [
    { method: "equal_payment", firstMonthlyPayment: round(level), lastMonthlyPayment: round(level),
      totalInterest: round(level * months - principal), totalPayment: round(level * months) },
    { method: "equal_principal", firstMonthlyPayment: round(slice + principal * r), lastMonthlyPayment: round(slice + slice * r),
      totalInterest: round(equalPrincipalInterest), totalPayment: round(principal + equalPrincipalInterest) },
    { method: "bullet", firstMonthlyPayment: round(principal * r), lastMonthlyPayment: round(principal + principal * r),
      totalInterest: round(principal * r * months), totalPayment: round(principal + principal * r * months) },
  ];
}

async function regionClassOf(db: Db, region: string | undefined): Promise<{ cls: "regulated" | "other"; known: boolean; designation: string | null }> {
  if (!region) return { cls: "regulated", known: false, designation: null };
  const names = [region.trim()];
  try {
    names.push((await resolveRegion(db, "loan_simulator", region)).nameKo);
  } catch {
    // Not a Seoul district in the regions table: only the literal name is matched.
  }
  for (const name of names) {
    const [row] = await db.select().from(regulatedRegions).where(eq(regulatedRegions.region, name));
    if (row) return { cls: "regulated", known: true, designation: row.designation };
  }
  return { cls: "other", known: true, designation: null };
}

/** Whether the user's stated facts rule the product out (loan_search's verdict first; unknown facts do not). */
function excludes(p: LoanProductResult, input: LoanSimulatorInput): boolean {
  const e = p.eligibility;
  if (p.eligible === false) return true;
  if (e.newlywedOnly && input.buyerType !== "newlywed") return true;
  if (e.firstHomeOnly && input.buyerType !== "first_home") return true;
  if (e.homelessOnly && input.buyerType === "multi_home") return true;
  if (e.incomeCapKrw !== null && input.annualIncome !== undefined && input.annualIncome > e.incomeCapKrw) return true;
  if (e.maxHousePriceKrw !== null && input.price !== undefined && input.price > e.maxHousePriceKrw) return true;
  if (e.maxDepositKrw !== null && input.deposit !== undefined && input.deposit > e.maxDepositKrw) return true;
  if (input.age !== undefined && ((e.minAge !== null && input.age < e.minAge) || (e.maxAge !== null && input.age > e.maxAge))) return true;
  return false;
}

/** How many of the product's conditions the user's facts leave open: fewer open conditions rank first. */
function openConditions(p: LoanProductResult, input: LoanSimulatorInput): number {
  const e = p.eligibility;
  const ageLimited = e.youthOnly || e.minAge !== null || e.maxAge !== null;
  return Number(p.eligible === null)
    + Number(ageLimited && input.age === undefined)
    + Number(e.incomeCapKrw !== null && input.annualIncome === undefined)
    + Number(e.maxHousePriceKrw !== null && input.price === undefined && input.purpose === "purchase")
    + Number(e.maxDepositKrw !== null && input.deposit === undefined && input.purpose === "jeonse");
}

/** Products of the right type the user's facts do not rule out. */
function fittingProducts(products: LoanProductResult[], input: LoanSimulatorInput): LoanProductResult[] {
  // A monthly-rent deposit loan serves the same need as a jeonse loan: both lend against the deposit.
  const types = input.purpose === "jeonse" ? ["jeonse", "monthly_rent"] : ["purchase"];
  return products.filter((p) => types.includes(p.loanType) && !excludes(p, input));
}

/** What the product itself lends: its limit, and its own LTV or deposit-ratio cap when the base is known. */
function productLimit(product: LoanProductResult, input: LoanSimulatorInput): number {
  const limits = [product.limitKrw];
  if (input.purpose === "purchase" && product.maxLtv !== null && input.price !== undefined) limits.push(Math.round((input.price * product.maxLtv) / 100));
  if (input.purpose === "jeonse" && product.maxDepositRatio !== null && input.deposit !== undefined) limits.push(Math.round((input.deposit * product.maxDepositRatio) / 100));
  return Math.min(...limits);
}

/** The product of the right type the user's facts do not rule out: fewest open conditions, then lowest rate. */
function pickProduct(products: LoanProductResult[], input: LoanSimulatorInput): LoanProductResult | null {
  const fitting = fittingProducts(products, input);
  if (fitting.length === 0) return null;
  return [...fitting].sort((a, b) => openConditions(a, input) - openConditions(b, input) || a.rateMin - b.rateMin || b.limitKrw - a.limitKrw)[0];
}

async function simulate(input: LoanSimulatorInput, db: Db, language: "ko" | "en"): Promise<LoanSimulatorOutput> {
  const say = (ko: string, en: string) => (language === "ko" ? ko : en);
  const missing: string[] = [];
  const region = await regionClassOf(db, input.region);
  if (!region.known) missing.push(say("지역이 없어 더 엄격한 규제지역 기준을 적용했습니다", "region not given: the stricter regulated-area rules were applied"));
  const [rule] = await db.select().from(lendingRules).where(and(
    eq(lendingRules.regionClass, region.cls), eq(lendingRules.buyerType, input.buyerType), eq(lendingRules.purpose, input.purpose)));
  if (!rule) throw new Error(`lending_rules has no row for ${region.cls}/${input.buyerType}/${input.purpose}: run the seed`);

  const products = input.loans?.products ?? [];
  if (!input.loans) missing.push(say("대출 상품 검색 결과를 받지 못했습니다", "loan products were not available (loan_search failed or was not run)"));
  const product = pickProduct(products, input);
  if (input.loans && !product) missing.push(say(`검색된 ${input.purpose === "purchase" ? "구입자금" : "전세자금"} 대출 상품 중 조건에 맞는 상품이 없습니다`, `no ${input.purpose} loan product among the search results fits the stated profile`));

  const limits: z.infer<typeof limitSchema>[] = [];
  const base = input.purpose === "purchase" ? input.price : input.deposit;
  if (base !== undefined) {
    limits.push({ rule: "ltv", amount: Math.round((base * rule.ltvPercent) / 100), detail: `${rule.ltvPercent}% of ${input.purpose === "purchase" ? "price" : "deposit"}` });
  } else {
    missing.push(input.purpose === "purchase" ? say("주택 가격이 없어 LTV 한도를 계산하지 못했습니다", "no house price: the LTV limit cannot be worked out") : say("보증금이 없어 전세대출 한도를 계산하지 못했습니다", "no deposit: the jeonse loan limit cannot be worked out"));
  }
  if (rule.maxLoanKrw !== null) limits.push({ rule: "rule_cap", amount: rule.maxLoanKrw, detail: "regulatory cap" });

  const ratePercent = input.ratePercent ?? product?.rateMin ?? null;
  const rateSource = input.ratePercent !== undefined ? "user" : product ? "product" : null;
  const termYears = input.termYears ?? (input.purpose === "jeonse" ? 2 : Math.min(product?.maxTermYears ?? 30, 30));
  const months = termYears * 12;
  if (ratePercent === null) missing.push(say("금리(상품 또는 입력)가 없어 상환액과 DSR 한도를 계산하지 못했습니다", "no interest rate (no product and none stated): payments and DSR limit not computed"));

  if (input.purpose === "purchase" && ratePercent !== null) {
    if (input.annualIncome === undefined) missing.push(say("연소득이 없어 DSR·DTI 한도를 계산하지 못했습니다", "no annual income: DSR/DTI limits not computed"));
    else {
      for (const [name, percent] of [["dsr", rule.dsrPercent], ["dti", rule.dtiPercent]] as const) {
        if (percent === null) continue;
        const yearly = (input.annualIncome * percent) / 100 - input.existingAnnualDebtPayment;
        limits.push({ rule: name, amount: Math.max(0, Math.round(annuityPrincipal(yearly / 12, ratePercent, months))),
          detail: `${percent}% of income over ${termYears} years at ${ratePercent}%` });
      }
    }
  }
  if (product) limits.push({ rule: "product", amount: productLimit(product, input), detail: product.productName });

  // Without the LTV base the caps alone would overstate what can be borrowed.
  const binding = base === undefined ? null : limits.reduce<(typeof limits)[number] | null>((m, l) => (m === null || l.amount < m.amount ? l : m), null);
  const maxLoan = binding?.amount ?? null;
  // When the chosen (cheapest) product's own limit is what binds, another fitting product may lend more.
  let largerLoan: LoanSimulatorOutput["largerLoan"] = null;
  if (binding?.rule === "product" && maxLoan !== null) {
    const ruleCap = Math.min(...limits.filter((l) => l.rule !== "product").map((l) => l.amount));
    for (const p of fittingProducts(products, input)) {
      const amount = Math.min(ruleCap, productLimit(p, input));
      if (amount > (largerLoan?.amount ?? maxLoan)) largerLoan = { product: p, amount };
    }
  }
  const simulatedAmount = input.loanAmount ?? maxLoan;
  const repaymentMethod = CUSTOMARY_METHOD[input.purpose];
  const allPayments = simulatedAmount !== null && simulatedAmount > 0 && ratePercent !== null ? paymentsFor(simulatedAmount, ratePercent, months) : [];
  // Amortising a jeonse loan over a two-year lease (₩9.6M a month on ₩222M) is not how it is repaid.
  const payments = input.purpose === "jeonse"
    ? allPayments.filter((p) => p.method === repaymentMethod)
    : [...allPayments].sort((a, b) => Number(b.method === repaymentMethod) - Number(a.method === repaymentMethod));
  const ownFunds = input.purpose === "jeonse" && input.deposit !== undefined && simulatedAmount !== null
    ? Math.max(0, input.deposit - simulatedAmount) : null;
  if (input.loanAmount !== undefined && maxLoan !== null && input.loanAmount > maxLoan) missing.push(say("요청한 금액이 최대 대출 가능액을 넘습니다", "the requested amount exceeds the maximum loan"));

  return {
    purpose: input.purpose, regionClass: region.cls, regionKnown: region.known, regulatedDesignation: region.designation,
    buyerType: input.buyerType,
    rule: { ltvPercent: rule.ltvPercent, dtiPercent: rule.dtiPercent, dsrPercent: rule.dsrPercent, maxLoanKrw: rule.maxLoanKrw, noteKo: rule.noteKo, noteEn: rule.noteEn, source: rule.source },
    limits, maxLoan, bindingLimit: binding?.rule ?? null,
    product, ratePercent, rateSource, termYears, simulatedAmount, repaymentMethod, payments, ownFunds, largerLoan, missing,
    sample: product !== null && (input.loans?.sample ?? false),
    sources: ["lending_rules", "regulated_regions", ...(product ? [`loan_products:${product.code}`] : [])],
  };
}

export const loanSimulatorTool: ToolDefinition<LoanSimulatorInput, LoanSimulatorOutput, "loan_simulator"> = {
  name: "loan_simulator",
  description:
    "Maximum mortgage or jeonse loan under LTV/DTI/DSR rules for the region (규제지역 or not) and buyer type " +
    "(first home, newlywed, general, multi-home), and monthly payments at the rate of a loan_search product: 원리금균등/원금균등/만기일시 for purchases, " +
    "interest-only (만기일시) for jeonse loans.",
  inputSchema: loanSimulatorInputSchema,
  outputSchema: loanSimulatorOutputSchema,
  readOnly: true,
  timeoutMs: 4_000,
  fallbacks: [],
  run: (input, ctx) => simulate(input, ctx.db, ctx.language),
  quality: (o) => (o.maxLoan === null && o.payments.length === 0 ? 0 : 1),
};
