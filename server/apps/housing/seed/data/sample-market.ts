// The deterministic sample market: SQL that generates properties (with listings) and 24 months of
// sale/jeonse/monthly transactions from md5-based pseudo-random numbers, so every seed yields the same rows.
import { sql, type SQL } from "drizzle-orm";
import { SEOUL_REGIONS } from "./regions";

export const SAMPLE_PROPERTY_COUNT = 4_000;
export const SAMPLE_TRANSACTION_COUNT = 50_000;
/** First month of the sample period; it runs for SAMPLE_MONTHS months (2024-11 .. 2026-10). */
export const SAMPLE_START_MONTH = "2024-11-01";
export const SAMPLE_MONTHS = 24;

/** A number in [0, 1) fixed by (key, salt): md5 keeps it identical across PostgreSQL versions; float8 keeps it fast. */
function rnd(key: string, salt: string): string {
  return `(('x' || lpad(substr(md5((${key})::text || ':${salt}'), 1, 8), 16, '0'))::bit(64)::bigint::float8 / 4294967296.0::float8)`;
}

const regionParams = SEOUL_REGIONS
  .map((r) => `('${r.code}', ${r.salePerM2Man * 10_000}::float8, ${r.jeonseRatio}::float8)`)
  .join(",\n      ");

/** Apartment = 1; the others relative to it. */
const TYPE_FACTOR = `CASE p.property_type WHEN 'apartment' THEN 1.0 WHEN 'officetel' THEN 0.55 WHEN 'villa' THEN 0.45
  WHEN 'house' THEN 0.65 ELSE 0.8 END`;

/**
 * The sale value of a property in the first sample month: district price per m² × area × type ×
 * age (newer is dearer) × a per-property factor. Needs `p` (properties) and `rp` (region params).
 */
const BASE_VALUE = `(rp.sale_m2 * p.area_m2 * ${TYPE_FACTOR} * (0.8 + 0.4 * (coalesce(p.built_year, 2000) - 1985) / 40.0)
  * (0.85 + 0.3 * ${rnd("p.id", "value")}))`;

export function insertSamplePropertiesSql(): SQL {
  const u = (salt: string) => rnd("i", salt);
  return sql.raw(`
    WITH rp(code, sale_m2, jeonse_ratio) AS (VALUES
      ${regionParams}),
    r AS (SELECT regions.id, regions.name_ko, regions.dongs, rp.sale_m2, rp.jeonse_ratio,
            (row_number() OVER (ORDER BY regions.code) - 1)::int AS idx
          FROM regions JOIN rp ON rp.code = regions.code),
    g AS (SELECT i, ${u("type")} AS ut, ${u("area")} AS ua, ${u("year")} AS uy, ${u("floor")} AS uf,
            ${u("dong")} AS ud, ${u("listing")} AS ul, ${u("ltype")} AS ult, ${u("lday")} AS uld
          FROM generate_series(0, ${SAMPLE_PROPERTY_COUNT - 1}) AS i),
    typed AS (SELECT g.*, r.id AS region_id, r.name_ko, r.dongs,
            CASE WHEN ut < 0.55 THEN 'apartment' WHEN ut < 0.70 THEN 'officetel' WHEN ut < 0.88 THEN 'villa'
                 WHEN ut < 0.95 THEN 'house' ELSE 'commercial' END AS property_type
          FROM g JOIN r ON r.idx = g.i % ${SEOUL_REGIONS.length}),
    shaped AS (SELECT typed.*,
            round((CASE property_type WHEN 'apartment' THEN 39 + ua * 96 WHEN 'officetel' THEN 20 + ua * 45
                   WHEN 'villa' THEN 30 + ua * 55 WHEN 'house' THEN 60 + ua * 140 ELSE 30 + ua * 120 END)::numeric, 1)::float8 AS area_m2,
            CASE WHEN property_type = 'officetel' THEN 1998 + floor(uy * 27)::int ELSE 1985 + floor(uy * 40)::int END AS built_year,
            CASE WHEN property_type = 'apartment' THEN 1 + floor(uf * 25)::int WHEN property_type = 'officetel' THEN 2 + floor(uf * 18)::int
                 ELSE 1 + floor(uf * 4)::int END AS floor,
            dongs[1 + floor(ud * array_length(dongs, 1))::int] AS dong
          FROM typed)
    INSERT INTO properties (region_id, property_type, name, dong, area_m2, built_year, floor, listing_type, listed_at, is_sample)
    SELECT region_id, property_type,
      replace(coalesce(dong, name_ko), '동', '') || ' 샘플' ||
        CASE property_type WHEN 'apartment' THEN '아파트' WHEN 'officetel' THEN '오피스텔' WHEN 'villa' THEN '빌라'
          WHEN 'house' THEN '주택' ELSE '상가' END || ' ' || (1 + i / ${SEOUL_REGIONS.length} % 60),
      dong, area_m2, built_year, floor,
      CASE WHEN ul >= 0.3 THEN NULL WHEN property_type = 'commercial' THEN (CASE WHEN ult < 0.4 THEN 'sale' ELSE 'monthly' END)
           WHEN ult < 0.4 THEN 'sale' WHEN ult < 0.75 THEN 'jeonse' ELSE 'monthly' END,
      CASE WHEN ul < 0.3 THEN DATE '2026-10-31' - floor(uld * 60)::int END,
      true
    FROM shaped ORDER BY i`);
}

