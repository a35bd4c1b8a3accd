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

/**
 * The run a statement writes rows of, locked against deletion until commit: what a foreign key's per-row check
 * did, once per statement. run_events, checkpoints and tool_calls have no foreign key to runs (migration
 * 0011): W1 inserts ~46 of their rows per run, and the per-row checks were 8.7% of PostgreSQL's CPU at c16.
 * Every insert of theirs selects its run id from here, so a run that is gone gets no rows; deleting runs
 * deletes theirs (the runs_delete_children trigger).
 */
const LOCKED_RUN = dialect.sqlToQuery(sql`(select ${name(runs.id)} from ${runs} where ${name(runs.id)} = $1::uuid for key share)`).sql;

/** `insert into T (run_id, cols…) select run.id, x.cols… from <the locked run> as run, jsonb_to_recordset($2) as x(cols…)` */
function insertRows(table: SQL, runId: PgColumn, cols: PgColumn[], tail: SQL = sql``): string {
  return dialect.sqlToQuery(sql`insert into ${table} (${name(runId)}, ${names(cols)})
    select run.id, ${from("x", cols)} from ${sql.raw(LOCKED_RUN)} as run, jsonb_to_recordset($2::jsonb) as x(${shape(cols)})${tail}`).sql;
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
  // The chat's sessions move to the top of their user's list when a message lands in them. `= any (array(…))`
  // plans as an index lookup; `in (select …)` planned generically as a hash join over a scan of every session.
  touchSessions: dialect.sqlToQuery(sql`update ${chatSessions} set ${name(chatSessions.updatedAt)} = now()
    where ${name(chatSessions.id)} = any (array(select (m->>'session_id')::uuid from jsonb_array_elements($1::jsonb) as m))`).sql,
  checkpoints: insertRows(sql`${checkpoints}`, checkpoints.runId, checkpointCols),
  toolCalls: insertRows(sql`${toolCalls}`, toolCalls.runId, callCols, upsertTail),
  // A column absent from the patch keeps its stored value (and its TOAST pointer): only keys present are set.
  updateRun: dialect.sqlToQuery(sql`update ${runs} as r set ${sql.join(patchCols.map((c) =>
    sql`${name(c)} = case when $2::jsonb ? ${sql.raw(`'${c.name}'`)} then p.${name(c)} else r.${name(c)} end`), sql`, `)}
    from jsonb_populate_record(null::${runs}, $2::jsonb) as p where r.${name(runs.id)} = $1::uuid returning r.${name(runs.id)}`).sql,
  recordExecution: "select record_execution($1::jsonb, $2::jsonb, $3::float8, $4::float8, $5::float8)",
  notify: "select pg_notify($1, $2)",
};

/** `with name as (statement)`, the statement's run id and rows renumbered to the flush's parameters. */
const cte = (label: string, text: string, rowsParam: number, from = "$2::jsonb") => `${label} as (${text.replace(from, `$${rowsParam}::jsonb`)})`;

/** The parts a flush may carry, in statement order. */
export type FlushPart = "events" | "checkpoints" | "calls" | "patch" | "messages" | "memory" | "notify";
interface FlushShape { text: string; params: FlushPart[] }
const flushShapes = new Map<string, FlushShape>();

/**
 * A whole flush as ONE statement: its data-modifying CTEs all run (referenced or not) and commit together
 * as the statement's own transaction, so a flush is one round trip instead of BEGIN, a batch, COMMIT
 * (docs/perf/issue-14.md §8). Only the parts the flush carries are in it: an empty part's CTE would still
 * lock and open its table and every index of it (messages' trigram index, chat_sessions) at each execution.
 * There are at most 2^7 shapes, each prepared once per connection. $1 is the run id; each present part takes
 * the next parameters (messages also touch their sessions; memory is record_execution's five arguments,
 * migration 0010, so the pattern and tool statistics commit with the final state; notify is a channel and a
 * payload). A SELECT CTE runs only when referenced: the output row references it. `found` is 0 when the run
 * is gone: nothing was written, and the writer fails the flush.
 */
export function flushShape(present: FlushPart[]): FlushShape {
  const key = present.join(",");
  const known = flushShapes.get(key);
  if (known) return known;
  const params: FlushPart[] = [];
  let nextParam = 2;
  /** The first of the `width` parameters `part` takes. */
  const take = (part: FlushPart, width = 1) => {
    params.push(part);
    nextParam += width;
    return nextParam - width;
  };
  const ctes: string[] = [];
  const has = (part: FlushPart) => present.includes(part);
  // The rows' run, first (a CTE sees only those before it): the patch's update when there is one (it locks the
  // row more strongly than key share, and a second lock on a row this statement updates would skip it), else
  // the locked run. The inserts select their run id from it, and the statement reports whether it was there.
  const writesRows = present.some((p) => p === "events" || p === "checkpoints" || p === "calls" || p === "messages");
  if (has("patch")) ctes.push(`run as (${TEXT.updateRun.replaceAll("$2::jsonb", `$${take("patch")}::jsonb`)})`);
  else if (writesRows) ctes.push(`run as ${LOCKED_RUN}`);
  const fromRun = (text: string) => text.replace(LOCKED_RUN, "run");
  if (has("events")) ctes.push(cte("ev", fromRun(TEXT.events), take("events")));
  if (has("checkpoints")) ctes.push(cte("cp", fromRun(TEXT.checkpoints), take("checkpoints")));
  if (has("calls")) ctes.push(cte("tc", fromRun(TEXT.toolCalls), take("calls")));
  if (has("messages")) {
    const rows = take("messages");
    ctes.push(cte("ms", fromRun(TEXT.messages), rows), cte("ss", TEXT.touchSessions, rows, "$1::jsonb"));
  }
  const outputs: string[] = has("patch") || writesRows ? ["(select count(*) from run)::int as found"] : [];
  if (has("memory")) {
    const at = take("memory", 5);
    ctes.push(`mem as (select record_execution($${at}::jsonb, $${at + 1}::jsonb, $${at + 2}::float8, $${at + 3}::float8, $${at + 4}::float8) as n)`);
    outputs.push("(select n from mem) as recorded");
  }
  if (has("notify")) {
    // A run's last flush tells other instances inside its own commit (remote-notify.ts says why only that one).
    const at = take("notify", 2);
    outputs.push(`pg_notify($${at}, $${at + 1}) as notified`);
  }
  const text = `${ctes.length ? `with ${ctes.join(",\n")}\n` : ""}select ${outputs.length ? outputs.join(", ") : "1"}`;
  const shape = { text, params };
  flushShapes.set(key, shape);
  return shape;
}

