// Reference tables the answer composer reads for definitions and fee calculations: a bilingual glossary
// of housing, lease and lending terms, and the brokerage-fee (중개보수) rate brackets.
import { sql } from "drizzle-orm";
import { pgTable, text, doublePrecision, bigint, integer, index, primaryKey } from "drizzle-orm/pg-core";

/** One term with a plain-language definition in both languages; `aliases` are lower-case spellings people use. */
export const glossaryTerms = pgTable("glossary_terms", {
  key: text("key").primaryKey(),
  termKo: text("term_ko").notNull(),
  termEn: text("term_en").notNull(),
  aliases: text("aliases").array().notNull().default(sql`'{}'::text[]`),
  /** finance | lease | contract | tax | market */
  category: text("category").notNull(),
  definitionKo: text("definition_ko").notNull(),
  definitionEn: text("definition_en").notNull(),
  /** The statute or rule the term comes from, e.g. "주택임대차보호법 제3조의2", when there is one. */
  lawReference: text("law_reference"),
  /** A law_terms concept key, so a definition can be followed by its articles. */
  concept: text("concept"),
}, (t) => [index("glossary_terms_aliases_idx").using("gin", t.aliases)]);

/**
 * Upper limits of the brokerage fee by deal kind and amount bracket (공인중개사법 시행규칙 별표 1, as of
 * 2021-10-19): rate in percent of the deal amount, with a KRW cap for the lowest brackets.
 */
export const brokerageFeeRates = pgTable("brokerage_fee_rates", {
  /** sale | lease (jeonse and monthly rent) */
  dealKind: text("deal_kind").notNull(),
  /** Inclusive lower bound of the deal amount, KRW. */
  minAmount: bigint("min_amount", { mode: "number" }).notNull(),
  /** Exclusive upper bound, KRW; null = no upper bound. */
  maxAmount: bigint("max_amount", { mode: "number" }),
  ratePercent: doublePrecision("rate_percent").notNull(),
  capKrw: bigint("cap_krw", { mode: "number" }),
  sortOrder: integer("sort_order").notNull(),
  lawReference: text("law_reference").notNull(),
}, (t) => [primaryKey({ columns: [t.dealKind, t.minAmount] })]);
