// legal_search (BM25 over the statute texts, exact citations first) and its fallback legal_search_keyword
// (ts_rank_cd over the same GIN-indexed tsvector); one input and one output schema for both.
import { z } from "zod";
import type { ToolDefinition } from "../../../tools/types";
import { searchStatutes, DEFAULT_RANK } from "../laws/search";
import { todayIso } from "../laws/article";
import { statuteEvidence } from "../laws/evidence";
import { EVIDENCE_THRESHOLD } from "../laws/evidence-routing";
import { toArticleResults } from "./legal-search-format";

export const LAW_CATEGORIES = [
  "scope", "opposing_power", "priority_repayment", "lease_registration", "lease_term", "renewal", "rent_increase",
  "termination", "deposit_return", "repairs_restoration", "commercial_lease", "dispute", "contract", "tax",
] as const;

export const legalSearchInputSchema = z.object({
  /** The question or keywords, Korean or English: "계약갱신요구권", "주택임대차법 7조", "how do I get my deposit back". */
  query: z.string().trim().min(1).max(500),
  limit: z.number().int().min(1).max(20).default(5),
  /** Part of a law name, Korean, 약칭 or English: "주택임대차보호법", "Licensed Real Estate Agents". */
  law: z.string().trim().min(1).max(60).optional(),
  /** Only articles our own summaries file under this category (law_articles). */
  category: z.enum(LAW_CATEGORIES).optional(),
  tenantProtectionOnly: z.boolean().optional(),
  taxOnly: z.boolean().optional(),
  /** ISO date: search the versions in force that day (default: today in Korea). */
  asOf: z.iso.date().optional(),
});
export type LegalSearchInput = z.infer<typeof legalSearchInputSchema>;

export const delegationSchema = z.object({
  /** "주택임대차보호법 시행령 제10조" */
  citation: z.string(),
  /** Its first provision, verbatim, at most 200 characters. */
  quote: z.string(),
});

export const lawArticleResultSchema = z.object({
  /** "주택임대차보호법 제6조의3" */
  citation: z.string(),
  lawName: z.string(),
  lawNameEn: z.string(),
  articleNumber: z.string(),
  title: z.string(),
  /** Our English title where we wrote one, else the Korean title. */
  titleEn: z.string(),
  /** A short verbatim excerpt of the best-matching paragraph (항). */
  summary: z.string(),
  /** Our plain-English summary of the article where we wrote one (English answers lead with it). */
  gistEn: z.string().nullable().default(null),
  category: z.string(),
  tenantProtectionTags: z.array(z.string()),
  taxTags: z.array(z.string()),
  /** "법률 제21024호, 시행 2026-02-15" */
  effectiveNote: z.string().nullable(),
  score: z.number(),
  /** Citation key of the best-matching provision: "주택임대차보호법 제3조의2 제2항". */
  key: z.string(),
  /** Its paragraph number (② → 2); null for an article without numbered paragraphs. */
  paragraph: z.number().int().nullable(),
  /** That paragraph verbatim, at most 300 characters. */
  quote: z.string(),
  /** ISO date the version quoted took effect. */
  effectiveFrom: z.string(),
  /** Decree/rule articles that carry this article out. */
  delegations: z.array(delegationSchema),
  /** 법률 | 대통령령 | 국토교통부령 | 대법원규칙 */
  kind: z.string(),
  /** citation: the question cited this article; text: ranked by its text. */
  matchedBy: z.enum(["citation", "text"]),
});
export type LawArticleResult = z.infer<typeof lawArticleResultSchema>;

export const legalSearchOutputSchema = z.object({
  query: z.string(),
  mode: z.enum(["fulltext", "keyword"]),
  /** The date whose versions were searched. */
  asOf: z.string(),
  matchedConcepts: z.array(z.string()),
  /** Best first. */
  articles: z.array(lawArticleResultSchema),
  /** How strongly the best articles match the question (see laws/evidence.ts); 100 for a cited article. */
  evidence: z.number(),
  /** Statute texts are not sample data: always false. */
  sample: z.literal(false),
  sources: z.array(z.string()),
});
export type LegalSearchOutput = z.infer<typeof legalSearchOutputSchema>;

const hasFilters = (i: LegalSearchInput) => i.category !== undefined || i.tenantProtectionOnly === true || i.taxOnly === true;

async function runSearch(input: LegalSearchInput, db: Parameters<typeof searchStatutes>[0], mode: "fulltext" | "keyword"): Promise<LegalSearchOutput> {
  const asOf = input.asOf ?? todayIso();
  // Filters read our own annotations, which cover few articles: fetch more, then keep the annotated ones.
  const fetch = hasFilters(input) ? Math.min(60, input.limit * 8) : input.limit;
  const result = await searchStatutes(db, { query: input.query, limit: fetch, asOf, law: input.law }, DEFAULT_RANK,
    mode === "fulltext" ? "bm25" : "tsrank");
  const articles = (await toArticleResults(db, result.hits, asOf))
    .filter((a) => !input.category || a.category === input.category)
    .filter((a) => !input.tenantProtectionOnly || a.tenantProtectionTags.length > 0)
    .filter((a) => !input.taxOnly || a.taxTags.length > 0)
    .slice(0, input.limit);
  return {
    query: input.query, mode, asOf, matchedConcepts: result.concepts, articles, evidence: statuteEvidence(result),
    sample: false, sources: articles.map((a) => a.citation),
  };
}

function legalQuality(output: LegalSearchOutput): number {
  if (output.articles.length === 0) return 0;
  // A cited article or a strong title match answers the question; a bare text match is weaker.
  return output.evidence >= EVIDENCE_THRESHOLD ? 1 : 0.5;
}

/** Drop the filters (law, category, tag-only); nothing broader after that. */
function broadenLegalInput(input: LegalSearchInput): LegalSearchInput | null {
  if (input.law === undefined && !hasFilters(input)) return null;
  return { query: input.query, limit: input.limit, ...(input.asOf ? { asOf: input.asOf } : {}) };
}

export const legalSearchTool: ToolDefinition<LegalSearchInput, LegalSearchOutput, "legal_search"> = {
  name: "legal_search",
  description:
    "Finds provisions of the Korean housing and real-estate statutes (주택임대차보호법, 공인중개사법, 주택법, 공동주택관리법, " +
    "부동산등기법 … with their decrees and rules; 28 official texts) for a Korean or English question or a citation " +
    "(\"주택임대차법 7조\"), quoting the best paragraph verbatim with the decree articles that carry it out.",
  inputSchema: legalSearchInputSchema,
  outputSchema: legalSearchOutputSchema,
  readOnly: true,
  timeoutMs: 5_000,
  fallbacks: ["legal_search_keyword"],
  run: (input, ctx) => runSearch(input, ctx.db, "fulltext"),
  quality: legalQuality,
  broaden: broadenLegalInput,
};

export const legalSearchKeywordTool: ToolDefinition<LegalSearchInput, LegalSearchOutput, "legal_search_keyword"> = {
  name: "legal_search_keyword",
  description:
    "Keyword statute search (any term, PostgreSQL ts_rank_cd over the same index); the fallback for legal_search.",
  inputSchema: legalSearchInputSchema,
  outputSchema: legalSearchOutputSchema,
  readOnly: true,
  timeoutMs: 3_000,
  fallbacks: [],
  run: (input, ctx) => runSearch(input, ctx.db, "keyword"),
  quality: legalQuality,
  broaden: broadenLegalInput,
};
