// The built-in orchestration decision: merge every team's requests into one plan, pick a strategy
// from the plan's shape, the flags and the user's learned statistics, and explain each choice.
import { effectivePreference, memoryTuning, type ToolPreference } from "../memory";
import { applyPreferences } from "./apply-preferences";
import { buildToolPlan } from "./tool-plan";
import type { OrchestrationDecision, OrchestrationInput, Orchestrator, PlannedCall, Strategy } from "./types";

const UNRELIABLE_BELOW = 0.8;
/** Fewer samples than memory needs to reroute: choosing adaptive is cheap if the doubt is unfounded. */
const STRATEGY_MIN_SAMPLES = 3;

export class RulesOrchestrator implements Orchestrator {
  readonly kind = "rules" as const;

  async orchestrate(input: OrchestrationInput): Promise<OrchestrationDecision> {
    const plan = buildToolPlan(input.requests, input.catalogue);
    const chosen = chooseStrategy(input, plan.calls.length, plan.calls.some((c) => c.dependsOn.length > 0));
    const reasoning = chosen.reasoning;
    let { strategy, confidence } = chosen;
    let calls = plan.calls;
    let memoryNotes: string[] = [];
    if (input.preferences.length > 0 || input.patterns.length > 0) {
      const applied = applyPreferences({
        calls, intent: input.planning.intent, preferences: input.preferences, patterns: input.patterns, strategy,
        catalogue: input.catalogue.map((t) => ({ name: t.name, fallbacks: t.fallbacks, timeoutMs: t.timeoutMs })),
      });
      const kept = keepWhereOwnRecordIsGood(plan.calls, applied.calls, input.preferences, input.planning.intent);
      calls = kept.calls;
      const parallelOff = input.flags.parallel_execution?.value === false;
      const strategyChanged = applied.strategy !== strategy;
      // A note stays only if what it says happens: not for kept tools, nor a strategy the flag forbids.
      memoryNotes = [
        ...applied.changes
          .filter((c) => !(c.kind !== "strategy" && kept.keptTools.includes(c.tool)) && !(parallelOff && strategyChanged && c.kind === "strategy"))
          .map((c) => c.note),
        ...kept.notes,
      ];
      if (strategyChanged && !parallelOff) {
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

/**
 * Personal evidence beats the crowd's: when routing came from everyone's statistics, a user whose own
 * record with the tool is good keeps it, and a user who never tried it gets one try of their own
 * (memory itself re-tries a tool that sat out too long).
 */
function keepWhereOwnRecordIsGood(
  original: PlannedCall[], applied: PlannedCall[], prefs: ToolPreference[], intent: string,
): { calls: PlannedCall[]; notes: string[]; keptTools: string[] } {
  const threshold = memoryTuning().routeAroundBelow;
  const own = (tool: string) => prefs.find((p) => p.scope === "user" && p.tool === tool && p.intent === intent && p.count > 0);
  const notes: string[] = [];
  const keptTools: string[] = [];
  const calls = applied.map((call) => {
    const tool = call.substitutedFor;
    if (!tool) return call;
    const mine = own(tool);
    const before = original.find((c) => c.key === call.key);
    if (!before || (mine && mine.successRate < threshold)) return call;
    if (!keptTools.includes(tool)) {
      keptTools.push(tool);
      notes.push(mine
        ? `Keeping ${tool}: it succeeded ${Math.round(mine.successRate * 100)}% of ${mine.count} of your own runs, which outweighs its poorer record across all users.`
        : `Trying ${tool} for you once: its poor record comes from other users' runs, not yours (its fallbacks are ready).`);
    }
    return before;
  });
  return { calls, notes, keptTools };
}

function unreliableTools(prefs: ToolPreference[], intent: string, tools: Set<string>): ToolPreference[] {
  return [...tools]
    .map((tool) => effectivePreference(prefs, tool, intent, STRATEGY_MIN_SAMPLES))
    .filter((p): p is ToolPreference => p !== null && p.successRate < UNRELIABLE_BELOW);
}
