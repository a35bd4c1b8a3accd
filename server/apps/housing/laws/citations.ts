// The housing app's citations hook: the law sources of a finished run, from its legal_search outputs (call
// key → output), best first, one per provision, so runs.citations says which article and 항 an answer rests on.
import type { RunCitation } from "../types";
import { legalSearchOutputSchema, type LawArticleResult } from "../tools/legal-search";
import { rentIncreaseOutputSchema } from "../tools/rent-increase-check";

/** More sources than this is a list, not an answer's footing. */
const MAX_CITATIONS = 10;

export function lawCitations(outputsByCallKey: Record<string, unknown>): RunCitation[] {
  const found: { a: LawArticleResult; callKey: string; order: number }[] = [];
  for (const [callKey, output] of Object.entries(outputsByCallKey)) {
    const parsed = legalSearchOutputSchema.safeParse(output);
    if (!parsed.success) continue;
    parsed.data.articles.forEach((a, order) => found.push({ a, callKey, order }));
  }
  // A cited article first, then by score; several calls interleave by their own ranks.
  found.sort((x, y) => Number(y.a.matchedBy === "citation") - Number(x.a.matchedBy === "citation")
    || x.order - y.order || y.a.score - x.a.score);
  const seen = new Set<string>();
  const citations: RunCitation[] = [];
  // A rent increase the check decided (within the cap or over it) rests on the provision that states the cap.
  for (const [callKey, output] of Object.entries(outputsByCallKey)) {
    const check = rentIncreaseOutputSchema.safeParse(output);
    const cap = check.success && check.data.withinCap !== null ? check.data.capRule : null;
    if (!cap || seen.has(cap.citation)) continue;
    seen.add(cap.citation);
    citations.push({
      source: "law", law: cap.lawName, article: cap.articleNumber, ...(cap.paragraph !== null ? { paragraph: cap.paragraph } : {}), rank: 1, callKey,
    });
  }
  for (const { a, callKey } of found) {
    if (seen.has(a.key) || citations.length >= MAX_CITATIONS) continue;
    seen.add(a.key);
    citations.push({
      source: "law", law: a.lawName, article: a.articleNumber,
      ...(a.paragraph !== null ? { paragraph: a.paragraph } : {}), rank: citations.length + 1, callKey,
    });
  }
  return citations;
}
