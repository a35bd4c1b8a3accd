// Evaluates every flag for one user: request override, kill switch, user override, the admin's
// switch with its sticky rollout, then the default (env variable or built-in). Cached; see store.ts.
import type { Db } from "../db/client";
import type { FlagSnapshot, FlagValue } from "./types";
import { FLAG_DEFINITIONS, envDefault, type FlagDefinition } from "./definitions";
import { inRollout } from "./rollout";
import { flagStoreFor, type FlagConfig } from "./store";
import { metrics } from "../telemetry/metrics";

export type RequestFlagOverrides = Partial<Record<string, boolean>>;

/** The default a flag falls back to: the env variable when set, else the stored/built-in default. */
export function flagDefault(def: FlagDefinition, config: FlagConfig | undefined): FlagValue {
  const env = envDefault(def.key);
  if (env !== null) return { value: env, reason: "env" };
  return { value: config?.defaultValue ?? def.default, reason: "default" };
}

/**
 * One flag for one user. Order: request (tests, benchmark) > kill (forces the default, overrides
 * included) > per-user override > admin switch (off, or on within the rollout percentage) > default.
 * "rollout" is the reason whenever the admin's stored switch decided, including "switched off".
 */
export function evaluateFlag(
  def: FlagDefinition,
  config: FlagConfig | undefined,
  userId: string,
  userOverride: boolean | undefined,
  requestOverride: boolean | undefined,
): FlagValue {
  if (requestOverride !== undefined) return { value: requestOverride, reason: "request" };
  const fallback = flagDefault(def, config);
  if (!config) return fallback;
  if (config.killed) return { value: fallback.value, reason: "kill" };
  if (userOverride !== undefined) return { value: userOverride, reason: "override" };
  if (config.enabled === null) return fallback;
  if (!config.enabled) return { value: false, reason: "rollout" };
  return { value: inRollout(def.key, userId, config.rolloutPercent), reason: "rollout" };
}

/** Every known flag for this user, as the run records it. Unknown request keys are an error. */
export function evaluateFlags(db: Db, userId: string, requestOverrides?: RequestFlagOverrides): Promise<FlagSnapshot> {
  return evaluateDefinitions(db, FLAG_DEFINITIONS, userId, requestOverrides);
}

/** evaluateFlags over a given list of definitions (tests use flags of their own so they never disturb real ones). */
export async function evaluateDefinitions(
  db: Db,
  definitions: readonly FlagDefinition[],
  userId: string,
  requestOverrides?: RequestFlagOverrides,
): Promise<FlagSnapshot> {
  if (!userId) throw new Error("evaluateFlags: userId is required");
  for (const key of Object.keys(requestOverrides ?? {})) {
    if (!definitions.some((d) => d.key === key)) throw new Error(`evaluateFlags: unknown flag "${key}"`);
  }
  const { flags, overrides } = await flagStoreFor(db).read();
  const userOverrides = overrides.get(userId);
  const snapshot: FlagSnapshot = {};
  const evaluations = metrics().flagEvaluations;
  for (const def of definitions) {
    const value = evaluateFlag(def, flags.get(def.key), userId, userOverrides?.get(def.key), requestOverrides?.[def.key]);
    snapshot[def.key] = value;
    evaluations.inc({ flag: def.key, reason: value.reason, value: String(value.value) });
  }
  return snapshot;
}
