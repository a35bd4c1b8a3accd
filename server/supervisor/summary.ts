// The run summary of the contract (GET /api/runs/{id}, `npm run ask -- --json`): one row and its tool calls.
import { asc, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { runs, toolCalls } from "../db/schema";
import type { ExecutionStep, RunCitation } from "./types";

export interface RunSummary {
  runId: string;
  sessionId: string | null;
  status: "running" | "completed" | "failed";
  question: string;
  intent: string | null;
  /** Every domain aspect the question asks about. */
  aspects: string[];
  questionType: string | null;
  /** The sources the answer rests on, best first. */
  citations: RunCitation[];
  teams: string[];
  strategy: string | null;
  orchestrated: boolean;
  degraded: boolean;
  decisions: { type: string; source: string; reasoning: string; prompt?: unknown; fallbackReason?: string }[];
  toolCalls: {
    /** succeeded | failed | skipped once the run ended; "running" only while it is still executing. */
    callKey: string; tool: string; args: unknown; teams: string[]; status: "succeeded" | "failed" | "skipped" | "running";
    attempts: number; durationMs: number | null; fallbackFor?: string; error?: string;
  }[];
  steps: ExecutionStep[];
  answer: string | null;
  error: string | null;
  duplicatesAvoided: number;
  llmCalls: number;
  llmTokens: number;
  startedAt: string;
  finishedAt: string | null;
}

export interface Viewer {
  userId: string | null;
  admin: boolean;
}

/** Null when the run does not exist or the viewer may not see it (the caller answers 404 either way). */
export async function getRunSummary(database: Database, runId: string, viewer: Viewer): Promise<RunSummary | null> {
  if (!/^[0-9a-f-]{36}$/i.test(runId)) return null;
  const [run] = await database.db.select().from(runs).where(eq(runs.id, runId));
  if (!run || (!viewer.admin && run.userId !== viewer.userId)) return null;
  const calls = await database.db.select().from(toolCalls).where(eq(toolCalls.runId, runId)).orderBy(asc(toolCalls.id));
  const toolName = new Map(calls.map((c) => [c.callKey, c.tool]));
  return {
    runId: run.id,
    sessionId: run.sessionId,
    status: run.status as RunSummary["status"],
    question: run.question,
    intent: run.intent,
    aspects: run.aspects,
    questionType: run.questionType,
    citations: run.citations as RunCitation[],
    teams: run.teams,
    strategy: run.strategy,
    orchestrated: run.orchestrated,
    degraded: run.degraded,
    decisions: (run.decisions as RunSummary["decisions"]).map(({ type, source, reasoning, prompt, fallbackReason }) => ({
      type, source, reasoning, ...(prompt ? { prompt } : {}), ...(fallbackReason ? { fallbackReason } : {}),
    })),
    toolCalls: calls.map((c) => ({
      callKey: c.callKey, tool: c.tool, args: c.args, teams: c.teams,
      // A call still marked running in a finished run was cut off (e.g. the run failed around it).
      status: (c.status === "running" && run.status !== "running" ? "failed" : c.status) as RunSummary["toolCalls"][number]["status"],
      attempts: c.attempt, durationMs: c.durationMs,
      ...(c.fallbackFor ? { fallbackFor: toolName.get(c.fallbackFor) ?? c.fallbackFor } : {}),
      ...(c.error ? { error: c.error } : {}),
    })),
    steps: run.steps as ExecutionStep[],
    answer: run.answer,
    error: run.error,
    duplicatesAvoided: run.duplicatesAvoided,
    llmCalls: run.llmCalls,
    llmTokens: run.llmTokens,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt ? run.finishedAt.toISOString() : null,
  };
}
