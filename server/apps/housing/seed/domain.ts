// Seeds the housing domain: regions, law articles and their bilingual terms, loan products (upserted
// at every start) and, once, the deterministic sample market (properties, transactions, summary).
import { sql, getTableColumns, notInArray, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../../db/client";
import { regions, lawArticles, lawTerms, loanProducts } from "../schema/domain";
import { SEOUL_REGIONS, regionAliases } from "./data/regions";
import { HOUSING_LEASE_ARTICLES } from "./data/law-articles-housing";
import { COMMERCIAL_LEASE_ARTICLES, CIVIL_ACT_ARTICLES, TAX_AND_REPORTING_ARTICLES } from "./data/law-articles-other";
import { LAW_CONCEPT_TERMS, lawTermRows } from "./data/law-terms";
import type { LawArticleSeed } from "./data/law-article-type";
import { LOAN_PRODUCTS } from "./data/loan-products";
import { insertSamplePropertiesSql, priceSampleListingsSql, insertSampleTransactionsSql } from "./data/sample-market";
import { refreshMarketDigest, refreshMarketDigestIfStale } from "../tools/summary-refresh";
import { importLaws, shippedLawsDir } from "../laws/import";
import { log } from "../../../telemetry/log";

export const LAW_ARTICLE_SEEDS: LawArticleSeed[] = [
  ...HOUSING_LEASE_ARTICLES, ...COMMERCIAL_LEASE_ARTICLES, ...CIVIL_ACT_ARTICLES, ...TAX_AND_REPORTING_ARTICLES,
];

/** `SET col = excluded.col` for every column but the keys, so edited seed data reaches existing rows. */
function updateAllExcept(table: PgTable, keep: string[]): Record<string, SQL> {
  const set: Record<string, SQL> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (!keep.includes(key)) set[key] = sql.raw(`excluded."${column.name}"`);
  }
  return set;
}

/** Everything search reads: names, titles, summaries and the words of the article's concepts. */
function articleSearchText(a: LawArticleSeed): string {
  const terms = a.concepts.flatMap((c) => [...(LAW_CONCEPT_TERMS[c]?.ko ?? []), ...(LAW_CONCEPT_TERMS[c]?.en ?? [])]);
  // A "~" in a term marks a gap for matching questions (law-terms.ts); the text keeps the words.
  return [a.lawName, a.lawNameEn, a.articleNumber, a.title, a.titleEn, a.summary, a.summaryEn, ...terms].join(" ").replace(/~/g, " ");
}

/** pg_trgm powers legal_search's fuzzy matching; where it cannot be created, legal_search_keyword still works. */
async function ensureTrigramSearch(db: Db): Promise<void> {
  try {
    await db.execute(sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.execute(sql`CREATE INDEX IF NOT EXISTS law_articles_search_trgm_idx ON law_articles USING gin (search_text gin_trgm_ops)`);
  } catch (e) {
    log.warn({ err: e }, "seedDomain: pg_trgm unavailable; legal_search will fall back to keywords");
  }
}

async function seedReferenceData(db: Db): Promise<void> {
  for (const c of Object.values(LAW_CONCEPT_TERMS)) if (!c) throw new Error("empty concept");
  const unknown = LAW_ARTICLE_SEEDS.flatMap((a) => a.concepts).filter((c) => !LAW_CONCEPT_TERMS[c]);
  if (unknown.length) throw new Error(`law articles use unknown concepts: ${[...new Set(unknown)].join(", ")}`);

  await db.insert(regions)
    .values(SEOUL_REGIONS.map((r) => ({
      code: r.code, city: "서울특별시", nameKo: r.nameKo, nameEn: r.nameEn, aliases: regionAliases(r), dongs: r.dongs,
    })))
    .onConflictDoUpdate({ target: regions.code, set: updateAllExcept(regions, ["id", "code"]) });
  await db.insert(lawArticles)
    .values(LAW_ARTICLE_SEEDS.map((a) => ({ ...a, effectiveNote: a.effectiveNote ?? null, searchText: articleSearchText(a) })))
    .onConflictDoUpdate({ target: [lawArticles.lawName, lawArticles.articleNumber], set: updateAllExcept(lawArticles, ["id", "lawName", "articleNumber"]) });
  // A term taken out of the vocabulary leaves existing databases too: legal_search maps questions to concepts
  // through this table, so a stale term would keep steering its ranking.
  const terms = lawTermRows();
  await db.insert(lawTerms).values(terms)
    .onConflictDoUpdate({ target: lawTerms.term, set: updateAllExcept(lawTerms, ["term"]) });
  await db.delete(lawTerms).where(notInArray(lawTerms.term, terms.map((t) => t.term)));
  await db.insert(loanProducts).values(LOAN_PRODUCTS.map((p) => ({ ...p, isSample: true })))
    .onConflictDoUpdate({ target: loanProducts.code, set: updateAllExcept(loanProducts, ["id", "code"]) });
}

/**
 * Generates the sample market once; later starts see sample properties and leave them alone.
 * ENSEMBLE_SAMPLE_MARKET=off skips it for deployments that serve imported data only.
 */
async function seedSampleMarket(db: Db): Promise<boolean> {
  if (process.env.ENSEMBLE_SAMPLE_MARKET === "off") return false;
  const existing = await db.execute(sql`SELECT 1 FROM properties WHERE is_sample LIMIT 1`);
  if (existing.length > 0) return false;
  await db.transaction(async (tx) => {
    // Two starts racing on an empty database must not both generate: the lock serialises them.
    await tx.execute(sql`LOCK TABLE properties IN EXCLUSIVE MODE`);
    const again = await tx.execute(sql`SELECT 1 FROM properties WHERE is_sample LIMIT 1`);
    if (again.length > 0) return;
    await tx.execute(insertSamplePropertiesSql());
    await tx.execute(priceSampleListingsSql());
    await tx.execute(insertSampleTransactionsSql());
    await refreshMarketDigest(tx);
  });
  // Fresh bulk rows have no planner statistics yet; without them the aggregates pick slow plans.
  // VACUUM also sets the visibility map, so market_data's covering indexes scan index-only at once.
  await db.execute(sql`VACUUM (ANALYZE) regions, properties, transactions, market_digest`);
  return true;
}

export async function seedDomain(db: Db): Promise<void> {
  await ensureTrigramSearch(db);
  await seedReferenceData(db);
  const seeded = await seedSampleMarket(db);
  if (!seeded) await refreshMarketDigestIfStale(db);
  // The statute texts in data/laws: imported on first start, skipped by content hash afterwards.
  const laws = await importLaws(db, shippedLawsDir());
  const unplaced = Object.entries(laws.unplaced);
  if (unplaced.length > 0) console.warn(`seedDomain: statute lines not placed: ${unplaced.map(([f, l]) => `${f} (${l.length})`).join(", ")}`);
}
