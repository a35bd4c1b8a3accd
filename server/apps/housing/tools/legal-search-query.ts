// How a question becomes law-article matches: concept detection through the law_terms synonym table
// (Korean substring / English whole-word), article-number parsing, and the SQL scoring of both modes.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";

export interface QueryAnalysis {
  /** Concept keys whose Korean or English terms occur in the query. */
  concepts: string[];
  /** Every term of those concepts, both languages: what full-text search looks for. */
  expandedTerms: string[];
  /** "제6조의3" when the query names an article ("6조의3", "article 6-3"). */
  articleNumber: string | null;
  /** Words of the query itself (two characters or more). */
  words: string[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** How many characters a "~" in a Korean term may stand for: "보증금~지키" matches "보증금은 어떻게 지키나요". */
const TERM_GAP = 8;

/**
 * English terms match whole words (so "rent" does not match "current"); Korean terms match inside words,
 * spaces ignored, and a "~" in a Korean term allows up to TERM_GAP characters between its parts.
 */
export function termOccursIn(term: string, language: string, query: string): boolean {
  const lower = query.toLowerCase();
  if (language === "ko") {
    const text = lower.replace(/\s+/g, "");
    const parts = term.replace(/\s+/g, "").split("~").filter((p) => p.length > 0);
    if (parts.length <= 1) return text.includes(parts[0] ?? "");
    return new RegExp(parts.map(escapeRegExp).join(`.{0,${TERM_GAP}}`), "u").test(text);
  }
  const spaced = lower.replace(/[-_/]/g, " ");
  const wanted = term.replace(/[-_/]/g, " ");
  return new RegExp(`(^|[^a-z0-9])${escapeRegExp(wanted)}([^a-z0-9]|$)`, "u").test(spaced);
}

export function parseArticleNumber(query: string): string | null {
  const ko = /제?\s*(\d+)\s*조(?:\s*의\s*(\d+))?/u.exec(query);
  if (ko) return `제${ko[1]}조${ko[2] ? `의${ko[2]}` : ""}`;
  const en = /\b(?:article|art\.?)\s*(\d+)(?:\s*-\s*(\d+))?/iu.exec(query);
  if (en) return `제${en[1]}조${en[2] ? `의${en[2]}` : ""}`;
  return null;
}

const STOPWORDS = new Set([
  "the", "and", "for", "what", "how", "can", "does", "with", "from", "that", "this", "are", "was", "when", "who",
  "which", "about", "should", "would", "could", "have", "has", "not", "any", "get", "into", "under", "law", "act",
  "있나요", "되나요", "어떻게", "무엇", "알려줘", "알려주세요", "관련", "법률", "궁금합니다",
]);

/** Hangul words of two syllables or more, Latin words of three letters or more, minus stopwords. */
function isContentWord(w: string): boolean {
  if (STOPWORDS.has(w)) return false;
  return /[\p{Script=Hangul}]/u.test(w) ? w.length >= 2 : w.length >= 3;
}

export async function analyseQuery(db: Db, query: string): Promise<QueryAnalysis> {
  const terms = await db.execute<{ term: string; concept: string; language: string }>(
    sql`SELECT term, concept, language FROM law_terms`,
  );
  const concepts = [...new Set(terms.filter((t) => termOccursIn(t.term, t.language, query)).map((t) => t.concept))];
  const expandedTerms = terms.filter((t) => concepts.includes(t.concept)).map((t) => t.term);
  const words = query.toLowerCase().split(/[^\p{L}\p{N}%]+/u).filter(isContentWord);
  return { concepts, expandedTerms, articleNumber: parseArticleNumber(query), words };
}

export function textArray(values: string[]): SQL {
  if (values.length === 0) return sql`ARRAY[]::text[]`;
  return sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;
}

export interface ArticleFilters {
  law?: string;
  category?: string;
  tenantProtectionOnly?: boolean;
  taxOnly?: boolean;
}

export function filterSql(f: ArticleFilters): SQL {
  const conds: SQL[] = [sql`true`];
  if (f.law) conds.push(sql`(a.law_name ILIKE ${`%${f.law}%`} OR a.law_name_en ILIKE ${`%${f.law}%`})`);
  if (f.category) conds.push(sql`a.category = ${f.category}`);
  if (f.tenantProtectionOnly) conds.push(sql`cardinality(a.tenant_protection_tags) > 0`);
  if (f.taxOnly) conds.push(sql`cardinality(a.tax_tags) > 0`);
  return sql.join(conds, sql` AND `);
}

/**
 * Concept score: 3 when the article's main concept matches, 2 for its second, 1.5 for each later one;
 * housing-lease articles get +0.5 unless the question is about commercial leases, since tenants'
 * questions default to homes.
 */
export function conceptScoreSql(a: QueryAnalysis): SQL {
  const m = textArray(a.concepts);
  const commercial = a.concepts.includes("commercial_lease");
  return sql`(
    (CASE WHEN a.concepts[1] = ANY(${m}) THEN 3 ELSE 0 END)
    + (CASE WHEN a.concepts[2] = ANY(${m}) THEN 2 ELSE 0 END)
    + 1.5 * (SELECT count(*) FROM unnest(a.concepts[3:]) AS c WHERE c = ANY(${m}))
    + (CASE WHEN ${!commercial} AND ${a.concepts.length > 0} AND a.law_name LIKE '주택임대차보호법%' THEN 0.5 ELSE 0 END)
    + (CASE WHEN a.article_number = ${a.articleNumber ?? ""} THEN 6 ELSE 0 END)
  )::float8`;
}

/** websearch syntax never raises on user text: `a or "b c" or d`. */
export function websearchQuery(a: QueryAnalysis): string {
  // "보증금~지키" (a term with a gap) is searched as its two words.
  return [...new Set([...a.expandedTerms.flatMap((t) => t.split("~")), ...a.words])]
    .map((t) => t.replace(/["']/g, " ").trim())
    .filter((t) => t.length > 0)
    .map((t) => (t.includes(" ") ? `"${t}"` : t))
    .join(" or ");
}

/** Full-text mode: concepts + 'simple' full-text rank over both languages + pg_trgm word similarity. */
export function fulltextScoreSql(query: string, a: QueryAnalysis): { score: SQL; matched: SQL } {
  const tsq = sql`websearch_to_tsquery('simple', ${websearchQuery(a)})`;
  const tsv = sql`to_tsvector('simple', a.search_text)`;
  const concept = conceptScoreSql(a);
  const score = sql`(${concept} + 2 * ts_rank(${tsv}, ${tsq}) + 1.5 * word_similarity(${query}, a.search_text))`;
  const matched = sql`(${concept} > 0 OR ${tsv} @@ ${tsq} OR word_similarity(${query}, a.search_text) >= 0.5)`;
  return { score, matched };
}

/** Keyword mode (the fallback): concepts + how many query words occur (ILIKE); no extension needed. */
export function keywordScoreSql(a: QueryAnalysis): { score: SQL; matched: SQL } {
  const hits = a.words.length === 0
    ? sql`0`
    : sql.join(a.words.map((w) => sql`(a.search_text ILIKE ${`%${w}%`})::int`), sql` + `);
  const concept = conceptScoreSql(a);
  return { score: sql`(${concept} + 0.5 * (${hits}))`, matched: sql`(${concept} > 0 OR (${hits}) > 0)` };
}
