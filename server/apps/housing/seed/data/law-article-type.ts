// The shape of one law article in the seed data (our own summaries, both languages).
// The seed turns these into law_articles rows and builds their bilingual search text.

export interface LawArticleSeed {
  lawName: string;
  lawNameEn: string;
  articleNumber: string;
  title: string;
  titleEn: string;
  category: string;
  /** Concept keys from law-terms.ts; the first is the article's main subject. */
  concepts: string[];
  tenantProtectionTags: string[];
  taxTags: string[];
  summary: string;
  summaryEn: string;
  effectiveNote?: string;
}
