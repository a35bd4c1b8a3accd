// One statute article by citation key, as in force on a date: its provisions verbatim, the version's dates,
// the decree/rule articles that carry it out (and the act articles it carries out), for the UI and the tools.
import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { inForceSql, textArray } from "./sql";

export interface DelegatedArticle {
  /** "주택임대차보호법 시행령 제10조" */
  citation: string;
  title: string | null;
  /** The article's first provision, verbatim, at most 200 characters. */
  quote: string;
}

export interface StatuteArticleView {
  /** "주택임대차보호법 제7조" */
  citation: string;
  lawName: string;
  lawNameEn: string;
  shortName: string | null;
  kind: string;
  lawNumber: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  scheduled: boolean;
  articleNumber: string;
  title: string | null;
  chapter: string | null;
  section: string | null;
  deleted: boolean;
  notes: string[];
  paragraphs: { paragraph: number | null; key: string; text: string; notes: string[] }[];
  /** Decree/rule articles that carry this one out. */
  delegations: DelegatedArticle[];
  /** Act articles this decree/rule article carries out. */
  implements: DelegatedArticle[];
  /** Every stored version of the law: which one applies on which dates. */
  versions: { effectiveFrom: string; effectiveTo: string | null; scheduled: boolean; lawNumber: string }[];
}

const KEY_RE = /^(.+?)\s+(제\d+조(?:의\d+)?)(?:\s*제(\d+)항)?$/u;

/** "주택임대차보호법 제3조의2 제2항" → law, article, paragraph; null when it is no citation key. */
export function parseCitationKey(key: string): { law: string; article: string; paragraph: number | null } | null {
  const m = KEY_RE.exec(key.trim().normalize("NFC"));
  return m ? { law: m[1], article: m[2], paragraph: m[3] ? Number(m[3]) : null } : null;
}

