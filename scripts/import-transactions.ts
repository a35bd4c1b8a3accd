// Imports real transaction records from a CSV export (columns in docs/import-transactions.md): every row
// is checked with zod, bad rows are reported by line, good rows go in one transaction, the summary is rebuilt.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "../server/db/client";
import { normaliseRegionName } from "../server/apps/housing/tools/common";
import { refreshMarketDigest } from "../server/apps/housing/tools/summary-refresh";
import { isEntryPoint, runCli } from "./cli";

export const REQUIRED_COLUMNS = ["contract_date", "region", "property_type", "transaction_type", "name", "area_m2", "amount"] as const;
export const OPTIONAL_COLUMNS = ["dong", "floor", "built_year", "monthly_rent"] as const;

/** RFC 4180: quoted fields may hold commas, quotes ("") and newlines. Returns records with their first line number. */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  const src = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (inQuotes) {
      if (c === '"' && src[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') inQuotes = false;
      else { if (c === "\n") line++; field += c; }
      continue;
    }
    if (c === '"') inQuotes = true;
    else if (c === ",") { fields.push(field); field = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      fields.push(field);
      if (fields.some((f) => f.trim() !== "")) records.push({ line: recordLine, fields });
      fields = []; field = ""; line++; recordLine = line;
    } else field += c;
  }
  fields.push(field);
  if (fields.some((f) => f.trim() !== "")) records.push({ line: recordLine, fields });
  return records;
}

/** A whole number written with or without thousands separators; "" allowed only when `emptyAs` is given. */
const wholeNumber = (min: number, max: number, emptyAs?: number) =>
  z.string().trim().transform((s, ctx) => {
    if (s === "" && emptyAs !== undefined) return emptyAs;
    const n = Number(s.replace(/,/g, ""));
    if (s === "" || !Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: "custom", message: `expected a whole number from ${min} to ${max}, got "${s}"` });
      return z.NEVER;
    }
    return n;
  });
const optionalInt = (min: number, max: number) =>
  z.string().trim().transform((s, ctx) => {
    if (s === "") return null;
    const n = Number(s);
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: "custom", message: `expected a whole number from ${min} to ${max}, got "${s}"` });
      return z.NEVER;
    }
    return n;
  });

/** One CSV row after its columns are named; amounts are whole numbers in the file's unit. */
export const csvRowSchema = z.object({
  contract_date: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "not a real date")
    .refine((d) => d <= new Date().toISOString().slice(0, 10), "date is in the future"),
  region: z.string().trim().min(1, "region is empty"),
  dong: z.string().trim().optional().transform((s) => (s ? s : null)),
  property_type: z.enum(["apartment", "officetel", "villa", "house", "commercial"]),
  transaction_type: z.enum(["sale", "jeonse", "monthly"]),
  name: z.string().trim().min(1, "name is empty").max(200),
  area_m2: z.coerce.number().positive().max(5000),
  floor: optionalInt(-10, 200),
  built_year: optionalInt(1900, 2100),
  amount: wholeNumber(1, 1e13),
  monthly_rent: wholeNumber(0, 1e11, 0),
}).superRefine((r, ctx) => {
  if (r.transaction_type === "monthly" && r.monthly_rent === 0) ctx.addIssue({ code: "custom", path: ["monthly_rent"], message: "monthly rows need monthly_rent > 0" });
  if (r.transaction_type !== "monthly" && r.monthly_rent !== 0) ctx.addIssue({ code: "custom", path: ["monthly_rent"], message: `${r.transaction_type} rows must not have monthly_rent` });
});
export type CsvRow = z.infer<typeof csvRowSchema>;

export interface ImportOptions {
  /** Recorded in transactions.source as "import:<name>". */
  sourceName: string;
  /** "manwon": amounts in the file are in 만원 (10,000 KRW), as in MOLIT exports. */
  unit?: "krw" | "manwon";
  /** Insert the valid rows even when some are bad (default: insert nothing). */
  skipInvalid?: boolean;
}

