// market_digest against the transactions it summarises: market_data answers the same from both, the digest goes
// stale on any write and is rebuilt, and sorted_median is percentile_cont(0.5) over the union of sorted arrays.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { getDatabase, type Db, type Tx } from "../../../db/client";
import { marketDataTool } from "./market-data";
import { marketOutputSchema, type MarketOutput } from "./market-schema";
import { refreshMarketDigest, refreshMarketDigestIfStale } from "./summary-refresh";

class Rollback extends Error {}

/** Runs `body` in a transaction that is always rolled back: what it writes is seen only by itself. */
async function inRolledBackTx(body: (tx: Tx) => Promise<void>): Promise<void> {
  const { db } = await getDatabase();
  await db.transaction(async (tx) => {
    await body(tx);
    throw new Rollback();
  }).catch((e) => { if (!(e instanceof Rollback)) throw e; });
}

async function marketData(db: Db | Tx, args: Record<string, unknown>): Promise<MarketOutput> {
  const ctx = { db: db as Db, language: "ko" as const, runId: "market-digest-test", signal: new AbortController().signal };
  return marketOutputSchema.parse(await marketDataTool.run(marketDataTool.inputSchema.parse(args), ctx));
}

/**
 * The output with each price per m² checked and taken out: it is a float average of quotients, and the digest adds
 * the same quotients month by month, so the two sums can differ in far digits and, rarely, round 1 won apart.
 */
function withoutPerM2(a: MarketOutput, b: MarketOutput): [unknown, unknown] {
  const perM2 = (o: MarketOutput) => [...o.stats, ...o.comparison.flatMap((c) => c.stats)].map((s) => s.avgAmountPerM2);
  perM2(a).forEach((v, i) => expect(Math.abs(v - perM2(b)[i])).toBeLessThanOrEqual(1));
  const strip = (o: MarketOutput) => JSON.parse(JSON.stringify(o, (k, v) => (k === "avgAmountPerM2" ? undefined : v)));
  return [strip(a), strip(b)];
}

const fresh = async (db: Db | Tx) =>
  (await db.execute<{ fresh: boolean }>(sql`SELECT fresh FROM market_digest_state WHERE id = 1`))[0].fresh;

/** market_data twice in one transaction: from a fresh digest, then with the digest marked stale (from the rows). */
async function bothWays(args: Record<string, unknown>): Promise<{ digest: MarketOutput; scan: MarketOutput }> {
  let result: { digest: MarketOutput; scan: MarketOutput } | null = null;
  await inRolledBackTx(async (tx) => {
    if (!(await fresh(tx))) await refreshMarketDigest(tx); // another file's import may have left it stale
    const digest = await marketData(tx, args);
    await tx.execute(sql`UPDATE market_digest_state SET fresh = false WHERE id = 1`);
    result = { digest, scan: await marketData(tx, args) };
  });
  return result!;
}

