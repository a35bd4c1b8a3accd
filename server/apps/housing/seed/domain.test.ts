// The domain seed: row counts, sample labelling, the summary matching the transactions, Seoul-like
// district price order, and a second run changing nothing.
import { describe, it, expect } from "vitest";
import { getDatabase } from "../../../db/client";
import { seedDomain, LAW_ARTICLE_SEEDS } from "./domain";
import { SAMPLE_PROPERTY_COUNT, SAMPLE_TRANSACTION_COUNT } from "./data/sample-market";
import { LOAN_PRODUCTS } from "./data/loan-products";

async function counts() {
  const { sql: raw } = await getDatabase();
  const [row] = await raw`SELECT
    (SELECT count(*)::int FROM regions) AS regions,
    (SELECT count(*)::int FROM law_articles) AS articles,
    (SELECT count(*)::int FROM law_terms) AS terms,
    (SELECT count(*)::int FROM loan_products) AS loans,
    (SELECT count(*)::int FROM properties WHERE is_sample) AS properties,
    (SELECT count(*)::int FROM transactions WHERE is_sample) AS transactions,
    (SELECT coalesce(sum(sample_count), 0)::int FROM market_digest WHERE region_id IS NOT NULL AND property_type IS NOT NULL) AS summarised,
    (SELECT md5(string_agg(t.property_id || ':' || t.contract_date || ':' || t.amount || ':' || t.monthly_rent, ',' ORDER BY t.id))
       FROM transactions t WHERE t.is_sample) AS fingerprint`;
  return row;
}

describe("seedDomain", () => {
  it("loads regions, law articles, terms, loan products and the sample market", async () => {
    const c = await counts();
    expect(c).toMatchObject({
      regions: 25, articles: LAW_ARTICLE_SEEDS.length, loans: LOAN_PRODUCTS.length,
      properties: SAMPLE_PROPERTY_COUNT, transactions: SAMPLE_TRANSACTION_COUNT, summarised: SAMPLE_TRANSACTION_COUNT,
    });
    expect(c.articles).toBeGreaterThanOrEqual(40);
    expect(c.terms).toBeGreaterThan(200);
  });

  it("removes a statute term the vocabulary no longer has", async () => {
    const { db, sql: raw } = await getDatabase();
    await raw`INSERT INTO law_terms (term, concept, language) VALUES ('a term taken out of the vocabulary', 'termination', 'en')`;
    const before = await counts();
    await seedDomain(db);
    expect((await raw`SELECT 1 FROM law_terms WHERE term = 'a term taken out of the vocabulary'`).length).toBe(0);
    expect((await counts()).terms).toBe(before.terms - 1);
  });

  it("is idempotent: a second run adds nothing and regenerates nothing", async () => {
    const { db } = await getDatabase();
    const before = await counts();
    await seedDomain(db);
    expect(await counts()).toEqual(before);
  });

  it("covers every district with all three transaction types over 24 months", async () => {
    const { sql: raw } = await getDatabase();
    const rows = await raw`SELECT r.name_ko, count(DISTINCT t.transaction_type)::int AS kinds,
        count(DISTINCT date_trunc('month', t.contract_date))::int AS months
      FROM regions r JOIN properties p ON p.region_id = r.id JOIN transactions t ON t.property_id = p.id
      WHERE t.is_sample GROUP BY r.name_ko`;
    expect(rows).toHaveLength(25);
    for (const r of rows) expect(r).toMatchObject({ kinds: 3, months: 24 });
  });

  it("prices districts like Seoul: 강남/서초 at the top, 도봉/강북 near the bottom", async () => {
    const { sql: raw } = await getDatabase();
    const rows = await raw`SELECT r.name_ko FROM transactions t JOIN properties p ON p.id = t.property_id
      JOIN regions r ON r.id = p.region_id
      WHERE t.is_sample AND t.transaction_type = 'sale' AND p.property_type = 'apartment'
      GROUP BY r.name_ko ORDER BY avg(t.amount / p.area_m2) DESC`;
    const order = rows.map((r) => r.name_ko as string);
    expect(order.slice(0, 3)).toEqual(expect.arrayContaining(["강남구", "서초구"]));
    expect(order.slice(-4)).toEqual(expect.arrayContaining(["도봉구"]));
  });

  it("stores region aliases for Korean short names and English spellings", async () => {
    const { sql: raw } = await getDatabase();
    const [mapo] = await raw`SELECT name_en, aliases FROM regions WHERE name_ko = '마포구'`;
    expect(mapo.name_en).toBe("Mapo-gu");
    expect(mapo.aliases).toEqual(expect.arrayContaining(["마포", "mapo", "mapo-gu"]));
  });
});
