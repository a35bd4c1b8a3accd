// market_data: exact price aggregates (avg/min/max/median, monthly trend) over transactions joined
// to properties and regions, read from market_digest while it is fresh (market-digest.ts); market_summary:
// the same output, approximate, from market_digest's monthly rows as they are (the period's median from the months').
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import type { ToolDefinition } from "../../../tools/types";
import { resolveRegion, monthStart, type RegionRef } from "./common";
import { digestAnswers, digestRowsWhere, readDigest } from "./market-digest";
import {
  marketInputSchema, marketOutputSchema, marketQuality, broadenMarketInput, periodStart, monthAfter,
  marketSources, movementOf, type MarketInput, type MarketOutput, type MarketStatsRow, type MarketTrendRow,
} from "./market-schema";

interface Period { from: string; to: string; months: number }

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const round = (v: unknown): number => Math.round(num(v));

/** The period ends at endMonth, else at `last`, the latest month that has any transaction. */
function periodOf(input: MarketInput, last: string | null | undefined): Period | null {
  const end = input.endMonth ?? last ?? undefined;
  return end ? { from: periodStart(end, input.months), to: end, months: input.months } : null;
}

/** The latest month of transactions, and whether market_digest reflects them as they are: one round trip. */
async function transactionsState(db: Db): Promise<{ last: string | null; digestFresh: boolean }> {
  const [row] = await db.execute<{ last: string | null; fresh: boolean | null }>(sql`
    SELECT to_char(max(contract_date), 'YYYY-MM') AS last, (SELECT fresh FROM market_digest_state WHERE id = 1) AS fresh
    FROM transactions`);
  return { last: row?.last ?? null, digestFresh: row?.fresh === true };
}

function emptyOutput(input: MarketInput, region: RegionRef | null, period: Period | null, approximate: boolean, ignoredFilters: string[]): MarketOutput {
  return {
    region, propertyType: input.propertyType ?? null, transactionType: input.transactionType ?? null,
    areaM2Min: input.areaM2Min ?? null, areaM2Max: input.areaM2Max ?? null,
    complex: input.complex ? { name: input.complex, matched: false } : null,
    period, totalCount: 0, stats: [], trend: [], movement: [], comparison: [], approximate, sample: false, ignoredFilters, sources: [],
  };
}

/** Whether any property of the area is named like the complex (names are matched without spaces). */
async function knowsComplex(db: Db, name: string, region: RegionRef | null): Promise<boolean> {
  const rows = await db.execute(sql`SELECT 1 FROM properties p WHERE replace(p.name, ' ', '') ILIKE ${`%${name.replace(/\s+/g, "")}%`}
    ${region ? sql`AND p.region_id = ${region.id}` : sql``} LIMIT 1`);
  return rows.length > 0;
}

function transactionFilters(input: MarketInput, region: RegionRef | null, period: Period, complexMatched = false): SQL {
  const conds: SQL[] = [
    sql`t.contract_date >= ${monthStart(period.from)}::date`,
    sql`t.contract_date < ${monthAfter(period.to)}::date`,
  ];
  if (region) conds.push(sql`p.region_id = ${region.id}`);
  if (input.propertyType) conds.push(sql`p.property_type = ${input.propertyType}`);
  if (input.transactionType) conds.push(sql`t.transaction_type = ${input.transactionType}`);
  if (input.areaM2Min !== undefined) conds.push(sql`p.area_m2 >= ${input.areaM2Min}`);
  if (input.areaM2Max !== undefined) conds.push(sql`p.area_m2 <= ${input.areaM2Max}`);
  if (complexMatched && input.complex) conds.push(sql`replace(p.name, ' ', '') ILIKE ${`%${input.complex.replace(/\s+/g, "")}%`}`);
  return sql.join(conds, sql` AND `);
}

