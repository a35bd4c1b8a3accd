// The built-in orchestration decision: merge every team's requests into one plan, pick a strategy
// from the plan's shape, the flags and the user's learned statistics, and explain each choice.
import { applyPreferences } from "../memory";
import type { Orchestrator, OrchestrationInput } from "../models/types";
import { buildToolPlan } from "./tool-plan";
import type { OrchestrationDecision, Strategy, ToolPreference } from "./types";

const UNRELIABLE_BELOW = 0.8;

export class RulesOrchestrator implements Orchestrator {
  readonly kind = "rules" as const;

  async orchestrate(input: OrchestrationInput): Promise<OrchestrationDecision> {
    const plan = buildToolPlan(input.requests, input.catalogue);
    let { strategy, confidence, reasoning } = chooseStrategy(input, plan.calls.length, plan.calls.some((c) => c.dependsOn.length > 0));
    let calls = plan.calls;
    let memoryNotes: string[] = [];
    if (input.preferences.length > 0 || input.patterns.length > 0) {
      const applied = applyPreferences({
        calls, intent: input.planning.intent, preferences: input.preferences, patterns: input.patterns, strategy,
        catalogue: input.catalogue.map((t) => ({ name: t.name, fallbacks: t.fallbacks, timeoutMs: t.timeoutMs })),
      });
      calls = applied.calls;
      memoryNotes = applied.notes;
      if (applied.strategy !== strategy && input.flags.parallel_execution?.value !== false) {
        strategy = applied.strategy;
        confidence = 0.8;
      }
    }
    const dedupe = plan.duplicatesAvoided > 0 ? ` ${plan.requests} requests from ${new Set(input.requests.map((r) => r.team)).size} teams merged into ${calls.length} calls (${plan.duplicatesAvoided} duplicate${plan.duplicatesAvoided > 1 ? "s" : ""} run once and shared).` : "";
    return {
      strategy, confidence, concurrencyLimit: strategy === "sequential" ? 1 : input.concurrencyLimit,
      reasoning: [reasoning + dedupe, ...memoryNotes].join(" "),
      calls, conflicts: plan.conflicts, duplicatesAvoided: plan.duplicatesAvoided, memoryNotes, source: "rules",
    };
  }
}

function chooseStrategy(input: OrchestrationInput, callCount: number, hasDependencies: boolean): { strategy: Strategy; confidence: number; reasoning: string } {
  if (input.flags.parallel_execution && !input.flags.parallel_execution.value) {
    return { strategy: "sequential", confidence: 0.95, reasoning: "Parallel execution is switched off (flag parallel_execution): calls run one at a time in dependency order." };
  }
  if (callCount <= 1) return { strategy: "sequential", confidence: 0.95, reasoning: "A single call: nothing to run in parallel." };
  const shaky = unreliableTools(input.preferences, input.planning.intent, new Set(input.requests.map((r) => r.tool)));
  if (shaky.length > 0) {
    return {
      strategy: "adaptive", confidence: 0.75,
      reasoning: `Adaptive: start in parallel but be ready to change course, because ${shaky.map((p) => `${p.tool} succeeded ${Math.round(p.successRate * 100)}% of ${p.count} recent runs`).join(", ")}.`,
    };
  }
  if (hasDependencies) {
    return { strategy: "adaptive", confidence: 0.8, reasoning: "Adaptive: independent searches run in parallel; analysis waits for the results it consumes and is dropped or re-planned if they fail or come back empty." };
  }
  return { strategy: "parallel", confidence: 0.9, reasoning: `Parallel: all ${callCount} calls are independent, so they run at once.` };
}

function unreliableTools(prefs: ToolPreference[], intent: string, tools: Set<string>): ToolPreference[] {
  const best = new Map<string, ToolPreference>();
  for (const p of prefs) {
    if (!tools.has(p.tool) || p.intent !== intent || p.count < 3) continue;
    const cur = best.get(p.tool);
    if (!cur || (cur.scope === "global" && p.scope === "user")) best.set(p.tool, p);
  }
  return [...best.values()].filter((p) => p.successRate < UNRELIABLE_BELOW);
}
