// Feature flags: definitions, evaluation for a run, admin changes with audit, and cache invalidation.
// Callers import from here; the files beside it each do one of those jobs.
export { FLAG_DEFINITIONS, FLAG_KEYS, flagEnvName, isFlagKey, type FlagDefinition, type FlagKey, type FlagKind } from "./definitions";
export { evaluateFlags, evaluateDefinitions, evaluateFlag, flagDefault, type RequestFlagOverrides } from "./evaluate";
export { setFlag, setOverride, FlagError, type FlagPatch } from "./changes";
export { seedFlags } from "./seed";
export { startFlagListener, FLAG_CHANNEL } from "./store";
export { inRollout, rolloutBucket } from "./rollout";
