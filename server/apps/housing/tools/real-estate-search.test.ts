// real_estate_search against the seeded sample listings: filters hold on every row, pages do not
// overlap, empty searches broaden, bad input is rejected.
import { describe, it, expect } from "vitest";
import { getDatabase } from "../../../db/client";
import type { ToolRunContext } from "../../../tools/types";
import { realEstateSearchTool, realEstateSearchOutputSchema, type RealEstateSearchOutput } from "./real-estate-search";

async function ctx(): Promise<ToolRunContext> {
  const { db } = await getDatabase();
  return { db, language: "en", runId: "real-estate-search-test", signal: new AbortController().signal };
}

async function run(args: Record<string, unknown>): Promise<RealEstateSearchOutput> {
  const input = realEstateSearchTool.inputSchema.parse(args);
  return realEstateSearchOutputSchema.parse(await realEstateSearchTool.run(input, await ctx()));
}

describe("real_estate_search", () => {
  it("returns listings that satisfy every filter, sorted by price", async () => {
    const out = await run({
      region: "Songpa", propertyType: "apartment", transactionType: "jeonse",
      priceMin: 300_000_000, priceMax: 1_500_000_000, areaM2Min: 50, builtYearMin: 1995, sort: "price_asc", pageSize: 50,
    });
    expect(out.total).toBeGreaterThan(0);
    expect(out.region?.nameKo).toBe("송파구");
    for (const l of out.listings) {
      expect(l.region.nameKo).toBe("송파구");
      expect(l.propertyType).toBe("apartment");
      expect(l.transactionType).toBe("jeonse");
      expect(l.askingPrice).toBeGreaterThanOrEqual(300_000_000);
      expect(l.askingPrice).toBeLessThanOrEqual(1_500_000_000);
      expect(l.areaM2).toBeGreaterThanOrEqual(50);
      expect(l.builtYear!).toBeGreaterThanOrEqual(1995);
      expect(l.askingMonthlyRent).toBeNull();
    }
    const prices = out.listings.map((l) => l.askingPrice);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(out.sample).toBe(true);
    expect(out.sources).toEqual(["sample listings"]);
  });

  it("agrees with a direct count and pages without overlap", async () => {
    const { sql: raw } = await getDatabase();
    const [{ n }] = await raw`SELECT count(*)::int AS n FROM properties p JOIN regions r ON r.id = p.region_id
      WHERE r.name_ko = '마포구' AND p.listing_type = 'monthly'`;
    const first = await run({ region: "마포구", transactionType: "monthly", pageSize: 5, page: 1 });
    const second = await run({ region: "마포구", transactionType: "monthly", pageSize: 5, page: 2 });
    expect(first.total).toBe(n);
    expect(first.totalPages).toBe(Math.ceil(n / 5));
    const ids = new Set(first.listings.map((l) => l.propertyId));
    for (const l of second.listings) expect(ids.has(l.propertyId)).toBe(false);
    for (const l of first.listings) expect(l.askingMonthlyRent).toBeGreaterThan(0);
    const beyond = await run({ region: "마포구", transactionType: "monthly", pageSize: 5, page: 999 });
    expect(beyond.listings).toEqual([]);
    expect(beyond.total).toBe(n);
  });

  it("returns an empty result with quality 0 and broadens by dropping filters", async () => {
    const input = realEstateSearchTool.inputSchema.parse({ region: "도봉구", propertyType: "apartment", priceMax: 1_000, builtYearMin: 2024, areaM2Min: 300 });
    const out = await realEstateSearchTool.run(input, await ctx());
    expect(out.listings).toEqual([]);
    expect(out.total).toBe(0);
    expect(realEstateSearchTool.quality!(out)).toBe(0);
    let broader = realEstateSearchTool.broaden!(input);
    expect(broader?.builtYearMin).toBeUndefined();
    broader = realEstateSearchTool.broaden!(broader!);
    expect(broader?.areaM2Min).toBeUndefined();
    broader = realEstateSearchTool.broaden!(broader!);
    expect(broader?.priceMax).toBeUndefined();
    expect(realEstateSearchTool.broaden!(broader!)).toBeNull();
    expect((await realEstateSearchTool.run(broader!, await ctx())).total).toBeGreaterThan(0);
  });

  it("rejects bad input through its schema", () => {
    const bad = [
      { propertyType: "castle" }, { page: 0 }, { pageSize: 51 }, { priceMin: -1 }, { priceMin: 10, priceMax: 5 },
      { builtYearMin: 2020, builtYearMax: 2000 }, { sort: "random" }, { areaM2Max: 0 },
    ];
    for (const b of bad) expect(realEstateSearchTool.inputSchema.safeParse(b).success, JSON.stringify(b)).toBe(false);
  });
});
