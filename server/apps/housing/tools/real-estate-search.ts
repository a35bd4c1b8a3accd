// real_estate_search: current listings (sale, jeonse, monthly) with filters on district, type, price,
// area and built year, sorted and paginated; prices are asking prices in KRW.
import { z } from "zod";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import type { ToolDefinition } from "../../../tools/types";
import {
  propertyTypeSchema, transactionTypeSchema, regionInputSchema, regionOutputSchema, resolveRegion, type RegionRef,
} from "./common";

const krw = z.number().int().nonnegative().max(1e13);
const area = z.number().positive().max(2000);
const year = z.number().int().min(1900).max(2100);

export const realEstateSearchInputSchema = z.object({
  region: regionInputSchema.optional(),
  propertyType: propertyTypeSchema.optional(),
  /** Listing kind: sale (매매), jeonse (전세) or monthly (월세). */
  transactionType: transactionTypeSchema.optional(),
  /** Bounds on the asking sale price, or on the deposit for jeonse and monthly listings. */
  priceMin: krw.optional(),
  priceMax: krw.optional(),
  monthlyRentMax: krw.optional(),
  areaM2Min: area.optional(),
  areaM2Max: area.optional(),
  builtYearMin: year.optional(),
  builtYearMax: year.optional(),
  sort: z.enum(["price_asc", "price_desc", "area_desc", "newest_building", "recently_listed"]).default("recently_listed"),
  page: z.number().int().min(1).max(1000).default(1),
  pageSize: z.number().int().min(1).max(50).default(10),
}).refine((i) => i.priceMin === undefined || i.priceMax === undefined || i.priceMin <= i.priceMax, {
  message: "priceMin must not exceed priceMax", path: ["priceMin"],
}).refine((i) => i.areaM2Min === undefined || i.areaM2Max === undefined || i.areaM2Min <= i.areaM2Max, {
  message: "areaM2Min must not exceed areaM2Max", path: ["areaM2Min"],
}).refine((i) => i.builtYearMin === undefined || i.builtYearMax === undefined || i.builtYearMin <= i.builtYearMax, {
  message: "builtYearMin must not exceed builtYearMax", path: ["builtYearMin"],
});
export type RealEstateSearchInput = z.infer<typeof realEstateSearchInputSchema>;

export const listingSchema = z.object({
  propertyId: z.number().int(),
  name: z.string(),
  region: regionOutputSchema,
  dong: z.string().nullable(),
  propertyType: propertyTypeSchema,
  transactionType: transactionTypeSchema,
  /** Sale price (sale) or deposit (jeonse, monthly), KRW. */
  askingPrice: z.number(),
  /** KRW per month, monthly listings only. */
  askingMonthlyRent: z.number().nullable(),
  areaM2: z.number(),
  builtYear: z.number().int().nullable(),
  floor: z.number().int().nullable(),
  listedAt: z.string().nullable(),
  sample: z.boolean(),
});
export type Listing = z.infer<typeof listingSchema>;