// Area is averaged as numeric: areas are decimals, so their average often ends in 5 at the digit shown (49.65),
// and a float sum rounds it either way with the order of addition; as numeric, market_digest's monthly sums add
// up to exactly this. Price per m² stays float: its quotients are not decimals, so order only moves far digits.
async function statsRowsOf(db: Db, from: SQL): Promise<Record<string, unknown>[]> {
  return db.execute<Record<string, unknown>>(sql`
    SELECT t.transaction_type, count(*)::int AS count,
      avg(t.amount) AS avg, min(t.amount) AS min, max(t.amount) AS max,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY t.amount) AS median,
      avg(t.monthly_rent) AS rent_avg, min(t.monthly_rent) AS rent_min, max(t.monthly_rent) AS rent_max,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY t.monthly_rent) AS rent_median,
      avg(p.area_m2::numeric) AS area, avg(t.amount / p.area_m2) AS per_m2, bool_or(t.is_sample) AS sample
    ${from} GROUP BY t.transaction_type ORDER BY t.transaction_type`);
}

function toStatsRow(r: Record<string, unknown>): MarketStatsRow {
  return {
    transactionType: r.transaction_type as MarketStatsRow["transactionType"],
    count: num(r.count),
    amount: { avg: round(r.avg), min: round(r.min), max: round(r.max), median: round(r.median) },
    monthlyRent: r.transaction_type === "monthly"
      ? { avg: round(r.rent_avg), min: round(r.rent_min), max: round(r.rent_max), median: round(r.rent_median) }
      : null,
    avgAreaM2: Math.round(num(r.area) * 10) / 10,
    avgAmountPerM2: round(r.per_m2),
  };
}

/** The other districts asked about, same filters and period (no complex: a complex belongs to one district). */
async function compareDistricts(db: Db, input: MarketInput, region: RegionRef | null, period: Period, digest: boolean): Promise<MarketOutput["comparison"]> {
  // A district the table does not know is left out of the comparison, not a failed call.
  const found = await Promise.all((input.compareRegions ?? []).map((name) => resolveRegion(db, "market_data", name).catch(() => null)));
  const others = found.filter((r, i): r is RegionRef => !!r && r.id !== region?.id && found.findIndex((x) => x?.id === r.id) === i);
  return Promise.all(others.map(async (other) => {
    const rows = digest
      ? (await readDigest(db, input, other, period)).stats
      : await statsRowsOf(db, sql`FROM transactions t JOIN properties p ON p.id = t.property_id WHERE ${transactionFilters({ ...input, complex: undefined }, other, period)}`);
    const stats = rows.map(toStatsRow);
    return { region: other, totalCount: stats.reduce((n, r) => n + r.count, 0), stats };
  }));
}

/** The stats and trend rows from every matching transaction (what market_digest holds, computed on the spot). */
async function scanTransactions(db: Db, from: SQL): Promise<{ stats: Record<string, unknown>[]; trend: Record<string, unknown>[] }> {
  const stats = await statsRowsOf(db, from);
  if (stats.length === 0) return { stats, trend: [] };
  // Grouped by the month's date and formatted after: sorting thousands of rows by a date, not by its text
  // (EXPLAIN ANALYZE, villas with no district, warm: 10.2 → 9.0 ms).
  const trend = await db.execute<Record<string, unknown>>(sql`
    SELECT to_char(date_trunc('month', t.contract_date), 'YYYY-MM') AS month, t.transaction_type,
      count(*)::int AS count, avg(t.amount) AS avg,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY t.amount) AS median, avg(t.monthly_rent) AS rent_avg
    ${from} GROUP BY date_trunc('month', t.contract_date), t.transaction_type
    ORDER BY date_trunc('month', t.contract_date), t.transaction_type`);
  return { stats, trend };
}

