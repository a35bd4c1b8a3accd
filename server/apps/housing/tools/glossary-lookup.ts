// glossary_lookup: the definitions of the housing, lease and lending terms a question names (LTV, 확정일자,
// 전세가율…), read from glossary_terms, with the law_terms synonyms of each term's legal concept.
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import type { Language } from "../types";
import type { ToolDefinition } from "../../../tools/types";

export const glossaryInputSchema = z.object({
  /** The question or a term, Korean or English. */
  query: z.string().trim().min(1).max(500),
  limit: z.number().int().min(1).max(10).default(3),
});
export type GlossaryInput = z.infer<typeof glossaryInputSchema>;

export const glossaryEntrySchema = z.object({
  key: z.string(),
  /** The term in the run's language, and both spellings. */
  term: z.string(),
  termKo: z.string(),
  termEn: z.string(),
  /** The definition in the run's language. */
  definition: z.string(),
  lawReference: z.string().nullable(),
  category: z.string(),
  /** The alias that matched the question. */
  matched: z.string(),
  /** Other words for the same legal concept (law_terms), in the run's language. */
  synonyms: z.array(z.string()),
});
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

export const glossaryOutputSchema = z.object({
  query: z.string(),
  /** Longest (most specific) match first. */
  terms: z.array(glossaryEntrySchema),
  sample: z.literal(false),
  sources: z.array(z.string()),
});
export type GlossaryOutput = z.infer<typeof glossaryOutputSchema>;

/** A term matches when one of its aliases appears in the question (case-insensitive, Latin aliases on word bounds). */
async function lookup(db: Db, input: GlossaryInput, language: Language): Promise<GlossaryOutput> {
  const q = input.query.toLowerCase();
  const rows = await db.execute<Record<string, unknown>>(sql`
    SELECT g.key, g.term_ko, g.term_en, g.definition_ko, g.definition_en, g.law_reference, g.category, g.concept, m.alias,
      coalesce((SELECT array_agg(t.term ORDER BY t.term) FROM law_terms t
                WHERE t.concept = g.concept AND t.language = ${language} AND t.term NOT LIKE '%~%'), '{}') AS synonyms
    FROM glossary_terms g
    CROSS JOIN LATERAL (
      SELECT a AS alias FROM unnest(g.aliases) a
      WHERE CASE WHEN a ~ '^[a-z0-9 -]+$' THEN ${q} ~ ('(^|[^a-z])' || a || '($|[^a-z])') ELSE position(a IN ${q}) > 0 END
      ORDER BY length(a) DESC LIMIT 1
    ) m
    ORDER BY length(m.alias) DESC, position(m.alias IN ${q}), g.key
    LIMIT ${input.limit}`);
  const terms: GlossaryEntry[] = rows.map((r) => ({
    key: String(r.key),
    term: String(language === "en" ? r.term_en : r.term_ko),
    termKo: String(r.term_ko),
    termEn: String(r.term_en),
    definition: String(language === "en" ? r.definition_en : r.definition_ko),
    lawReference: (r.law_reference as string | null) ?? null,
    category: String(r.category),
    matched: String(r.alias),
    synonyms: (r.synonyms as string[]).filter((s) => s !== String(r.alias)).slice(0, 5),
  }));
  return { query: input.query, terms, sample: false, sources: terms.map((t) => `glossary: ${t.termKo}${t.lawReference ? ` (${t.lawReference})` : ""}`) };
}

export const glossaryLookupTool: ToolDefinition<GlossaryInput, GlossaryOutput, "glossary_lookup"> = {
  name: "glossary_lookup",
  description:
    "Definitions of housing, lease, lending and tax terms named in a Korean or English question (LTV, DSR, 전세가율, " +
    "확정일자, 근저당, 계약갱신요구권…), with the statute each comes from and its synonyms.",
  inputSchema: glossaryInputSchema,
  outputSchema: glossaryOutputSchema,
  readOnly: true,
  timeoutMs: 3_000,
  fallbacks: [],
  run: (input, ctx) => lookup(ctx.db, input, ctx.language),
  quality: (o) => (o.terms.length > 0 ? 1 : 0),
};
