// The housing app's vocabulary: its intents and its entity schema (one zod schema → the TS type,
// the LLM JSON schema and the prompt's field list), and the core state narrowed to them.
import { z } from "zod";
import type { PlanVocabulary } from "../../models/types";
import type { AggregatedResults as CoreAggregated, PlanningState as CorePlanning } from "../../state/types";

export type { DecisionSource, ExecutionStep, Language, RunCitation, TeamResult } from "../../state/types";

export const INTENTS = [
  "LEGAL_CONSULT", "MARKET_INQUIRY", "LOAN_CONSULT", "CONTRACT_CREATION", "CONTRACT_REVIEW",
  "RISK_ANALYSIS", "COMPREHENSIVE", "UNCLEAR", "IRRELEVANT",
] as const;
export type Intent = (typeof INTENTS)[number];

/** Intents that route straight to respond: nothing to execute. */
export const NO_STEP_INTENTS: readonly Intent[] = ["UNCLEAR", "IRRELEVANT"];

const krw = z.number().int().nonnegative().max(1e13);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * Entities pulled out of the question. Amounts are whole KRW; areas are m². Models often write null
 * for "unknown", so every field is nullish here; cleanEntities drops the nulls.
 */
export const entitiesSchema = z.object({
  /** Seoul district in Korean, e.g. "마포구". */
  region: z.string().min(1).max(40).nullish(),
  propertyType: z.enum(["apartment", "officetel", "villa", "house", "commercial"]).nullish(),
  transactionType: z.enum(["sale", "jeonse", "monthly"]).nullish(),
  /** Sale price (매매가). */
  price: krw.nullish(),
  /** Deposit (보증금 / 전세금). */
  deposit: krw.nullish(),
  /** Monthly rent (월세). */
  monthlyRent: krw.nullish(),
  /** A proposed new deposit or rent, for increase checks. */
  proposedDeposit: krw.nullish(),
  proposedMonthlyRent: krw.nullish(),
  /** A proposed increase given only as a percentage ("10% 올려 달래요"), for increase checks without amounts. */
  increasePercent: z.number().min(0).max(1000).nullish(),
  /** The question asks about an increase of MORE than increasePercent ("5% 넘게 올려도 돼요?"). */
  increaseAbove: z.boolean().nullish(),
  areaM2: z.number().positive().max(10_000).nullish(),
  /** ISO dates (YYYY-MM-DD) mentioned. */
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
  /** Contract text the user pasted, for review. */
  contractText: z.string().max(20_000).nullish(),
  /** Any other numbers, in KRW, the planner could not place. */
  amounts: z.array(krw).max(20).nullish(),
});

/** A nullish field becomes an optional, non-null one (what cleanEntities leaves). */
type DropNulls<T> = {
  [K in keyof T]?: NonNullable<T[K]> extends readonly unknown[] ? NonNullable<T[K]>
    : NonNullable<T[K]> extends object ? DropNulls<NonNullable<T[K]>> : NonNullable<T[K]>;
};

/** The housing entities, derived from entitiesSchema. */
export type Entities = DropNulls<z.infer<typeof entitiesSchema>>;

export type PlanningState = CorePlanning<Intent, Entities>;
export type AggregatedResults = CoreAggregated<Intent, Entities>;

/** The housing planner produced every plan a housing run carries: the core hands it back as a plain record. */
export function housingPlanning(planning: CorePlanning): PlanningState {
  return planning as PlanningState;
}

export function housingAggregated(aggregated: CoreAggregated): AggregatedResults {
  return aggregated as AggregatedResults;
}

/** Every part a question may ask about; a question can ask several at once. */
export const ASPECTS = ["legal", "market", "loan", "contract", "risk"] as const;
export type Aspect = (typeof ASPECTS)[number];

/** The kind of question asked, whatever its topic. */
export const QUESTION_TYPES = [
  "definition", "permissibility", "amount", "procedure", "eligibility", "comparison",
  "calculation", "drafting", "review", "other",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** What the LLM planner is told about housing (prompts/plan.md fills these in). */
export const housingVocabulary: PlanVocabulary = {
  intents: INTENTS,
  noStepIntents: NO_STEP_INTENTS,
  aspects: ASPECTS,
  questionTypes: QUESTION_TYPES,
  multiAspectIntents: ["COMPREHENSIVE"],
  entitiesSchema,
  description: "a housing and real-estate assistant for Korea (lease law, market\nprices, loans, risk, contract drafting)",
  intentGuide: [
    "IRRELEVANT only for text not about housing or real estate at all (weather, greetings, code,",
    "   cooking, stocks); UNCLEAR only when it names no housing topic you could act on (\"부동산 질문요\").",
    "   Both need no steps. Anything about housing — however short, colloquial, misspelt or mixed",
    "   Korean/English — gets its topic's intent and a best-effort plan, never UNCLEAR.",
    "   COMPREHENSIVE when the question asks two or more aspects that need different work.",
  ].join("\n"),
  aspectGuide: [
    "(e.g. \"is this price fair and how much can I borrow\" → market, loan). legal = rights, duties and",
    "   rules (lease law, brokerage fees, registration, subscription, management fees); market = prices,",
    "   rents, trends, listings; loan = loans, LTV/DSR, rates, policy loans; contract = drafting or",
    "   reviewing a contract or clause; risk = is this deal or deposit safe (깡통전세, 전세사기, liens,",
    "   auction). [] for UNCLEAR and IRRELEVANT.",
  ].join("\n"),
  questionTypeGuide: [
    "definition (\"LTV가 뭐예요\"), permissibility (\"해도",
    "   되나요\", \"is it legal\"), amount (a figure, limit, fee, price, rate), procedure (\"어떻게\", \"how do I\"),",
    "   eligibility (\"자격\", \"am I eligible\"), comparison (A vs B, a trend over time), calculation (compute",
    "   from given numbers), drafting (write a contract or clause), review (check a contract or clause),",
    "   other (anything else, e.g. \"is it safe?\", advice).",
  ].join("\n"),
  entityGuide: "Amounts are whole KRW (3억 = 300000000,\n   5천만원 = 50000000, 50만원 = 500000); areas in m²; dates as YYYY-MM-DD.\n   Seoul districts in Korean with the 구 suffix (e.g. \"마포구\").",
};

