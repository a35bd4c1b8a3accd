// Execution-pattern memory and learning: what the orchestrator remembers between runs and how it
// changes the next plan. The `memory_learning` flag is enforced by the callers: skip these calls when off.
export { loadMemory } from "./load";
export { recordExecution, recordExecutionCall } from "./record";
export { strategyFromEvidence } from "./strategy-evidence";
export { queryPatternOf } from "./query-pattern";
export { prefsVersion, flagsHash, strategyCacheKey } from "./cache-key";
export { getCachedDecision, putCachedDecision, listCachedDecisions } from "./strategy-cache";
export { clearMemory } from "./clear";
export { memoryTuning } from "./tuning";
export { effectivePreference } from "./effective-preference";
export { nextSuccessRate, nextAvgLatency, isSuccessOutcome, SUCCESS_ALPHA, LATENCY_ALPHA } from "./ema";
export { asDrizzle, type MemoryDb } from "../db/raw-handle";
export type {
  PatternSummary, ToolPreference, ToolOutcome, ToolObservation, ExecutionRecord, LoadMemoryOptions, LoadedMemory, MemoryTuning, CatalogueEntry,
  StrategyCacheLookup, StrategyCacheEntry, ClearedMemory,
} from "./types";
