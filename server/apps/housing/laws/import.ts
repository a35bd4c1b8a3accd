// Imports a directory of statute exports into the statute tables: a file whose content hash is already stored
// is skipped, a changed one replaces its version; then version end dates, delegations and term stats are rebuilt.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import {
  statutes, statuteArticles, statuteProvisions, statuteSupplements, statuteDelegations,
} from "../schema/statutes";
import { parseLaw, paragraphText, type ParsedLaw } from "./parse";
import { identityFromFileName } from "./parse-header";
import { englishName, parentLawOf } from "./names";
import { DELEGATION_RE, findDelegations } from "./delegations";
import { tsvectorLiteral } from "./tokens";
import { invalidateCorpusInfo } from "./corpus";

/** Bump when parsing or indexing changes: every file is then imported again. */
export const STATUTE_PARSER_VERSION = "1";

export interface ImportReport {
  imported: string[];
  unchanged: string[];
  /** file → lines the parser could not place. */
  unplaced: Record<string, { line: number; text: string }[]>;
  delegations: number;
}

export function citationKey(law: string, article: string, paragraph: number | null): string {
  return `${law} ${article}${paragraph !== null ? ` 제${paragraph}항` : ""}`;
}

function hashOf(raw: string): string {
  return createHash("sha256").update(`${STATUTE_PARSER_VERSION}\n`).update(raw).digest("hex");
}

async function insertLaw(tx: Tx, law: ParsedLaw, file: string, hash: string): Promise<void> {
  await tx.delete(statutes).where(sql`${statutes.lawName} = ${law.name} AND ${statutes.effectiveFrom} = ${law.effectiveFrom}`);
  const [row] = await tx.insert(statutes).values({
    lawName: law.name, shortName: law.shortName, nameEn: englishName(law.name), kind: law.kind, lawNumber: law.number,
    scheduled: law.scheduled, promulgatedOn: law.promulgatedOn, effectiveFrom: law.effectiveFrom,
    parentLaw: parentLawOf(law.name), revision: law.revision, ministries: law.ministries, sourceFile: file,
    contentHash: hash, unplacedLines: law.unplaced.length,
  }).returning({ id: statutes.id });
  const articleRows = await tx.insert(statuteArticles).values(law.articles.map((a, i) => ({
    statuteId: row.id, ordinal: i + 1, articleNumber: a.number, articleBase: a.base, articleBranch: a.branch,
    title: a.title, deleted: a.deleted, chapter: a.chapter, section: a.section, notes: a.notes,
    validFrom: a.effectiveFrom, validTo: a.effectiveTo,
  }))).returning({ id: statuteArticles.id, ordinal: statuteArticles.ordinal });
  const idByOrdinal = new Map(articleRows.map((r) => [r.ordinal, r.id]));
  const provisions = law.articles.flatMap((a, i) => a.paragraphs.map((p) => {
    const text = paragraphText(p);
    const { literal, count } = tsvectorLiteral([
      { text: a.title ?? "", weight: "A" },
      { text: [a.chapter, a.section].filter(Boolean).join(" "), weight: "B" },
      { text, weight: "D" },
    ]);
    return {
      articleId: idByOrdinal.get(i + 1)!, statuteId: row.id, paragraph: p.number,
      key: citationKey(law.name, a.number, p.number), text, notes: p.notes, items: p.items,
      delegates: DELEGATION_RE.test(text), search: literal, tokenCount: count,
    };
  }));
  for (let i = 0; i < provisions.length; i += 400) await tx.insert(statuteProvisions).values(provisions.slice(i, i + 400));
  if (law.supplements.length > 0) {
    await tx.insert(statuteSupplements).values(law.supplements.map((s, i) => ({ statuteId: row.id, ordinal: i + 1, label: s.label, text: s.text })));
  }
}

