// legal_search (full-text + trigram + bilingual synonyms) and its fallback legal_search_keyword
// (synonyms + ILIKE only) over the law_articles table; one input and one output schema for both.
import { z } from "zod";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import type { Language } from "../types";
import type { ToolDefinition } from "../../../tools/types";
import {
  analyseQuery, filterSql, fulltextScoreSql, keywordScoreSql, type QueryAnalysis,
} from "./legal-search-query";

export const LAW_CATEGORIES = [
  "scope", "opposing_power", "priority_repayment", "lease_registration", "lease_term", "renewal", "rent_increase",
  "termination", "deposit_return", "repairs_restoration", "commercial_lease", "dispute", "contract", "tax",
] as const;

export const legalSearchInputSchema = z.object({
  /** The question or keywords, Korean or English: "계약갱신요구권", "how do I get my deposit back". */
  query: z.string().trim().min(1).max(500),
  limit: z.number().int().min(1).max(20).default(5),
  /** Part of a law name, Korean or English: "주택임대차보호법", "Commercial". */
  law: z.string().trim().min(1).max(60).optional(),
  category: z.enum(LAW_CATEGORIES).optional(),
  tenantProtectionOnly: z.boolean().optional(),
  taxOnly: z.boolean().optional(),
});
export type LegalSearchInput = z.infer<typeof legalSearchInputSchema>;

export const lawArticleResultSchema = z.object({
  /** "주택임대차보호법 제6조의3" */
  citation: z.string(),
  lawName: z.string(),
  lawNameEn: z.string(),
  articleNumber: z.string(),
  title: z.string(),
  titleEn: z.string(),
  /** Our plain-language summary in the run's language. */
  summary: z.string(),
  category: z.string(),
  tenantProtectionTags: z.array(z.string()),
  taxTags: z.array(z.string()),
  effectiveNote: z.string().nullable(),
  score: z.number(),
});
export type LawArticleResult = z.infer<typeof lawArticleResultSchema>;

export const legalSearchOutputSchema = z.object({
  query: z.string(),
  mode: z.enum(["fulltext", "keyword"]),
  matchedConcepts: z.array(z.string()),
  /** Best first. */
  articles: z.array(lawArticleResultSchema),
  /** Law articles are not sample data: always false. */
  sample: z.literal(false),
  sources: z.array(z.string()),
});
export type LegalSearchOutput = z.infer<typeof legalSearchOutputSchema>;

async function searchArticles(
  db: Db, input: LegalSearchInput, language: Language, mode: "fulltext" | "keyword",
): Promise<LegalSearchOutput> {
  const analysis: QueryAnalysis = await analyseQuery(db, input.query);
  const { score, matched }: { score: SQL; matched: SQL } =
    mode === "fulltext" ? fulltextScoreSql(input.query, analysis) : keywordScoreSql(analysis);
  // Scores within 0.05 of each other differ by text-rank noise only: those keep the law's own order
  // (제3조 before 제3조의2 before 제8조), so the same question always lists the same articles the same way.
  const rows = await db.execute<Record<string, unknown>>(sql`
    SELECT a.law_name, a.law_name_en, a.article_number, a.title, a.title_en, a.summary, a.summary_en, a.category,
      a.tenant_protection_tags, a.tax_tags, a.effective_note, ${score} AS score
    FROM law_articles a
    WHERE ${filterSql(input)} AND ${matched}
    ORDER BY round((${score})::numeric, 1) DESC, a.id
    LIMIT ${input.limit}`);
  const articles: LawArticleResult[] = rows.map((r) => ({
    citation: `${r.law_name} ${r.article_number}`,
    lawName: String(r.law_name),
    lawNameEn: String(r.law_name_en),
    articleNumber: String(r.article_number),
    title: String(r.title),
    titleEn: String(r.title_en),
    summary: String(language === "en" ? r.summary_en : r.summary),
    category: String(r.category),
    tenantProtectionTags: r.tenant_protection_tags as string[],
    taxTags: r.tax_tags as string[],
    effectiveNote: (r.effective_note as string | null) ?? null,
    score: Math.round(Number(r.score) * 1000) / 1000,
  }));
  return {
    query: input.query, mode, matchedConcepts: analysis.concepts, articles, sample: false,
    sources: articles.map((a) => a.citation),
  };
}

function legalQuality(output: LegalSearchOutput): number {
  if (output.articles.length === 0) return 0;
  // A synonym-table hit means the articles are about what was asked; a bare text match is weaker.
  return output.matchedConcepts.length > 0 ? 1 : 0.5;
}

/** Drop the filters (law, category, tag-only); nothing broader after that. */
function broadenLegalInput(input: LegalSearchInput): LegalSearchInput | null {
  if (input.law === undefined && input.category === undefined && !input.tenantProtectionOnly && !input.taxOnly) return null;
  return { query: input.query, limit: input.limit };
}

export const legalSearchTool: ToolDefinition<LegalSearchInput, LegalSearchOutput> = {
  name: "legal_search",
  description:
    "Finds articles of Korean housing and lease law (주택임대차보호법, 상가건물 임대차보호법, 민법 lease rules, " +
    "housing tax and reporting rules) for a Korean or English question, with plain-language summaries.",
  inputSchema: legalSearchInputSchema,
  outputSchema: legalSearchOutputSchema,
  readOnly: true,
  timeoutMs: 5_000,
  fallbacks: ["legal_search_keyword"],
  run: (input, ctx) => searchArticles(ctx.db, input, ctx.language, "fulltext"),
  quality: legalQuality,
  broaden: broadenLegalInput,
};

export const legalSearchKeywordTool: ToolDefinition<LegalSearchInput, LegalSearchOutput> = {
  name: "legal_search_keyword",
  description:
    "Keyword-only law article search (bilingual synonym table + substring match); the fallback for legal_search.",
  inputSchema: legalSearchInputSchema,
  outputSchema: legalSearchOutputSchema,
  readOnly: true,
  timeoutMs: 3_000,
  fallbacks: [],
  run: (input, ctx) => searchArticles(ctx.db, input, ctx.language, "keyword"),
  quality: legalQuality,
  broaden: broadenLegalInput,
};
