// rent_increase_check: a proposed deposit/rent against the 5% renewal cap and the legal
// deposit-to-rent conversion rate (lower of the cap and base rate + spread), all rates from rate_settings.
import { z } from "zod";
import type { Db } from "../../../db/client";
import { rateSettings } from "../schema/domain-rules";
import type { ToolDefinition } from "../../../tools/types";
import { ToolInputError } from "../../../tools/types";
import { quoteOf, todayIso } from "../laws/article";
import { provisionByCitation } from "../laws/search";

const krw = z.number().int().min(0).max(1e13);

export const rentIncreaseInputSchema = z.object({
  currentDeposit: krw.default(0),
  currentMonthlyRent: krw.default(0),
  proposedDeposit: krw.optional(),
  proposedMonthlyRent: krw.optional(),
  /** The proposed increase as a percentage, when the user gave no amounts ("10% 올려 달래요"). */
  proposedIncreasePercent: z.number().min(0).max(1000).optional(),
  /** The question is about an increase of MORE than proposedIncreasePercent ("5% 넘게 올려도 돼요?"). */
  proposedIncreaseAbove: z.boolean().default(false),
  /** True for a renewal or an increase claim during the lease (the 5% cap applies); false for a new contract. */
  renewal: z.boolean().default(true),
}).refine((i) => i.currentDeposit > 0 || i.currentMonthlyRent > 0 || i.proposedIncreasePercent !== undefined, {
  message: "the current deposit or monthly rent must be positive, or a proposed increase percentage given",
  path: ["currentDeposit"],
});
export type RentIncreaseInput = z.infer<typeof rentIncreaseInputSchema>;

const termsSchema = z.object({
  deposit: z.number(),
  monthlyRent: z.number(),
  /** Deposit + monthly rent × 12 ÷ conversion rate: one figure to compare mixed terms. */
  equivalentDeposit: z.number(),
});

const rateSchema = z.object({ key: z.string(), valuePercent: z.number(), effectiveFrom: z.string(), lawReference: z.string() });

export const rentIncreaseOutputSchema = z.object({
  rates: z.object({
    baseRatePercent: z.number(),
    conversionCapPercent: z.number(),
    conversionSpreadPercent: z.number(),
    /** min(cap, base rate + spread). */
    conversionRatePercent: z.number(),
    renewalCapPercent: z.number(),
    used: z.array(rateSchema),
  }),
  current: termsSchema,
  proposed: termsSchema.nullable(),
  renewal: z.boolean(),
  /** Increase of the equivalent deposit, percent (null without a proposal). */
  increasePercent: z.number().nullable(),
  /** The highest equivalent deposit the cap allows. */
  maxEquivalentDeposit: z.number(),
  /** The cap expressed as pure deposit (rent unchanged) and as pure rent (deposit unchanged). */
  maxDepositIfRentUnchanged: z.number(),
  maxMonthlyRentIfDepositUnchanged: z.number(),
  withinCap: z.boolean().nullable(),
  /** The percentage is a lower bound: the question asks about raising it by more than increasePercent. */
  increaseAbove: z.boolean(),
  /** "amounts": checked on the deposit and rent; "percent": only a percentage was given, so the KRW ceilings are 0 and unused. */
  basis: z.enum(["amounts", "percent"]),
  /** By how much the proposal's equivalent deposit exceeds the cap (0 when within). */
  excessEquivalentDeposit: z.number(),
  /** When part of the deposit is turned into rent: the most rent that conversion may add. */
  conversion: z.object({
    convertedDeposit: z.number(),
    maxAddedMonthlyRent: z.number(),
    proposedAddedMonthlyRent: z.number(),
    withinConversionRate: z.boolean(),
  }).nullable(),
  lawReferences: z.array(z.string()),
  /** The provision that states the renewal cap, verbatim as in force today (the rate's first law reference). */
  capRule: z.object({ citation: z.string(), lawName: z.string(), articleNumber: z.string(), paragraph: z.number().nullable(), quote: z.string() }).nullable(),
  notes: z.array(z.string()),
  sources: z.array(z.string()),
});
export type RentIncreaseOutput = z.infer<typeof rentIncreaseOutputSchema>;

const RATE_KEYS = ["base_rate", "conversion_cap", "conversion_spread", "renewal_increase_cap"] as const;

async function loadRates(db: Db) {
  const rows = await db.select().from(rateSettings);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  for (const key of RATE_KEYS) {
    if (!byKey.has(key)) throw new Error(`rate_settings lacks ${key}: run the seed`);
  }
  const get = (k: (typeof RATE_KEYS)[number]) => byKey.get(k)!;
  return { get, used: RATE_KEYS.map((k) => ({ key: k, valuePercent: get(k).valuePercent, effectiveFrom: get(k).effectiveFrom, lawReference: get(k).lawReference })) };
}

const roundWon = (v: number) => Math.round(v);
const round2 = (v: number) => Math.round(v * 100) / 100;

