// The orchestrator's vocabulary: one decision per run (strategy, calls, policies) and the
// execution context that carries it, stored in every checkpoint.
import type { FlagSnapshot } from "../flags/types";
import type { ErrorKind } from "../retry";
import type { PatternSummary, ToolPreference } from "../memory/types";
import type { DecisionSource, PlanningState, Strategy } from "../state/types";
import type { ToolDefinition, ToolRequest } from "../tools/types";

export type { Strategy } from "../state/types";

/** Retry, timeout and fallback as data (LangGraph-style), attached to each call. */
export interface CallPolicy {
  timeoutMs: number;
  retries: number;
  backoff: { initialMs: number; factor: number; maxMs: number; jitter: number };
  /** Which kinds of failure retry (default: the transient ones; older cached decisions lack it). */
  retryOn?: ErrorKind[];
  /** Tools to try, in order, when retries are exhausted or the failure is permanent. */
  fallbacks: string[];
  /** A failure leaves the answer without something it must have. */
  fatal: boolean;
}

export interface PlannedCall {
  /** tool + canonical args (+ the keys of calls it takes inputs from). */
  key: string;
  tool: string;
  args: Record<string, unknown>;
  /** input field → call key whose result feeds it. */
  inputsFrom: Record<string, string>;
  dependsOn: string[];
  teams: string[];
  stepIds: string[];
  policy: CallPolicy;
  /** Set when memory routed this call to a fallback up front: the tool originally asked for. */
  substitutedFor?: string;
  reasoning?: string;
}

export interface ToolConflict {
  tool: string;
  keys: string[];
  teams: string[];
  reason: string;
}

export interface OrchestrationDecision {
  strategy: Strategy;
  confidence: number;
  reasoning: string;
  calls: PlannedCall[];
  conflicts: ToolConflict[];
  /** Requests folded into an existing call (requests − distinct calls). */
  duplicatesAvoided: number;
  concurrencyLimit: number;
  /** How memory changed the plan, one line each (empty without memory). */
  memoryNotes: string[];
  source: DecisionSource;
  prompt?: { name: string; version: string };
  /** Why the rules decided when an LLM was asked: llm_invalid_output | llm_timeout | llm_error. */
  fallbackReason?: string;
}

export type CallStatus = "pending" | "running" | "succeeded" | "failed" | "skipped";

export interface RegistryEntry {
  key: string;
  tool: string;
  teams: string[];
  status: CallStatus;
  attempts: number;
  /** Retries of the call's tools together (absent in checkpoints written before it was recorded). */
  retries?: number;
  /** The fallback tool that produced the result, if any. */
  resolvedBy?: string;
  error?: string;
  latencyMs?: number;
  attemptsByTool?: Record<string, number>;
}

export interface ExecutionContextSnapshot {
  legacy: boolean;
  strategy: Strategy | null;
  strategyConfidence: number;
  decision: OrchestrationDecision | null;
  registry: RegistryEntry[];
  usedTools: string[];
  conflicts: ToolConflict[];
  /** call key → validated output, shared by every team that consumes it. */
  intermediateResults: Record<string, unknown>;
  teamQuality: Record<string, number>;
  pastPatterns: PatternSummary[];
  toolPreferences: ToolPreference[];
  adjustments: { at: string; reason: string; from: Strategy; to: Strategy }[];
}

export interface OrchestrationInput {
  query: string;
  planning: PlanningState;
  /** Every team's tool requests, before merging. */
  requests: ToolRequest[];
  catalogue: ToolDefinition[];
  preferences: ToolPreference[];
  patterns: PatternSummary[];
  flags: FlagSnapshot;
  concurrencyLimit: number;
  signal?: AbortSignal;
}

/** The orchestration decider: rules (built in) or an LLM one wrapping them (models/llm). */
export interface Orchestrator {
  readonly kind: DecisionSource;
  orchestrate(input: OrchestrationInput): Promise<OrchestrationDecision>;
}
