// loan_search: housing loan products (government programmes and bank loans) filtered by type, bank and
// rate, with each product's eligibility checked against the income, price and buyer profile given.
import { z } from "zod";
import { and, eq, ilike, lte, or, asc, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import type { Language } from "../types";
import { loanProducts } from "../schema/domain";
import type { ToolDefinition } from "../../../tools/types";

export const LOAN_TYPES = ["purchase", "jeonse", "monthly_rent", "refinance"] as const;
const krw = z.number().int().nonnegative().max(1e13);

export const loanSearchInputSchema = z.object({
  /** purchase (구입), jeonse (전세), monthly_rent (월세), refinance (대환). */
  loanType: z.enum(LOAN_TYPES).optional(),
  provider: z.enum(["government", "bank"]).optional(),
  /** Part of a bank name, Korean or English: "국민", "Shinhan". */
  bank: z.string().trim().min(1).max(40).optional(),
  /** Words in the product name or notes: "디딤돌", "버팀목", "newlywed". */
  query: z.string().trim().min(1).max(100).optional(),
  /** Percent: products whose lowest rate is at most this. */
  rateMax: z.number().positive().max(30).optional(),
  /** Household (or personal) yearly income, KRW. */
  annualIncome: krw.optional(),
  /** House price for purchase loans, KRW. */
  price: krw.optional(),
  /** Deposit for jeonse / monthly-rent loans, KRW. */
  deposit: krw.optional(),
  buyerProfile: z.object({
    firstHome: z.boolean().optional(),
    newlywed: z.boolean().optional(),
    youth: z.boolean().optional(),
    age: z.number().int().min(0).max(120).optional(),
    homeless: z.boolean().optional(),
    children: z.number().int().min(0).max(20).optional(),
  }).optional(),
  /** Leave out products the given facts rule out (unknowns are kept and flagged). */
  eligibleOnly: z.boolean().default(true),
  limit: z.number().int().min(1).max(30).default(10),
});
export type LoanSearchInput = z.infer<typeof loanSearchInputSchema>;

/** Why a product does not fit, or what we would need to know: stable codes the answer can phrase. */
export const ELIGIBILITY_REASONS = [
  "income_above_cap", "house_price_above_cap", "deposit_above_cap", "not_first_home", "not_newlywed",
  "not_youth", "age_out_of_range", "not_homeless",
  "unknown_income", "unknown_first_home", "unknown_newlywed", "unknown_age", "unknown_homeless",
] as const;

export const loanProductResultSchema = z.object({
  code: z.string(),
  bank: z.string(),
  bankEn: z.string(),
  productName: z.string(),
  productNameEn: z.string(),
  loanType: z.enum(LOAN_TYPES),
  provider: z.enum(["government", "bank"]),
  rateMin: z.number(),
  rateMax: z.number(),
  maxLtv: z.number().nullable(),
  maxDepositRatio: z.number().nullable(),
  limitKrw: z.number(),
  maxTermYears: z.number().int(),
  eligibility: z.object({
    incomeCapKrw: z.number().nullable(),
    maxHousePriceKrw: z.number().nullable(),
    maxDepositKrw: z.number().nullable(),
    minAge: z.number().int().nullable(),
    maxAge: z.number().int().nullable(),
    firstHomeOnly: z.boolean(),
    homelessOnly: z.boolean(),
    newlywedOnly: z.boolean(),
    youthOnly: z.boolean(),
  }),
  notes: z.string(),
  /** true: every condition checked and met; false: ruled out; null: some condition could not be checked. */
  eligible: z.boolean().nullable(),
  reasons: z.array(z.enum(ELIGIBILITY_REASONS)),
  /** min(limit, price × LTV) or min(limit, deposit × ratio) when a price or deposit was given. */
  estimatedMaxLoanKrw: z.number().nullable(),
});
export type LoanProductResult = z.infer<typeof loanProductResultSchema>;

export const loanSearchOutputSchema = z.object({
  products: z.array(loanProductResultSchema),
  /** Matching products before the limit, ineligible ones excluded when eligibleOnly. */
  total: z.number().int(),
  excludedIneligible: z.number().int(),
  /** Loan rates and limits are illustrative sample figures. */
  sample: z.boolean(),
  sources: z.array(z.string()),
});
export type LoanSearchOutput = z.infer<typeof loanSearchOutputSchema>;

type LoanRow = typeof loanProducts.$inferSelect;

export function checkEligibility(p: LoanRow, i: LoanSearchInput): { eligible: boolean | null; reasons: LoanProductResult["reasons"] } {
  const fails: LoanProductResult["reasons"] = [];
  const unknown: LoanProductResult["reasons"] = [];
  const profile = i.buyerProfile ?? {};
  if (p.incomeCapKrw !== null) {
    if (i.annualIncome === undefined) unknown.push("unknown_income");
    else if (i.annualIncome > p.incomeCapKrw) fails.push("income_above_cap");
  }
  if (p.maxHousePriceKrw !== null && i.price !== undefined && i.price > p.maxHousePriceKrw) fails.push("house_price_above_cap");
  if (p.maxDepositKrw !== null && i.deposit !== undefined && i.deposit > p.maxDepositKrw) fails.push("deposit_above_cap");
  if (p.firstHomeOnly) {
    if (profile.firstHome === undefined) unknown.push("unknown_first_home");
    else if (!profile.firstHome) fails.push("not_first_home");
  }
  if (p.newlywedOnly) {
    if (profile.newlywed === undefined) unknown.push("unknown_newlywed");
    else if (!profile.newlywed) fails.push("not_newlywed");
  }
  if (p.youthOnly || p.minAge !== null || p.maxAge !== null) {
    if (profile.age !== undefined) {
      if ((p.minAge !== null && profile.age < p.minAge) || (p.maxAge !== null && profile.age > p.maxAge)) fails.push("age_out_of_range");
    } else if (profile.youth === false && p.youthOnly) fails.push("not_youth");
    else if (profile.youth === undefined) unknown.push("unknown_age");
  }
  if (p.homelessOnly) {
    // A first-time buyer is homeless by definition.
    const homeless = profile.homeless ?? (profile.firstHome === true ? true : undefined);
    if (homeless === undefined) unknown.push("unknown_homeless");
    else if (!homeless) fails.push("not_homeless");
  }
  if (fails.length > 0) return { eligible: false, reasons: fails };
  return { eligible: unknown.length > 0 ? null : true, reasons: unknown };
}

function estimateMaxLoan(p: LoanRow, i: LoanSearchInput): number | null {
  if (p.maxLtv !== null && i.price !== undefined) return Math.min(p.limitKrw, Math.floor((i.price * p.maxLtv) / 100));
  if (p.maxDepositRatio !== null && i.deposit !== undefined) return Math.min(p.limitKrw, Math.floor((i.deposit * p.maxDepositRatio) / 100));
  return null;
}

const ELIGIBLE_ORDER = (e: boolean | null) => (e === true ? 0 : e === null ? 1 : 2);

async function searchLoans(db: Db, input: LoanSearchInput, language: Language): Promise<LoanSearchOutput> {
  const conds: SQL[] = [];
  if (input.loanType) conds.push(eq(loanProducts.loanType, input.loanType));
  if (input.provider) conds.push(eq(loanProducts.provider, input.provider));
  if (input.bank) conds.push(or(ilike(loanProducts.bank, `%${input.bank}%`), ilike(loanProducts.bankEn, `%${input.bank}%`))!);
  if (input.rateMax !== undefined) conds.push(lte(loanProducts.rateMin, input.rateMax));
  if (input.query) {
    const like = `%${input.query}%`;
    conds.push(or(
      ilike(loanProducts.productName, like), ilike(loanProducts.productNameEn, like),
      ilike(loanProducts.notes, like), ilike(loanProducts.notesEn, like),
    )!);
  }
  const rows = await db.select().from(loanProducts).where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(loanProducts.rateMin), asc(loanProducts.id));

  const checked = rows.map((p) => ({ p, ...checkEligibility(p, input) }));
  const kept = input.eligibleOnly ? checked.filter((c) => c.eligible !== false) : checked;
  kept.sort((a, b) => ELIGIBLE_ORDER(a.eligible) - ELIGIBLE_ORDER(b.eligible) || a.p.rateMin - b.p.rateMin);
  const products: LoanProductResult[] = kept.slice(0, input.limit).map(({ p, eligible, reasons }) => ({
    code: p.code, bank: p.bank, bankEn: p.bankEn, productName: p.productName, productNameEn: p.productNameEn,
    loanType: p.loanType as LoanProductResult["loanType"], provider: p.provider as LoanProductResult["provider"],
    rateMin: p.rateMin, rateMax: p.rateMax, maxLtv: p.maxLtv, maxDepositRatio: p.maxDepositRatio,
    limitKrw: p.limitKrw, maxTermYears: p.maxTermYears,
    eligibility: {
      incomeCapKrw: p.incomeCapKrw, maxHousePriceKrw: p.maxHousePriceKrw, maxDepositKrw: p.maxDepositKrw,
      minAge: p.minAge, maxAge: p.maxAge, firstHomeOnly: p.firstHomeOnly, homelessOnly: p.homelessOnly,
      newlywedOnly: p.newlywedOnly, youthOnly: p.youthOnly,
    },
    notes: language === "en" ? p.notesEn : p.notes,
    eligible, reasons, estimatedMaxLoanKrw: estimateMaxLoan(p, input),
  }));
  const sample = products.some((_, idx) => kept[idx].p.isSample);
  return {
    products, total: kept.length, excludedIneligible: checked.length - kept.length, sample,
    sources: products.length === 0 ? [] : [sample ? "sample loan products (illustrative rates and limits)" : "loan products"],
  };
}

