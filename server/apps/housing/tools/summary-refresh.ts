// Rebuilds market_digest, what is computed ahead from the transactions table: market_data's exact figures
// without a scan of every transaction, and market_summary's monthly rows. The seed and the CSV import call it in
// the transaction that wrote the rows, so it stays in step; a start that finds it stale rebuilds it.
import { sql } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";

/** Rebuilds it in `tx`; it is fresh once `tx` commits, unless a later write in it marks it stale again. */
export async function refreshMarketDigest(tx: Tx): Promise<number> {
  // First, so this takes the state row's lock before reading transactions: a writer still open holds it (its
  // trigger marked the digest stale), so this waits for it and reads its rows; a later writer waits for this.
  await tx.execute(sql`UPDATE market_digest_state SET fresh = true, refreshed_at = now() WHERE id = 1`);
  await tx.execute(sql`DELETE FROM market_digest`);
  // Four groupings: district and type, all districts, all types, both "all" (NULL). Rents are a monthly deal's
  // only (other deals store 0, which is no rent). The medians are generated from the middle values (0016).
  const rows = await tx.execute(sql`
    INSERT INTO market_digest (region_id, property_type, transaction_type, month, count, sum_amount, min_amount,
      max_amount, amount_lo, amount_hi, amounts, sum_rent, min_rent, max_rent, rent_lo, rent_hi, rents, sum_area_m2,
      sum_amount_per_m2, sample_count)
    SELECT region_id, property_type, transaction_type, month, n, sum_amount, amounts[1], amounts[n],
      amounts[(n + 1) / 2], amounts[n / 2 + 1], amounts,
      sum_rent, rents[1], rents[cardinality(rents)], rents[(cardinality(rents) + 1) / 2],
      rents[cardinality(rents) / 2 + 1], rents, sum_area, sum_per_m2, samples
    FROM (
      SELECT p.region_id, p.property_type, t.transaction_type, date_trunc('month', t.contract_date)::date AS month,
        count(*)::int AS n, sum(t.amount) AS sum_amount, array_agg(t.amount ORDER BY t.amount) AS amounts,
        sum(t.monthly_rent) FILTER (WHERE t.transaction_type = 'monthly') AS sum_rent,
        array_agg(t.monthly_rent ORDER BY t.monthly_rent) FILTER (WHERE t.transaction_type = 'monthly') AS rents,
        sum(p.area_m2::numeric) AS sum_area, sum(t.amount / p.area_m2) AS sum_per_m2,
        (count(*) FILTER (WHERE t.is_sample))::int AS samples
      FROM transactions t JOIN properties p ON p.id = t.property_id
      GROUP BY GROUPING SETS (
        (p.region_id, p.property_type, t.transaction_type, date_trunc('month', t.contract_date)),
        (p.property_type, t.transaction_type, date_trunc('month', t.contract_date)),
        (p.region_id, t.transaction_type, date_trunc('month', t.contract_date)),
        (t.transaction_type, date_trunc('month', t.contract_date)))
    ) g
    RETURNING 1`);
  return rows.length;
}

/** At start: a database migrated to the digest, or written to without a refresh, gets it rebuilt. */
export async function refreshMarketDigestIfStale(db: Db): Promise<boolean> {
  const [state] = await db.execute<{ fresh: boolean }>(sql`SELECT fresh FROM market_digest_state WHERE id = 1`);
  if (state?.fresh !== false) return false;
  await db.transaction((tx) => refreshMarketDigest(tx));
  await db.execute(sql`VACUUM (ANALYZE) market_digest`);
  return true;
}
