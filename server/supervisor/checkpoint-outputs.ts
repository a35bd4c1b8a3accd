// A checkpoint stores each tool output once. The executor keeps every succeeded call's output in
// execution.intermediateResults (by call key); each team's result and the aggregate hold the same objects
// under the tool's name, so written plainly a W1 execute checkpoint carried each output two or three times
// (22.5 KB, of which 8.2 KB was team results). Stored, those repeats become the call key, listed in
// "$outputsFrom"; reading a checkpoint puts the outputs back. Only outputs that are the very same object
// are shared, so what is restored is exactly what was there.
import type { AggregatedResults, SupervisorState, TeamResult } from "./types";

/** On a stored team result or aggregate: tool name → the call key whose output it is (the output itself is 0). */
export const OUTPUTS_FROM = "$outputsFrom";

type Outputs = Record<string, unknown>;
type Stored<T> = T & { [OUTPUTS_FROM]?: Record<string, string> };

function share<T extends { outputs: Outputs }>(holder: T, keyOf: Map<unknown, string>): Stored<T> {
  let from: Record<string, string> | undefined;
  const outputs: Outputs = {};
  for (const [tool, output] of Object.entries(holder.outputs)) {
    const key = keyOf.get(output);
    if (key === undefined) outputs[tool] = output;
    else {
      // The key stays in place (insertion order is the order outputs are read in); its value is restored.
      outputs[tool] = 0;
      (from ??= {})[tool] = key;
    }
  }
  return from ? { ...holder, outputs, [OUTPUTS_FROM]: from } : holder;
}

/** The state as a checkpoint stores it: team results' and the aggregate's outputs that are call outputs, by key. */
export function storedState(state: SupervisorState): object {
  const results = state.execution?.intermediateResults;
  if (!results) return state;
  const keyOf = new Map<unknown, string>();
  for (const [key, output] of Object.entries(results)) if (output !== null && typeof output === "object") keyOf.set(output, key);
  if (keyOf.size === 0) return state;
  const teamResults: Record<string, Stored<TeamResult>> = {};
  for (const [team, result] of Object.entries(state.teamResults)) teamResults[team] = share(result, keyOf);
  const aggregated: Stored<AggregatedResults> | null = state.aggregated && share(state.aggregated, keyOf);
  return { ...state, teamResults, aggregated };
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => v !== null && typeof v === "object" && !Array.isArray(v);

function restore(holder: unknown, results: Raw, where: string): unknown {
  if (!isObject(holder) || !(OUTPUTS_FROM in holder)) return holder;
  const { [OUTPUTS_FROM]: from, ...rest } = holder;
  if (!isObject(from) || !isObject(rest.outputs)) throw new Error(`${where}: ${OUTPUTS_FROM} without outputs`);
  const outputs: Raw = { ...rest.outputs };
  for (const [tool, key] of Object.entries(from)) {
    if (typeof key !== "string" || !(key in results)) throw new Error(`${where}: output of ${tool} names call ${String(key)}, which has none`);
    outputs[tool] = results[key];
  }
  return { ...rest, outputs };
}

/** A stored state with its shared outputs put back (a state without any is returned as it is). Throws when a
 * reference names a call the state has no output for. */
export function restoreOutputs(stored: Raw): Raw {
  const execution = stored.execution;
  const results = isObject(execution) && isObject(execution.intermediateResults) ? execution.intermediateResults : {};
  const teamResults = isObject(stored.teamResults)
    ? Object.fromEntries(Object.entries(stored.teamResults).map(([team, r]) => [team, restore(r, results, `teamResults.${team}`)]))
    : stored.teamResults;
  return { ...stored, teamResults, aggregated: restore(stored.aggregated, results, "aggregated") };
}
