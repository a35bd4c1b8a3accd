import { describe, expect, it } from "vitest";
import { getDatabase } from "../../../db/client";
import { jeonseRiskLevels } from "../schema/domain-rules";
import { marketDataTool } from "./market-data";
import { marketAnalysisTool, riskBandFor, loadRiskBands } from "./market-analysis";
import type { ToolRunContext } from "../../../tools/types";

async function ctx(): Promise<ToolRunContext> {
  const { db } = await getDatabase();
  return { db, signal: new AbortController().signal, language: "en", runId: "test" };
}

async function mapoMarket() {
  const c = await ctx();
  return marketDataTool.run(marketDataTool.inputSchema.parse({ region: "마포구", propertyType: "apartment" }), c);
}

describe("market_analysis", () => {
  it("compares a deposit with market_data's jeonse statistics and rates the jeonse ratio", async () => {
    const c = await ctx();
    const market = await mapoMarket();
    const jeonse = market.stats.find((s) => s.transactionType === "jeonse")!;
    const sale = market.stats.find((s) => s.transactionType === "sale")!;
    expect(jeonse.count).toBeGreaterThan(0);
    const deposit = Math.round(jeonse.amount.median * 1.1);
    const out = await marketAnalysisTool.run(marketAnalysisTool.inputSchema.parse({ market, deposit, transactionType: "jeonse" }), c);
    marketAnalysisTool.outputSchema.parse(out);
    const fair = out.fairness.find((f) => f.subject === "deposit")!;
    expect(fair.median).toBe(jeonse.amount.median);
    expect(fair.deviationFromMedianPercent).toBeCloseTo(10, 0);
    expect(["upper_half", "above_range"]).toContain(fair.position);
    expect(out.jeonseRatio?.basis).toBe("user_deposit_market_sale");
    expect(out.jeonseRatio?.salePrice).toBe(sale.amount.median);
    expect(out.jeonseRatio?.ratioPercent).toBeCloseTo((deposit / sale.amount.median) * 100, 1);
    expect(out.marketJeonseRatio?.basis).toBe("market");
    expect(out.sample).toBe(market.sample);
  });

  it("uses the user's own price for the ratio and the thresholds from the table", async () => {
    const c = await ctx();
    const { db } = await getDatabase();
    const bands = await db.select().from(jeonseRiskLevels);
    expect(bands.map((b) => b.level).sort()).toEqual(["caution", "danger", "safe", "very_high"]);
    const run = (deposit: number, price: number) =>
      marketAnalysisTool.run(marketAnalysisTool.inputSchema.parse({ deposit, price, transactionType: "jeonse" }), c);
    expect((await run(250_000_000, 500_000_000)).jeonseRatio?.risk.level).toBe("safe");
    expect((await run(300_000_000, 500_000_000)).jeonseRatio?.risk.level).toBe("caution");
    expect((await run(350_000_000, 500_000_000)).jeonseRatio?.risk.level).toBe("danger");
    const high = await run(420_000_000, 500_000_000);
    expect(high.jeonseRatio).toMatchObject({ ratioPercent: 84, basis: "user" });
    expect(high.jeonseRatio?.risk.level).toBe("very_high");
    // Without market data the tool says so instead of inventing a comparison.
    expect(high.fairness).toEqual([]);
    expect(high.missing.join(" ")).toMatch(/market data was not available/);
    expect(riskBandFor(79.9, await loadRiskBands(db)).level).toBe("danger");
  });

  it("handles an empty market result and no figures", async () => {
    const c = await ctx();
    const market = await mapoMarket();
    const empty = { ...market, totalCount: 0, stats: [], trend: [] };
    const out = await marketAnalysisTool.run(marketAnalysisTool.inputSchema.parse({ market: empty }), c);
    expect(out.fairness).toEqual([]);
    expect(out.jeonseRatio).toBeNull();
    expect(out.missing.join(" ")).toMatch(/no matching transactions/);
    expect(marketAnalysisTool.quality!(out)).toBe(0);
  });

  it("rejects bad input", () => {
    expect(marketAnalysisTool.inputSchema.safeParse({ deposit: -5 }).success).toBe(false);
    expect(marketAnalysisTool.inputSchema.safeParse({ deposit: "3억" }).success).toBe(false);
    expect(marketAnalysisTool.inputSchema.safeParse({ market: { stats: "none" } }).success).toBe(false);
  });
});
