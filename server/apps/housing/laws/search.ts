// Statute retrieval in PostgreSQL: an exact citation first, then BM25-like ranking of provisions (항) over the
// bigram tsvector (GIN), title and heading boosts, a bonus for a named law, one best provision per article.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { corpusInfo, glossaryExpansions } from "./corpus";
import { analyseStatuteQuery, type StatuteQuery } from "./query";
import { tsqueryTerm } from "./tokens";
import { textArray } from "../tools/legal-search-query";

export interface RankParams {
  k1: number;
  b: number;
  /** Added per term found in the article title, times its idf. */
  title: number;
  /** Added per term found in the chapter/section heading, times its idf. */
  heading: number;
  /** Added when the provision's law is one the question names. */
  namedLaw: number;
  /** Multiplier for decrees and rules against acts (questions mostly ask what the act says). */
  subordinate: number;
  /** At most this many query terms, the most informative first. */
  maxTerms: number;
  /** Use the law_terms glossary for expansions. */
  glossary: boolean;
}

/** Tuned on the train split of data/eval/legal/questions.jsonl (see README "Statutes"). */
export const DEFAULT_RANK: RankParams = {
  k1: 1.2, b: 0.5, title: 2, heading: 0.3, namedLaw: 4, subordinate: 0.85, maxTerms: 20, glossary: true,
};

export interface StatuteSearchInput {
  query: string;
  limit: number;
  /** ISO date: the versions in force that day. */
  asOf: string;
  /** Only laws whose name (Korean or English) contains this. */
  law?: string;
}

export interface StatuteHit {
  /** "주택임대차보호법 제3조의2 제2항" (or without 제N항 for an article without paragraphs) */
  key: string;
  lawName: string;
  lawNameEn: string;
  kind: string;
  articleNumber: string;
  title: string | null;
  paragraph: number | null;
  /** The provision's text, verbatim. */
  text: string;
  effectiveFrom: string;
  chapter: string | null;
  articleId: number;
  score: number;
  /** How it was found: the question cited it, or text ranking. */
  via: "citation" | "text";
}

export interface StatuteSearchResult {
  hits: StatuteHit[];
  query: StatuteQuery;
  /** Terms searched, with their idf: for explaining a result and for tuning. */
  searched: { term: string; idf: number; weight: number }[];
}

/** Versions and article copies in force on asOf. */
function inForce(asOf: string): SQL {
  return sql`s.effective_from <= ${asOf}::date AND (s.effective_to IS NULL OR ${asOf}::date < s.effective_to)
    AND (a.valid_from IS NULL OR a.valid_from <= ${asOf}::date) AND (a.valid_to IS NULL OR ${asOf}::date < a.valid_to)`;
}

