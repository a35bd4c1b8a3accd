// Statute hits → legal_search's article results: verbatim quotes, the version's dates, delegations, and our
// own annotations (English title, category, tags from law_articles) where we wrote some for that article.
import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import type { StatuteHit } from "../laws/search";
import { delegationsOf, quoteOf } from "../laws/article";
import { textArray } from "../laws/sql";
import type { LawArticleResult } from "./legal-search";

/** The group a law belongs to (data/laws/README.md): the category of an article we did not annotate. */
function lawGroup(lawName: string): string {
  if (lawName.startsWith("주택임대차보호법")) return "lease";
  if (lawName.startsWith("공인중개사")) return "brokerage";
  if (lawName.startsWith("부동산 거래신고") || lawName.startsWith("부동산등기")) return "transactions_registry";
  if (lawName.startsWith("민간임대주택")) return "rental_housing";
  if (lawName.startsWith("부동산 가격공시")) return "pricing";
  return "supply_management";
}

type Annotation = {
  title_en: string;
  summary_en: string;
  category: string;
  tenant_protection_tags: string[];
  tax_tags: string[];
};

async function annotations(db: Db, hits: StatuteHit[]): Promise<Map<string, Annotation>> {
  if (hits.length === 0) return new Map();
  const rows = await db.execute<Annotation & { law_name: string; article_number: string }>(sql`
    SELECT law_name, article_number, title_en, summary_en, category, tenant_protection_tags, tax_tags FROM law_articles
    WHERE (law_name || '|' || article_number) = ANY(${textArray(hits.map((h) => `${h.lawName}|${h.articleNumber}`))})`);
  return new Map(rows.map((r) => [`${r.law_name}|${r.article_number}`, r]));
}

export async function toArticleResults(db: Db, hits: StatuteHit[], asOf: string): Promise<LawArticleResult[]> {
  const [notes, delegations] = await Promise.all([
    annotations(db, hits),
    delegationsOf(db, hits.map((h) => ({ law: h.lawName, article: h.articleNumber })), asOf),
  ]);
  return hits.map((h) => {
    const own = notes.get(`${h.lawName}|${h.articleNumber}`);
    return {
      citation: `${h.lawName} ${h.articleNumber}`,
      lawName: h.lawName,
      lawNameEn: h.lawNameEn,
      articleNumber: h.articleNumber,
      title: h.title ?? "",
      titleEn: own?.title_en ?? h.title ?? "",
      summary: quoteOf(h.text, 160),
      gistEn: own?.summary_en ?? null,
      category: own?.category ?? lawGroup(h.lawName),
      tenantProtectionTags: own?.tenant_protection_tags ?? [],
      taxTags: own?.tax_tags ?? [],
      effectiveNote: `${h.kind} ${h.lawNumber}, 시행 ${h.effectiveFrom}`,
      score: h.score,
      key: h.key,
      paragraph: h.paragraph,
      quote: quoteOf(h.text, 300),
      effectiveFrom: h.effectiveFrom,
      delegations: (delegations.get(`${h.lawName}|${h.articleNumber}`) ?? []).map((d) => ({ citation: d.citation, quote: d.quote })),
      kind: h.kind,
      matchedBy: h.via,
    };
  });
}
