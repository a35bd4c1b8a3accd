// The run writer's statements, built once from the schema's columns: a flush's rows travel as one jsonb
// parameter per table, so every flush reuses the same server-side prepared statements and no query is built per call.
import { sql, type SQL } from "drizzle-orm";
import { PgDialect, type PgColumn } from "drizzle-orm/pg-core";
import type { Sql, TransactionSql } from "postgres";
import { chatSessions, checkpoints, messages, runEvents, runs, toolCalls } from "../db/schema";
import type { RunEvent } from "../state/run-event";
import type { ToolCallRecord } from "../state/tool-call";
import { EVENTS_CHANNEL, notifyPayload } from "./bus";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RawTx = TransactionSql<any>;

const dialect = new PgDialect();
const name = (c: PgColumn) => sql.identifier(c.name);
const names = (cols: PgColumn[]) => sql.join(cols.map(name), sql`, `);
const from = (alias: string, cols: PgColumn[]) => sql.join(cols.map((c) => sql`${sql.identifier(alias)}.${name(c)}`), sql`, `);
const shape = (cols: PgColumn[]) => sql.join(cols.map((c) => sql`${name(c)} ${sql.raw(c.getSQLType())}`), sql`, `);

/** `insert into T (run_id, cols…) select $1, x.cols… from jsonb_to_recordset($2) as x(cols…)` */
function insertRows(table: SQL, runId: PgColumn, cols: PgColumn[], tail: SQL = sql``): string {
  return dialect.sqlToQuery(sql`insert into ${table} (${name(runId)}, ${names(cols)})
    select $1::uuid, ${from("x", cols)} from jsonb_to_recordset($2::jsonb) as x(${shape(cols)})${tail}`).sql;
}

const eventCols = [runEvents.seq, runEvents.type, runEvents.at, runEvents.payload];
const checkpointCols = [checkpoints.seq, checkpoints.node, checkpoints.state];
const callCols = [
  toolCalls.callKey, toolCalls.tool, toolCalls.args, toolCalls.teams, toolCalls.status, toolCalls.attempt, toolCalls.attempts,
  toolCalls.fallbackFor, toolCalls.startedAt, toolCalls.finishedAt, toolCalls.durationMs, toolCalls.result, toolCalls.error,
];
const upsertTail = sql` on conflict (${name(toolCalls.runId)}, ${name(toolCalls.callKey)}) do update set ${sql.join(
  callCols.filter((c) => c !== toolCalls.callKey).map((c) => sql`${name(c)} = excluded.${name(c)}`), sql`, `)}`;

/** Columns of `runs` a flush may set: the RunPatch keys plus last_seq. */
const patchCols = [
  runs.status, runs.intent, runs.aspects, runs.questionType, runs.citations, runs.teams, runs.strategy, runs.orchestrated,
  runs.degraded, runs.decisions, runs.orchestration, runs.steps, runs.answer, runs.error, runs.toolCallCount, runs.retries,
  runs.duplicatesAvoided, runs.llmCalls, runs.llmTokens, runs.decisionSources, runs.durationMs, runs.finishedAt,
  runs.ownerId, runs.leaseExpiresAt, runs.lastSeq,
];
/** Column names a patch may carry, checked before the statement runs (a typo would otherwise be ignored). */
export const PATCHABLE = new Set(patchCols.map((c) => c.name));

const messageCols = [messages.sessionId, messages.role, messages.content];

