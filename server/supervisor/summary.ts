// The run summary of the contract (GET /api/runs/{id}, `npm run ask -- --json`): one row and its tool calls,
// in the shape declared once in state/run-summary.ts.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client";
import { runEvents, runs, toolCalls } from "../db/schema";
import type { RunSummary } from "../state/run-summary";
import { mayRead } from "./access";

export type { RunSummary };

export interface Viewer {
  userId: string | null;
  admin: boolean;
}

/** Null when the run does not exist or the viewer may not see it (the caller answers 404 either way). */
export async function getRunSummary(database: Database, runId: string, viewer: Viewer): Promise<RunSummary | null> {
  if (!/^[0-9a-f-]{36}$/i.test(runId)) return null;
  const [run] = await database.db.select().from(runs).where(eq(runs.id, runId));
  if (!run || !mayRead(viewer, run.userId)) return null;
  const calls = await database.db.select().from(toolCalls).where(eq(toolCalls.runId, runId)).orderBy(asc(toolCalls.id));
  const toolName = new Map(calls.map((c) => [c.callKey, c.tool]));
  const live = run.status === "running" ? await liveColumns(database, runId) : null;
  return {
    runId: run.id,
    sessionId: run.sessionId,
    status: run.status as RunSummary["status"],
    question: run.question,
    intent: run.intent ?? live?.intent ?? null,
    aspects: run.aspects,
    questionType: run.questionType,
    citations: run.citations,
    teams: run.teams,
    strategy: run.strategy ?? live?.strategy ?? null,
    orchestrated: live?.orchestrated ?? run.orchestrated,
    degraded: run.degraded,
    decisions: run.decisions,
    toolCalls: calls.map((c) => ({
      callKey: c.callKey, tool: c.tool, args: c.args, teams: c.teams,
      // A call still marked running in a finished run was cut off (e.g. the run failed around it).
      status: (c.status === "running" && run.status !== "running" ? "failed" : c.status) as RunSummary["toolCalls"][number]["status"],
      attempts: c.attempt, durationMs: c.durationMs,
      ...(c.fallbackFor ? { fallbackFor: toolName.get(c.fallbackFor) ?? c.fallbackFor } : {}),
      ...(c.error ? { error: c.error } : {}),
    })),
    steps: run.steps,
    answer: run.answer,
    error: run.error,
    duplicatesAvoided: run.duplicatesAvoided,
    llmCalls: run.llmCalls,
    llmTokens: run.llmTokens,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt ? run.finishedAt.toISOString() : null,
  };
}

/**
 * A running run's intent, strategy and whether it is orchestrated, from its events: those columns are written
 * only with the run's end, so that its other updates can be HOT (run-columns.ts).
 */
async function liveColumns(database: Database, runId: string): Promise<{ intent?: string; strategy?: string; orchestrated?: boolean }> {
  const rows = await database.db.select({ type: runEvents.type, payload: runEvents.payload }).from(runEvents)
    .where(and(eq(runEvents.runId, runId), inArray(runEvents.type, ["plan_ready", "execution_start", "orchestration_decision", "orchestration_complete"])))
    .orderBy(asc(runEvents.seq));
  const live: { intent?: string; strategy?: string; orchestrated?: boolean } = {};
  for (const { type, payload } of rows as { type: string; payload: Record<string, unknown> }[]) {
    if (type === "plan_ready" && typeof payload.intent === "string") live.intent = payload.intent;
    if (type === "execution_start" && typeof payload.orchestrated === "boolean") live.orchestrated = payload.orchestrated;
    if (type === "orchestration_complete" && typeof payload.strategy === "string") live.strategy = payload.strategy;
    // The orchestrator failed and the legacy path runs instead (execute-node.ts).
    if (type === "orchestration_decision" && payload.decisionType === "fallback") live.orchestrated = false;
  }
  if (live.orchestrated === false) live.strategy = "legacy";
  return live;
}
