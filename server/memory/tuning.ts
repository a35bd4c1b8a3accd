// Memory's thresholds, read from the environment on each call so tests and operators can change them.
// A malformed value is an error, not a silent default: a typo must not quietly disable routing.
import type { MemoryTuning } from "./types";

function envNumber(name: string, fallback: number, check: (n: number) => boolean, rule: string): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || !check(n)) throw new Error(`bad_config:memory ${name}=${JSON.stringify(raw)} must be ${rule}`);
  return n;
}

export function memoryTuning(overrides: Partial<MemoryTuning> = {}): MemoryTuning {
  return {
    routeAroundBelow: envNumber("ENSEMBLE_ROUTE_AROUND_BELOW", 0.5, (n) => n >= 0 && n <= 1, "between 0 and 1"),
    minSamples: envNumber("ENSEMBLE_MEMORY_MIN_SAMPLES", 5, (n) => Number.isInteger(n) && n >= 1, "a whole number ≥ 1"),
    probeEvery: envNumber("ENSEMBLE_ROUTE_AROUND_PROBE_EVERY", 5, (n) => Number.isInteger(n) && n >= 0, "a whole number ≥ 0"),
    reliableAtLeast: 0.8,
    slowShareOfTimeout: 0.6,
    minStrategySamples: 3,
    bucketWidth: 0.1,
    cacheTtlSeconds: envNumber("ENSEMBLE_STRATEGY_CACHE_TTL_S", 600, (n) => n > 0, "a positive number of seconds"),
    ...overrides,
  };
}
