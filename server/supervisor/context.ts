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
 * The one way a decision is made known: emitted as orchestration_decision and kept for runs.decisions, which the
 * run's last flush writes (run-columns.ts). The event is the durable record until then: a resumed run and a running
 * run's summary read the decisions back from it (live-run.ts), so the decision takes the event's time.
 */
export function recordDecision(ctx: Pick<RunContext, "decisions" | "writer">, d: Omit<Decision, "at">): void {
  const { type, ...payload } = d;
  const event = ctx.writer.emit("orchestration_decision", { decisionType: type, ...payload });
  ctx.decisions.push({ ...d, at: event.at });
}
