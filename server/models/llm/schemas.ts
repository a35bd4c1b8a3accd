// The zod schemas the model's JSON answers must satisfy, one per decision. They bound everything
// the model says (enums, ranges, lengths); semantic checks (known teams/tools, args) come after.
import { z } from "zod";
import { ASPECTS, INTENTS, QUESTION_TYPES, type Entities } from "../../supervisor/types";

const krw = z.number().int().nonnegative().max(1e13);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Models often write null for "unknown"; nullish here, nulls dropped by `cleanEntities`. */
export const entitiesSchema = z.object({
  region: z.string().min(1).max(40).nullish(),
  propertyType: z.enum(["apartment", "officetel", "villa", "house", "commercial"]).nullish(),
  transactionType: z.enum(["sale", "jeonse", "monthly"]).nullish(),
  price: krw.nullish(),
  deposit: krw.nullish(),
  monthlyRent: krw.nullish(),
  proposedDeposit: krw.nullish(),
  proposedMonthlyRent: krw.nullish(),
  areaM2: z.number().positive().max(10_000).nullish(),
  dates: z.array(isoDate).max(10).nullish(),
  annualIncome: krw.nullish(),
  buyerProfile: z.object({
    firstHome: z.boolean().nullish(),
    newlywed: z.boolean().nullish(),
    youth: z.boolean().nullish(),
    age: z.number().int().min(0).max(130).nullish(),
    homeless: z.boolean().nullish(),
    children: z.number().int().min(0).max(20).nullish(),
  }).nullish(),
  contractType: z.enum(["jeonse", "monthly", "sale"]).nullish(),
  contractText: z.string().max(20_000).nullish(),
  amounts: z.array(krw).max(20).nullish(),
});

function dropNulls(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    out[k] = v && typeof v === "object" && !Array.isArray(v) ? dropNulls(v as Record<string, unknown>) : v;
  }
  return out;
}

export function cleanEntities(value: z.infer<typeof entitiesSchema>): Entities {
  return dropNulls(value as Record<string, unknown>) as Entities;
}

export const planOutputSchema = z.object({
  intent: z.enum(INTENTS),
  intent_confidence: z.number().min(0).max(1),
  /** Every aspect the question asks about (none for UNCLEAR/IRRELEVANT). */
  aspects: z.array(z.enum(ASPECTS)).max(ASPECTS.length),
  question_type: z.enum(QUESTION_TYPES),
  language: z.enum(["ko", "en"]),
  keywords: z.array(z.string().min(1).max(40)).max(12),
  entities: entitiesSchema,
  steps: z.array(z.object({
    team: z.string().min(1),
    description: z.string().min(1).max(300),
    tools: z.array(z.string()).max(10),
    /** Team names of earlier steps this one needs. */
    depends_on: z.array(z.string()).max(6),
  })).max(6),
  reasoning: z.string().max(1000),
});
export type PlanOutput = z.infer<typeof planOutputSchema>;

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