const prepared = { prepare: true } as const;

/** Events as run_events rows (the payload is the event minus runId, seq, type and at). */
export const eventRows = (events: RunEvent[]) => events.map((e) => {
  const { runId: _r, seq, type, at, ...payload } = e as RunEvent & Record<string, unknown>;
  return { seq, type, at, payload };
});

/** Inserts one run's events (announce them to other instances after commit: remote-notify.ts). */
export function insertEvents(tx: RawTx, runId: string, events: RunEvent[]): Promise<unknown>[] {
  if (events.length === 0) return [];
  return [tx.unsafe(TEXT.events, [runId, JSON.stringify(eventRows(events))], prepared).execute().then(storedAll(runId, events.length))];
}

/** NOTIFY other instances of the run's events inside the caller's transaction (delivered on its commit). */
export function notifyInTransaction(tx: RawTx, runId: string): Promise<unknown> {
  return tx.unsafe(TEXT.notify, [EVENTS_CHANNEL, notifyPayload([runId])], prepared).execute();
}

/** A checkpoint as queued: its state already JSON (checkpoint-doc.ts), so it is serialised once. */
export interface CheckpointRow { seq: number; node: string; json: string }

const checkpointRows = (rows: CheckpointRow[]) =>
  `[${rows.map((r) => `{"seq":${r.seq},"node":${JSON.stringify(r.node)},"state":${r.json}}`).join(",")}]`;

export function insertCheckpoints(tx: RawTx, runId: string, rows: CheckpointRow[]): Promise<unknown> {
  return tx.unsafe(TEXT.checkpoints, [runId, checkpointRows(rows)], prepared).execute().then(storedAll(runId, rows.length));
}

/** Inserts or replaces tool_calls rows by (run, call key). */
export function upsertToolCalls(tx: RawTx, runId: string, calls: ToolCallRecord[]): Promise<unknown> {
  return tx.unsafe(TEXT.toolCalls, [runId, JSON.stringify(callRows(calls))], prepared).execute().then(storedAll(runId, calls.length));
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
  /** NOTIFY other instances inside this commit (a run's last flush), not after it. */
  notifyInside?: boolean;
}

/** record_execution's five arguments: the pattern and observations as JSON, then the EMA constants. */
export type MemoryRecordArgs = readonly [string, string, number, number, number];

export interface RunMessage { sessionId: string; role: "user" | "assistant"; content: string }

const messageRows = (rows: RunMessage[]) => JSON.stringify(rows.map((m) => ({ session_id: m.sessionId, role: m.role, content: m.content })));

/** Commits a whole flush as one statement in its own transaction (see flushShape); throws before sending on a bad patch key. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function flushStatement(sql: Sql<any>, runId: string, parts: FlushParts): Promise<void> {
  const patch = checkPatch(parts.patch);
  const present: FlushPart[] = [];
  if (parts.events.length) present.push("events");
  if (parts.checkpoints.length) present.push("checkpoints");
  if (parts.calls.length) present.push("calls");
  if (patch !== "{}") present.push("patch");
  if (parts.messages.length) present.push("messages");
  if (parts.memory) present.push("memory");
  if (parts.notifyInside && parts.events.length) present.push("notify");
  const shape = flushShape(present);
  const args: (string | number)[] = [runId];
  for (const part of shape.params) {
    if (part === "events") args.push(JSON.stringify(eventRows(parts.events)));
    else if (part === "checkpoints") args.push(checkpointRows(parts.checkpoints));
    else if (part === "calls") args.push(JSON.stringify(callRows(parts.calls)));
    else if (part === "patch") args.push(patch);
    else if (part === "messages") args.push(messageRows(parts.messages));
    else if (part === "memory") args.push(...parts.memory!);
    else args.push(EVENTS_CHANNEL, notifyPayload([runId]));
  }
  const [row] = await sql.unsafe<{ found?: number }[]>(shape.text, args, prepared).execute();
  if (row?.found === 0) throw new RunGoneError(runId);
}

/** The run a write was for no longer exists (its chat or user was deleted): nothing of the write was stored. */
export class RunGoneError extends Error {
  constructor(readonly runId: string) {
    super(`run ${runId} no longer exists: nothing was written`);
    this.name = "RunGoneError";
  }
}

/** Resolves when the insert stored all `expected` rows; the locked-run join stores none for a run that is gone. */
const storedAll = (runId: string, expected: number) => (result: { count: number }) => {
  if (result.count !== expected) throw new RunGoneError(runId);
};

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