function floatArray(values: number[]): SQL {
  if (values.length === 0) return sql`ARRAY[]::float8[]`;
  return sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::float8[]`;
}

function lawFilter(law: string | undefined): SQL {
  return law ? sql`(s.law_name ILIKE ${`%${law}%`} OR s.name_en ILIKE ${`%${law}%`} OR s.short_name ILIKE ${`%${law}%`})` : sql`true`;
}

const COLUMNS = sql`p.id, p.key, p.paragraph, p.text, p.article_id, s.law_name, s.name_en, s.kind, s.effective_from::text AS effective_from,
  a.article_number, a.title, a.chapter, a.ordinal`;

type Row = {
  id: number; key: string; paragraph: number | null; text: string; article_id: number; law_name: string; name_en: string;
  kind: string; effective_from: string; article_number: string; title: string | null; chapter: string | null; score: number;
};

function toHit(r: Row, via: StatuteHit["via"]): StatuteHit {
  return {
    key: r.key, lawName: r.law_name, lawNameEn: r.name_en, kind: r.kind, articleNumber: r.article_number, title: r.title,
    paragraph: r.paragraph, text: r.text, effectiveFrom: r.effective_from, chapter: r.chapter, articleId: r.article_id,
    score: Math.round(Number(r.score) * 1000) / 1000, via,
  };
}

/** The cited article's provisions (the cited paragraph first, else the best-matching one, else ①). */
async function citedProvision(db: Db, q: StatuteQuery, input: StatuteSearchInput, scoreSql: SQL): Promise<Row | null> {
  if (!q.article || q.laws.length === 0) return null;
  const rows = await db.execute<Row>(sql`
    SELECT ${COLUMNS}, ${scoreSql} AS score
    FROM statute_provisions p JOIN statute_articles a ON a.id = p.article_id JOIN statutes s ON s.id = p.statute_id
    WHERE s.law_name = ${q.laws[0]} AND a.article_number = ${q.article} AND ${inForce(input.asOf)}
    ORDER BY (p.paragraph IS NOT DISTINCT FROM ${q.paragraph}) DESC, score DESC, p.paragraph NULLS FIRST
    LIMIT 1`);
  return rows[0] ?? null;
}

export async function searchStatutes(db: Db, input: StatuteSearchInput, params: RankParams = DEFAULT_RANK): Promise<StatuteSearchResult> {
  const info = await corpusInfo(db);
  const q = analyseStatuteQuery(input.query, info.aliases, (text) => (params.glossary ? glossaryExpansions(info, text) : []));
  const termList = [...q.terms.keys()];
  const stats = termList.length === 0 ? [] : await db.execute<{ term: string; df: number }>(
    sql`SELECT term, df FROM statute_term_stats WHERE term = ANY(${textArray(termList)})`);
  const searched = stats
    .map((s) => ({ term: s.term, idf: Math.log(1 + (info.docs - s.df + 0.5) / (s.df + 0.5)), weight: q.terms.get(s.term) ?? 0 }))
    .sort((x, y) => y.idf * y.weight - x.idf * x.weight)
    .slice(0, params.maxTerms);

  const named = q.laws.length > 0 ? sql`s.law_name = ANY(${textArray(q.laws)})` : sql`false`;
  const lawBonus = sql`(CASE WHEN ${named} THEN ${params.namedLaw}::float8 ELSE 0 END)`;
  const kindFactor = sql`(CASE WHEN s.kind = '법률' THEN 1 ELSE ${params.subordinate}::float8 END)`;
  const cited = await citedProvision(db, q, input, lawBonus);
  const hits: StatuteHit[] = cited ? [toHit({ ...cited, score: 1000 }, "citation")] : [];
  if (searched.length > 0) {
    const k1 = params.k1;
    const b = params.b;
    // BM25 per (term, provision) from the postings; title and heading hits add a fixed share of the term's idf.
    const rows = await db.execute<Row>(sql`
      WITH q AS (
        SELECT * FROM unnest(${textArray(searched.map((t) => t.term))}, ${floatArray(searched.map((t) => t.idf * t.weight))}) AS q(term, w)
      ), live AS (
        SELECT s.id, s.kind, s.law_name FROM statutes s
        WHERE s.effective_from <= ${input.asOf}::date AND (s.effective_to IS NULL OR ${input.asOf}::date < s.effective_to)
          AND ${lawFilter(input.law)}
      ), provision_scores AS (
        SELECT x.provision_id, x.article_id, max(live.kind) AS kind, max(live.law_name) AS law_name,
          sum(q.w * (CASE WHEN x.tf > 0 THEN ${k1 + 1}::float8 * x.tf / (x.tf + ${k1}::float8 * (1 - ${b}::float8 + ${b}::float8 * x.len / ${info.avgLen}::float8)) ELSE 0 END
            + CASE WHEN x.in_title THEN ${params.title}::float8 ELSE 0 END
            + CASE WHEN x.in_heading THEN ${params.heading}::float8 ELSE 0 END)) AS text_score
        FROM statute_postings x JOIN q ON q.term = x.term JOIN live ON live.id = x.statute_id
        GROUP BY x.provision_id, x.article_id
      ), best AS (
        SELECT DISTINCT ON (article_id) provision_id, article_id,
          text_score * (CASE WHEN kind = '법률' THEN 1 ELSE ${params.subordinate}::float8 END)
            + (CASE WHEN law_name = ANY(${textArray(q.laws.length > 0 ? q.laws : [""])}) THEN ${params.namedLaw}::float8 ELSE 0 END) AS score
        FROM provision_scores ORDER BY article_id, text_score DESC
      ), top AS (
        SELECT * FROM best ORDER BY score DESC LIMIT ${input.limit * 3 + 10}
      )
      SELECT ${COLUMNS}, top.score
      FROM top JOIN statute_provisions p ON p.id = top.provision_id JOIN statute_articles a ON a.id = p.article_id
        JOIN statutes s ON s.id = p.statute_id
      WHERE (a.valid_from IS NULL OR a.valid_from <= ${input.asOf}::date) AND (a.valid_to IS NULL OR ${input.asOf}::date < a.valid_to)
      ORDER BY top.score DESC, s.law_name, a.ordinal
      LIMIT ${input.limit + 1}`);
    for (const r of rows) if (r.article_id !== cited?.article_id) hits.push(toHit(r, "text"));
  }
  void kindFactor;
  return { hits: hits.slice(0, input.limit), query: q, searched };
}
