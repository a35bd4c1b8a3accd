// The memory module's own vocabulary: what a finished run records, what it hands back (patterns,
// tool preferences), how memory is tuned, and the cache lookup key parts. Memory imports no orchestrator.
import type { Strategy } from "../state/types";
import type { PatternToolRecord } from "../db/schema/memory";

/** One finished run as memory remembers it. */
export interface PatternSummary {
  runId: string | null;
  intent: string;
  queryPattern: string;
  strategy: Strategy | string;
  success: boolean;
  durationMs: number;
  tools: PatternToolRecord[];
  createdAt: string;
}

/** A tool's learned reliability and speed, for one user or for everyone. */
export interface ToolPreference {
  scope: "user" | "global";
  tool: string;
  intent: string;
  successRate: number;
  avgLatencyMs: number;
  count: number;
  lastError: string | null;
}

export type ToolOutcome = PatternSummary["tools"][number]["outcome"];
export const TOOL_OUTCOMES: readonly ToolOutcome[] = ["succeeded", "retried", "fell_back", "failed"];

/** One tool's part in a finished run. A fallback that stood in is its own entry (outcome "succeeded"/"failed"). */
export interface ToolObservation {
  tool: string;
  outcome: ToolOutcome;
  latencyMs: number;
  error?: string | null;
}

/** What recordExecution saves for one finished run. */
export interface ExecutionRecord {
  userId: string;
  sessionId: string | null;
  runId: string | null;
  intent: string;
  /** From queryPatternOf(planning): intent + entity kinds, never raw text. */
  queryPattern: string;
  strategy: Strategy | string;
  tools: ToolObservation[];
  success: boolean;
  durationMs: number;
}

export interface LoadMemoryOptions {
  /** How many recent patterns (default 10, at most 200). */
  limit?: number;
  /** Only this intent's patterns and statistics. */
  intent?: string;
}

export interface LoadedMemory {
  patterns: PatternSummary[];
  /** Statistics of scope user (scope "user") and "global" (scope "global"). */
  preferences: ToolPreference[];
}

/** Thresholds memory acts on; defaults come from the environment (see memoryTuning()). */
export interface MemoryTuning {
  /** Route around a tool whose success rate is below this (ENSEMBLE_ROUTE_AROUND_BELOW, 0.5). */
  routeAroundBelow: number;
  /** Samples a statistic needs before it changes a plan (ENSEMBLE_MEMORY_MIN_SAMPLES, 5). */
  minSamples: number;
  /** A tool at or above this rate is "reliable" (0.8). */
  reliableAtLeast: number;
  /** Reliable but avg latency above this share of its timeout → more retries, longer timeout (0.6). */
  slowShareOfTimeout: number;
  /** Patterns per strategy needed before strategy follows the evidence (3). */
  minStrategySamples: number;
  /**
   * A routed-around tool is tried again once it was absent from this many of the user's latest runs
   * of the intent (ENSEMBLE_ROUTE_AROUND_PROBE_EVERY, 5; 0 never): otherwise nobody calls it again
   * and its statistics could never recover.
   */
  probeEvery: number;
  /** Width of the success-rate buckets that version preferences for the cache (0.1). */
  bucketWidth: number;
  /** Strategy cache lifetime in seconds (ENSEMBLE_STRATEGY_CACHE_TTL_S, 600). */
  cacheTtlSeconds: number;
}

export interface CatalogueEntry {
  name: string;
  fallbacks: string[];
  timeoutMs: number;
}

export interface StrategyCacheLookup {
  userId: string;
  queryPattern: string;
  flagsHash: string;
  prefsVersion: string;
}

export interface StrategyCacheEntry extends StrategyCacheLookup {
  key: string;
  /** The cached decision as stored; its owner (the orchestrator) checks it before use. */
  decision: unknown;
  hits: number;
  createdAt: string;
  expiresAt: string;
}

export interface ClearedMemory {
  patterns: number;
  stats: number;
  cache: number;
}
