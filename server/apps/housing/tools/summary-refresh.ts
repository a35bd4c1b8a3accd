// Rebuilds transaction_summary (per region, property type, transaction type and month) from the
// transactions table; the seed and the CSV import call it so market_summary stays in step.
import { sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";

export async function refreshTransactionSummary(tx: Tx): Promise<number> {
  await tx.execute(sql`DELETE FROM transaction_summary`);
  const rows = await tx.execute(sql`
    INSERT INTO transaction_summary (region_id, property_type, transaction_type, month, count, avg_amount,
      min_amount, max_amount, median_amount, avg_monthly_rent, min_monthly_rent, max_monthly_rent,
      median_monthly_rent, avg_area_m2, sample_count, refreshed_at)
    SELECT p.region_id, p.property_type, t.transaction_type, date_trunc('month', t.contract_date)::date,
      count(*)::int, avg(t.amount), min(t.amount), max(t.amount),
      percentile_cont(0.5) WITHIN GROUP (ORDER BY t.amount),
      avg(t.monthly_rent), min(t.monthly_rent), max(t.monthly_rent),
      percentile_cont(0.5) WITHIN GROUP (ORDER BY t.monthly_rent),
      avg(p.area_m2), (count(*) FILTER (WHERE t.is_sample))::int, now()
    FROM transactions t JOIN properties p ON p.id = t.property_id
    GROUP BY 1, 2, 3, 4
    RETURNING 1`);
  return rows.length;
}