/** First keep ruled-out products (flagged), then drop bank/query/rate filters. */
function broadenLoanInput(input: LoanSearchInput): LoanSearchInput | null {
  if (input.eligibleOnly) return { ...input, eligibleOnly: false };
  if (input.bank !== undefined || input.query !== undefined || input.rateMax !== undefined || input.provider !== undefined) {
    const { bank: _b, query: _q, rateMax: _r, provider: _p, ...rest } = input;
    return rest;
  }
  return null;
}

export const loanSearchTool: ToolDefinition<LoanSearchInput, LoanSearchOutput, "loan_search"> = {
  name: "loan_search",
  description:
    "Housing loan products (디딤돌, 보금자리론, 버팀목 전세, newlywed and youth programmes, bank mortgages and jeonse " +
    "loans) filtered by loan type, bank and rate, with eligibility checked against income, price and buyer profile.",
  inputSchema: loanSearchInputSchema,
  outputSchema: loanSearchOutputSchema,
  readOnly: true,
  timeoutMs: 4_000,
  fallbacks: [],
  run: (input, ctx) => searchLoans(ctx.db, input, ctx.language),
  quality: (o) => (o.products.length === 0 ? 0 : o.products.some((p) => p.eligible === true) ? 1 : 0.6),
  broaden: broadenLoanInput,
};
