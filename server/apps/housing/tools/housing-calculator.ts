// housing_calculator: the sums people ask to have done — deposit↔rent conversion at the legal rate, rental
// yield, the brokerage-fee ceiling and the down-payment forfeit — with inputs shown and rates read from PostgreSQL.
import { z } from "zod";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import type { Language } from "../types";
import type { ToolDefinition } from "../../../tools/types";
import { rateSettings } from "../schema/domain-rules";
import { brokerageFeeRates } from "../schema/glossary";

export const CALCULATIONS = ["conversion", "yield", "brokerage_fee", "down_payment"] as const;
export type CalculationKind = (typeof CALCULATIONS)[number];

const krw = z.number().int().min(0).max(1e13);

export const calculatorInputSchema = z.object({
  kind: z.enum(CALCULATIONS),
  /** Sale price, KRW (yield, sale brokerage fee). */
  price: krw.optional(),
  /** Deposit, KRW: for conversion the amount turned into rent; for yield the deposit that reduces the investment. */
  deposit: krw.optional(),
  monthlyRent: krw.optional(),
  /** Down payment (계약금), KRW. */
  downPayment: krw.optional(),
  /** conversion: deposit → rent (default) or rent → deposit. */
  direction: z.enum(["deposit_to_rent", "rent_to_deposit"]).default("deposit_to_rent"),
  /** brokerage_fee: a sale or a lease; default from which amounts are given. */
  dealKind: z.enum(["sale", "lease"]).optional(),
});
export type CalculatorInput = z.infer<typeof calculatorInputSchema>;

const lineSchema = z.object({ label: z.string(), value: z.number(), unit: z.enum(["krw", "percent"]) });

export const calculatorOutputSchema = z.object({
  kind: z.enum(CALCULATIONS),
  /** False when an input is missing: `missing` says which, and nothing was computed. */
  computed: z.boolean(),
  /** What went in, labelled in the run's language. */
  inputs: z.array(lineSchema),
  /** The headline figure first. */
  results: z.array(lineSchema),
  /** The formula in words, in the run's language. */
  formula: z.string(),
  /** Input names still needed: price | deposit | monthlyRent | downPayment. */
  missing: z.array(z.string()),
  lawReference: z.string().nullable(),
  sample: z.literal(false),
  sources: z.array(z.string()),
});
export type CalculatorOutput = z.infer<typeof calculatorOutputSchema>;

type Line = z.infer<typeof lineSchema>;
const round2 = (v: number) => Math.round(v * 100) / 100;

async function conversionRate(db: Db): Promise<{ rate: number; base: number; spread: number; cap: number; law: string }> {
  const rows = await db.select().from(rateSettings);
  const get = (k: string) => {
    const r = rows.find((x) => x.key === k);
    if (!r) throw new Error(`rate_settings lacks ${k}: run the seed`);
    return r;
  };
  const base = get("base_rate").valuePercent;
  const spread = get("conversion_spread").valuePercent;
  const cap = get("conversion_cap").valuePercent;
  return { rate: round2(Math.min(cap, base + spread)), base, spread, cap, law: "주택임대차보호법 제7조의2, 시행령 제9조" };
}

