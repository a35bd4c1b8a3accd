// How market_data reports movement over time (three months against three months, with volume) and a named
// complex: the complex's own deals when the data knows its name, else the wider area, flagged.
import { describe, expect, it } from "vitest";
import { getDatabase } from "../../../db/client";
import type { ToolRunContext } from "../../../tools/types";
import { marketDataTool } from "./market-data";
import { marketOutputSchema, movementOf, type MarketTrendRow } from "./market-schema";

const row = (month: string, median: number, count: number): MarketTrendRow =>
  ({ month, transactionType: "sale", count, avgAmount: median, medianAmount: median, avgMonthlyRent: null });

async function run(args: Record<string, unknown>) {
  const { db } = await getDatabase();
  const ctx: ToolRunContext = { db, language: "ko", runId: "movement-test", signal: new AbortController().signal };
  return marketOutputSchema.parse(await marketDataTool.run(marketDataTool.inputSchema.parse(args), ctx));
}

describe("movementOf", () => {
  it("compares the count-weighted medians and the volume of the first and last three months", () => {
    const trend = [row("2026-01", 100, 1), row("2026-02", 100, 1), row("2026-03", 100, 2), row("2026-04", 0, 9),
      row("2026-05", 110, 1), row("2026-06", 110, 1), row("2026-07", 120, 2)];
    const [m] = movementOf(trend);
    expect(m).toMatchObject({
      transactionType: "sale", fromMonths: { from: "2026-01", to: "2026-03" }, toMonths: { from: "2026-05", to: "2026-07" },
      fromMedian: 100, toMedian: 115, changePercent: 15, fromCount: 4, toCount: 4, volumeChangePercent: 0,
    });
  });

  it("leaves out a deal type with under six months of data", () => {
    expect(movementOf([row("2026-01", 1, 1), row("2026-02", 1, 1)])).toEqual([]);
  });
});

describe("market_data: movement and complexes", () => {
  it("reports movement for each deal type over the period", async () => {
    const out = await run({ region: "송파구", propertyType: "apartment", transactionType: "sale", endMonth: "2026-10" });
    expect(out.movement).toHaveLength(1);
    const m = out.movement[0];
    const sale = out.trend.filter((t) => t.transactionType === "sale");
    expect(m.fromCount).toBe(sale.slice(0, 3).reduce((s, t) => s + t.count, 0));
    expect(m.toCount).toBe(sale.slice(-3).reduce((s, t) => s + t.count, 0));
  });

  it("filters to a complex the data knows, and says so when it does not", async () => {
    const { sql } = await getDatabase();
    const [known] = await sql<{ name: string }[]>`SELECT p.name FROM properties p JOIN regions r ON r.id = p.region_id
      JOIN transactions t ON t.property_id = p.id WHERE r.name_ko = '마포구' GROUP BY p.name ORDER BY count(*) DESC LIMIT 1`;
    const found = await run({ region: "마포구", complex: known.name, endMonth: "2026-10" });
    const all = await run({ region: "마포구", endMonth: "2026-10" });
    expect(found.complex).toEqual({ name: known.name, matched: true });
    expect(found.totalCount).toBeGreaterThan(0);
    expect(found.totalCount).toBeLessThan(all.totalCount);
    const unknown = await run({ region: "마포구", complex: "헬리오시티", endMonth: "2026-10" });
    expect(unknown.complex).toEqual({ name: "헬리오시티", matched: false });
    expect(unknown.totalCount).toBe(all.totalCount);
  });
});