export interface ImportReport {
  rows: number;
  valid: number;
  invalid: { line: number; errors: string[] }[];
  inserted: number;
  duplicates: number;
  propertiesCreated: number;
  summaryRows: number;
  committed: boolean;
}

type ValidRow = CsvRow & { line: number; regionId: number };

async function regionIndex(db: Db): Promise<Map<string, number>> {
  const rows = await db.execute<{ id: number; name_ko: string; name_en: string; aliases: string[] }>(
    sql`SELECT id, name_ko, name_en, aliases FROM regions`,
  );
  const index = new Map<string, number>();
  for (const r of rows) {
    for (const key of [r.name_ko, r.name_en, ...r.aliases]) index.set(normaliseRegionName(key), r.id);
  }
  return index;
}

export function validateRows(text: string, regions: Map<string, number>, unit: "krw" | "manwon"): { valid: ValidRow[]; invalid: ImportReport["invalid"]; rows: number } {
  const records = parseCsv(text);
  if (records.length === 0) throw new Error("the CSV file is empty");
  const header = records[0].fields.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) throw new Error(`line ${records[0].line}: missing column(s): ${missing.join(", ")}`);
  const known = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);
  const unknown = header.filter((h) => !known.has(h));
  if (unknown.length) throw new Error(`line ${records[0].line}: unknown column(s): ${unknown.join(", ")}`);

  const valid: ValidRow[] = [];
  const invalid: ImportReport["invalid"] = [];
  const factor = unit === "manwon" ? 10_000 : 1;
  for (const rec of records.slice(1)) {
    if (rec.fields.length !== header.length) {
      invalid.push({ line: rec.line, errors: [`expected ${header.length} fields, found ${rec.fields.length}`] });
      continue;
    }
    const raw: Record<string, string> = {};
    header.forEach((h, i) => { raw[h] = rec.fields[i]; });
    for (const c of OPTIONAL_COLUMNS) raw[c] ??= "";
    const parsed = csvRowSchema.safeParse(raw);
    if (!parsed.success) {
      invalid.push({ line: rec.line, errors: parsed.error.issues.map((i) => `${i.path.join(".") || "row"}: ${i.message}`) });
      continue;
    }
    const regionId = regions.get(normaliseRegionName(parsed.data.region));
    if (regionId === undefined) {
      invalid.push({ line: rec.line, errors: [`region: unknown district "${parsed.data.region}"`] });
      continue;
    }
    valid.push({
      ...parsed.data, line: rec.line, regionId,
      amount: parsed.data.amount * factor, monthly_rent: parsed.data.monthly_rent * factor,
    });
  }
  return { valid, invalid, rows: records.length - 1 };
}

/** The property a row belongs to: same district, name, type, area and dong, else a new non-sample one. */
async function propertyIdFor(tx: Tx, r: ValidRow, cache: Map<string, number>): Promise<{ id: number; created: boolean }> {
  const key = [r.regionId, r.name, r.property_type, r.area_m2, r.dong ?? ""].join("|");
  const cached = cache.get(key);
  if (cached !== undefined) return { id: cached, created: false };
  const found = await tx.execute<{ id: number }>(sql`
    SELECT id FROM properties WHERE region_id = ${r.regionId} AND name = ${r.name} AND property_type = ${r.property_type}
      AND area_m2 = ${r.area_m2} AND dong IS NOT DISTINCT FROM ${r.dong} AND NOT is_sample LIMIT 1`);
  let id = found[0]?.id;
  const created = id === undefined;
  if (id === undefined) {
    const inserted = await tx.execute<{ id: number }>(sql`
      INSERT INTO properties (region_id, property_type, name, dong, area_m2, built_year, floor, is_sample)
      VALUES (${r.regionId}, ${r.property_type}, ${r.name}, ${r.dong}, ${r.area_m2}, ${r.built_year ?? null}, ${r.floor ?? null}, false)
      RETURNING id`);
    id = inserted[0].id;
  }
  cache.set(key, id);
  return { id, created };
}

