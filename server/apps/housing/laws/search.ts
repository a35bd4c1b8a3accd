// Statute retrieval in PostgreSQL: an exact citation first, then BM25 over the postings of the question's
// bigrams and words (title/heading boosts, named-law bonus), one best provision (항) per article.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { conceptWords, corpusInfo, glossaryConcepts, type CorpusInfo } from "./corpus";
import { analyseStatuteQuery, type StatuteQuery } from "./query";
import { loadLawPrior, rerankByLawPrior, type LawPrior } from "./law-prior";
import { floatArray, inForceSql, textArray } from "./sql";
import { tsqueryTerm } from "./tokens";

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
  /** Added when the project's summary of the article (law_articles) shares a glossary concept with the question. */
  summaryConcept: number;
  /** Times the law prior's trained weight (law-prior.ts): 1 as trained, 0 off (BM25 alone). */
  lawPrior: number;
}

/** Tuned on the train split of data/eval/legal/questions.jsonl (README, "Statutes"); the prior's weight by `npm run train:laws`. */
export const DEFAULT_RANK: RankParams = {
  k1: 1.2, b: 0.5, title: 2, heading: 0.3, namedLaw: 4, subordinate: 0.85, maxTerms: 20, glossary: true, summaryConcept: 0, lawPrior: 1,
};

/** Each law's best this many articles join the pool the law prior reranks, however low BM25 put them (2 measured the same). */
const PER_LAW_POOL = 1;

export interface StatuteSearchInput {
  query: string;
  limit: number;
  /** ISO date: the versions in force that day. */
  asOf: string;
  /** Only laws whose name (Korean, English or 약칭) contains this. */
  law?: string;
}

export interface StatuteHit {
  /** "주택임대차보호법 제3조의2 제2항" (no 제N항 for an article without paragraphs) */
  key: string;
  lawName: string;
  lawNameEn: string;
  kind: string;
  lawNumber: string;
  articleNumber: string;
  title: string | null;
  paragraph: number | null;
  /** The provision's text, verbatim. */
  text: string;
  effectiveFrom: string;
  articleId: number;
  score: number;
  /** How it was found: the question cited it, or text ranking. */
  via: "citation" | "text";
}

export interface StatuteSearchResult {
  hits: StatuteHit[];
  query: StatuteQuery;
  /** law_terms concepts found in the question. */
  concepts: string[];
  /** Terms searched, with their idf: for explaining a result and for tuning. */
  searched: { term: string; idf: number; weight: number }[];
}

function lawFilter(law: string | undefined): SQL {
  return law ? sql`(s.law_name ILIKE ${`%${law}%`} OR s.name_en ILIKE ${`%${law}%`} OR s.short_name ILIKE ${`%${law}%`})` : sql`true`;
}

const COLUMNS = sql`p.id, p.key, p.paragraph, p.text, p.article_id, s.law_name, s.name_en, s.kind, s.law_number,
  s.effective_from::text AS effective_from, a.article_number, a.title, a.ordinal`;

type Row = {
  id: number; key: string; paragraph: number | null; text: string; article_id: number; law_name: string; name_en: string;
  kind: string; law_number: string; effective_from: string; article_number: string; title: string | null; score: number;
};

function toHit(r: Row, via: StatuteHit["via"]): StatuteHit {
  return {
    key: r.key, lawName: r.law_name, lawNameEn: r.name_en, kind: r.kind, lawNumber: r.law_number, articleNumber: r.article_number,
    title: r.title, paragraph: r.paragraph, text: r.text, effectiveFrom: r.effective_from, articleId: r.article_id,
    score: Math.round(Number(r.score) * 1000) / 1000, via,
  };
}

