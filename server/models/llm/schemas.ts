// The zod schemas the model's JSON answers must satisfy, one per decision. They bound everything
// the model says (enums, ranges, lengths); semantic checks (known teams/tools, args) come after.
import { z } from "zod";
import type { PlanVocabulary } from "../types";

function dropNulls(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    out[k] = v && typeof v === "object" && !Array.isArray(v) ? dropNulls(v as Record<string, unknown>) : v;
  }
  return out;
}

/** Models often write null for "unknown": the app's schema allows it, and the nulls go here. */
export function cleanEntities(value: Record<string, unknown>): Record<string, unknown> {
  return dropNulls(value);
}

/** The plan answer for one app: its intents and its entity schema plug into the shared shape. */
export function planOutputSchemaFor(vocabulary: PlanVocabulary) {
  return z.object({
    intent: z.enum(vocabulary.intents),
    intent_confidence: z.number().min(0).max(1),
    /** Every aspect the question asks about (none for an intent with nothing to execute). */
    aspects: z.array(z.enum(vocabulary.aspects)).max(vocabulary.aspects.length),
    question_type: z.enum(vocabulary.questionTypes),
    language: z.enum(["ko", "en"]),
    keywords: z.array(z.string().min(1).max(40)).max(12),
    entities: vocabulary.entitiesSchema,
    steps: z.array(z.object({
      team: z.string().min(1),
      description: z.string().min(1).max(300),
      tools: z.array(z.string()).max(10),
      /** Team names of earlier steps this one needs. */
      depends_on: z.array(z.string()).max(6),
    })).max(6),
    reasoning: z.string().max(1000),
  });
}
export type PlanOutput = z.infer<ReturnType<typeof planOutputSchemaFor>>;

/** The prompt's field list, read off the entity schema: `name`, `name (a|b)` for enums, `name {x, y}` for objects. */
export function entityFieldList(schema: z.ZodObject): string {
  const unwrap = (t: z.ZodType): z.ZodType => {
    let cur = t;
    while (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) cur = cur.unwrap() as z.ZodType;
    return cur;
  };
  return Object.entries(schema.shape).map(([name, field]) => {
    const t = unwrap(field as z.ZodType);
    if (t instanceof z.ZodEnum) return `${name} (${(t.options as string[]).join("|")})`;
    if (t instanceof z.ZodObject) return `${name} {${Object.keys(t.shape).join(", ")}}`;
    return name;
  }).join(", ");
}

export const ORCHESTRATION_BOUNDS = {
  retries: { min: 0, max: 3 },
  timeoutMs: { min: 500, max: 30_000 },
  calls: 40,
} as const;

export const orchestrateOutputSchema = z.object({
  strategy: z.enum(["sequential", "parallel", "adaptive"]),
  confidence: z.number().min(0).max(1),
  reasoning: z.string().min(1).max(1500),
  calls: z.array(z.object({
    /** Id of a team request ("r1"…) to run as requested; omit to add a call from the catalogue. */
    request: z.string().nullish(),
    /** For an added call: the tool, its args and the team whose step uses the result. */
    tool: z.string().nullish(),
    args: z.record(z.string(), z.unknown()).nullish(),
    team: z.string().nullish(),
    retries: z.number().int().min(ORCHESTRATION_BOUNDS.retries.min).max(ORCHESTRATION_BOUNDS.retries.max).nullish(),
    timeoutMs: z.number().int().min(ORCHESTRATION_BOUNDS.timeoutMs.min).max(ORCHESTRATION_BOUNDS.timeoutMs.max).nullish(),
    reasoning: z.string().max(300).nullish(),
  })).max(ORCHESTRATION_BOUNDS.calls),
});
export type OrchestrateOutput = z.infer<typeof orchestrateOutputSchema>;

export const respondOutputSchema = z.object({
  answer: z.string().min(1).max(12_000),
  sources: z.array(z.string().min(1).max(200)).max(20),
});
export type RespondOutput = z.infer<typeof respondOutputSchema>;
