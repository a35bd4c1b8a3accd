// `tsx --conditions=react-server scripts/bench/explain-tools.ts DIR [ROWS]`: EXPLAIN (ANALYZE, BUFFERS) of the housing tools' heavy
// queries on a persistent throwaway cluster in DIR, seeded and grown to ROWS transactions (default 500k).
import { existsSync } from "node:fs";
import path from "node:path";
import { connect } from "../../server/db/client";
import { startEmbeddedCluster } from "../../server/db/embedded";
import { applyMigrations } from "../../server/db/migrate";
import { seedAll } from "../../server/boot";
import { growTransactions } from "./tools";
import { PgDialect } from "drizzle-orm/pg-core";
import { digestStatement } from "../../server/apps/housing/tools/market-digest";

const PERIOD = `t.contract_date >= '2025-11-01'::date AND t.contract_date < '2026-11-01'::date`;
const GANGNAM = `(SELECT id FROM regions WHERE name_ko = '강남구')`;
const FROM = (region: boolean, type: string | null) =>
  `FROM transactions t JOIN properties p ON p.id = t.property_id WHERE ${PERIOD}${region ? ` AND p.region_id = ${GANGNAM}` : ""} AND p.property_type = 'apartment'${type ? ` AND t.transaction_type = '${type}'` : ""}`;
const STATS = `SELECT t.transaction_type, count(*)::int AS count, avg(t.amount), min(t.amount), max(t.amount),
  percentile_cont(0.5) WITHIN GROUP (ORDER BY t.amount), avg(t.monthly_rent), min(t.monthly_rent), max(t.monthly_rent),
  percentile_cont(0.5) WITHIN GROUP (ORDER BY t.monthly_rent), avg(p.area_m2::numeric), avg(t.amount / p.area_m2), bool_or(t.is_sample)`;
const TREND = `SELECT to_char(date_trunc('month', t.contract_date), 'YYYY-MM'), t.transaction_type, count(*)::int, avg(t.amount),
  percentile_cont(0.5) WITHIN GROUP (ORDER BY t.amount), avg(t.monthly_rent)`;

export const QUERIES: Record<string, string> = {
  "market_data period (max contract_date)": `SELECT to_char(max(contract_date), 'YYYY-MM') FROM transactions`,
  "market_data stats 강남구 apartment sale": `${STATS} ${FROM(true, "sale")} GROUP BY t.transaction_type ORDER BY t.transaction_type`,
  "market_data trend 강남구 apartment sale": `${TREND} ${FROM(true, "sale")} GROUP BY 1, 2 ORDER BY 1, 2`,
  "market_data stats Seoul apartment jeonse": `${STATS} ${FROM(false, "jeonse")} GROUP BY t.transaction_type ORDER BY t.transaction_type`,
  "market_summary period (max month)": `SELECT to_char(max(month), 'YYYY-MM') FROM market_digest`,
  // market_summary reads a month row's figures, not its sorted amounts.
  "market_summary rows 강남구": `SELECT s.month, s.transaction_type, s.count, s.sum_amount, s.min_amount, s.max_amount, s.median_amount, s.sum_rent, s.min_rent, s.max_rent, s.median_rent, s.sum_area_m2, s.sample_count FROM market_digest s WHERE s.month >= '2025-11-01' AND s.month <= '2026-10-01' AND s.region_id = ${GANGNAM} AND s.property_type = 'apartment' AND s.transaction_type = 'sale'`,
  "real_estate_search 성동구 jeonse ≤ 3억": `SELECT p.id, count(*) OVER () FROM properties p JOIN regions r ON r.id = p.region_id WHERE p.listing_type IS NOT NULL AND p.asking_price IS NOT NULL AND p.region_id = (SELECT id FROM regions WHERE name_ko = '성동구') AND p.listing_type = 'jeonse' AND p.asking_price <= 300000000 ORDER BY p.listed_at DESC NULLS LAST, p.id LIMIT 10`,
};

/** market_data's statement over market_digest, with its parameters, as the tool runs it. */
function digestQueries(gangnam: number): Record<string, { text: string; params: unknown[] }> {
  const dialect = new PgDialect();
  const period = { from: "2025-11", to: "2026-10" };
  const q = (input: Parameters<typeof digestStatement>[0], region: { id: number } | null) => {
    const { sql: text, params } = dialect.sqlToQuery(digestStatement(input, region, period));
    return { text, params };
  };
  return {
    "market_data digest 강남구 apartment sale": q({ propertyType: "apartment", transactionType: "sale" }, { id: gangnam }),
    "market_data digest Seoul apartment jeonse": q({ propertyType: "apartment", transactionType: "jeonse" }, null),
  };
}

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? "/tmp/ensemble-explain");
  const rows = Number(process.argv[3] ?? 500_000);
  const fresh = !existsSync(path.join(dir, "pg", "PG_VERSION"));
  const cluster = await startEmbeddedCluster(dir, { log: () => {} });
  await applyMigrations(cluster.url);
  const database = connect(cluster.url, 2);
  try {
    if (fresh) await seedAll(database.db);
    await growTransactions(database, rows);
    await database.sql.unsafe("ANALYZE");
    const [{ id: gangnam }] = await database.sql<{ id: number }[]>`SELECT id FROM regions WHERE name_ko = '강남구'`;
    for (const [name, query] of Object.entries({ ...QUERIES, ...digestQueries(gangnam) })) {
      const { text, params } = typeof query === "string" ? { text: query, params: [] } : query;
      await database.sql.unsafe(text, params as never[]); // warm
      const plan = await database.sql.unsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${text}`, params as never[]);
      console.log(`\n## ${name}\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}`);
    }
  } finally {
    await database.close();
    await cluster.stop();
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
