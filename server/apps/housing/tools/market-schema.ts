// The one input and output schema shared by market_data (exact aggregates over transactions) and
// its fallback market_summary (from the precomputed monthly summary): market_analysis reads either.
import { z } from "zod";
import {
  propertyTypeSchema, transactionTypeSchema, regionInputSchema, regionOutputSchema,
} from "./common";

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected YYYY-MM");

export const marketInputSchema = z.object({
  /** Seoul district: "마포구", "마포", "Mapo-gu". Omitted: all of Seoul. */
  region: regionInputSchema.optional(),
  propertyType: propertyTypeSchema.optional(),
  /** Omitted: one stats row per transaction type. */
  transactionType: transactionTypeSchema.optional(),
  areaM2Min: z.number().positive().max(2000).optional(),
  areaM2Max: z.number().positive().max(2000).optional(),
  /** A named complex ("헬리오시티"): its deals only when the data knows it, else the wider area, flagged. */
  complex: z.string().trim().min(2).max(40).optional(),
  /** Length of the period in months, ending at endMonth (default: the latest month with data). */
  months: z.number().int().min(1).max(60).default(12),
  endMonth: monthSchema.optional(),
  /** Other districts to set beside `region` ("마포구랑 성동구 전세 비교"): the same filters, stats only. */
  compareRegions: z.array(regionInputSchema).max(4).optional(),
}).refine((i) => i.areaM2Min === undefined || i.areaM2Max === undefined || i.areaM2Min <= i.areaM2Max, {
  message: "areaM2Min must not exceed areaM2Max",
  path: ["areaM2Min"],
});
export type MarketInput = z.infer<typeof marketInputSchema>;

/** KRW figures over the period. */
const amountStatsSchema = z.object({
  avg: z.number(),
  min: z.number(),
  max: z.number(),
  median: z.number(),
});

export const marketStatsRowSchema = z.object({
  transactionType: transactionTypeSchema,
  count: z.number().int(),
  /** Sale price for sale, deposit (보증금/전세금) for jeonse and monthly; KRW. */
  amount: amountStatsSchema,
  /** Monthly rent in KRW; monthly transactions only, else null. */
  monthlyRent: amountStatsSchema.nullable(),
  avgAreaM2: z.number(),
  /** Average of amount per m² (KRW). */
  avgAmountPerM2: z.number(),
});

export const marketTrendRowSchema = z.object({
  month: monthSchema,
  transactionType: transactionTypeSchema,
  count: z.number().int(),
  avgAmount: z.number(),
  medianAmount: z.number(),
  avgMonthlyRent: z.number().nullable(),
});

/**
 * How one deal type moved over the period: the count-weighted mean of the monthly medians in the first
 * three months against the last three, and the deal counts of those windows (volume).
 */
export const marketMovementSchema = z.object({
  transactionType: transactionTypeSchema,
  fromMonths: z.object({ from: monthSchema, to: monthSchema }),
  toMonths: z.object({ from: monthSchema, to: monthSchema }),
  fromMedian: z.number(),
  toMedian: z.number(),
  /** (toMedian − fromMedian) ÷ fromMedian × 100, two decimals. */
  changePercent: z.number(),
  fromCount: z.number().int(),
  toCount: z.number().int(),
  /** (toCount − fromCount) ÷ fromCount × 100, two decimals. */
  volumeChangePercent: z.number(),
  /** Monthly rent, for monthly deals: the same windows' count-weighted mean of average rents. */
  fromMonthlyRent: z.number().nullable(),
  toMonthlyRent: z.number().nullable(),
});
export type MarketMovement = z.infer<typeof marketMovementSchema>;