export const realEstateSearchOutputSchema = z.object({
  region: regionOutputSchema.nullable(),
  listings: z.array(listingSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  totalPages: z.number().int(),
  sample: z.boolean(),
  sources: z.array(z.string()),
});
export type RealEstateSearchOutput = z.infer<typeof realEstateSearchOutputSchema>;

const ORDER: Record<RealEstateSearchInput["sort"], SQL> = {
  price_asc: sql`p.asking_price ASC, p.id`,
  price_desc: sql`p.asking_price DESC, p.id`,
  area_desc: sql`p.area_m2 DESC, p.id`,
  newest_building: sql`p.built_year DESC NULLS LAST, p.id`,
  recently_listed: sql`p.listed_at DESC NULLS LAST, p.id`,
};

function listingFilters(i: RealEstateSearchInput, region: RegionRef | null): SQL {
  const conds: SQL[] = [sql`p.listing_type IS NOT NULL`, sql`p.asking_price IS NOT NULL`];
  if (region) conds.push(sql`p.region_id = ${region.id}`);
  if (i.propertyType) conds.push(sql`p.property_type = ${i.propertyType}`);
  if (i.transactionType) conds.push(sql`p.listing_type = ${i.transactionType}`);
  if (i.priceMin !== undefined) conds.push(sql`p.asking_price >= ${i.priceMin}`);
  if (i.priceMax !== undefined) conds.push(sql`p.asking_price <= ${i.priceMax}`);
  if (i.monthlyRentMax !== undefined) conds.push(sql`coalesce(p.asking_monthly_rent, 0) <= ${i.monthlyRentMax}`);
  if (i.areaM2Min !== undefined) conds.push(sql`p.area_m2 >= ${i.areaM2Min}`);
  if (i.areaM2Max !== undefined) conds.push(sql`p.area_m2 <= ${i.areaM2Max}`);
  if (i.builtYearMin !== undefined) conds.push(sql`p.built_year >= ${i.builtYearMin}`);
  if (i.builtYearMax !== undefined) conds.push(sql`p.built_year <= ${i.builtYearMax}`);
  return sql.join(conds, sql` AND `);
}

async function searchListings(db: Db, input: RealEstateSearchInput): Promise<RealEstateSearchOutput> {
  const region = input.region ? await resolveRegion(db, "real_estate_search", input.region) : null;
  const where = listingFilters(input, region);
  const rows = await db.execute<Record<string, unknown>>(sql`
    SELECT p.id, p.name, p.dong, p.property_type, p.listing_type, p.asking_price, p.asking_monthly_rent, p.area_m2,
      p.built_year, p.floor, to_char(p.listed_at, 'YYYY-MM-DD') AS listed_at, p.is_sample,
      r.id AS region_id, r.name_ko, r.name_en, count(*) OVER () AS total
    FROM properties p JOIN regions r ON r.id = p.region_id
    WHERE ${where}
    ORDER BY ${ORDER[input.sort]}
    LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`);
  // Past the last page the window count is absent: count separately so the caller still learns the total.
  const total = rows.length > 0
    ? Number(rows[0].total)
    : Number((await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM properties p WHERE ${where}`))[0]?.n ?? 0);
  const listings: Listing[] = rows.map((r) => ({
    propertyId: Number(r.id),
    name: String(r.name),
    region: { id: Number(r.region_id), nameKo: String(r.name_ko), nameEn: String(r.name_en) },
    dong: (r.dong as string | null) ?? null,
    propertyType: r.property_type as Listing["propertyType"],
    transactionType: r.listing_type as Listing["transactionType"],
    askingPrice: Number(r.asking_price),
    askingMonthlyRent: r.asking_monthly_rent === null ? null : Number(r.asking_monthly_rent),
    areaM2: Number(r.area_m2),
    builtYear: r.built_year === null ? null : Number(r.built_year),
    floor: r.floor === null ? null : Number(r.floor),
    listedAt: (r.listed_at as string | null) ?? null,
    sample: r.is_sample === true,
  }));
  const sample = listings.some((l) => l.sample);
  return {
    region, listings, total, page: input.page, pageSize: input.pageSize,
    totalPages: Math.ceil(total / input.pageSize),
    sample,
    sources: listings.length === 0 ? [] : [sample ? "sample listings" : "listings"],
  };
}

/** Widen in the order users least mind: built year, then area, then price bounds. */
function broadenListingInput(input: RealEstateSearchInput): RealEstateSearchInput | null {
  if (input.builtYearMin !== undefined || input.builtYearMax !== undefined) {
    const { builtYearMin: _a, builtYearMax: _b, ...rest } = input;
    return rest;
  }
  if (input.areaM2Min !== undefined || input.areaM2Max !== undefined) {
    const { areaM2Min: _a, areaM2Max: _b, ...rest } = input;
    return rest;
  }
  if (input.priceMin !== undefined || input.priceMax !== undefined || input.monthlyRentMax !== undefined) {
    const { priceMin: _a, priceMax: _b, monthlyRentMax: _c, ...rest } = input;
    return rest;
  }
  return null;
}

export const realEstateSearchTool: ToolDefinition<RealEstateSearchInput, RealEstateSearchOutput, "real_estate_search"> = {
  name: "real_estate_search",
  description:
    "Current property listings (sale, jeonse, monthly rent) in Seoul filtered by district, property type, " +
    "asking price or deposit, area and built year; paginated. KRW.",
  inputSchema: realEstateSearchInputSchema,
  outputSchema: realEstateSearchOutputSchema,
  readOnly: true,
  timeoutMs: 5_000,
  fallbacks: [],
  run: (input, ctx) => searchListings(ctx.db, input),
  quality: (o) => (o.total === 0 ? 0 : Math.min(1, 0.5 + o.total / 20)),
  broaden: broadenListingInput,
};