async function runMarketData(input: MarketInput, db: Db): Promise<MarketOutput> {
  const region = input.region ? await resolveRegion(db, "market_data", input.region) : null;
  const state = await transactionsState(db);
  const period = periodOf(input, state.last);
  if (!period) return emptyOutput(input, region, null, false, []);
  const complexMatched = input.complex ? await knowsComplex(db, input.complex, region) : false;
  const complex = input.complex ? { name: input.complex, matched: complexMatched } : null;
  const digest = state.digestFresh && digestAnswers(input);
  const { stats: statsRows, trend: trendRows } = digest
    ? await readDigest(db, input, region, period)
    : await scanTransactions(db, sql`FROM transactions t JOIN properties p ON p.id = t.property_id WHERE ${transactionFilters(input, region, period, complexMatched)}`);
  if (statsRows.length === 0) return emptyOutput(input, region, period, false, []);

  const stats = statsRows.map(toStatsRow);
  const trend: MarketTrendRow[] = trendRows.map((r) => ({
    month: String(r.month),
    transactionType: r.transaction_type as MarketTrendRow["transactionType"],
    count: num(r.count),
    avgAmount: round(r.avg),
    medianAmount: round(r.median),
    avgMonthlyRent: r.transaction_type === "monthly" ? round(r.rent_avg) : null,
  }));
  const sample = statsRows.some((r) => r.sample === true);
  const comparison = await compareDistricts(db, input, region, period, state.digestFresh && digestAnswers({ ...input, complex: undefined }));
  return {
    ...emptyOutput(input, region, period, false, []), complex,
    totalCount: stats.reduce((s, r) => s + r.count, 0),
    stats, trend, movement: movementOf(trend), comparison, sample,
    sources: marketSources("transactions", sample, period.from, period.to),
  };
}

/** Median of values each standing for `weight` transactions (the monthly medians, weighted by count). */
function weightedMedian(values: { value: number; weight: number }[]): number {
  const sorted = [...values].sort((a, b) => a.value - b.value);
  const total = sorted.reduce((s, v) => s + v.weight, 0);
  let seen = 0;
  for (const v of sorted) {
    seen += v.weight;
    if (seen * 2 >= total) return v.value;
  }
  return 0;
}