export function quoteOf(text: string, max: number): string {
  const flat = text.replace(/\s*\n\s*/gu, " ");
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * For each (law, article), the decree/rule articles linked to it in statute_delegations and in force on asOf,
 * each with a verbatim quote of its first provision. Keys of the map: "law|article".
 */
export async function delegationsOf(db: Db, refs: { law: string; article: string }[], asOf: string): Promise<Map<string, DelegatedArticle[]>> {
  const out = new Map<string, DelegatedArticle[]>();
  if (refs.length === 0) return out;
  const rows = await db.execute<{ from_law: string; from_article: string; to_law: string; to_article: string; title: string | null; text: string }>(sql`
    SELECT DISTINCT ON (d.from_law, d.from_article, d.to_law, a.article_base, a.article_branch)
      d.from_law, d.from_article, d.to_law, d.to_article, a.title, p.text
    FROM statute_delegations d
      JOIN statutes s ON s.law_name = d.to_law
      JOIN statute_articles a ON a.statute_id = s.id AND a.article_number = d.to_article
      JOIN statute_provisions p ON p.article_id = a.id
    WHERE d.from_law = ANY(${textArray([...new Set(refs.map((r) => r.law))])})
      AND d.from_article = ANY(${textArray([...new Set(refs.map((r) => r.article))])})
      AND (p.paragraph IS NULL OR p.paragraph = 1) AND ${inForceSql(asOf)}
    ORDER BY d.from_law, d.from_article, d.to_law, a.article_base, a.article_branch, p.paragraph NULLS FIRST`);
  const wanted = new Set(refs.map((r) => `${r.law}|${r.article}`));
  for (const r of rows) {
    const k = `${r.from_law}|${r.from_article}`;
    if (!wanted.has(k)) continue; // the two ANYs also match crossed pairs
    out.set(k, [...(out.get(k) ?? []), { citation: `${r.to_law} ${r.to_article}`, title: r.title, quote: quoteOf(r.text, 200) }]);
  }
  return out;
}

async function implementedBy(db: Db, law: string, article: string, asOf: string): Promise<DelegatedArticle[]> {
  const rows = await db.execute<{ from_law: string; from_article: string; title: string | null; text: string }>(sql`
    SELECT DISTINCT ON (d.from_law, a.article_base, a.article_branch) d.from_law, d.from_article, a.title, p.text
    FROM statute_delegations d
      JOIN statutes s ON s.law_name = d.from_law
      JOIN statute_articles a ON a.statute_id = s.id AND a.article_number = d.from_article
      JOIN statute_provisions p ON p.article_id = a.id
    WHERE d.to_law = ${law} AND d.to_article = ${article} AND ${inForceSql(asOf)}
    ORDER BY d.from_law, a.article_base, a.article_branch, p.paragraph NULLS FIRST`);
  return rows.map((r) => ({ citation: `${r.from_law} ${r.from_article}`, title: r.title, quote: quoteOf(r.text, 200) }));
}

/** The article a citation key names, in the version in force on asOf; null when there is none. */
export async function statuteArticle(db: Db, key: string, asOf: string): Promise<StatuteArticleView | null> {
  const ref = parseCitationKey(key);
  if (!ref) return null;
  const [row] = await db.execute<{
    id: number; law_name: string; name_en: string; short_name: string | null; kind: string; law_number: string;
    effective_from: string; effective_to: string | null; scheduled: boolean; article_number: string; title: string | null;
    chapter: string | null; section: string | null; deleted: boolean; notes: string[];
  }>(sql`
    SELECT a.id, s.law_name, s.name_en, s.short_name, s.kind, s.law_number, s.effective_from::text AS effective_from,
      s.effective_to::text AS effective_to, s.scheduled, a.article_number, a.title, a.chapter, a.section, a.deleted, a.notes
    FROM statute_articles a JOIN statutes s ON s.id = a.statute_id
    WHERE s.law_name = ${ref.law} AND a.article_number = ${ref.article} AND ${inForceSql(asOf)}
    LIMIT 1`);
  if (!row) return null;
  const paragraphs = await db.execute<{ paragraph: number | null; key: string; text: string; notes: string[] }>(sql`
    SELECT paragraph, key, text, notes FROM statute_provisions WHERE article_id = ${row.id} ORDER BY paragraph NULLS FIRST, id`);
  const versions = await db.execute<{ effective_from: string; effective_to: string | null; scheduled: boolean; law_number: string }>(sql`
    SELECT effective_from::text AS effective_from, effective_to::text AS effective_to, scheduled, law_number
    FROM statutes WHERE law_name = ${ref.law} ORDER BY effective_from`);
  const delegations = (await delegationsOf(db, [{ law: ref.law, article: ref.article }], asOf)).get(`${ref.law}|${ref.article}`) ?? [];
  return {
    citation: `${row.law_name} ${row.article_number}`, lawName: row.law_name, lawNameEn: row.name_en, shortName: row.short_name,
    kind: row.kind, lawNumber: row.law_number, effectiveFrom: row.effective_from, effectiveTo: row.effective_to,
    scheduled: row.scheduled, articleNumber: row.article_number, title: row.title, chapter: row.chapter, section: row.section,
    deleted: row.deleted, notes: row.notes,
    paragraphs: paragraphs.map((p) => ({ paragraph: p.paragraph, key: p.key, text: p.text, notes: p.notes })),
    delegations, implements: await implementedBy(db, ref.law, ref.article, asOf),
    versions: versions.map((v) => ({ effectiveFrom: v.effective_from, effectiveTo: v.effective_to, scheduled: v.scheduled, lawNumber: v.law_number })),
  };
}

// One formatter for the process: constructing an Intl.DateTimeFormat costs far more than formatting with one
// (~0.4 ms of every chat's CPU under load when it was made per call: docs/perf/issue-14.md §13).
const KOREAN_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in Korea (statutes take effect at midnight KST), ISO: the default "as of" of every statute lookup. */
export function todayIso(now: Date = new Date()): string {
  return KOREAN_DATE.format(now);
}
