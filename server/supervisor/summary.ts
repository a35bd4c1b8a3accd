// The run summary of the contract (GET /api/runs/{id}, `npm run ask -- --json`): one row and its tool calls,
// in the shape declared once in state/run-summary.ts.
import { asc, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { runs, toolCalls } from "../db/schema";
import type { RunSummary } from "../state/run-summary";
import { mayRead } from "./access";
import { readLiveRun } from "./live-run";

export type { RunSummary };

export interface Viewer {
  userId: string | null;
  admin: boolean;
}

/** Null when the run does not exist or the viewer may not see it (the caller answers 404 either way). */
export async function getRunSummary(database: Database, runId: string, viewer: Viewer): Promise<RunSummary | null> {
  if (!/^[0-9a-f-]{36}$/i.test(runId)) return null;
  const [row] = await database.db.select().from(runs).where(eq(runs.id, runId));
  if (!row || !mayRead(viewer, row.userId)) return null;
  // A running run's row holds what createRun wrote; the rest so far is in its events and checkpoints (live-run.ts).
  const [calls, live] = await Promise.all([
    database.db.select().from(toolCalls).where(eq(toolCalls.runId, runId)).orderBy(asc(toolCalls.id)),
    row.status === "running" ? readLiveRun(database.db, runId) : null,
  ]);
  const run = live ? { ...row, ...live } : row;
  const toolName = new Map(calls.map((c) => [c.callKey, c.tool]));
  return {
    runId: run.id,
    sessionId: run.sessionId,
    status: run.status as RunSummary["status"],
    question: run.question,
    intent: run.intent,
    aspects: run.aspects,
    questionType: run.questionType,
    citations: run.citations,
    teams: run.teams,
    strategy: run.strategy,
    orchestrated: run.orchestrated,
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
