// The normalised shape of a question for memory and the strategy cache: intent + which entity kinds
// were present, sorted — never the raw text or the values, so similar questions share one pattern.
import type { PlanningState } from "../state/types";

function present(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.values(value as Record<string, unknown>).some(present);
  return true;
}

/** e.g. "PRICE_QUESTION|amount,region,type" ("GREETING|" without entities): intent, then the entity kinds sorted. */
export function queryPatternOf(planning: Pick<PlanningState, "intent" | "entities">): string {
  const kinds = Object.entries(planning.entities ?? {})
    .filter(([, v]) => present(v))
    .map(([k]) => k)
    .sort();
  return `${planning.intent}|${kinds.join(",")}`;
}
