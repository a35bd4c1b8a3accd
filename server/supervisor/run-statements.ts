// The statements that create and start a run, built once per database handle through Drizzle (so they
// are typed by the schema) and then only executed: no query building per chat (docs/perf/issue-14.md §6.4).
import { randomUUID } from "node:crypto";
import { and, desc, eq, fillPlaceholders, is, Param, Placeholder, sql } from "drizzle-orm";
import type { TransactionSql } from "postgres";
import type { Db } from "../db/client";
import { chatSessions, checkpoints, messages, runs } from "../db/schema";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RawTx = TransactionSql<any>;
const p = (name: string) => sql.placeholder(name);

/**
 * A Drizzle query whose every parameter is a placeholder, kept as SQL text and parameters and executed on a
 * raw postgres.js transaction so it can be pipelined with others. Drizzle's own column encoders map the
 * values (Date → timestamp text, objects → jsonb text), as they would for the query builder.
 */
function prebuilt<K extends string>(q: { toSQL(): { sql: string; params: unknown[] } }) {
  const { sql: text, params } = q.toSQL();
  for (const x of params) {
    if (!is(x, Placeholder) && !(is(x, Param) && is(x.value, Placeholder))) throw new Error(`prebuilt statement has a literal parameter: ${text}`);
  }
  return <R extends readonly object[] = readonly object[]>(tx: RawTx, values: Record<K, unknown>): Promise<R> =>
    tx.unsafe(text, fillPlaceholders(params, values) as never[], { prepare: true }).execute() as unknown as Promise<R>;
}

function build(db: Db) {
  return {
    insertSession: prebuilt<"id" | "userId" | "title">(db.insert(chatSessions).values({ id: p("id"), userId: p("userId"), title: p("title") })),
    /** Touches the session only if it is the user's; no row back means no such session for this user. */
    touchSession: prebuilt<"sessionId" | "userId">(db.update(chatSessions).set({ updatedAt: sql`now()` })
      .where(and(eq(chatSessions.id, p("sessionId")), eq(chatSessions.userId, p("userId")))).returning({ id: chatSessions.id })),
    insertRun: prebuilt<"id" | "userId" | "sessionId" | "question" | "flags" | "ownerId" | "leaseExpiresAt" | "startedAt">(db.insert(runs).values({
      id: p("id"), userId: p("userId"), sessionId: p("sessionId"), question: p("question"), flags: p("flags"), ownerId: p("ownerId"),
      leaseExpiresAt: p("leaseExpiresAt"), startedAt: p("startedAt"), lastSeq: sql`1`,
    })),
    insertMessage: prebuilt<"sessionId" | "runId" | "role" | "content">(db.insert(messages).values({ sessionId: p("sessionId"), runId: p("runId"), role: p("role"), content: p("content") })),
    /** runToEnd's reads: Drizzle prepared statements (typed rows, built once). */
    readRun: db.select().from(runs).where(eq(runs.id, p("runId"))).prepare("run_to_end_run"),
    readLastCheckpoint: db.select().from(checkpoints).where(eq(checkpoints.runId, p("runId"))).orderBy(desc(checkpoints.seq)).limit(1)
      .prepare("run_to_end_last_checkpoint"),
  };
}

const built = new WeakMap<Db, ReturnType<typeof build>>();

export function runStatements(db: Db): ReturnType<typeof build> {
  let s = built.get(db);
  if (!s) built.set(db, (s = build(db)));
  return s;
}

export const newId = (): string => randomUUID();
