// The CSV import against the test database: a file with one bad row is refused (line reported) or,
// with skipInvalid, imported in one transaction; re-imports skip duplicates; the summary follows.
import { describe, it, expect, afterAll } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { getDatabase } from "../server/db/client";
import { marketDataTool } from "../server/apps/housing/tools/market-data";
import { refreshMarketDigest } from "../server/apps/housing/tools/summary-refresh";
import { importTransactionsCsv, parseCsv } from "./import-transactions";

const run = promisify(execFile);
const tag = `import-test-${process.pid}-${Date.now()}`;
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
// An area no sample property has, so market_data over it sees only these rows.
const AREA = 777.7;

const goodRows = [
  `${day(3)},종로구,평창동,house,sale,"${tag} 단독, 주택",${AREA},1,1999,"1,250,000,000",`,
  `${day(4)},Jongno-gu,평창동,house,jeonse,"${tag} 단독, 주택",${AREA},1,1999,600000000,0`,
  `${day(5)},종로,,house,monthly,${tag} 다가구,${AREA},2,,50000000,1500000`,
];
const badRow = `${day(6)},종로구,평창동,house,monthly,${tag} 다가구,${AREA},2,,50000000,`;
const header = "contract_date,region,dong,property_type,transaction_type,name,area_m2,floor,built_year,amount,monthly_rent";
const csv = [header, goodRows[0], badRow, goodRows[1], goodRows[2]].join("\n") + "\n";

const dir = mkdtempSync(path.join(tmpdir(), "import-test-"));

afterAll(async () => {
  const { db, sql: raw } = await getDatabase();
  await raw`DELETE FROM transactions WHERE source = ${`import:${tag}.csv`}`;
  await raw`DELETE FROM properties WHERE name LIKE ${`${tag}%`}`;
  await db.transaction((tx) => refreshMarketDigest(tx));
  rmSync(dir, { recursive: true, force: true });
});

async function importedCount(): Promise<number> {
  const { sql: raw } = await getDatabase();
  const [{ n }] = await raw`SELECT count(*)::int AS n FROM transactions WHERE source = ${`import:${tag}.csv`}`;
  return n;
}

describe("import-transactions", () => {
  it("parses quoted fields with commas and reports each record's line", () => {
    const records = parseCsv('a,b\n"x, y","he said ""hi"""\r\n\n1,2');
    expect(records).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x, y", 'he said "hi"'] },
      { line: 4, fields: ["1", "2"] },
    ]);
  });

  it("the CLI refuses a file with a bad row, names its line and imports nothing", async () => {
    const file = path.join(dir, `${tag}.csv`);
    writeFileSync(file, csv);
    // The test setup points DATABASE_URL at this run's cluster; the child inherits it.
    const result = await run("npx", ["tsx", "--conditions=react-server", "scripts/import-transactions.ts", file], { cwd: process.cwd(), env: process.env }).then(() => ({ code: 0, stderr: "" }), (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/line 3: monthly_rent: monthly rows need monthly_rent > 0/);
    expect(result.stderr).toMatch(/nothing imported/);
    expect(await importedCount()).toBe(0);
  }, 60_000);

  it("with skipInvalid imports the good rows in one go, skips them on a re-import, and refreshes the summary", async () => {
    const { db } = await getDatabase();
    const report = await importTransactionsCsv(db, csv, { sourceName: `${tag}.csv`, skipInvalid: true });
    expect(report).toMatchObject({ rows: 4, valid: 3, inserted: 3, duplicates: 0, propertiesCreated: 2, committed: true });
    expect(report.invalid).toEqual([{ line: 3, errors: ["monthly_rent: monthly rows need monthly_rent > 0"] }]);
    expect(await importedCount()).toBe(3);

    const again = await importTransactionsCsv(db, csv, { sourceName: `${tag}.csv`, skipInvalid: true });
    expect(again).toMatchObject({ inserted: 0, duplicates: 3, propertiesCreated: 0 });

    const ctx = { db, language: "ko" as const, runId: "import-test", signal: new AbortController().signal };
    const exact = await marketDataTool.run(marketDataTool.inputSchema.parse({
      region: "종로구", propertyType: "house", areaM2Min: AREA - 0.1, areaM2Max: AREA + 0.1, months: 3,
    }), ctx);
    expect(exact.totalCount).toBe(3);
    expect(exact.sample).toBe(false);
    expect(exact.stats.find((s) => s.transactionType === "sale")?.amount.avg).toBe(1_250_000_000);
    expect(exact.stats.find((s) => s.transactionType === "monthly")?.monthlyRent?.avg).toBe(1_500_000);

    const [{ n }] = await (await getDatabase()).sql`SELECT count(*)::int AS n FROM market_digest s JOIN regions r ON r.id = s.region_id
      WHERE r.name_ko = '종로구' AND s.property_type = 'house' AND s.max_amount = 1250000000`;
    expect(n).toBe(1);
  });

  it("reads amounts in 만원 with --unit manwon and rejects unknown districts and columns", async () => {
    const { db } = await getDatabase();
    const manwon = `${header}\n${day(3)},Atlantis,,villa,sale,${tag} 빌라,59,3,2001,45000,\n${day(3)},종로구,,villa,sale,${tag} 빌라,59,3,2001,45000,\n`;
    const report = await importTransactionsCsv(db, manwon, { sourceName: `${tag}.csv`, unit: "manwon" });
    expect(report.committed).toBe(false);
    expect(report.invalid).toEqual([{ line: 2, errors: ['region: unknown district "Atlantis"'] }]);
    const { sql: raw } = await getDatabase();
    expect((await raw`SELECT 1 FROM properties WHERE name = ${`${tag} 빌라`}`).length).toBe(0);

    const ok = await importTransactionsCsv(db, manwon.replace("Atlantis", "Jongno"), { sourceName: `${tag}.csv`, unit: "manwon" });
    expect(ok).toMatchObject({ inserted: 1, duplicates: 1, committed: true });
    const [row] = await raw`SELECT t.amount::bigint AS amount FROM transactions t JOIN properties p ON p.id = t.property_id WHERE p.name = ${`${tag} 빌라`}`;
    expect(Number(row.amount)).toBe(450_000_000);

    await expect(importTransactionsCsv(db, "contract_date,region\n", { sourceName: "x" })).rejects.toThrow(/missing column/);
    await expect(importTransactionsCsv(db, `${header},colour\n`, { sourceName: "x" })).rejects.toThrow(/unknown column/);
  });
});