/** The cited article's provision: the cited paragraph, else its first. */
async function citedProvision(db: Db, q: StatuteQuery, asOf: string): Promise<Row | null> {
  if (!q.article || q.laws.length === 0) return null;
  const rows = await db.execute<Row>(sql`
    SELECT ${COLUMNS}, 1000::float8 AS score
    FROM statute_provisions p JOIN statute_articles a ON a.id = p.article_id JOIN statutes s ON s.id = p.statute_id
    WHERE s.law_name = ${q.laws[0]} AND a.article_number = ${q.article} AND ${inForceSql(asOf)}
    ORDER BY (p.paragraph IS NOT DISTINCT FROM ${q.paragraph}) DESC, p.paragraph NULLS FIRST
    LIMIT 1`);
  return rows[0] ?? null;
}

/**
 * The verbatim provision a citation names ("주택임대차보호법 제7조 제2항"; without 제N항, the article's first), in force
 * on asOf; null when the citation does not parse or names nothing in the corpus.
 */
export async function provisionByCitation(db: Db, citation: string, asOf: string): Promise<StatuteHit | null> {
  const m = /^(\S+)\s+(제\d+조(?:의\d+)?)(?:\s*제(\d+)항)?/u.exec(citation.trim());
  if (!m) return null;
  const q: StatuteQuery = { laws: [m[1]], article: m[2], paragraph: m[3] ? Number(m[3]) : null, terms: new Map(), keyTerms: [] };
  const row = await citedProvision(db, q, asOf);
  return row && (m[3] === undefined || row.paragraph === Number(m[3])) ? toHit(row, "citation") : null;
}

function analyse(info: CorpusInfo, query: string, params: RankParams): { q: StatuteQuery; concepts: string[] } {
  const concepts = params.glossary ? glossaryConcepts(info, query) : [];
  return { q: analyseStatuteQuery(query, info.aliases, () => conceptWords(info, concepts)), concepts };
}

/** BM25 over statute_postings, articles in force on asOf; the ranking legal_search uses. */
async function rankByPostings(
  db: Db, info: CorpusInfo, q: StatuteQuery, concepts: string[], searched: StatuteSearchResult["searched"],
  input: StatuteSearchInput, params: RankParams,
): Promise<Row[]> {
  const { k1, b } = params;
  const named = textArray(q.laws.length > 0 ? q.laws : [""]);
  const summaryBonus = params.summaryConcept > 0 && concepts.length > 0
    ? sql`+ CASE WHEN EXISTS (SELECT 1 FROM law_articles la JOIN statute_articles sa ON sa.id = best.article_id
        WHERE la.law_name = best.law_name AND la.article_number = sa.article_number AND la.concepts && ${textArray(concepts)})
        THEN ${params.summaryConcept}::float8 ELSE 0 END`
    : sql``;
  return db.execute<Row>(sql`
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
          + CASE WHEN x.in_heading THEN ${params.heading}::float8 ELSE 0 END)) AS text_score,
        count(*) AS matched
      FROM statute_postings x JOIN q ON q.term = x.term JOIN live ON live.id = x.statute_id
      GROUP BY x.provision_id, x.article_id
    ), best AS (
      -- An article ranks by its best provision's score; the provision shown for it is the one that matches the
      -- most of the question's terms, then the best score (BM25 alone favours a short paragraph that repeats
      -- one term: paragraph-labelled questions, data/eval/paragraphs, 48.6% → 55.7% on the held-out half).
      SELECT DISTINCT ON (article_id) provision_id, article_id, law_name,
        max(text_score) OVER (PARTITION BY article_id) * (CASE WHEN kind = '법률' THEN 1 ELSE ${params.subordinate}::float8 END)
          + (CASE WHEN law_name = ANY(${named}) THEN ${params.namedLaw}::float8 ELSE 0 END) AS score
      FROM provision_scores ORDER BY article_id, matched DESC, text_score DESC
    ), scored AS (
      SELECT provision_id, law_name, score ${summaryBonus} AS score FROM best
    ), ranked AS (
      SELECT provision_id, score, row_number() OVER (ORDER BY score DESC) AS overall,
        row_number() OVER (PARTITION BY law_name ORDER BY score DESC) AS in_law
      FROM scored
    ), top AS (
      -- The best overall, and each law's best few: the law prior may lift a law BM25 ranked low.
      SELECT provision_id, score FROM ranked WHERE overall <= ${input.limit * 3 + 10} OR in_law <= ${PER_LAW_POOL}
    )
    SELECT ${COLUMNS}, top.score
    FROM top JOIN statute_provisions p ON p.id = top.provision_id JOIN statute_articles a ON a.id = p.article_id
      JOIN statutes s ON s.id = p.statute_id
    WHERE (a.valid_from IS NULL OR a.valid_from <= ${input.asOf}::date) AND (a.valid_to IS NULL OR ${input.asOf}::date < a.valid_to)
    ORDER BY top.score DESC, s.law_name, a.ordinal`);
}

