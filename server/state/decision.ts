// The one decision vocabulary: what the orchestration_decision event carries, what runs.decisions
// stores and what the chat and admin UIs draw (they import the type only). Declared once, as zod.
import { z } from "zod";

export const DECISION_SOURCES = ["rules", "llm", "cache"] as const;
export const decisionSourceSchema = z.enum(DECISION_SOURCES);
export type DecisionSource = z.infer<typeof decisionSourceSchema>;

/**
 * plan, strategy, tool_selection and respond are the three judgments (plan, orchestrate, respond);
 * recovery is a retry or fallback the executor chose while running; fallback is the run leaving the
 * orchestrator for the legacy path.
 */
export const DECISION_TYPES = ["plan", "strategy", "tool_selection", "recovery", "fallback", "respond"] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

export const promptRefSchema = z.object({ name: z.string(), version: z.string() });

/** A decision as it is stored and drawn; the event carries the same fields with `decisionType` for `type`. */
export const decisionSchema = z.object({
  type: z.enum(DECISION_TYPES),
  source: decisionSourceSchema,
  reasoning: z.string(),
  strategy: z.string().optional(),
  confidence: z.number().optional(),
  prompt: promptRefSchema.optional(),
  /** Why the rules decided when an LLM was asked: llm_invalid_output | llm_timeout | llm_error | llm_budget_exhausted. */
  fallbackReason: z.string().optional(),
  /** Structured detail (conflicts, memory notes, the call a recovery is about). */
  detail: z.record(z.string(), z.unknown()).optional(),
  at: z.string(),
});
export type Decision = z.infer<typeof decisionSchema>;