const TEXT = {
  events: insertRows(sql`${runEvents}`, runEvents.runId, eventCols),
  messages: insertRows(sql`${messages}`, messages.runId, messageCols),
  // The chat's sessions move to the top of their user's list when a message lands in them.
  touchSessions: dialect.sqlToQuery(sql`update ${chatSessions} set ${name(chatSessions.updatedAt)} = now()
    where ${name(chatSessions.id)} in (select (m->>'session_id')::uuid from jsonb_array_elements($1::jsonb) as m)`).sql,
  checkpoints: insertRows(sql`${checkpoints}`, checkpoints.runId, checkpointCols),
  toolCalls: insertRows(sql`${toolCalls}`, toolCalls.runId, callCols, upsertTail),
  // A column absent from the patch keeps its stored value (and its TOAST pointer): only keys present are set.
  updateRun: dialect.sqlToQuery(sql`update ${runs} as r set ${sql.join(patchCols.map((c) =>
    sql`${name(c)} = case when $2::jsonb ? ${sql.raw(`'${c.name}'`)} then p.${name(c)} else r.${name(c)} end`), sql`, `)}
    from jsonb_populate_record(null::${runs}, $2::jsonb) as p where r.${name(runs.id)} = $1::uuid`).sql,
  notify: "select pg_notify($1, $2)",
  recordExecution: "select record_execution($1::jsonb, $2::jsonb, $3::float8, $4::float8, $5::float8)",
};

/** `with name as (statement)`, the statement's run id and rows renumbered to the flush's parameters. */
const cte = (label: string, text: string, rowsParam: number, from = "$2::jsonb") => `${label} as (${text.replace(from, `$${rowsParam}::jsonb`)})`;

/**
 * A whole flush as ONE statement: its data-modifying CTEs all run (referenced or not) and commit together
 * as the statement's own transaction, so a flush is one round trip instead of BEGIN, a batch, COMMIT
 * (docs/perf/issue-14.md §8). Empty parts cost nothing: an empty row set inserts nothing, an empty patch
 * updates no row, and NOTIFY is sent only when there are events.
 * $1 run id, $2 events, $3 checkpoints, $4 tool calls, $5 run patch, $6 channel, $7 notify payload,
 * $8 chat messages (each also touches its session).
 */
const FLUSH_CTES = [
  cte("ev", TEXT.events, 2),
  cte("cp", TEXT.checkpoints, 3),
  cte("tc", TEXT.toolCalls, 4),
  cte("up", TEXT.updateRun.replaceAll("$2::jsonb", "$5::jsonb") + " and $5::jsonb <> '{}'::jsonb", 5),
  cte("ms", TEXT.messages, 8),
  cte("ss", TEXT.touchSessions, 8, "$1::jsonb"),
];
const FLUSH = `with ${FLUSH_CTES.join(",\n")}
select pg_notify($6, $7) where jsonb_array_length($2::jsonb) > 0`;

/**
 * The final flush of a run that teaches memory: FLUSH plus record_execution (migration 0010) on $9–$13, so
 * the pattern and tool statistics commit with the final state in the same single statement. A SELECT CTE
 * runs only when referenced: the one output row references both it and the NOTIFY.
 */
const FLUSH_WITH_MEMORY = `with ${[...FLUSH_CTES, "mem as (select record_execution($9::jsonb, $10::jsonb, $11::float8, $12::float8, $13::float8) as n)"].join(",\n")}
select (select n from mem) as recorded, (select pg_notify($6, $7) where jsonb_array_length($2::jsonb) > 0) as notified`;

const prepared = { prepare: true } as const;

/** Events as run_events rows (the payload is the event minus runId, seq, type and at). */
export const eventRows = (events: RunEvent[]) => events.map((e) => {
  const { runId: _r, seq, type, at, ...payload } = e as RunEvent & Record<string, unknown>;
  return { seq, type, at, payload };
});

/** Inserts one run's events; with its NOTIFY, delivered to other instances on commit. */
export function insertEvents(tx: RawTx, runId: string, events: RunEvent[]): Promise<unknown>[] {
  if (events.length === 0) return [];
  return [
    tx.unsafe(TEXT.events, [runId, JSON.stringify(eventRows(events))], prepared).execute(),
    tx.unsafe(TEXT.notify, [EVENTS_CHANNEL, notifyPayload(runId)], prepared).execute(),
  ];
}

/** A checkpoint as queued: its state already JSON (checkpoint-doc.ts), so it is serialised once. */
export interface CheckpointRow { seq: number; node: string; json: string }