async function calculate(input: CalculatorInput, db: Db, language: Language): Promise<CalculatorOutput> {
  const ko = language === "ko";
  const t = (k: string, e: string) => (ko ? k : e);
  const won = (label: string, value: number): Line => ({ label, value, unit: "krw" });
  const pct = (label: string, value: number): Line => ({ label, value, unit: "percent" });
  const out = (o: Omit<CalculatorOutput, "kind" | "sample" | "computed">): CalculatorOutput =>
    ({ kind: input.kind, computed: o.missing.length === 0, sample: false, ...o });

  switch (input.kind) {
    case "conversion": {
      const r = await conversionRate(db);
      const rateLine = pct(t("전월세전환율", "conversion rate"), r.rate);
      const formula = t(`전환율 = min(상한 ${r.cap}%, 기준금리 ${r.base}% + ${r.spread}%p); 월세 = 전환 보증금 × 전환율 ÷ 12`,
        `rate = min(${r.cap}% cap, base rate ${r.base}% + ${r.spread} points); monthly rent = converted deposit × rate ÷ 12`);
      const sources = ["rate_settings"];
      if (input.direction === "rent_to_deposit") {
        if (!input.monthlyRent) return out({ inputs: [rateLine], results: [], formula, missing: ["monthlyRent"], lawReference: r.law, sources });
        const deposit = Math.round((input.monthlyRent * 12) / (r.rate / 100));
        return out({ inputs: [won(t("월세", "monthly rent"), input.monthlyRent), rateLine], results: [won(t("같은 가치의 보증금", "equivalent deposit"), deposit)], formula, missing: [], lawReference: r.law, sources });
      }
      if (!input.deposit) return out({ inputs: [rateLine], results: [], formula, missing: ["deposit"], lawReference: r.law, sources });
      const rent = Math.round((input.deposit * r.rate) / 100 / 12);
      return out({ inputs: [won(t("월세로 바꿀 보증금", "deposit converted"), input.deposit), rateLine], results: [won(t("법정 상한 월세", "maximum monthly rent"), rent)], formula, missing: [], lawReference: r.law, sources });
    }
    case "yield": {
      const missing = [...(input.price ? [] : ["price"]), ...(input.monthlyRent ? [] : ["monthlyRent"])];
      const formula = t("연 수익률 = 월세 × 12 ÷ (매매가 − 보증금) × 100 (세금·관리비·대출이자 제외한 표면 수익률)",
        "gross yield = monthly rent × 12 ÷ (price − deposit) × 100 (before tax, fees and loan interest)");
      const deposit = input.deposit ?? 0;
      if (missing.length > 0 || (input.price ?? 0) <= deposit) {
        return out({ inputs: [], results: [], formula, missing: missing.length > 0 ? missing : ["price"], lawReference: null, sources: [] });
      }
      const invested = input.price! - deposit;
      const annual = input.monthlyRent! * 12;
      return out({
        inputs: [won(t("매매가", "price"), input.price!), won(t("보증금", "deposit"), deposit), won(t("월세", "monthly rent"), input.monthlyRent!)],
        results: [pct(t("연 표면 수익률", "gross yearly yield"), round2((annual / invested) * 100)), won(t("연 임대수입", "yearly rent"), annual), won(t("실투자금", "cash invested"), invested)],
        formula, missing: [], lawReference: null, sources: [],
      });
    }
    case "brokerage_fee": {
      const kind = input.dealKind ?? (input.price && !input.deposit && !input.monthlyRent ? "sale" : input.deposit || input.monthlyRent ? "lease" : "sale");
      const rent = input.monthlyRent ?? 0;
      let amount = kind === "sale" ? input.price ?? 0 : (input.deposit ?? 0) + rent * 100;
      // A monthly lease whose deposit + rent × 100 is under ₩50 million uses rent × 70 instead.
      if (kind === "lease" && rent > 0 && amount < 50_000_000) amount = (input.deposit ?? 0) + rent * 70;
      const brackets = await db.select().from(brokerageFeeRates).where(eq(brokerageFeeRates.dealKind, kind)).orderBy(asc(brokerageFeeRates.sortOrder));
      const law = brackets[0]?.lawReference ?? null;
      const formula = t(kind === "sale" ? "중개보수 상한 = 거래금액 × 구간 상한요율 (한도액이 있으면 그 이하)" : "거래금액 = 보증금 + 월세 × 100 (5천만원 미만이면 × 70); 중개보수 상한 = 거래금액 × 상한요율",
        kind === "sale" ? "maximum fee = deal amount × the bracket's maximum rate (up to its cap, if any)" : "deal amount = deposit + rent × 100 (× 70 if under ₩50 million); maximum fee = deal amount × maximum rate");
      if (amount <= 0) return out({ inputs: [], results: [], formula, missing: [kind === "sale" ? "price" : "deposit"], lawReference: law, sources: ["brokerage_fee_rates"] });
      const bracket = brackets.find((b) => amount >= b.minAmount && (b.maxAmount === null || amount < b.maxAmount));
      if (!bracket) throw new Error(`brokerage_fee_rates has no ${kind} bracket for ${amount}: run the seed`);
      const raw = Math.round((amount * bracket.ratePercent) / 100);
      const fee = bracket.capKrw !== null ? Math.min(raw, bracket.capKrw) : raw;
      const inputs = [won(t("거래금액", "deal amount"), amount), pct(t("상한요율", "maximum rate"), bracket.ratePercent), ...(bracket.capKrw !== null ? [won(t("한도액", "cap"), bracket.capKrw)] : [])];
      return out({ inputs, results: [won(t("중개보수 상한(부가세 별도)", "maximum fee (before VAT)"), fee)], formula, missing: [], lawReference: law, sources: ["brokerage_fee_rates"] });
    }
    case "down_payment": {
      const formula = t("중도금 전 해제: 매수인·임차인은 계약금 포기, 매도인·임대인은 계약금의 2배 상환", "cancelling before the interim payment: the buyer or tenant forfeits the down payment; the seller or landlord pays back double");
      if (!input.downPayment) return out({ inputs: [], results: [], formula, missing: ["downPayment"], lawReference: "민법 제565조", sources: [] });
      return out({
        inputs: [won(t("계약금", "down payment"), input.downPayment)],
        results: [won(t("매도인·임대인이 해제할 때 돌려줄 금액(배액)", "seller or landlord cancelling pays back (double)"), input.downPayment * 2),
          won(t("매수인·임차인이 해제할 때 잃는 금액", "buyer or tenant cancelling forfeits"), input.downPayment)],
        formula, missing: [], lawReference: "민법 제565조", sources: [],
      });
    }
  }
}

export const housingCalculatorTool: ToolDefinition<CalculatorInput, CalculatorOutput, "housing_calculator"> = {
  name: "housing_calculator",
  description:
    "Computes deposit↔monthly-rent conversion at the legal rate (rate_settings), gross rental yield, the brokerage-fee " +
    "ceiling (brokerage_fee_rates) and the down-payment forfeit/double-return, showing inputs and formula; lists missing inputs.",
  inputSchema: calculatorInputSchema,
  outputSchema: calculatorOutputSchema,
  readOnly: true,
  timeoutMs: 3_000,
  fallbacks: [],
  run: (input, ctx) => calculate(input, ctx.db, ctx.language),
  quality: (o) => (o.computed ? 1 : 0.5),
};
