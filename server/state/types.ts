// The run-state vocabulary every core layer shares (plan, steps, team results, answer), free of any
// domain: an app narrows `intent` and `entities` to its own vocabulary (see server/apps/*/types.ts).

export type Language = "ko" | "en";
import type { DecisionSource } from "./decision";

export type { DecisionSource };
export type { RunCitation } from "./run-summary";
export type StepStatus = "pending" | "in_progress" | "completed" | "failed" | "skipped";
export type Strategy = "sequential" | "parallel" | "adaptive";

export interface ExecutionStep {
  step_id: string;
  team: string;
  description: string;
  /** Tool names the planner expects this team to need (hints; the orchestrator decides). */
  tools: string[];
  depends_on: string[];
  status: StepStatus;
  progress_percentage: number;
  started_at: string | null;
  completed_at: string | null;
  execution_time_ms: number | null;
  result: unknown | null;
  error: string | null;
}

/** The plan of one question. `I` and `E` are the app's intents and entities; the core sees strings and a record. */
export interface PlanningState<I extends string = string, E extends Record<string, unknown> = Record<string, unknown>> {
  intent: I;
  intent_confidence: number;
  /** Every aspect the question asks about, from the app's vocabulary (e.g. legal, market, loan). */
  aspects: string[];
  /** The kind of question, from the app's vocabulary (e.g. definition, amount, procedure). */
  questionType: string;
  keywords: string[];
  entities: E;
  language: Language;
  execution_steps: ExecutionStep[];
  source: DecisionSource;
  reasoning: string;
  /** Set when an LLM was asked and the rules decided instead: llm_invalid_output | llm_timeout | llm_error. */
  fallbackReason?: string;
  prompt?: { name: string; version: string };
}

export interface TeamResult {
  team: string;
  stepId: string;
  /** tool name → its validated output (the first successful call of that tool for this team). */
  outputs: Record<string, unknown>;
  /** 0..1: how much of what the team needed it got. */
  quality: number;
  /** Tools the team needed but could not obtain. */
  missing: string[];
}

export interface AggregatedResults<I extends string = string, E extends Record<string, unknown> = Record<string, unknown>> {
  intent: I;
  language: Language;
  entities: E;
  /** tool name → output, merged over teams. */
  outputs: Record<string, unknown>;
  missing: string[];
  degraded: boolean;
}

export interface FinalResponse {
  answer: string;
  sources: string[];
  degraded: boolean;
  missing: string[];
  source: DecisionSource;
}

/** One flag's value for a run, and why it has it. */
export interface FlagValue {
  value: boolean;
  reason: "default" | "env" | "rollout" | "override" | "kill" | "request";
}
/** Every flag a run evaluated: recorded on the run, read by every layer. */
export type FlagSnapshot = Record<string, FlagValue>;
