// Statute tables: one row per law version (a law may have a future version beside the one in force),
// its articles, their provisions (항) with a Korean-aware search vector, 부칙 apart, delegations and term stats.
import { sql } from "drizzle-orm";
import {
  pgTable, serial, integer, text, boolean, date, timestamp, jsonb, customType, index, uniqueIndex, primaryKey,
} from "drizzle-orm/pg-core";

/** A tsvector built by laws/tokens.ts (Hangul bigrams + words + English words), written as a literal. */
const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => "tsvector" });

export const statutes = pgTable("statutes", {
  id: serial("id").primaryKey(),
  /** "주택임대차보호법 시행령": the export's file name before the first "(". */
  lawName: text("law_name").notNull(),
  /** 약칭, e.g. "주택임대차법". */
  shortName: text("short_name"),
  nameEn: text("name_en").notNull(),
  /** 법률 | 대통령령 | 국토교통부령 | 대법원규칙 */
  kind: text("kind").notNull(),
  /** "제19356호" */
  lawNumber: text("law_number").notNull(),
  /** An amendment promulgated before it takes effect (예정_법률 files). */
  scheduled: boolean("scheduled").notNull().default(false),
  promulgatedOn: date("promulgated_on", { mode: "string" }),
  effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
  /** Exclusive: the day the next version of the same law takes effect; null while no later version exists. */
  effectiveTo: date("effective_to", { mode: "string" }),
  /** The act a decree or rule carries out ("주택임대차보호법" for its 시행령); null for acts. */
  parentLaw: text("parent_law"),
  revision: text("revision"),
  ministries: text("ministries").array().notNull().default(sql`'{}'::text[]`),
  sourceFile: text("source_file").notNull(),
  /** sha256 of the file and the parser version: an unchanged file is not imported again. */
  contentHash: text("content_hash").notNull(),
  unplacedLines: integer("unplaced_lines").notNull().default(0),
  importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex("statutes_law_effective_uq").on(t.lawName, t.effectiveFrom)]);

export const statuteArticles = pgTable("statute_articles", {
  id: serial("id").primaryKey(),
  statuteId: integer("statute_id").notNull().references(() => statutes.id, { onDelete: "cascade" }),
  /** Position in the file: the law's own order. */
  ordinal: integer("ordinal").notNull(),
  /** "제3조의2" */
  articleNumber: text("article_number").notNull(),
  articleBase: integer("article_base").notNull(),
  articleBranch: integer("article_branch").notNull(),
  title: text("title"),
  deleted: boolean("deleted").notNull().default(false),
  /** "제1장 총칙" / "제2절 …" */
  chapter: text("chapter"),
  section: text("section"),
  notes: text("notes").array().notNull().default(sql`'{}'::text[]`),
  /** Article-level dates when the export prints a pending copy ("[시행일: …] 제25조"); null: the version's. */
  validFrom: date("valid_from", { mode: "string" }),
  validTo: date("valid_to", { mode: "string" }),
}, (t) => [
  index("statute_articles_statute_number_idx").on(t.statuteId, t.articleNumber),
]);

export const statuteProvisions = pgTable("statute_provisions", {
  id: serial("id").primaryKey(),
  articleId: integer("article_id").notNull().references(() => statuteArticles.id, { onDelete: "cascade" }),
  statuteId: integer("statute_id").notNull().references(() => statutes.id, { onDelete: "cascade" }),
  /** 2 for ②; null for an article without numbered paragraphs. */
  paragraph: integer("paragraph"),
  /** Stable citation key: "주택임대차보호법 제3조의2 제2항" (no "제N항" when paragraph is null). */
  key: text("key").notNull(),
  /** Verbatim, amendment notes removed; items and sub-items on their own lines. */
  text: text("text").notNull(),
  notes: text("notes").array().notNull().default(sql`'{}'::text[]`),
  /** The parsed 호 and 목: [{ number, text, subItems: [{ label, text }] }]. */
  items: jsonb("items").notNull().default(sql`'[]'::jsonb`),
  /** Says "대통령령으로 정한다" or the like: a decree or rule carries it out. */
  delegates: boolean("delegates").notNull().default(false),
  /** Title tokens weight A, chapter/section B, text D. */
  search: tsvector("search").notNull(),
  /** Text tokens: BM25's document length. */
  tokenCount: integer("token_count").notNull(),
}, (t) => [
  index("statute_provisions_search_idx").using("gin", t.search),
  index("statute_provisions_article_idx").on(t.articleId),
  index("statute_provisions_statute_idx").on(t.statuteId),
]);

/** 부칙 blocks, kept apart from the body so their 제1조 never stands for the body's. */
export const statuteSupplements = pgTable("statute_supplements", {
  id: serial("id").primaryKey(),
  statuteId: integer("statute_id").notNull().references(() => statutes.id, { onDelete: "cascade" }),
  ordinal: integer("ordinal").notNull(),
  /** "부칙 <제19520호,2023. 7. 11.>" */
  label: text("label").notNull(),
  text: text("text").notNull(),
});

/**
 * A delegating article and the decree/rule article that carries it out, by law name and article number so the
 * link holds across versions ("주택임대차보호법 제8조" → "주택임대차보호법 시행령 제10조", basis "법 제8조제3항").
 */
export const statuteDelegations = pgTable("statute_delegations", {
  id: serial("id").primaryKey(),
  fromLaw: text("from_law").notNull(),
  fromArticle: text("from_article").notNull(),
  toLaw: text("to_law").notNull(),
  toArticle: text("to_article").notNull(),
  basis: text("basis").notNull(),
}, (t) => [
  uniqueIndex("statute_delegations_uq").on(t.fromLaw, t.fromArticle, t.toLaw, t.toArticle),
  index("statute_delegations_to_idx").on(t.toLaw, t.toArticle),
]);

/**
 * The inverted index BM25 reads: one row per (term, provision), built in SQL from statute_provisions.search.
 * A covering index on term (custom migration) lets a query read only the postings of its own terms.
 */
export const statutePostings = pgTable("statute_postings", {
  term: text("term").notNull(),
  provisionId: integer("provision_id").notNull().references(() => statuteProvisions.id, { onDelete: "cascade" }),
  articleId: integer("article_id").notNull(),
  statuteId: integer("statute_id").notNull(),
  /** Occurrences in the provision's text (positions kept, up to 8). */
  tf: integer("tf").notNull(),
  /** The provision's token count. */
  len: integer("len").notNull(),
  inTitle: boolean("in_title").notNull(),
  inHeading: boolean("in_heading").notNull(),
}, (t) => [primaryKey({ columns: [t.term, t.provisionId] })]);

/** Document frequency of each search term over all provisions: BM25's idf. Rebuilt after every import. */
export const statuteTermStats = pgTable("statute_term_stats", {
  term: text("term").primaryKey(),
  df: integer("df").notNull(),
});
