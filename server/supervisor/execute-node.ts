// The supervisor's execute node (the orchestrator is the library it calls). With the `orchestrator` flag on: one orchestration decision for the
// whole run (from cache, LLM or rules), run as a DAG. Off, or if the orchestrator throws: the legacy path.
import { and, eq } from "drizzle-orm";
import { toolCalls } from "../db/schema";
import { flagsHash, getCachedDecision, loadMemory, prefsVersion, putCachedDecision, queryPatternOf, type LoadedMemory } from "../memory";
import { decide, type DecisionCache } from "../orchestrator/decide";
import { executeDecision } from "../orchestrator/executor";
import { newExecutionContext, withAdjustments, withDecision, withOutcomes } from "../orchestrator/execution-context";
import { legacyDecision } from "../orchestrator/legacy";
import { combineSinks, type ExecutionSink } from "../orchestrator/sink";
import { teamResultsFrom } from "../orchestrator/team-results";
import type { OrchestrationDecision, Strategy } from "../orchestrator/types";
import type { ToolRequest } from "../tools/types";
import type { RunContext } from "./context";
import { recordDecision } from "./context";
import { runWriterSink } from "./run-sink";
import { StepTracker } from "./step-tracker";
import type { SupervisorState } from "./types";
import { log } from "../telemetry/log";

const concurrencyLimit = () => Math.max(1, Number(process.env.ENSEMBLE_MAX_CONCURRENCY ?? 4) || 4);

export async function executeNode(state: SupervisorState, ctx: RunContext): Promise<SupervisorState> {
  const planning = state.planning!;
  const orchestrated = state.flags.orchestrator?.value !== false;
  ctx.writer.emit("execution_start", { orchestrated, stepCount: planning.execution_steps.length });
  const requests = planning.execution_steps.flatMap((step) => ctx.app.teams.get(step.team).proposeTools(step, planning, state.query));

  let memory: LoadedMemory = { patterns: [], preferences: [] };
  if (orchestrated && ctx.memory) memory = await loadMemory(ctx.database.db, state.userId, { intent: planning.intent });

  let decision: OrchestrationDecision;
  let legacy = !orchestrated;
  if (orchestrated) {
    ctx.writer.emit("orchestration_started", { teams: planning.execution_steps.map((s) => s.team), requests: requests.length });
    try {
      decision = await decideForRun(state, ctx, requests, memory);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      log.error({ err: e, runId: state.runId, sessionId: state.sessionId }, "orchestrator failed; running the legacy path");
      const reasoning = `The orchestrator failed (${message}); running the legacy path so the question still gets an answer.`;
      recordDecision(ctx, { type: "fallback", source: "rules", reasoning });
      decision = legacyDecision(requests, ctx.app.tools.list(), reasoning);
      legacy = true;
    }
  } else {
    decision = legacyDecision(requests, ctx.app.tools.list(), "The orchestrator flag is off: each team calls its own tools, one after another.");
  }

  let execution = withDecision(newExecutionContext(memory, legacy), decision);
  // Only a resumed run can have finished calls already: a fresh one skips the query.
  const reusable = ctx.resumed ? await finishedCalls(ctx, state.runId) : new Map<string, unknown>();
  const tracker = new StepTracker(planning, ctx.writer, decision.calls);
  const adjustments: { at: string; reason: string; from: Strategy; to: Strategy }[] = [];
  const outcomes = await executeDecision(decision, {
    tools: ctx.app.tools, toolContext: { db: ctx.database.db, language: planning.language, runId: state.runId },
    signal: ctx.signal, reusable,
    sink: combineSinks(runWriterSink(ctx.writer), tracker, { strategyAdjusted: (a) => adjustments.push(a) }, recoveryDecisions(ctx)),
  });
  const teamResults = teamResultsFrom(planning, ctx.app.teams, decision.calls, outcomes);
  const finished = tracker.finish((stepId) => {
    const r = Object.values(teamResults).find((t) => t.stepId === stepId);
    // `sample` lets the UI label steps whose figures come from the generated sample market.
    const sample = r ? Object.values(r.outputs).some((o) => (o as { sample?: unknown } | null)?.sample === true) : false;
    return r ? { quality: r.quality, missing: r.missing, tools: Object.keys(r.outputs), ...(sample ? { sample: true } : {}) } : null;
  });
  const teamQuality = Object.fromEntries(Object.values(teamResults).map((r) => [r.team, r.quality]));
  execution = withAdjustments(withOutcomes(execution, outcomes, teamQuality), adjustments);
  return { ...state, planning: finished, execution, teamResults };
}

