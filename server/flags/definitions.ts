// The feature flags the runtime knows: key, what it switches, its kind and its built-in default.
// Environment variables (ENSEMBLE_FLAG_<KEY>=0|1) replace the built-in default per deployment.

export type FlagKind = "release" | "operational" | "kill_switch";

export interface FlagDefinition {
  key: string;
  description: string;
  kind: FlagKind;
  /** The value when nothing else decides: no env variable, no admin switch, no override. */
  default: boolean;
}

export const FLAG_DEFINITIONS = [
  {
    key: "orchestrator",
    description: "Run the execute step through the ExecutionOrchestrator (one plan for all teams, shared tool calls, retries and fallbacks). Off: the legacy path, each team calls its own tools in sequence.",
    kind: "release",
    default: true,
  },
  {
    key: "memory_learning",
    description: "Save execution patterns and tool statistics after each run and use them in the next decisions of the same user.",
    kind: "release",
    default: true,
  },
  {
    key: "llm_decisions",
    description: "Let a configured LLM make the plan, orchestrate and respond decisions. Off: built-in rules only, with no model calls.",
    kind: "kill_switch",
    default: true,
  },
  {
    key: "parallel_execution",
    description: "Allow the orchestrator to run independent tool calls and teams in parallel. Off: everything runs in sequence.",
    kind: "operational",
    default: true,
  },
  {
    key: "strategy_cache",
    description: "Reuse a cached orchestration decision for a repeated question shape instead of deciding again.",
    kind: "operational",
    default: true,
  },
  {
    key: "adaptive_strategy",
    description: "Allow the adaptive strategy: the executor may switch between sequential and parallel mid-run when tools fail or slow down.",
    kind: "release",
    default: true,
  },
] as const satisfies readonly FlagDefinition[];

export type FlagKey = (typeof FLAG_DEFINITIONS)[number]["key"];

export const FLAG_KEYS: readonly FlagKey[] = FLAG_DEFINITIONS.map((d) => d.key);

export function isFlagKey(key: string): key is FlagKey {
  return (FLAG_KEYS as readonly string[]).includes(key);
}

/** The env variable that sets a flag's default, e.g. ENSEMBLE_FLAG_ORCHESTRATOR. */
export function flagEnvName(key: string): string {
  return `ENSEMBLE_FLAG_${key.toUpperCase()}`;
}

/** The env default for a flag: true/false when the variable is set, null when unset; other values are an error. */
export function envDefault(key: string, env: NodeJS.ProcessEnv = process.env): boolean | null {
  const raw = env[flagEnvName(key)];
  if (raw === undefined || raw.trim() === "") return null;
  const v = raw.trim().toLowerCase();
  if (v === "1" || v === "true" || v === "on") return true;
  if (v === "0" || v === "false" || v === "off") return false;
  throw new Error(`${flagEnvName(key)} must be 0 or 1 (got "${raw}")`);
}