/** The fallback: any term over the GIN-indexed tsvector, PostgreSQL's ts_rank_cd (cover density, length-normalised). */
async function rankByTsRank(db: Db, q: StatuteQuery, input: StatuteSearchInput): Promise<Row[]> {
  const terms = [...q.terms.keys()].slice(0, 24);
  if (terms.length === 0) return [];
  const tsq = terms.map((t) => tsqueryTerm(t)).join(" | ");
  const named = textArray(q.laws.length > 0 ? q.laws : [""]);
  return db.execute<Row>(sql`
    SELECT * FROM (
      SELECT DISTINCT ON (p.article_id) ${COLUMNS},
        ts_rank_cd(p.search, ${tsq}::tsquery, 1) + CASE WHEN s.law_name = ANY(${named}) THEN 0.5 ELSE 0 END AS score
      FROM statute_provisions p JOIN statute_articles a ON a.id = p.article_id JOIN statutes s ON s.id = p.statute_id
      WHERE p.search @@ ${tsq}::tsquery AND ${inForceSql(input.asOf)} AND ${lawFilter(input.law)}
      ORDER BY p.article_id, score DESC
    ) best ORDER BY score DESC, law_name, ordinal LIMIT ${input.limit + 1}`);
}

/**
 * The ranking before the law prior: the cited article, then every pooled article (the best overall and each law's
 * best few) in BM25 order. searchStatutes reranks and cuts it; the prior's trainer reads it directly.
 */
export async function statuteCandidates(
  db: Db, input: StatuteSearchInput, params: RankParams = DEFAULT_RANK, mode: "bm25" | "tsrank" = "bm25",
): Promise<StatuteSearchResult> {
  const info = await corpusInfo(db);
  const { q, concepts } = analyse(info, input.query, params);
  const searched = [...q.terms]
    .filter(([term]) => info.df.has(term))
    .map(([term, weight]) => {
      const df = info.df.get(term)!;
      return { term, idf: Math.log(1 + (info.docs - df + 0.5) / (df + 0.5)), weight };
    })
    .sort((x, y) => y.idf * y.weight - x.idf * x.weight || x.term.localeCompare(y.term))
    .slice(0, params.maxTerms);

  // The cited article and the ranking do not depend on each other: one round trip's wait for both.
  const [cited, rows] = await Promise.all([
    citedProvision(db, q, input.asOf),
    mode === "tsrank" ? rankByTsRank(db, q, input)
      : searched.length > 0 ? rankByPostings(db, info, q, concepts, searched, input, params) : Promise.resolve([] as Row[]),
  ]);
  const hits: StatuteHit[] = cited ? [toHit(cited, "citation")] : [];
  for (const r of rows) if (r.article_id !== cited?.article_id) hits.push(toHit(r, "text"));
  return { hits, query: q, concepts, searched };
}

export async function searchStatutes(
  db: Db, input: StatuteSearchInput, params: RankParams = DEFAULT_RANK, mode: "bm25" | "tsrank" = "bm25",
  prior: LawPrior | null = loadLawPrior(),
): Promise<StatuteSearchResult> {
  const result = await statuteCandidates(db, input, params, mode);
  const ranked = prior && mode === "bm25" && params.lawPrior > 0
    ? rerankByLawPrior(result.hits, prior.lawLogProbs(input.query), prior.weight * params.lawPrior) : result.hits;
  return { ...result, hits: ranked.slice(0, input.limit) };
}