const checkpointRows = (rows: CheckpointRow[]) =>
  `[${rows.map((r) => `{"seq":${r.seq},"node":${JSON.stringify(r.node)},"state":${r.json}}`).join(",")}]`;

export function insertCheckpoints(tx: RawTx, runId: string, rows: CheckpointRow[]): Promise<unknown> {
  return tx.unsafe(TEXT.checkpoints, [runId, checkpointRows(rows)], prepared).execute();
}

/** Inserts or replaces tool_calls rows by (run, call key). */
export function upsertToolCalls(tx: RawTx, runId: string, calls: ToolCallRecord[]): Promise<unknown> {
  return tx.unsafe(TEXT.toolCalls, [runId, JSON.stringify(callRows(calls))], prepared).execute();
}

const callRows = (calls: ToolCallRecord[]) => calls.map((c) => ({
  call_key: c.callKey, tool: c.tool, args: c.args ?? {}, teams: c.teams, status: c.status, attempt: c.attempt, attempts: c.attempts,
  fallback_for: c.fallbackFor, started_at: c.startedAt, finished_at: c.finishedAt, duration_ms: c.durationMs,
  result: c.result ?? null, error: c.error,
}));

function checkPatch(patch: Record<string, unknown>): string {
  for (const k of Object.keys(patch)) if (!PATCHABLE.has(k)) throw new Error(`runs has no patchable column ${k}`);
  return JSON.stringify(patch);
}

/** Sets the patch's columns (snake_case names, JSON values) on the run's row. */
export function updateRun(tx: RawTx, runId: string, patch: Record<string, unknown>): Promise<unknown> {
  return tx.unsafe(TEXT.updateRun, [runId, checkPatch(patch)], prepared).execute();
}

export interface FlushParts {
  events: RunEvent[];
  checkpoints: CheckpointRow[];
  calls: ToolCallRecord[];
  /** runs columns to set (snake_case); {} sets none. */
  patch: Record<string, unknown>;
  /** Chat messages of the run (the assistant's answer). */
  messages: RunMessage[];
  /** What the run teaches memory: record_execution's arguments (memory/record.ts), or null. */
  memory?: MemoryRecordArgs | null;
}

/** record_execution's five arguments: the pattern and observations as JSON, then the EMA constants. */
export type MemoryRecordArgs = readonly [string, string, number, number, number];

export interface RunMessage { sessionId: string; role: "user" | "assistant"; content: string }

const messageRows = (rows: RunMessage[]) => JSON.stringify(rows.map((m) => ({ session_id: m.sessionId, role: m.role, content: m.content })));

/** Commits a whole flush as one statement in its own transaction (see FLUSH); throws before sending on a bad patch key. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function flushStatement(sql: Sql<any>, runId: string, parts: FlushParts): Promise<unknown> {
  const args = [
    runId, JSON.stringify(eventRows(parts.events)), checkpointRows(parts.checkpoints), JSON.stringify(callRows(parts.calls)),
    checkPatch(parts.patch), EVENTS_CHANNEL, notifyPayload(runId),
    messageRows(parts.messages),
  ];
  if (parts.memory) return sql.unsafe(FLUSH_WITH_MEMORY, [...args, ...parts.memory], prepared).execute();
  return sql.unsafe(FLUSH, args, prepared).execute();
}

/** Inserts the run's chat messages and touches their sessions (the flush with extras' path). */
export function insertMessages(tx: RawTx, runId: string, rows: RunMessage[]): Promise<unknown> {
  const json = messageRows(rows);
  return Promise.all([
    tx.unsafe(TEXT.messages, [runId, json], prepared).execute(),
    tx.unsafe(TEXT.touchSessions, [json], prepared).execute(),
  ]);
}

/** record_execution on its own (the flush with extras' path). */
export function recordExecutionStatement(tx: RawTx, args: MemoryRecordArgs): Promise<unknown> {
  return tx.unsafe(TEXT.recordExecution, [...args], prepared).execute();
}
