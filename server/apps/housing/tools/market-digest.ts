// market_data's figures read from market_digest instead of from every matching transaction: the same numbers
// (count, avg, min, max, the exact median, monthly rents, area, per m², the monthly trend), in one statement
// over at most a row per month and deal. At 500,000 transactions the slowest call (apartment jeonse over all of
// Seoul, 47,000 rows in the period) went from ~55 ms to a few (docs/perf/issue-14.md §15).
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { monthStart, type RegionRef } from "./common";
import type { MarketInput } from "./market-schema";

/** The digest groups by district, property type, deal and month: an area or complex filter needs the rows. */
export function digestAnswers(input: MarketInput): boolean {
  return input.areaM2Min === undefined && input.areaM2Max === undefined && input.complex === undefined;
}

export interface DigestRows {
  /** Shaped as market_data's stats query (one per deal type, by type). */
  stats: Record<string, unknown>[];
  /** Shaped as its trend query (by month, then deal type). */
  trend: Record<string, unknown>[];
}

type DigestQuery = Pick<MarketInput, "propertyType" | "transactionType">;

/** The rows (alias `d`) of the period's months for the district (NULL: all of Seoul) and type (NULL: every type). */
export function digestRowsWhere(input: DigestQuery, region: Pick<RegionRef, "id"> | null, period: { from: string; to: string }): SQL {
  const conds: SQL[] = [
    sql`d.month >= ${monthStart(period.from)}::date`,
    sql`d.month <= ${monthStart(period.to)}::date`,
    region ? sql`d.region_id = ${region.id}` : sql`d.region_id IS NULL`,
    input.propertyType ? sql`d.property_type = ${input.propertyType}` : sql`d.property_type IS NULL`,
  ];
  if (input.transactionType) conds.push(sql`d.transaction_type = ${input.transactionType}`);
  return sql.join(conds, sql` AND `);
}

/** The one statement (exported for scripts/bench/explain-tools.ts). */
export function digestStatement(input: DigestQuery, region: Pick<RegionRef, "id"> | null, period: { from: string; to: string }): SQL {
  // The period's median lies between the smallest lower-middle and the largest upper-middle value of its
  // months (per deal type): sorted_median sorts only the values in between.
  return sql`
    WITH parts AS MATERIALIZED (
      SELECT d.month, d.transaction_type, d.count, d.sum_amount, d.min_amount, d.max_amount, d.median_amount, d.amounts,
        d.sum_rent, d.min_rent, d.max_rent, d.median_rent, d.rents, d.sum_area_m2, d.sum_amount_per_m2, d.sample_count,
        min(d.amount_lo) OVER deal AS amount_lo, max(d.amount_hi) OVER deal AS amount_hi,
        min(d.rent_lo) OVER deal AS rent_lo, max(d.rent_hi) OVER deal AS rent_hi
      FROM market_digest d WHERE ${digestRowsWhere(input, region, period)}
      WINDOW deal AS (PARTITION BY d.transaction_type)
    )
    SELECT NULL AS month, transaction_type, sum(count)::int AS count, sum(sum_amount) / sum(count) AS avg,
      min(min_amount) AS min, max(max_amount) AS max, sorted_median(amounts, amount_lo, amount_hi) AS median,
      sum(sum_rent) / sum(count) AS rent_avg, min(min_rent) AS rent_min, max(max_rent) AS rent_max,
      sorted_median(rents, rent_lo, rent_hi) AS rent_median, sum(sum_area_m2) / sum(count) AS area,
      sum(sum_amount_per_m2) / sum(count) AS per_m2, sum(sample_count) > 0 AS sample
    FROM parts GROUP BY transaction_type
    UNION ALL
    SELECT to_char(month, 'YYYY-MM'), transaction_type, count, sum_amount / count, NULL, NULL, median_amount,
      sum_rent / count, NULL, NULL, NULL, NULL, NULL, NULL
    FROM parts
    ORDER BY 1 NULLS FIRST, 2`;
}

export async function readDigest(db: Db, input: DigestQuery, region: RegionRef | null, period: { from: string; to: string }): Promise<DigestRows> {
  const rows = await db.execute<Record<string, unknown>>(digestStatement(input, region, period));
  return { stats: rows.filter((r) => r.month === null), trend: rows.filter((r) => r.month !== null) };
}
