// End-user chat history over tRPC: the caller's sessions, one session's turns, rename and delete.
// Every procedure is scoped to ctx.userId; another user's session is indistinguishable from a missing one.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { chatSessions, runs } from "../../db/schema";
import { AppError } from "../../errors";
import { storableText } from "../../validation";
import { router, userProcedure } from "../init";

const sessionIdInput = z.object({ sessionId: z.uuid() });

export interface ChatSessionSummary {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  /** Status of the session's newest run (running | completed | failed), null before the first run. */
  lastStatus: string | null;
}

export interface ChatTurn {
  runId: string;
  question: string;
  status: string;
  intent: string | null;
  answer: string | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

async function ownedSession(db: Db, userId: string, sessionId: string) {
  const [row] = await db
    .select()
    .from(chatSessions)
    .where(and(eq(chatSessions.id, sessionId), eq(chatSessions.userId, userId)));
  if (!row) throw new AppError("not_found:session", "no such chat session");
  return row;
}

export const chatRouter = router({
  sessions: userProcedure.query(async ({ ctx }): Promise<ChatSessionSummary[]> => {
    const { db } = ctx.database;
    // Spelled out in SQL: drizzle renders columns unqualified inside a template, which would bind
    // chat_sessions.id to runs.id within the subquery.
    const lastStatus = sql<string | null>`(
      select r.status from runs r
      where r.session_id = "chat_sessions"."id"
      order by r.started_at desc limit 1
    )`;
    const rows = await db
      .select({
        id: chatSessions.id,
        title: chatSessions.title,
        createdAt: chatSessions.createdAt,
        updatedAt: chatSessions.updatedAt,
        lastStatus,
      })
      .from(chatSessions)
      .where(eq(chatSessions.userId, ctx.userId))
      .orderBy(desc(chatSessions.updatedAt), desc(chatSessions.id))
      .limit(200);
    return rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    }));
  }),

  session: userProcedure.input(sessionIdInput).query(async ({ ctx, input }) => {
    const { db } = ctx.database;
    const session = await ownedSession(db, ctx.userId, input.sessionId);
    const rows = await db
      .select({
        runId: runs.id,
        question: runs.question,
        status: runs.status,
        intent: runs.intent,
        answer: runs.answer,
        error: runs.error,
        startedAt: runs.startedAt,
        finishedAt: runs.finishedAt,
      })
      .from(runs)
      .where(and(eq(runs.sessionId, session.id), eq(runs.userId, ctx.userId)))
      .orderBy(asc(runs.startedAt), asc(runs.id));
    const turns: ChatTurn[] = rows.map((r) => ({
      ...r,
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
    }));
    return {
      session: {
        id: session.id,
        title: session.title,
        createdAt: session.createdAt.toISOString(),
        updatedAt: session.updatedAt.toISOString(),
      },
      turns,
    };
  }),

  rename: userProcedure
    .input(sessionIdInput.extend({ title: storableText({ min: 1, max: 120, label: "title" }) }))
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.database;
      const [row] = await db
        .update(chatSessions)
        .set({ title: input.title, updatedAt: new Date() })
        .where(and(eq(chatSessions.id, input.sessionId), eq(chatSessions.userId, ctx.userId)))
        .returning({ id: chatSessions.id, title: chatSessions.title });
      if (!row) throw new AppError("not_found:session", "no such chat session");
      return row;
    }),

  delete: userProcedure.input(sessionIdInput).mutation(async ({ ctx, input }) => {
    const { db } = ctx.database;
    await ownedSession(db, ctx.userId, input.sessionId);
    // A running run still writes events and tool calls: deleting under it would break the run.
    const [running] = await db
      .select({ id: runs.id })
      .from(runs)
      .where(and(eq(runs.sessionId, input.sessionId), eq(runs.status, "running")))
      .limit(1);
    if (running) throw new AppError("conflict:session_running", "A conversation with a running turn cannot be deleted.");
    // Runs, messages and events of the session go with it (ON DELETE CASCADE).
    const [row] = await db
      .delete(chatSessions)
      .where(and(eq(chatSessions.id, input.sessionId), eq(chatSessions.userId, ctx.userId)))
      .returning({ id: chatSessions.id });
    if (!row) throw new AppError("not_found:session", "no such chat session");
    return { deleted: row.id };
  }),
});