export const marketOutputSchema = z.object({
  region: regionOutputSchema.nullable(),
  propertyType: propertyTypeSchema.nullable(),
  transactionType: transactionTypeSchema.nullable(),
  areaM2Min: z.number().nullable(),
  areaM2Max: z.number().nullable(),
  /** null when there is no transaction data at all. */
  period: z.object({ from: monthSchema, to: monthSchema, months: z.number().int() }).nullable(),
  totalCount: z.number().int(),
  stats: z.array(marketStatsRowSchema),
  /** Oldest month first. */
  trend: z.array(marketTrendRowSchema),
  /** The complex asked about and whether the data knew it (matched: figures are the complex's own). */
  complex: z.object({ name: z.string(), matched: z.boolean() }).nullable().default(null),
  /** Per deal type, first three months against the last three (needs six months of data). */
  movement: z.array(marketMovementSchema).default([]),
  /** The compareRegions asked for, each with its own stats under the same filters and period. */
  comparison: z.array(z.object({ region: regionOutputSchema, totalCount: z.number().int(), stats: z.array(marketStatsRowSchema) })).default([]),
  /** True for market_summary: medians come from monthly medians, per-m² from averages. */
  approximate: z.boolean(),
  /** True when any row used is generated sample data. */
  sample: z.boolean(),
  /** Input filters this mode could not apply (market_summary has no area breakdown). */
  ignoredFilters: z.array(z.string()),
  sources: z.array(z.string()),
});
export type MarketOutput = z.infer<typeof marketOutputSchema>;
export type MarketStatsRow = z.infer<typeof marketStatsRowSchema>;
export type MarketTrendRow = z.infer<typeof marketTrendRowSchema>;

const round2 = (v: number) => Math.round(v * 100) / 100;

/** The movement of each deal type over the trend rows (oldest first); types with under six months are left out. */
export function movementOf(trend: z.infer<typeof marketTrendRowSchema>[]): MarketMovement[] {
  const out: MarketMovement[] = [];
  for (const type of ["sale", "jeonse", "monthly"] as const) {
    const rows = trend.filter((r) => r.transactionType === type);
    if (rows.length < 6) continue;
    const first = rows.slice(0, 3), last = rows.slice(-3);
    const count = (rs: typeof rows) => rs.reduce((s, r) => s + r.count, 0);
    const mean = (rs: typeof rows, f: (r: (typeof rows)[number]) => number) => Math.round(rs.reduce((s, r) => s + f(r) * r.count, 0) / Math.max(1, count(rs)));
    const fromMedian = mean(first, (r) => r.medianAmount), toMedian = mean(last, (r) => r.medianAmount);
    const fromCount = count(first), toCount = count(last);
    if (fromMedian <= 0 || fromCount <= 0) continue;
    out.push({
      transactionType: type,
      fromMonths: { from: first[0].month, to: first[2].month }, toMonths: { from: last[0].month, to: last[2].month },
      fromMedian, toMedian, changePercent: round2(((toMedian - fromMedian) / fromMedian) * 100),
      fromCount, toCount, volumeChangePercent: round2(((toCount - fromCount) / fromCount) * 100),
      fromMonthlyRent: type === "monthly" ? mean(first, (r) => r.avgMonthlyRent ?? 0) : null,
      toMonthlyRent: type === "monthly" ? mean(last, (r) => r.avgMonthlyRent ?? 0) : null,
    });
  }
  return out;
}

/** 0 when nothing matched; rises with the number of transactions behind the figures. */
export function marketQuality(output: MarketOutput): number {
  if (output.totalCount === 0) return 0;
  return Math.min(1, 0.4 + output.totalCount / 100);
}

/** Drop the area range first, then widen the period to 24 months, then drop the property type. */
export function broadenMarketInput(input: MarketInput): MarketInput | null {
  if (input.areaM2Min !== undefined || input.areaM2Max !== undefined) {
    const { areaM2Min: _min, areaM2Max: _max, ...rest } = input;
    return rest;
  }
  if (input.months < 24 || input.endMonth !== undefined) {
    const { endMonth: _end, ...rest } = input;
    return { ...rest, months: Math.max(24, input.months) };
  }
  if (input.propertyType !== undefined) {
    const { propertyType: _type, ...rest } = input;
    return rest;
  }
  return null;
}

/** "2026-10" minus (months - 1) → the first month of the period. */
export function periodStart(endMonth: string, months: number): string {
  const [y, m] = endMonth.split("-").map(Number);
  const index = y * 12 + (m - 1) - (months - 1);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The day after the end month, as an exclusive bound. */
export function monthAfter(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

export function marketSources(kind: "transactions" | "summary", sample: boolean, from: string, to: string): string[] {
  const what = kind === "summary" ? "transaction summary (monthly, precomputed)" : "transactions";
  return [`${sample ? "sample " : ""}${what}, ${from}..${to}`];
}
