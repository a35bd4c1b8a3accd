// Shared pieces of the housing tools: the entity enums, region lookup by Korean/English name or
// alias (through the regions table), and the small zod fragments several inputs reuse.
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { ToolInputError } from "../../../tools/types";

export const PROPERTY_TYPES = ["apartment", "officetel", "villa", "house", "commercial"] as const;
export const TRANSACTION_TYPES = ["sale", "jeonse", "monthly"] as const;
export const propertyTypeSchema = z.enum(PROPERTY_TYPES);
export const transactionTypeSchema = z.enum(TRANSACTION_TYPES);
export type PropertyType = z.infer<typeof propertyTypeSchema>;
export type TransactionType = z.infer<typeof transactionTypeSchema>;

/** A Seoul district: "마포구", "마포", "Mapo", "Mapo-gu" (resolved against the regions table). */
export const regionInputSchema = z.string().trim().min(1).max(40);

export const regionOutputSchema = z.object({ id: z.number().int(), nameKo: z.string(), nameEn: z.string() });
export type RegionRef = z.infer<typeof regionOutputSchema>;

/** Lower-cases and drops city prefixes and spacing so "서울시 마포구" and "Mapo-gu, Seoul" match. */
export function normaliseRegionName(input: string): string {
  return input
    .trim()
    .toLowerCase()
    .replace(/^(서울특별시|서울시|서울)\s*/u, "")
    .replace(/,?\s*seoul(\s+city)?$/u, "")
    .replace(/^seoul\s+/u, "")
    .replace(/\s+/gu, "")
    .replace(/_/gu, "-");
}

/** The region, or a ToolInputError naming the unknown input: guessing another district would mislead. */
export async function resolveRegion(db: Db, tool: string, input: string): Promise<RegionRef> {
  const key = normaliseRegionName(input);
  const rows = await db.execute<{ id: number; name_ko: string; name_en: string }>(sql`
    SELECT id, name_ko, name_en FROM regions
    WHERE lower(name_ko) = ${key} OR lower(replace(name_en, ' ', '')) = ${key} OR ${key} = ANY(aliases)
    ORDER BY id LIMIT 1`);
  const row = rows[0];
  if (!row) throw new ToolInputError(tool, `unknown region "${input}" (expected a Seoul district such as 마포구 or Mapo-gu)`);
  return { id: row.id, nameKo: row.name_ko, nameEn: row.name_en };
}

/** "2026-10" → the first day of that month, "2026-10-01". */
export function monthStart(month: string): string {
  return `${month}-01`;
}
