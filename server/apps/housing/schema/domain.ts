// Housing domain tables: law articles (+ a Korean/English term table), Seoul regions, properties,
// transactions with a per-month summary, and loan products. Sample rows are flagged with is_sample.
import { sql } from "drizzle-orm";
import {
  pgTable, serial, bigserial, integer, bigint, text, boolean, doublePrecision, numeric, date, timestamp,
  index, uniqueIndex, unique,
} from "drizzle-orm/pg-core";

export const lawArticles = pgTable("law_articles", {
  id: serial("id").primaryKey(),
  /** e.g. "주택임대차보호법" */
  lawName: text("law_name").notNull(),
  lawNameEn: text("law_name_en").notNull(),
  /** e.g. "제6조의3" */
  articleNumber: text("article_number").notNull(),
  title: text("title").notNull(),
  titleEn: text("title_en").notNull(),
  /** Our own plain-language summaries, not the statute text. */
  summary: text("summary").notNull(),
  summaryEn: text("summary_en").notNull(),
  /** lease_term | renewal | rent_increase | opposing_power | priority_repayment | lease_registration | deposit_return | repairs_restoration | termination | commercial_lease | dispute | tax | contract | scope */
  category: text("category").notNull(),
  /** Concept keys (see law_terms.concept) the article is about. */
  concepts: text("concepts").array().notNull().default(sql`'{}'::text[]`),
  tenantProtectionTags: text("tenant_protection_tags").array().notNull().default(sql`'{}'::text[]`),
  taxTags: text("tax_tags").array().notNull().default(sql`'{}'::text[]`),
  /** Titles, summaries and terms in both languages: what full-text and trigram search read. */
  searchText: text("search_text").notNull(),
  effectiveNote: text("effective_note"),
}, (t) => [
  uniqueIndex("law_articles_law_article_uq").on(t.lawName, t.articleNumber),
  index("law_articles_category_idx").on(t.category),
  index("law_articles_concepts_idx").using("gin", t.concepts),
  index("law_articles_search_fts_idx").using("gin", sql`to_tsvector('simple', ${t.searchText})`),
]);

/** Synonyms: each Korean or English term maps to a concept key shared by both languages. */
export const lawTerms = pgTable("law_terms", {
  term: text("term").primaryKey(),
  concept: text("concept").notNull(),
  language: text("language").notNull(),
}, (t) => [index("law_terms_concept_idx").on(t.concept)]);

export const regions = pgTable("regions", {
  id: serial("id").primaryKey(),
  /** Administrative code, e.g. "11440" for 마포구. */
  code: text("code").notNull(),
  city: text("city").notNull(),
  nameKo: text("name_ko").notNull(),
  nameEn: text("name_en").notNull(),
  /** Lower-case alternative spellings: "마포", "mapo", "mapo-gu". */
  aliases: text("aliases").array().notNull().default(sql`'{}'::text[]`),
  dongs: text("dongs").array().notNull().default(sql`'{}'::text[]`),
}, (t) => [uniqueIndex("regions_code_uq").on(t.code), uniqueIndex("regions_name_ko_uq").on(t.nameKo)]);

export const properties = pgTable("properties", {
  id: serial("id").primaryKey(),
  regionId: integer("region_id").notNull().references(() => regions.id),
  /** apartment | officetel | villa | house | commercial */
  propertyType: text("property_type").notNull(),
  name: text("name").notNull(),
  dong: text("dong"),
  areaM2: doublePrecision("area_m2").notNull(),
  builtYear: integer("built_year"),
  floor: integer("floor"),
  /** A current listing, if any: sale | jeonse | monthly. */
  listingType: text("listing_type"),
  /** Sale price for sale listings, deposit for jeonse/monthly, KRW. */
  askingPrice: bigint("asking_price", { mode: "number" }),
  askingMonthlyRent: bigint("asking_monthly_rent", { mode: "number" }),
  listedAt: date("listed_at"),
  isSample: boolean("is_sample").notNull().default(false),
}, (t) => [
  index("properties_region_type_idx").on(t.regionId, t.propertyType),
  index("properties_listing_idx").on(t.listingType, t.regionId),
  index("properties_identity_idx").on(t.regionId, t.name, t.propertyType, t.areaM2),
]);

export const transactions = pgTable("transactions", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  propertyId: integer("property_id").notNull().references(() => properties.id, { onDelete: "cascade" }),
  /** sale | jeonse | monthly */
  transactionType: text("transaction_type").notNull(),
  contractDate: date("contract_date").notNull(),
  /** Sale price (sale) or deposit (jeonse, monthly), KRW. */
  amount: bigint("amount", { mode: "number" }).notNull(),
  /** Monthly rent in KRW (monthly only, else 0). */
  monthlyRent: bigint("monthly_rent", { mode: "number" }).notNull().default(0),
  floor: integer("floor"),
  isSample: boolean("is_sample").notNull().default(false),
  /** "sample" or "import:<file name>" */
  source: text("source").notNull(),
  importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  // market_data reads only these columns, so its scan is index-only (after VACUUM): each of the
  // matching properties, a range on (type, date). Deliberately no (type, date) index: with one, the
  // generic plan of market_data's prepared statements (which cannot see the district) scans every
  // district's rows and hash-joins (11.9 ms vs 1.0 ms at 500k); without it both plans loop over properties.
  index("transactions_property_type_date_idx").on(t.propertyId, t.transactionType, t.contractDate, t.amount, t.monthlyRent, t.isSample),
  // The latest month with data (max(contract_date)), one index probe instead of a scan of every row.
  index("transactions_contract_date_idx").on(t.contractDate),
  index("transactions_source_idx").on(t.source),
]);

