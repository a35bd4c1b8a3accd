// The supervisor graph: initialize → planning → execute → aggregate → respond, with planning routing
// straight to respond when there is nothing to execute. A checkpoint is committed after every node.
import { storedState } from "./checkpoint-outputs";
import type { RunContext } from "./context";
import type { NodeName, SupervisorState } from "./types";

export type NodeFn = (state: SupervisorState, ctx: RunContext) => Promise<SupervisorState>;

/** Where to go after `node`, given the state it produced; null ends the run. */
export function nextNode(node: NodeName, state: SupervisorState): NodeName | null {
  switch (node) {
    case "initialize":
      return "planning";
    case "planning":
      return state.planning && state.planning.execution_steps.length > 0 ? "execute" : "respond";
    case "execute":
      return "aggregate";
    case "aggregate":
      return "respond";
    case "respond":
      return null;
  }
}

/** The state after `node` with the node's wall time recorded, as every checkpoint carries it. */
export function withTiming(state: SupervisorState, node: NodeName, startedAt: Date, finishedAt: Date): SupervisorState {
  const timing = { startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), ms: finishedAt.getTime() - startedAt.getTime() };
  return { ...state, timings: { ...state.timings, [node]: timing } };
}

export async function runGraph(
  nodes: Record<NodeName, NodeFn>,
  start: NodeName,
  initial: SupervisorState,
  ctx: RunContext,
): Promise<SupervisorState> {
  let state = initial;
  let node: NodeName | null = start;
  while (node) {
    if (ctx.signal.aborted) throw new Error("run cancelled");
    const startedAt = new Date();
    state = withTiming(await nodes[node](state, ctx), node, startedAt, new Date());
    // The node's writes, its checkpoint and its events commit together before the next node starts;
    // the last node's commit is left to the caller, which adds the run's completion to it.
    ctx.writer.checkpoint(node, storedState(state));
    ctx.lastState = state;
    node = nextNode(node, state);
    if (node) await ctx.writer.flush();
  }
  return state;
}
