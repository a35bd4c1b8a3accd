// The statements that create and start a run: creating a run is ONE statement (its own transaction, one round
// trip: docs/perf/issue-14.md §8), and runToEnd's reads (prepared like every parameterised query, db/prepared-by-default.ts).
import { asc, eq, sql } from "drizzle-orm";
import { PgDialect, type PgColumn } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import type { Db } from "../db/client";
import { chatSessions, checkpoints, messages, runEvents, runs, users } from "../db/schema";
import { eventRows } from "../events/run-statements";
import type { RunEvent } from "../state/run-event";
import { readRunProgress } from "./live-run";
import type { FlagSnapshot } from "./types";

const dialect = new PgDialect();
const col = (c: PgColumn) => sql.identifier(c.name);

/** Whose chat a run goes in: the user's existing session, a new session of theirs, or a new visitor's first one. */
type CreateMode = "existing" | "fresh" | "newUser";

/**
 * The session (a new one, or the user's own touched), the run, the user's message, the initialize node's
 * checkpoint and the events run_started and checkpoint_saved, with NOTIFY: data-modifying CTEs that all commit
 * together as the statement's transaction. Everything after the session reads from `s`, so a session that is not
 * this user's writes nothing and reports found = 0. A new visitor's user row is one more CTE (`u`): their first
 * chat is one commit, not two, and a chat that cannot be created leaves no user behind.
 * $1 run id, $2 session id, $3 user id, $4 question, $5 flags, $6 owner, $7 lease expiry, $8 started at,
 * $9 the events (jsonb array of {seq, type, at, payload}), $10 the initialize checkpoint's state, and for a new
 * session only $11 its title. Other instances hear of the run after commit (events/remote-notify.ts).
 */
function createText(mode: CreateMode): string {
  const session = mode === "existing"
    ? sql`update ${chatSessions} set ${col(chatSessions.updatedAt)} = now()
        where ${col(chatSessions.id)} = $2::uuid and ${col(chatSessions.userId)} = $3::uuid returning ${col(chatSessions.id)}`
    : sql`insert into ${chatSessions} (${col(chatSessions.id)}, ${col(chatSessions.userId)}, ${col(chatSessions.title)})
        ${mode === "newUser" ? sql`select $2::uuid, u.${col(users.id)}, $11::text from u` : sql`values ($2::uuid, $3::uuid, $11::text)`}
        returning ${col(chatSessions.id)}`;
  const user = mode === "newUser" ? sql`u as (insert into ${users} (${col(users.id)}) values ($3::uuid) returning ${col(users.id)}),
    ` : sql``;
  return dialect.sqlToQuery(sql`with ${user}s as (${session}),
    r as (insert into ${runs} (${col(runs.id)}, ${col(runs.userId)}, ${col(runs.sessionId)}, ${col(runs.question)}, ${col(runs.flags)},
        ${col(runs.ownerId)}, ${col(runs.leaseExpiresAt)}, ${col(runs.startedAt)}, ${col(runs.lastSeq)})
      select $1::uuid, $3::uuid, s.${col(chatSessions.id)}, $4::text, $5::jsonb, $6::text, $7::timestamptz, $8::timestamptz,
        jsonb_array_length($9::jsonb) from s
      returning ${col(runs.id)}),
    c as (insert into ${checkpoints} (${col(checkpoints.runId)}, ${col(checkpoints.seq)}, ${col(checkpoints.node)}, ${col(checkpoints.state)})
      select r.${col(runs.id)}, 1, 'initialize', $10::jsonb from r),
    m as (insert into ${messages} (${col(messages.sessionId)}, ${col(messages.runId)}, ${col(messages.role)}, ${col(messages.content)})
      select $2::uuid, r.${col(runs.id)}, 'user', $4::text from r),
    e as (insert into ${runEvents} (${col(runEvents.runId)}, ${col(runEvents.seq)}, ${col(runEvents.type)}, ${col(runEvents.at)}, ${col(runEvents.payload)})
      select r.${col(runs.id)}, x.seq, x.type, x.at, x.payload from r,
        jsonb_to_recordset($9::jsonb) as x(seq integer, type text, at timestamptz, payload jsonb))
    select (select count(*) from s)::int as found`).sql;
}

const CREATE: Record<CreateMode, string> = { fresh: createText("fresh"), existing: createText("existing"), newUser: createText("newUser") };

export interface CreateRunRow {
  runId: string; sessionId: string; existingSession: boolean; userId: string; title: string; question: string;
  /** The user is a new visitor: their row is created by this statement (no existing session then). */
  newUser: boolean;
  flags: FlagSnapshot; ownerId: string; leaseExpiresAt: Date; startedAt: Date;
  /** run_started, checkpoint_saved: seq 1 and 2. */
  events: RunEvent[];
  /** The state after initialize, checkpoint 1. */
  initialized: object;
}

/** Creates the run in one statement; resolves to false when an existing session is not the user's (nothing written). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function createRunStatement(sqlc: Sql<any>, row: CreateRunRow): Promise<boolean> {
  if (row.newUser && row.existingSession) throw new Error("a new user has no existing session");
  const [{ found }] = await sqlc.unsafe<{ found: number }[]>(CREATE[row.existingSession ? "existing" : row.newUser ? "newUser" : "fresh"], [
    row.runId, row.sessionId, row.userId, row.question, JSON.stringify(row.flags), row.ownerId, row.leaseExpiresAt.toISOString(),
    row.startedAt.toISOString(), JSON.stringify(eventRows(row.events)), JSON.stringify(row.initialized),
    ...(row.existingSession ? [] : [row.title]),
  ], { prepare: true });
  return found === 1;
}

/**
 * The run's row, for runToEnd when it does not start from what createRun wrote (resumed, or moved on while queued).
 * A running run's row is not written between its creation and its end (run-columns.ts): its decisions and last event
 * seq are read from its events.
 */
export async function readRunRow(db: Db, runId: string) {
  const [run] = await db.select().from(runs).where(eq(runs.id, runId));
  if (!run || run.status !== "running") return run;
  const progress = await readRunProgress(db, runId);
  return { ...run, lastSeq: progress.lastSeq, decisions: progress.decisions };
}

/** Every checkpoint of the run, oldest first: the newest's state is their fold (state/checkpoint-doc.ts). */
export function readCheckpointRows(db: Db, runId: string): Promise<{ seq: number; node: string; state: unknown }[]> {
  return db.select({ seq: checkpoints.seq, node: checkpoints.node, state: checkpoints.state }).from(checkpoints)
    .where(eq(checkpoints.runId, runId)).orderBy(asc(checkpoints.seq));
}