/** effective_to of each version = the next version's effective_from (exclusive), per law. */
async function rebuildVersionWindows(tx: Tx): Promise<void> {
  await tx.execute(sql`
    UPDATE statutes s SET effective_to = n.next_from
    FROM (SELECT id, lead(effective_from) OVER (PARTITION BY law_name ORDER BY effective_from) AS next_from FROM statutes) n
    WHERE n.id = s.id AND s.effective_to IS DISTINCT FROM n.next_from`);
}

async function rebuildDelegations(tx: Tx): Promise<number> {
  const rows = await tx.execute<{ law: string; article: string; text: string }>(sql`
    SELECT s.law_name AS law, a.article_number AS article, p.text
    FROM statute_provisions p JOIN statute_articles a ON a.id = p.article_id JOIN statutes s ON s.id = p.statute_id`);
  const links = findDelegations([...rows], parentLawOf);
  await tx.delete(statuteDelegations);
  for (let i = 0; i < links.length; i += 500) await tx.insert(statuteDelegations).values(links.slice(i, i + 500));
  return links.length;
}

/** The postings (term → provision, tf, title/heading flags) and document frequencies, from the tsvectors. */
async function rebuildIndex(tx: Tx): Promise<void> {
  await tx.execute(sql`TRUNCATE statute_postings`);
  await tx.execute(sql`
    INSERT INTO statute_postings (term, provision_id, article_id, statute_id, tf, len, in_title, in_heading)
    SELECT u.lexeme, p.id, p.article_id, p.statute_id,
      (SELECT count(*) FROM unnest(u.weights) w WHERE w = 'D')::int, p.token_count, 'A' = ANY(u.weights), 'B' = ANY(u.weights)
    FROM statute_provisions p, unnest(p.search) u`);
  await tx.execute(sql`TRUNCATE statute_term_stats`);
  await tx.execute(sql`
    INSERT INTO statute_term_stats (term, df)
    SELECT word, ndoc FROM ts_stat('SELECT search FROM statute_provisions')`);
}

/**
 * Imports every `*.txt` export in `dir`. Idempotent: a second run with the same files changes nothing and only
 * reads the files and one small table. One transaction under an advisory lock, so two starting instances cannot
 * import the same law twice.
 */
export async function importLaws(db: Db, dir: string): Promise<ImportReport> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".txt")).sort();
  const report: ImportReport = { imported: [], unchanged: [], unplaced: {}, delegations: 0 };
  const sources = await Promise.all(files.map(async (f) => ({ file: f, raw: await readFile(path.join(dir, f), "utf8") })));
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('statute_import'))`);
    const existing = await tx.select({ name: statutes.lawName, from: statutes.effectiveFrom, hash: statutes.contentHash }).from(statutes);
    const stored = new Map(existing.map((e) => [`${e.name}|${e.from}`, e.hash]));
    for (const { file, raw } of sources) {
      const id = identityFromFileName(file);
      const hash = hashOf(raw);
      if (stored.get(`${id.name}|${id.effectiveFrom}`) === hash) { report.unchanged.push(file); continue; }
      const law = parseLaw(file, raw);
      if (law.unplaced.length > 0) report.unplaced[file] = law.unplaced;
      await insertLaw(tx, law, file, hash);
      report.imported.push(file);
    }
    if (report.imported.length === 0) {
      report.delegations = (await tx.select({ n: sql<number>`count(*)::int` }).from(statuteDelegations))[0].n;
      return;
    }
    await rebuildVersionWindows(tx);
    report.delegations = await rebuildDelegations(tx);
    await rebuildIndex(tx);
  });
  if (report.imported.length > 0) {
    // VACUUM sets the visibility map, so the covering index on postings is read without heap visits.
    await db.execute(sql`VACUUM ANALYZE statutes, statute_articles, statute_provisions, statute_postings, statute_term_stats, statute_delegations`);
    invalidateCorpusInfo();
  }
  return report;
}

/** Where the shipped exports live: data/laws under the working directory (the app and scripts run from the root). */
export function shippedLawsDir(): string {
  return path.join(process.cwd(), "data", "laws");
}
