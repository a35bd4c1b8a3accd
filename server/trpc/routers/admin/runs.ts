// One run as the admin timeline needs it: the run, its node timings, steps, tool calls with attempts,
// decisions, flags and checkpoint list; checkpoint states and the raw event log load on demand.
import { z } from "zod";
import type { RunCitation } from "../../../supervisor/types";
import { and, asc, desc, eq, gt, lte, sql } from "drizzle-orm";
import { adminProcedure, router } from "../../init";
import { checkpoints, runEvents, runs, toolCalls } from "../../../db/schema";
import type { Db } from "../../../db/client";
import { AppError } from "../../../errors";
import { int4 } from "../../../validation";
import { traceIdOfRun } from "../../../telemetry/run-ids";
import { traceUrl } from "../../../telemetry/tracing";
import { foldCheckpoints } from "../../../state/checkpoint-doc";
import { restoreOutputs } from "../../../supervisor/checkpoint-outputs";
import { readLiveRun } from "../../../supervisor/live-run";

const runIdInput = z.object({ runId: z.uuid() });

export interface ToolAttempt {
  attempt: number;
  startedAt: string;
  finishedAt: string | null;
  ok: boolean;
  error?: string;
}

async function requireRun(db: Db, runId: string) {
  const [run] = await db.select().from(runs).where(eq(runs.id, runId));
  if (!run) throw new AppError("not_found:run", "no such run");
  return run;
}

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

/** A checkpoint as an admin reads it: shared tool outputs put back; one whose references do not resolve is shown as stored. */
function readableState(state: unknown): unknown {
  if (state === null || typeof state !== "object") return state;
  try {
    return restoreOutputs(state as Record<string, unknown>);
  } catch {
    return state;
  }
}

export const runsRouter = router({
  get: adminProcedure.input(runIdInput).query(async ({ ctx, input }) => {
    const { db } = ctx.database;
    const row = await requireRun(db, input.runId);
    const [calls, cps, [latest], [eventCount], live] = await Promise.all([
      db
        .select({
          callKey: toolCalls.callKey, tool: toolCalls.tool, args: toolCalls.args, teams: toolCalls.teams, status: toolCalls.status,
          attempt: toolCalls.attempt, attempts: toolCalls.attempts, fallbackFor: toolCalls.fallbackFor, startedAt: toolCalls.startedAt,
          finishedAt: toolCalls.finishedAt, durationMs: toolCalls.durationMs, error: toolCalls.error,
        })
        .from(toolCalls)
        .where(eq(toolCalls.runId, input.runId))
        .orderBy(asc(toolCalls.startedAt), asc(toolCalls.id)),
      db
        .select({ seq: checkpoints.seq, node: checkpoints.node, createdAt: checkpoints.createdAt })
        .from(checkpoints)
        .where(eq(checkpoints.runId, input.runId))
        .orderBy(asc(checkpoints.seq)),
      // Only the timings of the newest checkpoint: it carries every node finished so far.
      db
        .select({ timings: sql<unknown>`${checkpoints.state} -> 'timings'` })
        .from(checkpoints)
        .where(eq(checkpoints.runId, input.runId))
        .orderBy(desc(checkpoints.seq))
        .limit(1),
      db.select({ n: sql<number>`count(*)::int` }).from(runEvents).where(eq(runEvents.runId, input.runId)),
      // A running run's row holds what createRun wrote; the rest so far is in its events and checkpoints.
      row.status === "running" ? readLiveRun(db, input.runId) : null,
    ]);
    const run = live ? { ...row, ...live } : row;
    return {
      run: {
        id: run.id, userId: run.userId, sessionId: run.sessionId, question: run.question, status: run.status, intent: run.intent,
        teams: run.teams, strategy: run.strategy, orchestrated: run.orchestrated, degraded: run.degraded, flags: run.flags,
        decisions: run.decisions, orchestration: run.orchestration, steps: run.steps, answer: run.answer, error: run.error,
        toolCallCount: run.toolCallCount, retries: run.retries, duplicatesAvoided: run.duplicatesAvoided, llmCalls: run.llmCalls,
        llmTokens: run.llmTokens, decisionSources: run.decisionSources, durationMs: run.durationMs, lastSeq: run.lastSeq,
        startedAt: run.startedAt.toISOString(), finishedAt: iso(run.finishedAt),
        citations: (Array.isArray(run.citations) ? run.citations : []) as RunCitation[],
      },
      nodeTimings: (latest?.timings ?? {}) as Record<string, { startedAt: string; finishedAt: string; ms: number }>,
      toolCalls: calls.map((c) => ({ ...c, attempts: (Array.isArray(c.attempts) ? c.attempts : []) as ToolAttempt[], startedAt: iso(c.startedAt), finishedAt: iso(c.finishedAt) })),
      checkpoints: cps.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
      eventCount: eventCount?.n ?? 0,
      /** The run's trace in the tracing UI (ENSEMBLE_TRACE_URL with {traceId}); null when not configured. */
      traceUrl: traceUrl(traceIdOfRun(run.id)),
    };
  }),

  /** The whole supervisor state saved after one node (loaded when a checkpoint is opened). */
  checkpoint: adminProcedure.input(runIdInput.extend({ seq: int4(0) })).query(async ({ ctx, input }) => {
    // The rows up to this one: a checkpoint may store only what changed since the one before (checkpoint-doc.ts).
    const rows = await ctx.database.db
      .select()
      .from(checkpoints)
      .where(and(eq(checkpoints.runId, input.runId), lte(checkpoints.seq, input.seq)))
      .orderBy(asc(checkpoints.seq));
    const cp = rows.at(-1);
    if (!cp || cp.seq !== input.seq) throw new AppError("not_found:checkpoint", "no such checkpoint");
    return { seq: cp.seq, node: cp.node, createdAt: cp.createdAt.toISOString(), state: readableState(foldCheckpoints(rows)) };
  }),

  /** The raw event log, in pages after a sequence number (`cursor`: the last seq seen, 0 for the start). */
  events: adminProcedure
    .input(runIdInput.extend({ cursor: int4(0).nullish(), limit: z.number().int().min(1).max(500).default(200) }))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.database.db
        .select()
        .from(runEvents)
        .where(and(eq(runEvents.runId, input.runId), gt(runEvents.seq, input.cursor ?? 0)))
        .orderBy(asc(runEvents.seq))
        .limit(input.limit);
      return { events: rows.map((e) => ({ seq: e.seq, type: e.type, at: e.at.toISOString(), payload: e.payload })), hasMore: rows.length === input.limit };
    }),
});
