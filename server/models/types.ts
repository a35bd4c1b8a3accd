// The three decisions that need judgment — plan, orchestrate, respond — each an interface
// with a rules implementation (built in, the default and the fallback) and an LLM one.
import type { AggregatedResults, DecisionSource, Language, PlanningState } from "../state/types";
import type { z } from "zod";
import type { Orchestrator } from "../orchestrator/types";

export type { OrchestrationInput, Orchestrator } from "../orchestrator/types";

/**
 * What an app tells the LLM planner about itself: its intents and its entity schema (one zod object
 * whose fields may be nullish — models write null for unknown), plus the prompt's domain wording.
 */
export interface PlanVocabulary {
  intents: readonly [string, ...string[]];
  /** Intents with nothing to execute: the run goes straight to respond. */
  noStepIntents: readonly string[];
  /** Every aspect a question may ask about (a question may ask several). */
  aspects: readonly [string, ...string[]];
  /** The kinds of question (definition, amount, …), whatever the topic. */
  questionTypes: readonly [string, ...string[]];
  /** Intents that by definition ask about two or more aspects (a compound question). */
  multiAspectIntents: readonly string[];
  entitiesSchema: z.ZodObject;
  /** Who the assistant is, as one phrase the prompts use (e.g. "a travel-booking assistant"). */
  description: string;
  /** When to pick which intent (one or two sentences). */
  intentGuide: string;
  /** What each aspect covers, with an example of a compound question. */
  aspectGuide: string;
  /** What each question type means, with a cue for each. */
  questionTypeGuide: string;
  /** Units and spelling of the entity values. */
  entityGuide: string;
}

export interface PlanInput {
  query: string;
  userId: string;
  /** Team names this runtime has, with the tools each may use. */
  teams: { name: string; tools: string[] }[];
  signal?: AbortSignal;
}

export interface Planner {
  readonly kind: DecisionSource;
  /** Intent, entities, language and execution steps (status pending). */
  plan(input: PlanInput): Promise<PlanningState>;
}

export interface RespondInput {
  query: string;
  planning: PlanningState;
  aggregated: AggregatedResults | null;
  signal?: AbortSignal;
  /** Streamed pieces of the answer, in order; their concatenation is the answer. */
  onDelta?: (delta: string) => void | Promise<void>;
}

export interface Answer {
  answer: string;
  sources: string[];
  source: DecisionSource;
  fallbackReason?: string;
  prompt?: { name: string; version: string };
}

/** Token usage of one model call, reported so runs can count calls and tokens. */
export interface LlmUsage {
  decision: "plan" | "orchestrate" | "respond";
  model: string;
  inputTokens: number;
  outputTokens: number;
  ok: boolean;
}

/** The three deciders a run uses, chosen once per run from flags and configuration. */
export interface Deciders {
  planner: Planner;
  orchestrator: Orchestrator;
  responder: Responder;
}

export interface Responder {
  readonly kind: DecisionSource;
  respond(input: RespondInput): Promise<Answer>;
}

export function languageOf(text: string): Language {
  return /[\uac00-\ud7a3]/.test(text) ? "ko" : "en";
}
