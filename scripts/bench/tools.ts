// tools: each housing tool called warm, p50/p95 over repeated calls, on the seeded data and again after
// the transactions table is grown to 500,000 rows (the bench's own throwaway cluster only).
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import type { Database } from "../../server/db/client";
import { housingTools } from "../../server/apps/housing/tools";
import type { ToolDefinition } from "../../server/tools/types";
import { refreshMarketDigest } from "../../server/apps/housing/tools/summary-refresh";
import { percentile, round } from "./stats";

/** Representative calls, as the planner makes them for the headline questions. */
export const TOOL_CALLS: { tool: string; input: Record<string, unknown> }[] = [
  { tool: "market_data", input: { region: "강남구", propertyType: "apartment", transactionType: "sale" } },
  { tool: "market_data", input: { region: "마포구", propertyType: "apartment" } },
  { tool: "market_data", input: { propertyType: "apartment", transactionType: "jeonse" } },
  { tool: "market_data", input: { propertyType: "villa" } },
  // An area filter is not in market_digest's grouping: this one reads the transactions.
  { tool: "market_data", input: { region: "마포구", propertyType: "apartment", areaM2Min: 60, areaM2Max: 85 } },
  { tool: "market_summary", input: { region: "강남구", propertyType: "apartment", transactionType: "sale" } },
  { tool: "real_estate_search", input: { region: "성동구", transactionType: "jeonse", priceMax: 300_000_000 } },
  { tool: "loan_search", input: { loanType: "purchase" } },
  { tool: "loan_search", input: { loanType: "jeonse", query: "신혼" } },
  { tool: "legal_search", input: { query: "계약갱신청구권은 몇 번까지 쓸 수 있어요?" } },
  { tool: "legal_search", input: { query: "can the landlord keep my deposit until a new tenant moves in" } },
  { tool: "policy_matcher", input: { annualIncome: 50_000_000, age: 31, newlywed: true, region: "마포구" } },
];

/** Grows transactions to `total` rows by copying the seeded ones with shifted amounts and dates. */
export async function growTransactions(database: Database, total: number): Promise<number> {
  const { db } = database;
  const [{ n }] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM transactions`);
  const copies = Math.ceil((total - n) / n);
  if (copies > 0) {
    await db.execute(sql`
      INSERT INTO transactions (property_id, transaction_type, contract_date, amount, monthly_rent, floor, is_sample, source)
      SELECT property_id, transaction_type, contract_date - (k % 20), (amount * (0.97 + 0.006 * k))::bigint, monthly_rent, floor, is_sample, 'bench:grow'
      FROM transactions, generate_series(1, ${copies}) k
      LIMIT ${total - n}`);
    await db.transaction((tx) => refreshMarketDigest(tx).then(() => undefined));
    await db.execute(sql`VACUUM ANALYZE transactions`);
    await db.execute(sql`VACUUM ANALYZE market_digest`);
  }
  const [{ n: after }] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM transactions`);
  return after;
}

export async function timeTools(database: Database, calls: number): Promise<Record<string, { p50_ms: number; p95_ms: number }>> {
  const byName = new Map<string, ToolDefinition>(housingTools.map((t) => [t.name, t]));
  const out: Record<string, { p50_ms: number; p95_ms: number }> = {};
  // The machine's floor: one round trip for a query that does nothing (the box is shared).
  const floor: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    await database.db.execute(sql`SELECT 1`);
    floor.push(performance.now() - t0);
  }
  floor.sort((a, b) => a - b);
  out["(floor) SELECT 1"] = { p50_ms: round(percentile(floor, 50)), p95_ms: round(percentile(floor, 95)) };
  for (const { tool, input } of TOOL_CALLS) {
    const def = byName.get(tool)!;
    const parsed = def.inputSchema.parse(input);
    const ctx = { db: database.db, signal: new AbortController().signal, language: "ko" as const, runId: "00000000-0000-0000-0000-000000000000" };
    for (let i = 0; i < 3; i++) await def.run(parsed, ctx); // warm: plans cached, pages in memory
    const ms: number[] = [];
    for (let i = 0; i < calls; i++) {
      const t0 = performance.now();
      await def.run(parsed, ctx);
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    out[`${tool} ${JSON.stringify(input)}`] = { p50_ms: round(percentile(ms, 50)), p95_ms: round(percentile(ms, 95)) };
  }
  return out;
}

export async function runTools(database: Database, opts: { calls: number; grownTo: number }) {
  const seededRows = (await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM transactions`))[0].n;
  const seeded = await timeTools(database, opts.calls);
  const t0 = performance.now();
  const grownRows = await growTransactions(database, opts.grownTo);
  const growS = round((performance.now() - t0) / 1000, 1);
  const grown = await timeTools(database, opts.calls);
  const worst = (m: Record<string, { p95_ms: number }>) => Math.max(...Object.entries(m).filter(([k]) => !k.startsWith("(floor)")).map(([, v]) => v.p95_ms));
  return {
    scenario: "tools", calls_per_tool: opts.calls, seeded_transactions: seededRows, grown_transactions: grownRows, grow_s: growS,
    worst_p95_ms_seeded: worst(seeded), worst_p95_ms_grown: worst(grown), seeded, grown,
  };
}
