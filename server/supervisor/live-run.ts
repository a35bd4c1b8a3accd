// What a running run has learned so far, read from its events and checkpoints. A run's row is written when it is
// created and when it ends (run-columns.ts); in between only its lease changes, so a running run's row still holds
// what createRun wrote. The events and checkpoints committed by each node are the record of everything since.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { checkpoints, runEvents } from "../db/schema";
import type { Decision } from "../state/decision";
import type { OrchestrationDecision } from "../orchestrator/types";
import type { PlanningState } from "../state/types";
import { planSummary } from "./run-columns";

/** The decisions and the last event seq of a run: what resuming it needs (its row's are not kept up to date). */
export interface RunProgress {
  lastSeq: number;
  decisions: Decision[];
}

/** A running run as its summary shows it. Absent fields are not known yet. */
export interface LiveRun extends RunProgress {
  intent?: string;
  aspects?: string[];
  questionType?: string;
  teams?: string[];
  steps?: PlanningState["execution_steps"];
  strategy?: string;
  orchestrated?: boolean;
  /** From the execute node's checkpoint: known once that node has ended. */
  orchestration?: OrchestrationDecision;
  duplicatesAvoided?: number;
}

const PROGRESS_TYPES = ["orchestration_decision"] as const;
// The plan itself (intent, teams, aspects…) is the planning checkpoint's, committed with plan_ready in one flush.
const LIVE_TYPES = ["execution_start", "orchestration_decision", "orchestration_complete"] as const;

type EventRow = { seq: number; type: string; at: Date; payload: unknown };

function readEvents(db: Db, runId: string, types: readonly string[]): Promise<EventRow[]> {
  return db.select({ seq: runEvents.seq, type: runEvents.type, at: runEvents.at, payload: runEvents.payload }).from(runEvents)
    .where(and(eq(runEvents.runId, runId), inArray(runEvents.type, [...types]))).orderBy(asc(runEvents.seq));
}

const lastSeqSql = (runId: string) => sql<number>`(select coalesce(max(${runEvents.seq}), 0) from ${runEvents} where ${runEvents.runId} = ${runId})`;

/** A decision as its orchestration_decision event carried it (recordDecision stamps both with the event's time). */
function decisionOf(e: EventRow): Decision {
  const { decisionType, ...rest } = e.payload as { decisionType: Decision["type"] } & Omit<Decision, "type" | "at">;
  return { type: decisionType, ...rest, at: e.at.toISOString() };
}

/** The run's decisions and last event seq, from its events. */
export async function readRunProgress(db: Db, runId: string): Promise<RunProgress> {
  const [events, [{ lastSeq }]] = await Promise.all([
    readEvents(db, runId, PROGRESS_TYPES),
    db.execute<{ lastSeq: number }>(sql`select ${lastSeqSql(runId)} as "lastSeq"`),
  ]);
  return { lastSeq, decisions: events.map(decisionOf) };
}

type Newest = {
  lastSeq: number;
  steps: LiveRun["steps"] | null;
  planning: PlanningState | null;
  decision: OrchestrationDecision | null;
};

/** Everything a running run's summary shows that its row does not have yet; only what is known is set. */
export async function readLiveRun(db: Db, runId: string): Promise<LiveRun> {
  const [events, [newest]] = await Promise.all([
    readEvents(db, runId, LIVE_TYPES),
    // One row of the newest values: the last seq; the steps as they move, call by call (the newest todo_updated;
    // a checkpoint has them only as each node ends); and from the checkpoints, which store the top-level keys that
    // changed (state/checkpoint-doc.ts), the newest row holding the plan and the one holding the execution.
    db.execute<Newest>(sql`select ${lastSeqSql(runId)} as "lastSeq",
      (select ${runEvents.payload} -> 'steps' from ${runEvents} where ${runEvents.runId} = ${runId} and ${runEvents.type} = 'todo_updated' order by ${runEvents.seq} desc limit 1) as steps,
      (select ${checkpoints.state} -> 'planning' from ${checkpoints} where ${checkpoints.runId} = ${runId} and ${checkpoints.state} ? 'planning' order by ${checkpoints.seq} desc limit 1) as planning,
      (select ${checkpoints.state} -> 'execution' -> 'decision' from ${checkpoints} where ${checkpoints.runId} = ${runId} and ${checkpoints.state} ? 'execution' order by ${checkpoints.seq} desc limit 1) as decision`),
  ]);
  const live: LiveRun = { lastSeq: newest.lastSeq, decisions: [] };
  if (newest.planning) Object.assign(live, planSummary(newest.planning));
  if (newest.steps) live.steps = newest.steps;
  if (newest.decision) {
    live.orchestration = newest.decision;
    live.duplicatesAvoided = newest.decision.duplicatesAvoided;
  }
  for (const e of events) {
    const payload = e.payload as Record<string, unknown>;
    if (e.type === "execution_start" && typeof payload.orchestrated === "boolean") live.orchestrated = payload.orchestrated;
    if (e.type === "orchestration_complete") {
      if (typeof payload.strategy === "string") live.strategy = payload.strategy;
      if (typeof payload.duplicatesAvoided === "number") live.duplicatesAvoided = payload.duplicatesAvoided;
    }
    if (e.type === "orchestration_decision") {
      live.decisions.push(decisionOf(e));
      // The orchestrator failed and the legacy path runs instead (execute-node.ts).
      if (payload.decisionType === "fallback") live.orchestrated = false;
    }
  }
  if (live.orchestrated === false) live.strategy = "legacy";
  return live;
}
