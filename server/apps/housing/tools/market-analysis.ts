// market_analysis: how a given price/deposit/rent sits against market_data's statistics, the
// jeonse-to-sale ratio (전세가율) and its deposit-risk band from the jeonse_risk_levels table.
import { z } from "zod";
import { asc } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { jeonseRiskLevels } from "../schema/domain-rules";
import type { ToolDefinition } from "../../../tools/types";
import { transactionTypeSchema } from "./common";
import { marketOutputSchema, type MarketOutput, type MarketStatsRow } from "./market-schema";

const krw = z.number().int().positive().max(1e13);

export const marketAnalysisInputSchema = z.object({
  /** market_data's (or market_summary's) output; filled by the executor. */
  market: marketOutputSchema.optional(),
  transactionType: transactionTypeSchema.optional(),
  /** The sale price the user gave (KRW). */
  price: krw.optional(),
  /** The deposit (보증금/전세금) the user gave (KRW). */
  deposit: krw.optional(),
  monthlyRent: krw.optional(),
});
export type MarketAnalysisInput = z.infer<typeof marketAnalysisInputSchema>;

const positionSchema = z.enum(["below_range", "lower_half", "upper_half", "above_range"]);

const fairnessSchema = z.object({
  /** Which figure was compared: the sale price, the deposit or the monthly rent. */
  subject: z.enum(["price", "deposit", "monthlyRent"]),
  transactionType: transactionTypeSchema,
  amount: z.number(),
  median: z.number(),
  avg: z.number(),
  min: z.number(),
  max: z.number(),
  count: z.number().int(),
  deviationFromMedianPercent: z.number(),
  deviationFromAvgPercent: z.number(),
  /** 0..100 by linear interpolation min→median→max: an estimate, the raw distribution is not in the input. */
  percentileEstimate: z.number(),
  position: positionSchema,
});

const riskBandSchema = z.object({
  level: z.string(),
  labelKo: z.string(),
  labelEn: z.string(),
  adviceKo: z.string(),
  adviceEn: z.string(),
  minRatio: z.number(),
  maxRatio: z.number().nullable(),
});

const jeonseRatioSchema = z.object({
  ratioPercent: z.number(),
  deposit: z.number(),
  salePrice: z.number(),
  /** user: deposit and price both from the user; user_deposit_market_sale: the market's sale median; market: both medians. */
  basis: z.enum(["user", "user_deposit_market_sale", "market"]),
  risk: riskBandSchema,
});

export const marketAnalysisOutputSchema = z.object({
  region: z.object({ nameKo: z.string(), nameEn: z.string() }).nullable(),
  period: z.object({ from: z.string(), to: z.string(), months: z.number().int() }).nullable(),
  fairness: z.array(fairnessSchema),
  /** The ratio for the user's own deposit (null without a deposit). */
  jeonseRatio: jeonseRatioSchema.nullable(),
  /** The district's ratio from the market medians (null without both jeonse and sale statistics). */
  marketJeonseRatio: jeonseRatioSchema.nullable(),
  riskBands: z.array(riskBandSchema),
  sample: z.boolean(),
  approximate: z.boolean(),
  /** What could not be worked out, and why (one line each). */
  missing: z.array(z.string()),
  sources: z.array(z.string()),
});
export type MarketAnalysisOutput = z.infer<typeof marketAnalysisOutputSchema>;
type RiskBand = z.infer<typeof riskBandSchema>;
type Fairness = z.infer<typeof fairnessSchema>;

const round1 = (v: number) => Math.round(v * 10) / 10;

type Say = (ko: string, en: string) => string;
const SUBJECT_KO = { price: "매매가", deposit: "보증금", monthlyRent: "월세" } as const;
const TYPE_KO = { sale: "매매", jeonse: "전세", monthly: "월세" } as const;

