// market_data against the seeded sample market (checked against direct SQL) and market_summary,
// its approximate fallback with the same output schema; region names, bad input, empty results.
import { describe, it, expect } from "vitest";
import { getDatabase } from "../../../db/client";
import type { ToolRunContext } from "../../../tools/types";
import { ToolInputError } from "../../../tools/types";
import { marketDataTool, marketSummaryTool } from "./market-data";
import { marketOutputSchema, periodStart, monthAfter, type MarketOutput } from "./market-schema";

async function ctx(): Promise<ToolRunContext> {
  const { db } = await getDatabase();
  return { db, language: "ko", runId: "market-data-test", signal: new AbortController().signal };
}

async function run(tool: typeof marketDataTool | typeof marketSummaryTool, args: Record<string, unknown>): Promise<MarketOutput> {
  return marketOutputSchema.parse(await tool.run(tool.inputSchema.parse(args), await ctx()));
}

describe("market_data", () => {
  it("matches avg, median, min, max and count computed directly in SQL", async () => {
    // endMonth pins the window: another test file imports rows dated this month while this one runs.
    const out = await run(marketDataTool, { region: "마포구", propertyType: "apartment", transactionType: "sale", months: 12, endMonth: "2026-10" });
    expect(out.period).toEqual({ from: "2025-11", to: "2026-10", months: 12 });
    const { from, to } = out.period!;
    const { sql: raw } = await getDatabase();
    const [expected] = await raw`
      SELECT count(*)::int AS n, avg(t.amount)::float8 AS avg, min(t.amount)::float8 AS min, max(t.amount)::float8 AS max,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY t.amount) AS median
      FROM transactions t JOIN properties p ON p.id = t.property_id JOIN regions r ON r.id = p.region_id
      WHERE r.name_ko = '마포구' AND p.property_type = 'apartment' AND t.transaction_type = 'sale'
        AND t.contract_date >= ${`${from}-01`}::date AND t.contract_date < ${monthAfter(to)}::date`;
    expect(out.stats).toHaveLength(1);
    const s = out.stats[0];
    expect(s.count).toBe(expected.n);
    expect(s.count).toBeGreaterThan(50);
    expect(s.amount.avg).toBe(Math.round(expected.avg));
    expect(s.amount.median).toBe(Math.round(expected.median));
    expect(s.amount.min).toBe(expected.min);
    expect(s.amount.max).toBe(expected.max);
    expect(out.totalCount).toBe(expected.n);
    expect(out.trend.reduce((sum, t) => sum + t.count, 0)).toBe(expected.n);
    expect(out.trend).toHaveLength(12);
    expect(out.region).toMatchObject({ nameKo: "마포구", nameEn: "Mapo-gu" });
    expect(out.sample).toBe(true);
    expect(out.approximate).toBe(false);
    expect(out.sources[0]).toMatch(/^sample transactions, \d{4}-\d{2}\.\.\d{4}-\d{2}$/);
    expect(marketDataTool.quality!(out)).toBeGreaterThan(0.5);
  });

  it("without a district, matches direct SQL for a property type across all districts", async () => {
    const out = await run(marketDataTool, { propertyType: "villa", months: 12, endMonth: "2026-10" });
    const { from, to } = out.period!;
    const { sql: raw } = await getDatabase();
    const expected = await raw`
      SELECT t.transaction_type AS type, count(*)::int AS n, avg(t.amount)::float8 AS avg, min(t.amount)::float8 AS min,
        max(t.amount)::float8 AS max, percentile_cont(0.5) WITHIN GROUP (ORDER BY t.amount) AS median,
        avg(t.amount / p.area_m2)::float8 AS per_m2
      FROM transactions t JOIN properties p ON p.id = t.property_id
      WHERE p.property_type = 'villa' AND t.contract_date >= ${`${from}-01`}::date AND t.contract_date < ${monthAfter(to)}::date
      GROUP BY 1 ORDER BY 1`;
    expect(out.region).toBeNull();
    expect(out.stats.map((s) => s.transactionType)).toEqual(expected.map((e) => e.type));
    out.stats.forEach((s, i) => {
      expect(s.count).toBe(expected[i].n);
      expect(s.amount).toEqual({ avg: Math.round(expected[i].avg), min: expected[i].min, max: expected[i].max, median: Math.round(expected[i].median) });
      expect(s.avgAmountPerM2).toBe(Math.round(expected[i].per_m2));
    });
    expect(out.totalCount).toBeGreaterThan(1000);
    expect(out.trend.reduce((sum, t) => sum + t.count, 0)).toBe(out.totalCount);
    expect(out.trend.map((t) => t.month)).toEqual([...out.trend.map((t) => t.month)].sort());
  });

  it("returns one stats row per transaction type, with monthly rent only for monthly", async () => {
    const out = await run(marketDataTool, { region: "강남구", propertyType: "apartment" });
    expect(out.stats.map((s) => s.transactionType)).toEqual(["jeonse", "monthly", "sale"]);
    for (const s of out.stats) expect(s.monthlyRent === null).toBe(s.transactionType !== "monthly");
    expect(out.stats.find((s) => s.transactionType === "monthly")!.monthlyRent!.avg).toBeGreaterThan(0);
  });

  it("prices 강남 well above 도봉, as in Seoul", async () => {
    const gangnam = await run(marketDataTool, { region: "강남구", propertyType: "apartment", transactionType: "sale" });
    const dobong = await run(marketDataTool, { region: "도봉구", propertyType: "apartment", transactionType: "sale" });
    expect(gangnam.stats[0].avgAmountPerM2).toBeGreaterThan(2.5 * dobong.stats[0].avgAmountPerM2);
  });

  it("sets other districts beside the main one with the same filters, and leaves out one it does not know", async () => {
    const out = await run(marketDataTool, { region: "마포구", propertyType: "apartment", transactionType: "jeonse", compareRegions: ["성동", "Yongsan-gu", "마포구", "없는구"] });
    expect(out.comparison.map((c) => c.region.nameKo)).toEqual(["성동구", "용산구"]);
    const alone = await run(marketDataTool, { region: "성동구", propertyType: "apartment", transactionType: "jeonse" });
    expect(out.comparison[0].stats).toEqual(alone.stats);
    expect(out.comparison[0].totalCount).toBe(alone.totalCount);
    expect((await run(marketDataTool, { region: "마포구", months: 3 })).comparison).toEqual([]);
  });

  it("accepts 마포, Mapo and Mapo-gu for 마포구", async () => {
    for (const region of ["마포", "Mapo", "mapo-gu", "서울 마포구", "Mapo-gu, Seoul"]) {
      const out = await run(marketDataTool, { region, transactionType: "jeonse", months: 3 });
      expect(out.region?.nameKo).toBe("마포구");
    }
  });

  it("applies the area range", async () => {
    const out = await run(marketDataTool, { region: "송파구", propertyType: "apartment", transactionType: "jeonse", areaM2Min: 80, areaM2Max: 90 });
    expect(out.stats[0].avgAreaM2).toBeGreaterThanOrEqual(80);
    expect(out.stats[0].avgAreaM2).toBeLessThanOrEqual(90);
  });

  it("returns an empty result with quality 0, and broadens it step by step", async () => {
    const input = marketDataTool.inputSchema.parse({ region: "종로구", propertyType: "commercial", areaM2Min: 1900, areaM2Max: 2000, months: 6 });
    const out = marketOutputSchema.parse(await marketDataTool.run(input, await ctx()));
    expect(out.totalCount).toBe(0);
    expect(out.stats).toEqual([]);
    expect(out.sources).toEqual([]);
    expect(marketDataTool.quality!(out)).toBe(0);
    const b1 = marketDataTool.broaden!(input)!;
    expect(b1.areaM2Min).toBeUndefined();
    const b2 = marketDataTool.broaden!(b1)!;
    expect(b2.months).toBe(24);
    const b3 = marketDataTool.broaden!(b2)!;
    expect(b3.propertyType).toBeUndefined();
    expect(marketDataTool.broaden!(b3)).toBeNull();
    const broadened = await marketDataTool.run(b1, await ctx());
    expect(broadened.totalCount).toBeGreaterThan(0);
  });

  it("ends the default period at the latest month with data", async () => {
    const { sql: raw } = await getDatabase();
    const [{ last }] = await raw`SELECT to_char(max(contract_date), 'YYYY-MM') AS last FROM transactions`;
    const out = await run(marketDataTool, { months: 6 });
    expect(out.period?.to).toBe(last);
    expect(out.period?.from).toBe(periodStart(last, 6));
  });

  it("is empty for a period with no data", async () => {
    const out = await run(marketDataTool, { endMonth: "1999-12", months: 12 });
    expect(out.totalCount).toBe(0);
    expect(out.period).toEqual({ from: "1999-01", to: "1999-12", months: 12 });
  });

  it("rejects bad input through its schema and unknown districts with a clear error", async () => {
    const bad = [
      { propertyType: "castle" }, { transactionType: "lease" }, { months: 0 }, { months: 61 },
      { areaM2Min: 100, areaM2Max: 50 }, { areaM2Min: -5 }, { endMonth: "2026-13" }, { region: "" },
    ];
    for (const b of bad) expect(marketDataTool.inputSchema.safeParse(b).success, JSON.stringify(b)).toBe(false);
    await expect(marketDataTool.run(marketDataTool.inputSchema.parse({ region: "Atlantis" }), await ctx()))
      .rejects.toBeInstanceOf(ToolInputError);
  });
});