/** Asking prices for the sample listings, from the same value model at the end of the period (+3%). */
export function priceSampleListingsSql(): SQL {
  return sql.raw(`
    WITH rp(code, sale_m2, jeonse_ratio) AS (VALUES
      ${regionParams})
    UPDATE properties p SET
      asking_price = round(CASE p.listing_type
        WHEN 'sale' THEN ${BASE_VALUE} * 1.10 * 1.03
        WHEN 'jeonse' THEN ${BASE_VALUE} * 1.05 * rp.jeonse_ratio
        ELSE ${BASE_VALUE} * rp.jeonse_ratio * 0.2 END / 1000000) * 1000000,
      asking_monthly_rent = CASE WHEN p.listing_type = 'monthly'
        THEN round(${BASE_VALUE} * rp.jeonse_ratio * 0.8 * 0.055 / 12 / 10000) * 10000 END
    FROM regions, rp
    WHERE p.is_sample AND p.listing_type IS NOT NULL AND regions.id = p.region_id AND rp.code = regions.code`);
}

export function insertSampleTransactionsSql(): SQL {
  const u = (salt: string) => rnd("t", salt);
  return sql.raw(`
    WITH rp(code, sale_m2, jeonse_ratio) AS (VALUES
      ${regionParams}),
    numbered AS (SELECT p.*, row_number() OVER (ORDER BY p.id)::int AS rn FROM properties p WHERE p.is_sample),
    g AS MATERIALIZED (SELECT t, 1 + floor(${u("prop")} * ${SAMPLE_PROPERTY_COUNT})::int AS pick, ${u("kind")} AS uk, ${u("month")} AS um, ${u("day")} AS ud,
            ${u("noise")} AS un, ${u("share")} AS us FROM generate_series(0, ${SAMPLE_TRANSACTION_COUNT - 1}) AS t),
    picked AS (SELECT g.*, p.id AS property_id, p.property_type, p.floor, floor(g.um * ${SAMPLE_MONTHS})::int AS m,
            ${BASE_VALUE} AS base_value, rp.jeonse_ratio,
            CASE WHEN p.property_type = 'commercial' THEN (CASE WHEN g.uk < 0.4 THEN 'sale' ELSE 'monthly' END)
                 WHEN g.uk < 0.35 THEN 'sale' WHEN g.uk < 0.70 THEN 'jeonse' ELSE 'monthly' END AS transaction_type
          FROM g JOIN numbered p ON p.rn = g.pick
          JOIN regions ON regions.id = p.region_id JOIN rp ON rp.code = regions.code),
    valued AS (SELECT picked.*,
            base_value * (1 + 0.004 * m) * (0.92 + 0.16 * un) AS sale_value,
            base_value * jeonse_ratio * (1 + 0.002 * m) * (0.9 + 0.2 * un) AS jeonse_value
          FROM picked)
    INSERT INTO transactions (property_id, transaction_type, contract_date, amount, monthly_rent, floor, is_sample, source)
    SELECT property_id, transaction_type,
      (DATE '${SAMPLE_START_MONTH}' + make_interval(months => m))::date + floor(ud * 28)::int,
      CASE transaction_type
        WHEN 'sale' THEN round(sale_value / 10000) * 10000
        WHEN 'jeonse' THEN round(jeonse_value / 10000) * 10000
        ELSE round(jeonse_value * (0.05 + 0.25 * us) / 1000000) * 1000000 END::bigint,
      CASE WHEN transaction_type = 'monthly'
        THEN round(jeonse_value * (0.95 - 0.25 * us) * 0.055 / 12 / 10000) * 10000 ELSE 0 END::bigint,
      floor, true, 'sample'
    FROM valued ORDER BY t`);
}