export async function loadRiskBands(db: Db): Promise<RiskBand[]> {
  const rows = await db.select().from(jeonseRiskLevels).orderBy(asc(jeonseRiskLevels.sortOrder));
  return rows.map((r) => ({
    level: r.level, labelKo: r.labelKo, labelEn: r.labelEn, adviceKo: r.adviceKo, adviceEn: r.adviceEn,
    minRatio: r.minRatio, maxRatio: r.maxRatio,
  }));
}

export function riskBandFor(ratioPercent: number, bands: RiskBand[]): RiskBand {
  const band = bands.find((b) => ratioPercent >= b.minRatio && (b.maxRatio === null || ratioPercent < b.maxRatio));
  if (!band) throw new Error(`jeonse_risk_levels has no band for ${ratioPercent}%`);
  return band;
}

/** Piecewise-linear position: min → 0, median → 50, max → 100 (clamped). */
function percentileEstimate(amount: number, min: number, median: number, max: number): number {
  if (amount <= min) return 0;
  if (amount >= max) return 100;
  if (amount <= median) return median === min ? 50 : round1((50 * (amount - min)) / (median - min));
  return max === median ? 50 : round1(50 + (50 * (amount - median)) / (max - median));
}

function compare(subject: Fairness["subject"], row: MarketStatsRow, amount: number, stats: MarketStatsRow["amount"]): Fairness {
  const position = amount < stats.min ? "below_range" : amount > stats.max ? "above_range" : amount <= stats.median ? "lower_half" : "upper_half";
  return {
    subject, transactionType: row.transactionType, amount, median: stats.median, avg: stats.avg, min: stats.min, max: stats.max,
    count: row.count,
    deviationFromMedianPercent: round1(((amount - stats.median) / stats.median) * 100),
    deviationFromAvgPercent: round1(((amount - stats.avg) / stats.avg) * 100),
    percentileEstimate: percentileEstimate(amount, stats.min, stats.median, stats.max),
    position,
  };
}

function inferTransactionType(input: MarketAnalysisInput): "sale" | "jeonse" | "monthly" | null {
  if (input.transactionType) return input.transactionType;
  if (input.monthlyRent !== undefined) return "monthly";
  if (input.deposit !== undefined) return "jeonse";
  if (input.price !== undefined) return "sale";
  return null;
}

function fairnessChecks(input: MarketAnalysisInput, market: MarketOutput, missing: string[], say: Say): Fairness[] {
  const rowOf = (t: string) => market.stats.find((s) => s.transactionType === t && s.count > 0);
  const out: Fairness[] = [];
  const wanted: { subject: Fairness["subject"]; type: "sale" | "jeonse" | "monthly"; amount: number | undefined }[] = [];
  const type = inferTransactionType(input);
  if (input.price !== undefined) wanted.push({ subject: "price", type: "sale", amount: input.price });
  if (input.deposit !== undefined && type !== "sale") wanted.push({ subject: "deposit", type: type === "monthly" ? "monthly" : "jeonse", amount: input.deposit });
  if (input.monthlyRent !== undefined) wanted.push({ subject: "monthlyRent", type: "monthly", amount: input.monthlyRent });
  for (const w of wanted) {
    const row = rowOf(w.type);
    if (!row || w.amount === undefined) {
      missing.push(say(`시세 자료에 ${TYPE_KO[w.type]} 통계가 없어 ${SUBJECT_KO[w.subject]}을(를) 비교하지 못했습니다`, `no ${w.type} statistics in the market data to compare the ${w.subject} with`));
      continue;
    }
    const stats = w.subject === "monthlyRent" ? row.monthlyRent : row.amount;
    if (!stats || stats.median <= 0 || stats.avg <= 0) {
      missing.push(say(`${TYPE_KO[w.type]} 통계에 쓸 수 있는 ${SUBJECT_KO[w.subject]} 수치가 없습니다`, `the ${w.type} statistics have no usable ${w.subject} figures`));
      continue;
    }
    out.push(compare(w.subject, row, w.amount, stats));
  }
  return out;
}

