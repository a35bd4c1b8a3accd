// How strongly a retrieval result says "this question is about a statute": the rarest of the question's own
// words (3+ syllables, or the statute word standing in for an everyday one) that names one of the top articles.
import type { StatuteSearchResult } from "./search";
import { tokenize } from "./tokens";

/** A cited article ("주택임대차법 7조") is the strongest evidence there is. */
export const CITATION_EVIDENCE = 100;
/** A question that names a law ("층간소음 규칙", "Housing Lease Protection Act") whose article ranks in the top few. */
export const NAMED_LAW_EVIDENCE = 10;

export function statuteEvidence(result: StatuteSearchResult, topN = 3): number {
  const top = result.hits.slice(0, topN);
  if (top.some((h) => h.via === "citation")) return CITATION_EVIDENCE;
  if (top.some((h) => result.query.laws.includes(h.lawName))) return NAMED_LAW_EVIDENCE;
  const idf = new Map(result.searched.map((t) => [t.term, t.idf]));
  const keyTerms = result.query.keyTerms;
  let best = 0;
  for (const hit of top) {
    const titleTerms = new Set(tokenize(hit.title ?? ""));
    for (const t of keyTerms) if (titleTerms.has(t)) best = Math.max(best, idf.get(t) ?? 0);
  }
  return Math.round(best * 1000) / 1000;
}
