// The ranked legal sources of one finished run: the run summary's `citations` when it carries law
// citations, else the articles its legal-search tool calls returned (read from tool_calls), best first.
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../server/db/client";
import { toolCalls } from "../../server/db/schema";
import type { RunSummary } from "../../server/supervisor/summary";
import type { RankedLegalSource, SourceOrigin } from "./legal-score";
import { normalizeLawName } from "./legal-score";

/** The statute search tool and its keyword fallback: a run that called either reached legal search. */
export const LEGAL_SEARCH_TOOLS = ["legal_search", "legal_search_keyword"] as const;

/** A citation of the run summary contract (ARCHITECTURE.md); other source kinds are ignored. */
const citationSchema = z.object({
  source: z.string(),
  law: z.string().optional(),
  article: z.string().nullable().optional(),
  rank: z.number().optional(),
}).passthrough();

/** legal_search's output, only the fields scored here; loose so extra fields never break the eval. */
const legalSearchOutputSchema = z.object({
  articles: z.array(z.object({ lawName: z.string(), articleNumber: z.string().nullable().optional() }).passthrough()),
}).passthrough();

/** Law citations of the summary, by rank; empty when the summary has none (or no `citations` field yet). */
export function sourcesFromCitations(summary: RunSummary): RankedLegalSource[] {
  const raw = (summary as unknown as { citations?: unknown }).citations;
  const parsed = z.array(citationSchema).safeParse(raw);
  if (!parsed.success) return [];
  return parsed.data
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => c.source === "law" && typeof c.law === "string")
    .sort((a, b) => (a.c.rank ?? a.index + 1) - (b.c.rank ?? b.index + 1))
    .map(({ c }) => ({ law: c.law!, article: c.article ?? null }));
}

/** Merges the article lists of several calls in call order, each best first, dropping repeats. */
export function mergeToolArticles(outputs: unknown[]): RankedLegalSource[] {
  const seen = new Set<string>();
  const merged: RankedLegalSource[] = [];
  for (const output of outputs) {
    const parsed = legalSearchOutputSchema.safeParse(output);
    if (!parsed.success) continue;
    for (const a of parsed.data.articles) {
      const key = `${normalizeLawName(a.lawName)} ${a.articleNumber ?? ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      merged.push({ law: a.lawName, article: a.articleNumber ?? null });
    }
  }
  return merged;
}

export function reachedLegalSearch(summary: RunSummary): boolean {
  return summary.toolCalls.some((c) => (LEGAL_SEARCH_TOOLS as readonly string[]).includes(c.tool));
}

export async function rankedLegalSources(
  database: Database, summary: RunSummary,
): Promise<{ sources: RankedLegalSource[]; origin: SourceOrigin }> {
  const cited = sourcesFromCitations(summary);
  if (cited.length > 0) return { sources: cited, origin: "citations" };
  if (!reachedLegalSearch(summary)) return { sources: [], origin: "none" };
  const rows = await database.db.select({ result: toolCalls.result }).from(toolCalls)
    .where(and(
      eq(toolCalls.runId, summary.runId),
      inArray(toolCalls.tool, [...LEGAL_SEARCH_TOOLS]),
      eq(toolCalls.status, "succeeded"),
    ))
    .orderBy(asc(toolCalls.id));
  const sources = mergeToolArticles(rows.map((r) => r.result));
  return { sources, origin: sources.length > 0 ? "tool" : "none" };
}
