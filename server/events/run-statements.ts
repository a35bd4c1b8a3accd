// The run writer's statements, built once from the schema's columns: a flush's rows travel as one jsonb
// parameter per table, so every flush reuses the same server-side prepared statements and no query is built per call.
import { sql, type SQL } from "drizzle-orm";
import { PgDialect, type PgColumn } from "drizzle-orm/pg-core";
import type { TransactionSql } from "postgres";
import { checkpoints, runEvents, runs, toolCalls } from "../db/schema";
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

const TEXT = {
  events: insertRows(sql`${runEvents}`, runEvents.runId, eventCols),
  checkpoints: insertRows(sql`${checkpoints}`, checkpoints.runId, checkpointCols),
  toolCalls: insertRows(sql`${toolCalls}`, toolCalls.runId, callCols, upsertTail),
  // A column absent from the patch keeps its stored value (and its TOAST pointer): only keys present are set.
  updateRun: dialect.sqlToQuery(sql`update ${runs} as r set ${sql.join(patchCols.map((c) =>
    sql`${name(c)} = case when $2::jsonb ? ${sql.raw(`'${c.name}'`)} then p.${name(c)} else r.${name(c)} end`), sql`, `)}
    from jsonb_populate_record(null::${runs}, $2::jsonb) as p where r.${name(runs.id)} = $1::uuid`).sql,
  notify: "select pg_notify($1, $2)",
};

const prepared = { prepare: true } as const;

/** Inserts one run's events; with its NOTIFY, delivered to other instances on commit. */
export function insertEvents(tx: RawTx, runId: string, events: RunEvent[]): Promise<unknown>[] {
  if (events.length === 0) return [];
  const rows = events.map((e) => {
    const { runId: _r, seq, type, at, ...payload } = e as RunEvent & Record<string, unknown>;
    return { seq, type, at, payload };
  });
  return [
    tx.unsafe(TEXT.events, [runId, JSON.stringify(rows)], prepared).execute(),
    tx.unsafe(TEXT.notify, [EVENTS_CHANNEL, notifyPayload(runId)], prepared).execute(),
  ];
}

export function insertCheckpoints(tx: RawTx, runId: string, rows: { seq: number; node: string; state: unknown }[]): Promise<unknown> {
  return tx.unsafe(TEXT.checkpoints, [runId, JSON.stringify(rows)], prepared).execute();
}

/** Inserts or replaces tool_calls rows by (run, call key). */
export function upsertToolCalls(tx: RawTx, runId: string, calls: ToolCallRecord[]): Promise<unknown> {
  const rows = calls.map((c) => ({
    call_key: c.callKey, tool: c.tool, args: c.args ?? {}, teams: c.teams, status: c.status, attempt: c.attempt, attempts: c.attempts,
    fallback_for: c.fallbackFor, started_at: c.startedAt, finished_at: c.finishedAt, duration_ms: c.durationMs,
    result: c.result ?? null, error: c.error,
  }));
  return tx.unsafe(TEXT.toolCalls, [runId, JSON.stringify(rows)], prepared).execute();
}

/** Sets the patch's columns (snake_case names, JSON values) on the run's row. */
export function updateRun(tx: RawTx, runId: string, patch: Record<string, unknown>): Promise<unknown> {
  for (const k of Object.keys(patch)) if (!PATCHABLE.has(k)) throw new Error(`runs has no patchable column ${k}`);
  return tx.unsafe(TEXT.updateRun, [runId, JSON.stringify(patch)], prepared).execute();
}