/**
 * What market_data needs to answer exactly without reading every transaction: per month and transaction type,
 * for a district and property type, and for each of them taken as "all" (NULL: all of Seoul, every type). Sums,
 * extremes and the month's exact median, plus the month's amounts (and monthly rents) in sorted order, from which
 * `sorted_median` (migration 0014) finds the exact median of several months; market_summary reads its monthly rows
 * as they are. Rebuilt by summary-refresh.ts; any write to transactions or to a property's district, type or area marks it stale
 * (market_digest_state), and market_data then reads transactions instead.
 */
export const marketDigest = pgTable("market_digest", {
  regionId: integer("region_id"),
  propertyType: text("property_type"),
  transactionType: text("transaction_type").notNull(),
  month: date("month").notNull(),
  count: integer("count").notNull(),
  sumAmount: numeric("sum_amount").notNull(),
  minAmount: bigint("min_amount", { mode: "number" }).notNull(),
  maxAmount: bigint("max_amount", { mode: "number" }).notNull(),
  /** The month's lower and upper middle amounts: its median, and the bounds of where several months' median can lie. */
  amountLo: bigint("amount_lo", { mode: "number" }).notNull(),
  amountHi: bigint("amount_hi", { mode: "number" }).notNull(),
  /** As percentile_cont(0.5): the middle value, or the mean of the two middle ones (exact below 2^53). */
  medianAmount: doublePrecision("median_amount").generatedAlwaysAs(sql`(amount_lo + amount_hi) / 2.0`),
  /** Every amount of the month, ascending. */
  amounts: bigint("amounts", { mode: "number" }).array().notNull(),
  /** Monthly rents: only for monthly deals (NULL otherwise). */
  sumRent: numeric("sum_rent"),
  minRent: bigint("min_rent", { mode: "number" }),
  maxRent: bigint("max_rent", { mode: "number" }),
  rentLo: bigint("rent_lo", { mode: "number" }),
  rentHi: bigint("rent_hi", { mode: "number" }),
  medianRent: doublePrecision("median_rent").generatedAlwaysAs(sql`(rent_lo + rent_hi) / 2.0`),
  rents: bigint("rents", { mode: "number" }).array(),
  sumAreaM2: numeric("sum_area_m2").notNull(),
  sumAmountPerM2: doublePrecision("sum_amount_per_m2").notNull(),
  sampleCount: integer("sample_count").notNull(),
}, (t) => [
  unique("market_digest_key").on(t.regionId, t.propertyType, t.transactionType, t.month).nullsNotDistinct(),
  // market_summary's default period ends at max(month): one index probe instead of a scan.
  index("market_digest_month_idx").on(t.month),
]);

/** One row: whether market_digest reflects transactions as they are (see marketDigest). */
export const marketDigestState = pgTable("market_digest_state", {
  id: integer("id").primaryKey().default(1),
  fresh: boolean("fresh").notNull().default(false),
  refreshedAt: timestamp("refreshed_at", { withTimezone: true }),
});

export const loanProducts = pgTable("loan_products", {
  id: serial("id").primaryKey(),
  /** Stable key used by the seed, e.g. "didimdol". */
  code: text("code").notNull(),
  bank: text("bank").notNull(),
  bankEn: text("bank_en").notNull(),
  productName: text("product_name").notNull(),
  productNameEn: text("product_name_en").notNull(),
  /** purchase | jeonse | monthly_rent | refinance */
  loanType: text("loan_type").notNull(),
  /** government (주택도시기금 / HF) | bank */
  provider: text("provider").notNull(),
  rateMin: doublePrecision("rate_min").notNull(),
  rateMax: doublePrecision("rate_max").notNull(),
  /** Percent of the house price, purchase loans only. */
  maxLtv: doublePrecision("max_ltv"),
  /** Percent of the deposit, jeonse loans only. */
  maxDepositRatio: doublePrecision("max_deposit_ratio"),
  limitKrw: bigint("limit_krw", { mode: "number" }).notNull(),
  maxTermYears: integer("max_term_years").notNull(),
  incomeCapKrw: bigint("income_cap_krw", { mode: "number" }),
  maxHousePriceKrw: bigint("max_house_price_krw", { mode: "number" }),
  maxDepositKrw: bigint("max_deposit_krw", { mode: "number" }),
  minAge: integer("min_age"),
  maxAge: integer("max_age"),
  firstHomeOnly: boolean("first_home_only").notNull().default(false),
  homelessOnly: boolean("homeless_only").notNull().default(false),
  newlywedOnly: boolean("newlywed_only").notNull().default(false),
  youthOnly: boolean("youth_only").notNull().default(false),
  notes: text("notes").notNull(),
  notesEn: text("notes_en").notNull(),
  /** Rates and limits are illustrative figures, not a bank's current offer. */
  isSample: boolean("is_sample").notNull().default(true),
}, (t) => [uniqueIndex("loan_products_code_uq").on(t.code), index("loan_products_type_idx").on(t.loanType)]);
