// What every node of a run gets besides the state: the app, the database, the run's writer, its deciders.
import type { Database } from "../db/client";
import type { RunWriter } from "../events/run-writer";
import type { Deciders, LlmUsage } from "../models/types";
import type { Decision } from "../state/decision";
import type { AppDefinition } from "./app";
import type { SupervisorState } from "./types";

export interface RunContext {
  app: AppDefinition;
  database: Database;
  writer: RunWriter;
  deciders: Deciders;
  signal: AbortSignal;
  usage: LlmUsage[];
  decisions: Decision[];
  /** Whether memory is read and written for this run (flag memory_learning). */
  memory: boolean;
  startedAtMs: number;
  /** This process picked the run up after a crash: finished tool calls may exist to reuse. */
  resumed: boolean;
  /** The state after the last node that finished (what a failure records the run's summary columns from). */
  lastState?: SupervisorState;
}

/**
 * The one way a decision is made known: appended to runs.decisions and emitted as orchestration_decision
 * in the same group commit, so the live chat and a reloaded one list the same decisions.
 */
export function recordDecision(ctx: Pick<RunContext, "decisions" | "writer">, d: Omit<Decision, "at">): void {
  const decision: Decision = { ...d, at: new Date().toISOString() };
  ctx.decisions.push(decision);
  const { type, at: _at, ...payload } = decision;
  ctx.writer.emit("orchestration_decision", { decisionType: type, ...payload });
  // decision_sources (indexed) is written with the run's end (run-columns.ts).
  ctx.writer.updateRun({ decisions: ctx.decisions });
}
