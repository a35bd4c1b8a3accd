// One orchestration decision for a run: from the cache when a fresh one fits (re-bound to this
// run's requests), else from the decider (LLM or rules), checked before anything runs.
import type { ToolRegistry } from "../tools/registry";
import { rebindDecision, validateDecision } from "./decision-check";
import type { OrchestrationDecision, OrchestrationInput, Orchestrator } from "./types";

/** Where decisions are kept between runs; `get` returns what was stored, unchecked. */
export interface DecisionCache {
  get(): Promise<unknown | null>;
  put(decision: OrchestrationDecision): Promise<void>;
}

export interface DecideOptions {
  decider: Orchestrator;
  tools: ToolRegistry;
  cache?: DecisionCache | null;
}

export async function decide(input: OrchestrationInput, opts: DecideOptions): Promise<OrchestrationDecision> {
  if (opts.cache) {
    const cached = asStoredDecision(await opts.cache.get());
    if (cached) return rebindDecision(cached, input.requests, input.catalogue);
  }
  const decision = await opts.decider.orchestrate(input);
  validateDecision(decision, opts.tools);
  if (opts.cache && !decision.fallbackReason) await opts.cache.put(decision);
  return decision;
}

const STRATEGIES = new Set(["sequential", "parallel", "adaptive"]);

/** A stored decision is used only if it still has the shape rebinding reads; anything else is a miss. */
function asStoredDecision(raw: unknown): OrchestrationDecision | null {
  if (!raw || typeof raw !== "object") return null;
  const d = raw as Partial<OrchestrationDecision>;
  if (typeof d.strategy !== "string" || !STRATEGIES.has(d.strategy) || !Array.isArray(d.calls) || typeof d.reasoning !== "string") return null;
  const callsOk = d.calls.every((c) => c && typeof c.tool === "string" && c.policy && typeof c.policy === "object" && Array.isArray(c.policy.fallbacks));
  return callsOk ? (d as OrchestrationDecision) : null;
}
