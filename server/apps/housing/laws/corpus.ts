// What statute search needs besides the query, read from PostgreSQL and cached for a few seconds: law names and
// aliases, corpus size and mean provision length (BM25), and the law_terms glossary for expansions.
import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { lawAliases } from "./names";
import type { LawAlias } from "./query";

export interface CorpusInfo {
  /** Changes whenever an import changes the statutes or the glossary: when to load again. */
  generation: string;
  docs: number;
  /** Document frequency of every search term (statute_term_stats, ~30k rows): idf without a query. */
  df: Map<string, number>;
  avgLen: number;
  aliases: LawAlias[];
  /** law_terms rows as precompiled matchers: Korean and English words → concept. */
  glossary: { concept: string; matches: (query: QueryForms) => boolean }[];
  /** concept → its Korean terms (the statute's language). */
  conceptKo: Map<string, string[]>;
}

/** How often a search checks, in the background, whether another instance imported something. */
const CHECK_EVERY_MS = 10_000;
let cached: { checkedAt: number; info: Promise<CorpusInfo> } | null = null;

/** Called after an import in this process, so the next search sees new laws at once. */
export function invalidateCorpusInfo(): void {
  cached = null;
}

async function generationOf(db: Db): Promise<string> {
  const [g] = await db.execute<{ g: string }>(sql`
    SELECT concat_ws('|', (SELECT max(imported_at)::text FROM statutes), (SELECT count(*) FROM statutes), (SELECT count(*) FROM law_terms)) AS g`);
  return g.g;
}

async function load(db: Db): Promise<CorpusInfo> {
  const generation = await generationOf(db);
  const dfRows = await db.execute<{ term: string; df: number }>(sql`SELECT term, df FROM statute_term_stats`);
  const [stats] = await db.execute<{ docs: number; avg_len: number }>(
    sql`SELECT count(*)::int AS docs, coalesce(avg(token_count), 1)::float8 AS avg_len FROM statute_provisions`);
  const names = await db.execute<{ law_name: string; short_name: string | null }>(
    sql`SELECT DISTINCT law_name, short_name FROM statutes`);
  const aliases = names.flatMap((n) => lawAliases(n.law_name, n.short_name).map((alias) => ({ alias, law: n.law_name })));
  // A 약칭 shared by two versions of a law appears twice: keep one; longest alias first.
  const unique = [...new Map(aliases.map((a) => [`${a.alias}|${a.law}`, a])).values()]
    .sort((a, b) => b.alias.replace(/\s+/gu, "").length - a.alias.replace(/\s+/gu, "").length);
  const rows = [...await db.execute<{ term: string; concept: string; language: string }>(sql`SELECT term, concept, language FROM law_terms`)];
  const glossary = rows.map((g) => ({ concept: g.concept, matches: termMatcher(g.term, g.language) }));
  const conceptKo = new Map<string, string[]>();
  for (const g of rows) {
    if (g.language !== "ko") continue;
    conceptKo.set(g.concept, [...(conceptKo.get(g.concept) ?? []), ...g.term.split("~").filter(Boolean)]);
  }
  return {
    generation, docs: Math.max(1, stats.docs), df: new Map(dfRows.map((r) => [r.term, r.df])),
    avgLen: Math.max(1, stats.avg_len), aliases: unique, glossary, conceptKo,
  };
}

/**
 * The corpus info, loaded once and kept; every CHECK_EVERY_MS a search triggers a background check of the
 * generation and a reload if it moved (searches meanwhile use the info they have: no search waits for it).
 */
export function corpusInfo(db: Db): Promise<CorpusInfo> {
  const now = Date.now();
  if (!cached) {
    const info = load(db);
    cached = { checkedAt: now, info };
    info.catch(() => { cached = null; });
    return info;
  }
  if (now - cached.checkedAt > CHECK_EVERY_MS) {
    const current = cached;
    current.checkedAt = now;
    void (async () => {
      const [info, generation] = await Promise.all([current.info, generationOf(db)]);
      if (info.generation === generation || cached !== current) return;
      const fresh = await load(db);
      if (cached === current) cached = { checkedAt: Date.now(), info: Promise.resolve(fresh) };
    })().catch(() => { /* keep serving what we have; the next check tries again */ });
  }
  return cached.info;
}

/** The question lower-cased: without spaces (Korean terms) and with separators as spaces (English terms). */
interface QueryForms {
  compact: string;
  spaced: string;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}

/**
 * The glossary's matching rule (Korean inside words, spaces ignored, "~" a gap of up to
 * 8 characters; English whole words), compiled once per term instead of once per query.
 */
function termMatcher(term: string, language: string): (q: QueryForms) => boolean {
  if (language === "ko") {
    const parts = term.replace(/\s+/gu, "").split("~").filter((p) => p.length > 0);
    if (parts.length <= 1) { const whole = parts[0] ?? ""; return (q) => q.compact.includes(whole); }
    const re = new RegExp(parts.map(escapeRe).join(".{0,8}"), "u");
    return (q) => re.test(q.compact);
  }
  const re = new RegExp(`(^|[^a-z0-9])${escapeRe(term.toLowerCase().replace(/[-_/]/gu, " "))}([^a-z0-9]|$)`, "u");
  return (q) => re.test(q.spaced);
}

/** The law_terms concepts whose words (either language) occur in the question. */
export function glossaryConcepts(info: CorpusInfo, query: string): string[] {
  const lower = query.toLowerCase();
  const forms = { compact: lower.replace(/\s+/gu, ""), spaced: lower.replace(/[-_/]/gu, " ") };
  return [...new Set(info.glossary.filter((g) => g.matches(forms)).map((g) => g.concept))];
}

/** The glossary's Korean words for those concepts: search terms for the statute text. */
export function conceptWords(info: CorpusInfo, concepts: string[]): string[] {
  return concepts.flatMap((c) => info.conceptKo.get(c) ?? []);
}