export async function importTransactionsCsv(db: Db, text: string, options: ImportOptions): Promise<ImportReport> {
  const { valid, invalid, rows } = validateRows(text, await regionIndex(db), options.unit ?? "krw");
  const report: ImportReport = {
    rows, valid: valid.length, invalid, inserted: 0, duplicates: 0, propertiesCreated: 0, summaryRows: 0, committed: false,
  };
  if (valid.length === 0 || (invalid.length > 0 && !options.skipInvalid)) return report;

  await db.transaction(async (tx) => {
    const cache = new Map<string, number>();
    for (let start = 0; start < valid.length; start += 500) {
      const chunk = valid.slice(start, start + 500);
      const values = [];
      for (const r of chunk) {
        const { id, created } = await propertyIdFor(tx, r, cache);
        if (created) report.propertiesCreated++;
        values.push(sql`(${id}::int, ${r.transaction_type}::text, ${r.contract_date}::date, ${r.amount}::bigint, ${r.monthly_rent}::bigint, ${r.floor ?? null}::int)`);
      }
      // Re-importing the same export must not double the data: identical records are skipped.
      const inserted = await tx.execute(sql`
        INSERT INTO transactions (property_id, transaction_type, contract_date, amount, monthly_rent, floor, is_sample, source)
        SELECT DISTINCT v.pid, v.tt, v.cd, v.amount, v.rent, v.fl, false, ${`import:${options.sourceName}`}
        FROM (VALUES ${sql.join(values, sql`, `)}) AS v(pid, tt, cd, amount, rent, fl)
        WHERE NOT EXISTS (SELECT 1 FROM transactions t WHERE t.property_id = v.pid AND t.transaction_type = v.tt
          AND t.contract_date = v.cd AND t.amount = v.amount AND t.monthly_rent = v.rent AND t.floor IS NOT DISTINCT FROM v.fl)
        RETURNING id`);
      report.inserted += inserted.length;
      report.duplicates += chunk.length - inserted.length;
    }
    report.summaryRows = await refreshMarketDigest(tx);
  });
  report.committed = true;
  // VACUUM also marks the new pages all-visible: market_data's covering indexes then scan index-only.
  await db.execute(sql`VACUUM (ANALYZE) properties, transactions, market_digest`);
  return report;
}

function parseArgs(argv: string[]): { file: string; unit: "krw" | "manwon"; skipInvalid: boolean } {
  const files = argv.filter((a) => !a.startsWith("--"));
  const unitArg = argv.find((a) => a.startsWith("--unit="))?.slice("--unit=".length) ?? "krw";
  if (files.length !== 1) throw new Error("usage: npm run import:transactions -- [--unit=krw|manwon] [--skip-invalid] file.csv");
  if (unitArg !== "krw" && unitArg !== "manwon") throw new Error(`--unit must be krw or manwon, not ${unitArg}`);
  return { file: files[0], unit: unitArg, skipInvalid: argv.includes("--skip-invalid") };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const text = readFileSync(args.file, "utf8");
  const { getDatabase, shutdownDatabase } = await import("../server/db/client");
  try {
    const { db } = await getDatabase();
    const report = await importTransactionsCsv(db, text, { sourceName: path.basename(args.file), unit: args.unit, skipInvalid: args.skipInvalid });
    for (const bad of report.invalid) console.error(`line ${bad.line}: ${bad.errors.join("; ")}`);
    console.log(JSON.stringify({ ...report, invalid: report.invalid.length }));
    if (!report.committed) {
      console.error(report.invalid.length > 0 && !args.skipInvalid
        ? `nothing imported: ${report.invalid.length} bad row(s); fix them or pass --skip-invalid`
        : "nothing imported: no valid rows");
      return 1;
    }
    return 0;
  } finally {
    await shutdownDatabase();
  }
}

if (isEntryPoint(import.meta.url)) runCli(main);