async function check(raw: RentIncreaseInput, db: Db, language: "ko" | "en"): Promise<RentIncreaseOutput> {
  const say = (ko: string, en: string) => (language === "ko" ? ko : en);
  const rates = await loadRates(db);
  const base = rates.get("base_rate").valuePercent;
  const cap = rates.get("conversion_cap").valuePercent;
  const spread = rates.get("conversion_spread").valuePercent;
  const renewalCap = rates.get("renewal_increase_cap").valuePercent;
  const conversionRate = round2(Math.min(cap, base + spread));
  if (conversionRate <= 0) throw new ToolInputError("rent_increase_check", "conversion rate is not positive");
  const annual = conversionRate / 100;
  const equivalent = (deposit: number, rent: number) => roundWon(deposit + (rent * 12) / annual);

  // What every answer carries, whatever it was given: the rates used, the articles behind them, and the text of
  // the one that states the cap (a lead quoting 제7조 must quote its ② "20분의 1", not the ① legal_search ranked).
  const capProvision = await provisionByCitation(db, rates.get("renewal_increase_cap").lawReference.split(",")[0], todayIso());
  const capRule = capProvision && {
    citation: capProvision.key, lawName: capProvision.lawName, articleNumber: capProvision.articleNumber, paragraph: capProvision.paragraph,
    quote: quoteOf(capProvision.text, 300),
  };
  const common = {
    rates: { baseRatePercent: base, conversionCapPercent: cap, conversionSpreadPercent: spread, conversionRatePercent: conversionRate, renewalCapPercent: renewalCap, used: rates.used },
    renewal: raw.renewal,
    lawReferences: [...new Set(rates.used.filter((r) => r.key !== "base_rate").map((r) => r.lawReference))],
    capRule,
    sources: capRule ? ["rate_settings", "statute_provisions"] : ["rate_settings"],
  };
  if (raw.currentDeposit === 0 && raw.currentMonthlyRent === 0 && raw.proposedIncreasePercent !== undefined) {
    // Only a percentage: the verdict against the renewal cap, with no KRW figures to compute.
    const zero = { deposit: 0, monthlyRent: 0, equivalentDeposit: 0 };
    return {
      ...common, basis: "percent", current: zero, proposed: null, increasePercent: round2(raw.proposedIncreasePercent),
      increaseAbove: raw.proposedIncreaseAbove,
      // "More than 5%" is over a 5% cap; "more than 3%" may or may not be, so it is not decided.
      withinCap: !raw.renewal ? null
        : raw.proposedIncreaseAbove ? (raw.proposedIncreasePercent >= renewalCap ? false : null)
          : raw.proposedIncreasePercent <= renewalCap,
      maxEquivalentDeposit: 0, maxDepositIfRentUnchanged: 0, maxMonthlyRentIfDepositUnchanged: 0, excessEquivalentDeposit: 0, conversion: null,
      notes: [say("현재 보증금·월세 금액을 알려 주시면 올릴 수 있는 최대 금액도 계산해 드립니다", "give the current deposit and rent to get the highest amounts allowed")],
    };
  }
  const current = { deposit: raw.currentDeposit, monthlyRent: raw.currentMonthlyRent, equivalentDeposit: equivalent(raw.currentDeposit, raw.currentMonthlyRent) };
  const hasProposal = raw.proposedDeposit !== undefined || raw.proposedMonthlyRent !== undefined;
  const proposedDeposit = raw.proposedDeposit ?? raw.currentDeposit;
  const proposedRent = raw.proposedMonthlyRent ?? raw.currentMonthlyRent;
  const proposed = hasProposal ? { deposit: proposedDeposit, monthlyRent: proposedRent, equivalentDeposit: equivalent(proposedDeposit, proposedRent) } : null;

  const maxEquivalent = roundWon(current.equivalentDeposit * (1 + renewalCap / 100));
  const headroom = maxEquivalent - current.equivalentDeposit;
  const increasePercent = proposed ? round2(((proposed.equivalentDeposit - current.equivalentDeposit) / current.equivalentDeposit) * 100) : null;
  const withinCap = proposed ? (raw.renewal ? proposed.equivalentDeposit <= maxEquivalent : null) : null;

  let conversion: RentIncreaseOutput["conversion"] = null;
  if (proposed && proposed.deposit < current.deposit && proposed.monthlyRent > current.monthlyRent) {
    const convertedDeposit = current.deposit - proposed.deposit;
    const maxAdded = roundWon((convertedDeposit * annual) / 12);
    const added = proposed.monthlyRent - current.monthlyRent;
    conversion = { convertedDeposit, maxAddedMonthlyRent: maxAdded, proposedAddedMonthlyRent: added, withinConversionRate: added <= maxAdded };
  }

  const notes: string[] = [];
  if (!hasProposal) notes.push(say("제안된 보증금·월세가 없어 법정 상한만 계산했습니다", "no proposed deposit or rent: only the legal ceiling is reported"));
  if (!raw.renewal) notes.push(say(`신규 계약에는 ${renewalCap}% 상한이 적용되지 않지만, 보증금을 월세로 전환할 때의 전환율 상한은 적용됩니다`, `a new contract is not bound by the ${renewalCap}% cap; the conversion-rate ceiling still applies to converting deposit into rent`));
  return {
    ...common, current, proposed, increasePercent, increaseAbove: false,
    maxEquivalentDeposit: maxEquivalent,
    maxDepositIfRentUnchanged: current.deposit + headroom,
    maxMonthlyRentIfDepositUnchanged: current.monthlyRent + roundWon((headroom * annual) / 12),
    withinCap,
    basis: "amounts",
    excessEquivalentDeposit: proposed ? Math.max(0, proposed.equivalentDeposit - maxEquivalent) : 0,
    conversion,
    notes,
  };
}

export const rentIncreaseCheckTool: ToolDefinition<RentIncreaseInput, RentIncreaseOutput, "rent_increase_check"> = {
  name: "rent_increase_check",
  description:
    "Checks a proposed deposit/monthly-rent change against the 5% renewal cap and the legal deposit-to-rent " +
    "conversion rate (전월세전환율: lower of 10% and base rate + 2%p), with the ceilings in KRW.",
  inputSchema: rentIncreaseInputSchema,
  outputSchema: rentIncreaseOutputSchema,
  readOnly: true,
  timeoutMs: 3_000,
  fallbacks: [],
  run: (input, ctx) => check(input, ctx.db, ctx.language),
};