async function analyse(input: MarketAnalysisInput, db: Db, language: "ko" | "en"): Promise<MarketAnalysisOutput> {
  const say: Say = (ko, en) => (language === "ko" ? ko : en);
  const bands = await loadRiskBands(db);
  const missing: string[] = [];
  const market = input.market && input.market.totalCount > 0 ? input.market : undefined;
  if (!input.market) missing.push(say("시세 자료를 받지 못해 실거래와 비교하지 못했습니다", "market data was not available: no comparison with transactions"));
  else if (!market) missing.push(say("조건에 맞는 거래가 시세 자료에 없습니다", "the market data had no matching transactions"));
  if (input.price === undefined && input.deposit === undefined && input.monthlyRent === undefined) {
    missing.push(say("가격·보증금·월세가 주어지지 않아 지역 수치만 분석했습니다", "no price, deposit or rent was given: only the district's figures are analysed"));
  }

  const fairness = market ? fairnessChecks(input, market, missing, say) : [];
  const saleMedian = market?.stats.find((s) => s.transactionType === "sale" && s.count > 0)?.amount.median;
  const jeonseMedian = market?.stats.find((s) => s.transactionType === "jeonse" && s.count > 0)?.amount.median;

  const ratio = (deposit: number, salePrice: number, basis: "user" | "user_deposit_market_sale" | "market") => {
    const ratioPercent = round1((deposit / salePrice) * 100);
    return { ratioPercent, deposit, salePrice, basis, risk: riskBandFor(ratioPercent, bands) };
  };
  let jeonseRatio: MarketAnalysisOutput["jeonseRatio"] = null;
  const isLeaseDeposit = input.deposit !== undefined && inferTransactionType(input) !== "sale";
  if (isLeaseDeposit && input.price !== undefined) jeonseRatio = ratio(input.deposit!, input.price, "user");
  else if (isLeaseDeposit && saleMedian) jeonseRatio = ratio(input.deposit!, saleMedian, "user_deposit_market_sale");
  else if (isLeaseDeposit) missing.push(say("매매가(입력 또는 시세)가 없어 전세가율을 계산하지 못했습니다", "no sale price (given or from the market) to work out the jeonse ratio"));

  const marketJeonseRatio = saleMedian && jeonseMedian ? ratio(jeonseMedian, saleMedian, "market") : null;
  if (market && !marketJeonseRatio) missing.push(say("시세 자료에 매매 또는 전세 통계가 없어 지역 전세가율을 계산하지 못했습니다", "the market data lacks sale or jeonse statistics for a district jeonse ratio"));

  return {
    region: market?.region ? { nameKo: market.region.nameKo, nameEn: market.region.nameEn } : input.market?.region
      ? { nameKo: input.market.region.nameKo, nameEn: input.market.region.nameEn } : null,
    period: input.market?.period ?? null,
    fairness, jeonseRatio, marketJeonseRatio, riskBands: bands,
    sample: input.market?.sample ?? false,
    approximate: input.market?.approximate ?? false,
    missing,
    sources: [...(input.market?.sources ?? []), "jeonse_risk_levels"],
  };
}

export const marketAnalysisTool: ToolDefinition<MarketAnalysisInput, MarketAnalysisOutput, "market_analysis"> = {
  name: "market_analysis",
  description:
    "Price fairness of a given sale price, deposit or rent against market_data's statistics (deviation from " +
    "median/average, estimated percentile), and the jeonse-to-sale ratio (전세가율) with its deposit-risk band.",
  inputSchema: marketAnalysisInputSchema,
  outputSchema: marketAnalysisOutputSchema,
  readOnly: true,
  timeoutMs: 5_000,
  fallbacks: [],
  run: (input, ctx) => analyse(input, ctx.db, ctx.language),
  quality: (o) => (o.fairness.length > 0 || o.jeonseRatio || o.marketJeonseRatio ? 1 : 0),
};