async function runMarketSummary(input: MarketInput, db: Db): Promise<MarketOutput> {
  const region = input.region ? await resolveRegion(db, "market_summary", input.region) : null;
  const ignoredFilters = [
    ...(input.areaM2Min !== undefined ? ["areaM2Min"] : []),
    ...(input.areaM2Max !== undefined ? ["areaM2Max"] : []),
    ...(input.complex !== undefined ? ["complex"] : []),
  ];
  const last = input.endMonth ? null
    : (await db.execute<{ last: string | null }>(sql`SELECT to_char(max(month), 'YYYY-MM') AS last FROM market_digest`))[0]?.last;
  const period = periodOf(input, last);
  if (!period) return emptyOutput(input, region, null, true, ignoredFilters);
  // market_digest's monthly rows as they were at its last refresh, whether or not it is fresh; only the months'
  // medians are combined approximately.
  const rows = await db.execute<Record<string, unknown>>(sql`
    SELECT to_char(d.month, 'YYYY-MM') AS month, d.transaction_type, d.count, d.sum_amount / d.count AS avg_amount,
      d.min_amount, d.max_amount, d.median_amount, d.sum_rent / d.count AS avg_monthly_rent, d.min_rent AS min_monthly_rent,
      d.max_rent AS max_monthly_rent, d.median_rent AS median_monthly_rent, d.sum_area_m2 / d.count AS avg_area_m2,
      d.sample_count
    FROM market_digest d WHERE ${digestRowsWhere(input, region, period)}`);
  if (rows.length === 0) return emptyOutput(input, region, period, true, ignoredFilters);

  const byType = new Map<string, Record<string, unknown>[]>();
  const byTypeMonth = new Map<string, Record<string, unknown>[]>();
  for (const r of rows) {
    const t = String(r.transaction_type);
    byType.set(t, [...(byType.get(t) ?? []), r]);
    const key = `${r.month}|${t}`;
    byTypeMonth.set(key, [...(byTypeMonth.get(key) ?? []), r]);
  }
  const weightedAvg = (rs: Record<string, unknown>[], field: string) => {
    const n = rs.reduce((s, r) => s + num(r.count), 0);
    return n === 0 ? 0 : rs.reduce((s, r) => s + num(r[field]) * num(r.count), 0) / n;
  };
  const median = (rs: Record<string, unknown>[], field: string) =>
    weightedMedian(rs.map((r) => ({ value: num(r[field]), weight: num(r.count) })));

  const stats: MarketStatsRow[] = [...byType.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([t, rs]) => {
    const avgAmount = weightedAvg(rs, "avg_amount");
    const avgArea = weightedAvg(rs, "avg_area_m2");
    return {
      transactionType: t as MarketStatsRow["transactionType"],
      count: rs.reduce((s, r) => s + num(r.count), 0),
      amount: {
        avg: Math.round(avgAmount), min: Math.min(...rs.map((r) => num(r.min_amount))),
        max: Math.max(...rs.map((r) => num(r.max_amount))), median: Math.round(median(rs, "median_amount")),
      },
      monthlyRent: t === "monthly" ? {
        avg: Math.round(weightedAvg(rs, "avg_monthly_rent")), min: Math.min(...rs.map((r) => num(r.min_monthly_rent))),
        max: Math.max(...rs.map((r) => num(r.max_monthly_rent))), median: Math.round(median(rs, "median_monthly_rent")),
      } : null,
      avgAreaM2: Math.round(avgArea * 10) / 10,
      avgAmountPerM2: avgArea === 0 ? 0 : Math.round(avgAmount / avgArea),
    };
  });
  const trend: MarketTrendRow[] = [...byTypeMonth.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, rs]) => {
    const t = key.split("|")[1] as MarketTrendRow["transactionType"];
    return {
      month: key.split("|")[0], transactionType: t, count: rs.reduce((s, r) => s + num(r.count), 0),
      avgAmount: Math.round(weightedAvg(rs, "avg_amount")), medianAmount: Math.round(median(rs, "median_amount")),
      avgMonthlyRent: t === "monthly" ? Math.round(weightedAvg(rs, "avg_monthly_rent")) : null,
    };
  });
  const sample = rows.some((r) => num(r.sample_count) > 0);
  return {
    ...emptyOutput(input, region, period, true, ignoredFilters),
    totalCount: stats.reduce((s, r) => s + r.count, 0),
    stats, trend, movement: movementOf(trend), sample,
    sources: marketSources("summary", sample, period.from, period.to),
  };
}

export const marketDataTool: ToolDefinition<MarketInput, MarketOutput, "market_data"> = {
  name: "market_data",
  description:
    "Sale price, jeonse deposit and monthly rent statistics (avg/min/max/median, count, monthly trend) " +
    "from transactions, filtered by Seoul district, property type, transaction type, area and period. KRW.",
  inputSchema: marketInputSchema,
  outputSchema: marketOutputSchema,
  readOnly: true,
  timeoutMs: 8_000,
  fallbacks: ["market_summary"],
  run: (input, ctx) => runMarketData(input, ctx.db),
  quality: marketQuality,
  broaden: broadenMarketInput,
};

export const marketSummaryTool: ToolDefinition<MarketInput, MarketOutput, "market_summary"> = {
  name: "market_summary",
  description:
    "Approximate market statistics from the precomputed monthly summary per district, property type and " +
    "transaction type (same output as market_data, approximate: true; the area filter is not applied).",
  inputSchema: marketInputSchema,
  outputSchema: marketOutputSchema,
  readOnly: true,
  timeoutMs: 4_000,
  fallbacks: [],
  run: (input, ctx) => runMarketSummary(input, ctx.db),
  quality: marketQuality,
  broaden: broadenMarketInput,
};