describe("market_summary", () => {
  it("gives the same counts and averages as market_data, flagged approximate", async () => {
    const args = { region: "Mapo-gu", propertyType: "apartment", months: 12, endMonth: "2026-10" };
    const exact = await run(marketDataTool, args);
    const approx = await run(marketSummaryTool, args);
    expect(approx.approximate).toBe(true);
    expect(approx.sample).toBe(true);
    expect(approx.period).toEqual(exact.period);
    expect(approx.totalCount).toBe(exact.totalCount);
    expect(approx.trend.map((t) => [t.month, t.transactionType, t.count])).toEqual(exact.trend.map((t) => [t.month, t.transactionType, t.count]));
    for (const e of exact.stats) {
      const a = approx.stats.find((s) => s.transactionType === e.transactionType)!;
      expect(a.count).toBe(e.count);
      expect(Math.abs(a.amount.avg - e.amount.avg)).toBeLessThanOrEqual(1);
      expect(a.amount.min).toBe(e.amount.min);
      expect(a.amount.max).toBe(e.amount.max);
      expect(Math.abs(a.amount.median - e.amount.median) / e.amount.median).toBeLessThan(0.15);
    }
    expect(approx.sources[0]).toMatch(/summary/);
  });

  it("reports the area filter it cannot apply", async () => {
    const out = await run(marketSummaryTool, { region: "마포구", areaM2Min: 60 });
    expect(out.ignoredFilters).toEqual(["areaM2Min"]);
    expect(out.totalCount).toBeGreaterThan(0);
  });

  it("is empty with quality 0 when nothing matches", async () => {
    const out = await run(marketSummaryTool, { endMonth: "2001-06", months: 3 });
    expect(out.totalCount).toBe(0);
    expect(marketSummaryTool.quality!(out)).toBe(0);
  });
});

describe("period helpers", () => {
  it("count months back across a year boundary", () => {
    expect(periodStart("2026-10", 12)).toBe("2025-11");
    expect(periodStart("2026-01", 1)).toBe("2026-01");
    expect(periodStart("2026-02", 3)).toBe("2025-12");
    expect(monthAfter("2025-12")).toBe("2026-01-01");
  });
});