async function decideForRun(state: SupervisorState, ctx: RunContext, requests: ToolRequest[], memory: LoadedMemory): Promise<OrchestrationDecision> {
  const planning = state.planning!;
  const catalogue = ctx.app.tools.list();
  const useCache = ctx.memory && state.flags.strategy_cache?.value === true;
  const db = ctx.database.db;
  const lookup = useCache
    ? {
        userId: state.userId, queryPattern: queryPatternOf(planning), flagsHash: flagsHash(state.flags),
        prefsVersion: prefsVersion(memory.preferences, planning.intent, { patterns: memory.patterns, catalogue }),
      }
    : null;
  const cache: DecisionCache | null = lookup
    ? { get: () => getCachedDecision(db, lookup), put: (d) => putCachedDecision(db, lookup, d) }
    : null;
  const decision = await decide({
    query: state.query, planning, requests, catalogue, preferences: memory.preferences, patterns: memory.patterns,
    flags: state.flags, concurrencyLimit: concurrencyLimit(), signal: ctx.signal,
  }, { decider: ctx.deciders.orchestrator, tools: ctx.app.tools, cache });
  emitDecision(ctx, decision);
  return decision;
}

/**
 * The executor's own choices while running, as recovery decisions: the first retry of a call after a
 * transient failure, and each switch to a fallback tool. Policies decided them, so their source is rules.
 */
function recoveryDecisions(ctx: RunContext): Partial<ExecutionSink> {
  return {
    attemptFinished: (e) => {
      if (e.status !== "retrying" || e.attempt !== 1) return;
      recordDecision(ctx, {
        type: "recovery", source: "rules",
        reasoning: `${e.tool} failed with a transient error (${e.error ?? "unknown"}): retrying up to ${e.call.policy.retries} time(s) with backoff.`,
        detail: { action: "retry", callKey: e.callKey, tool: e.tool, retries: e.call.policy.retries },
      });
    },
    attemptStarted: (e) => {
      if (!e.fallbackFor || e.attempt !== 1) return;
      recordDecision(ctx, {
        type: "recovery", source: "rules",
        reasoning: `${e.call.tool} could not answer: falling back to ${e.tool}.`,
        detail: { action: "fallback", callKey: e.fallbackFor, tool: e.call.tool, fallback: e.tool },
      });
    },
  };
}

function emitDecision(ctx: RunContext, d: OrchestrationDecision): void {
  const w = ctx.writer;
  const common = { source: d.source, ...(d.prompt ? { prompt: d.prompt } : {}), ...(d.fallbackReason ? { fallbackReason: d.fallbackReason } : {}) };
  recordDecision(ctx, { type: "strategy", reasoning: d.reasoning, strategy: d.strategy, confidence: d.confidence, ...common });
  const substituted = d.calls.filter((c) => c.substitutedFor);
  const selection = `${d.calls.length} calls for ${new Set(d.calls.flatMap((c) => c.teams)).size} teams` +
    (d.duplicatesAvoided ? `, ${d.duplicatesAvoided} duplicate request(s) shared` : "") +
    (d.conflicts.length ? `, ${d.conflicts.length} conflict(s) recorded` : "") +
    (substituted.length ? `; routing around ${substituted.map((c) => `${c.substitutedFor} → ${c.tool}`).join(", ")}` : "") + ".";
  const memoryLine = d.memoryNotes.length ? ` ${d.memoryNotes.join(" ")}` : "";
  recordDecision(ctx, { type: "tool_selection", reasoning: selection + memoryLine, ...common, detail: { conflicts: d.conflicts, memoryNotes: d.memoryNotes } });
  for (const c of d.calls) {
    w.emit("tool_decision_made", {
      callKey: c.key, tool: c.tool, args: c.args, teams: c.teams, dependsOn: c.dependsOn,
      policy: { timeoutMs: c.policy.timeoutMs, retries: c.policy.retries, fallbacks: c.policy.fallbacks, fatal: c.policy.fatal },
      ...(c.substitutedFor ? { substitutedFor: c.substitutedFor } : {}), ...(c.reasoning ? { reasoning: c.reasoning } : {}),
    });
  }
  w.emit("orchestration_complete", {
    strategy: d.strategy, calls: d.calls.length, duplicatesAvoided: d.duplicatesAvoided, conflicts: d.conflicts.length, source: d.source,
    plan: d.calls.map((c) => ({ callKey: c.key, tool: c.tool, teams: c.teams, dependsOn: c.dependsOn })),
  });
}

/** Calls that succeeded before a crash, by call key (fallback rows by "<key>><tool>"). */
async function finishedCalls(ctx: RunContext, runId: string): Promise<Map<string, unknown>> {
  const rows = await ctx.database.db.select({ key: toolCalls.callKey, result: toolCalls.result })
    .from(toolCalls).where(and(eq(toolCalls.runId, runId), eq(toolCalls.status, "succeeded")));
  return new Map(rows.map((r) => [r.key, r.result]));
}
