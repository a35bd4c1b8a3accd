// The supervisor's nodes; execute is in its own module (execute-node.ts).
import { executeNode } from "./execute-node";
import type { NodeFn } from "./graph";
import { recordDecision } from "./context";
import { StateManager } from "./state-manager";
import type { AggregatedResults, NodeName, SupervisorState } from "./types";

/** What the initialize node does (pure): createRun runs it and commits its checkpoint with the run itself. */
export const initializeState = (state: SupervisorState): SupervisorState => ({
  ...state, planning: null, execution: null, teamResults: {}, aggregated: null, finalResponse: null, status: "running",
});

const initialize: NodeFn = async (state) => initializeState(state);

const planning: NodeFn = async (state, ctx) => {
  ctx.writer.emit("planning_start", {});
  const teams = ctx.app.teams.list().map((t) => ({ name: t.name, tools: t.tools }));
  const plan = await ctx.deciders.planner.plan({ query: state.query, userId: state.userId, teams, signal: ctx.signal });
  const route = plan.execution_steps.length > 0 ? "execute" : "respond";
  recordDecision(ctx, {
    type: "plan", source: plan.source, reasoning: plan.reasoning, confidence: plan.intent_confidence,
    ...(plan.prompt ? { prompt: plan.prompt } : {}), ...(plan.fallbackReason ? { fallbackReason: plan.fallbackReason } : {}),
  });
  ctx.writer.emit("plan_ready", {
    intent: plan.intent, confidence: plan.intent_confidence, language: plan.language, entities: plan.entities as Record<string, unknown>,
    keywords: plan.keywords, teams: plan.execution_steps.map((s) => s.team), steps: plan.execution_steps,
    source: plan.source, reasoning: plan.reasoning, route,
  });
  ctx.writer.emitSnapshot("todo_updated", { steps: plan.execution_steps, overallProgress: StateManager.overallProgress(plan) });
  return { ...state, planning: plan };
};

// The run's row (intent, steps, citations…) is written from the final state when it ends (run-columns.ts).
const aggregate: NodeFn = async (state) => {
  const planning = state.planning!;
  const outputs: Record<string, unknown> = {};
  const missing = new Set<string>();
  for (const r of Object.values(state.teamResults)) {
    for (const [tool, out] of Object.entries(r.outputs)) outputs[tool] ??= out;
    for (const m of r.missing) missing.add(m);
  }
  for (const m of [...missing]) if (m in outputs) missing.delete(m);
  // A skipped step had nothing to run (an input the question did not give); only a failed one loses data.
  const failedSteps = planning.execution_steps.some((s) => s.status === "failed");
  const aggregated: AggregatedResults = {
    intent: planning.intent, language: planning.language, entities: planning.entities, outputs,
    missing: [...missing], degraded: missing.size > 0 || failedSteps,
  };
  return { ...state, aggregated };
};

const respond: NodeFn = async (state, ctx) => {
  const planning = state.planning!;
  const answer = await ctx.deciders.responder.respond({
    query: state.query, planning, aggregated: state.aggregated, signal: ctx.signal,
    onDelta: (delta) => {
      if (delta) ctx.writer.emit("answer_delta", { delta });
    },
  });
  recordDecision(ctx, {
    type: "respond", source: answer.source, reasoning: `Answer composed by ${answer.source === "llm" ? "the model" : "the built-in rules"} from ${Object.keys(state.aggregated?.outputs ?? {}).length} tool results.`,
    ...(answer.prompt ? { prompt: answer.prompt } : {}), ...(answer.fallbackReason ? { fallbackReason: answer.fallbackReason } : {}),
  });
  const degraded = state.aggregated?.degraded ?? false;
  return {
    ...state,
    finalResponse: { answer: answer.answer, sources: answer.sources, degraded, missing: state.aggregated?.missing ?? [], source: answer.source },
  };
};

export const supervisorNodes: Record<NodeName, NodeFn> = { initialize, planning, execute: executeNode, aggregate, respond };