describe("market_digest", () => {
  it("gives market_data the same answer as the transactions, for any district, type, deal and period", async () => {
    const args = fc.record({
      region: fc.constantFrom(undefined, "마포구", "강남구", "도봉구"),
      propertyType: fc.constantFrom(undefined, "apartment", "villa", "officetel"),
      transactionType: fc.constantFrom(undefined, "sale", "jeonse", "monthly"),
      months: fc.constantFrom(1, 2, 3, 6, 12, 24),
      // Pinned: another file imports rows dated this month while this one runs.
      endMonth: fc.constantFrom("2026-10", "2026-04", "2025-12"),
      compareRegions: fc.constantFrom(undefined, ["서초구", "노원구"]),
    }, { requiredKeys: ["months", "endMonth"] });
    let answered = 0;
    await fc.assert(fc.asyncProperty(args, async (a) => {
      const { digest, scan } = await bothWays(Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)));
      const [d, s] = withoutPerM2(digest, scan);
      expect(d).toEqual(s);
      if (digest.totalCount > 0) answered++;
    }), { numRuns: 40 });
    expect(answered).toBeGreaterThan(30); // equal because both found transactions, not because both found none
  });

  it("is bypassed for the filters it does not group by (area, complex)", async () => {
    const { digest, scan } = await bothWays({ region: "마포구", propertyType: "apartment", areaM2Min: 60, areaM2Max: 85, months: 12, endMonth: "2026-10" });
    expect(digest).toEqual(scan);
    expect(digest.totalCount).toBeGreaterThan(0);
  });

  it("goes stale on a write to transactions, so the new row counts at once, and a refresh takes it in", async () => {
    const args = { region: "도봉구", propertyType: "villa", transactionType: "sale", months: 1, endMonth: "2026-10" };
    await inRolledBackTx(async (tx) => {
      if (!(await fresh(tx))) await refreshMarketDigest(tx);
      const before = await marketData(tx, args);
      await tx.execute(sql`
        INSERT INTO transactions (property_id, transaction_type, contract_date, amount, monthly_rent, is_sample, source)
        SELECT p.id, 'sale', '2026-10-15', 1, 0, false, 'market-digest-test'
        FROM properties p JOIN regions r ON r.id = p.region_id WHERE r.name_ko = '도봉구' AND p.property_type = 'villa' LIMIT 1`);
      expect(await fresh(tx)).toBe(false);
      const stale = await marketData(tx, args);
      expect(stale.totalCount).toBe(before.totalCount + 1);
      expect(stale.stats[0].amount.min).toBe(1);
      await refreshMarketDigest(tx);
      expect(await fresh(tx)).toBe(true);
      const [d, s] = withoutPerM2(await marketData(tx, args), stale);
      expect(d).toEqual(s);
    });
  });

  it("goes stale when a property moves district, type or area, not when its listing changes", async () => {
    await inRolledBackTx(async (tx) => {
      if (!(await fresh(tx))) await refreshMarketDigest(tx);
      await tx.execute(sql`UPDATE properties SET asking_price = asking_price WHERE id = (SELECT min(id) FROM properties)`);
      expect(await fresh(tx)).toBe(true);
      await tx.execute(sql`UPDATE properties SET area_m2 = area_m2 + 1 WHERE id = (SELECT min(id) FROM properties)`);
      expect(await fresh(tx)).toBe(false);
    });
  });

  it("is rebuilt at start when found stale, and left alone when fresh", async () => {
    const { db } = await getDatabase();
    await db.execute(sql`UPDATE market_digest_state SET fresh = false WHERE id = 1`);
    expect(await refreshMarketDigestIfStale(db)).toBe(true);
    expect(await fresh(db)).toBe(true);
    expect(await refreshMarketDigestIfStale(db)).toBe(false);
  });

  it("sorted_median is percentile_cont(0.5) of the union of sorted arrays", async () => {
    const { sql: raw } = await getDatabase();
    // Small value ranges force ties, within an array and across them; lengths from 1 to 40.
    const part = fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 40 }).map((xs) => xs.sort((a, b) => a - b));
    await fc.assert(fc.asyncProperty(fc.array(part, { minLength: 1, maxLength: 12 }), async (parts) => {
      const [row] = await raw`
        WITH p AS (SELECT a::bigint[] AS a FROM jsonb_array_elements_text(${JSON.stringify(parts.map((x) => `{${x.join(",")}}`))}::jsonb) a),
        b AS (SELECT a, a[(cardinality(a) + 1) / 2] AS lo, a[cardinality(a) / 2 + 1] AS hi FROM p)
        SELECT (SELECT sorted_median(a, (SELECT min(lo) FROM b), (SELECT max(hi) FROM b)) FROM b) AS got,
          (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) FROM b, unnest(b.a) v) AS want`;
      expect(row.got).toBe(row.want);
    }), { numRuns: 200 });
  });
});
