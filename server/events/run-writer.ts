// Durable writes of one run, group-committed: events, tool-call rows, checkpoints and run
// fields queue up and go to PostgreSQL in one transaction per flush; after commit, events are published
// locally and announced to other instances (remote-notify.ts).
import type { TransactionSql } from "postgres";
import type { Database } from "../db/client";
import type { ToolCallRecord } from "../state/tool-call";
import { TERMINAL_EVENTS, type EventPayload, type EventType, type RunEvent } from "../state/run-event";
import { settleAll } from "../db/settle";
import { flushStatement, insertCheckpoints, insertEvents, insertMessages, notifyInTransaction, recordExecutionStatement, updateRun, upsertToolCalls, type CheckpointRow, type MemoryRecordArgs, type RunMessage } from "./run-statements";
import { CheckpointEncoder } from "../state/checkpoint-doc";
import { publish } from "./bus";
import { announceCommitted, othersMayListen } from "./remote-notify";
import { observeRunEvents } from "../telemetry/observe";
import { log } from "../telemetry/log";

/** A tool_calls row as queued (state/tool-call.ts). */
export type ToolCallRow = ToolCallRecord;

/** Columns of `runs` a node may set (snake_case, as in the table). */
export type RunPatch = Partial<{
  status: string; intent: string | null; aspects: string[]; question_type: string | null; citations: unknown;
  teams: string[]; strategy: string | null; orchestrated: boolean;
  degraded: boolean; decisions: unknown; orchestration: unknown; steps: unknown; answer: string | null;
  error: string | null; tool_call_count: number; retries: number; duplicates_avoided: number;
  llm_calls: number; llm_tokens: number; decision_sources: string[]; duration_ms: number;
  finished_at: string; owner_id: string | null; lease_expires_at: string | null;
}>;

type TxSql = TransactionSql<Record<string, never>>;

/** Process-wide counts of durable writes (transactions and rows), read by the benchmark. */
export const writeStats = { transactions: 0, rows: 0 };
type Extra = (tx: TxSql) => Promise<void>;

export class RunWriter {
  private seq: number;
  private checkpointSeq: number;
  private events: RunEvent[] = [];
  private toolCalls = new Map<string, ToolCallRow>();
  private checkpoints: CheckpointRow[] = [];
  private encoder = new CheckpointEncoder();
  private patch: RunPatch = {};
  private messages: RunMessage[] = [];
  private extras: Extra[] = [];
  private memory: MemoryRecordArgs | null = null;
  private flushing: Promise<void> | null = null;
  private scheduled = false;
  private abandoned = false;

  /** `lastCheckpoint`: the state of checkpoint `lastCheckpointSeq` when this writer knows it, so its first is a delta. */
  constructor(private database: Database, readonly runId: string, lastSeq: number, lastCheckpointSeq: number, lastCheckpoint?: object) {
    this.seq = lastSeq;
    this.checkpointSeq = lastCheckpointSeq;
    if (lastCheckpoint) this.encoder.prime(lastCheckpointSeq, lastCheckpoint);
  }

  get lastSeq(): number {
    return this.seq;
  }

  emit<T extends EventType>(type: T, payload: EventPayload<T>): RunEvent {
    const ev = { runId: this.runId, seq: ++this.seq, type, at: new Date().toISOString(), ...payload } as RunEvent;
    this.events.push(ev);
    this.schedule();
    return ev;
  }

  /**
   * Emits an event that is a whole snapshot of something (todo_updated carries every step). One of the same type
   * still queued says nothing the new one does not, so it is dropped and the events queued after it move down a
   * seq: seqs stay contiguous, and nobody saw the dropped one (events are published only after their commit).
   * Tools that settle in the same turn of the event loop thus cost one todo_updated, not one each.
   */
  emitSnapshot<T extends EventType>(type: T, payload: EventPayload<T>): RunEvent {
    const i = this.events.findIndex((e) => e.type === type);
    if (i >= 0) {
      for (let j = i + 1; j < this.events.length; j++) this.events[j].seq--;
      this.events.splice(i, 1);
      this.seq--;
    }
    return this.emit(type, payload);
  }

  toolCall(row: ToolCallRow): void {
    this.toolCalls.set(row.callKey, row);
    this.schedule();
  }

  updateRun(patch: RunPatch): void {
    Object.assign(this.patch, patch);
    this.schedule();
  }

  /** Queues the state after `node` (stored as what changed since the last one: checkpoint-doc.ts) and its
   * checkpoint_saved event; await flush() to make it durable. */
  checkpoint(node: string, state: object): number {
    const seq = ++this.checkpointSeq;
    this.checkpoints.push({ seq, node, json: this.encoder.encode(seq, state) });
    this.emit("checkpoint_saved", { node, checkpointSeq: seq });
    return seq;
  }

  /** A chat message of this run (the answer), stored with the next flush; its session is touched. */
  message(m: RunMessage): void {
    this.messages.push(m);
    this.schedule();
  }

  /** What the run teaches memory, committed by the next flush's own statement (run-statements' flushShape). */
  recordMemory(args: MemoryRecordArgs): void {
    this.memory = args;
    this.schedule();
  }

  /** Runs inside the next flush's transaction (an explicit one: prefer a flush part where there is one). */
  inTransaction(extra: Extra): void {
    this.extras.push(extra);
    this.schedule();
  }

  /** Resolves once everything queued before the call is committed. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (!this.hasPending()) return;
    this.flushing = this.commit().finally(() => {
      this.flushing = null;
    });
    await this.flushing;
  }

  /** Drops everything not yet committed (the run is being failed by other means). */
  abandon(): void {
    this.events = [];
    this.toolCalls = new Map();
    this.checkpoints = [];
    this.patch = {};
    this.messages = [];
    this.extras = [];
    this.memory = null;
    this.abandoned = true;
  }

  private hasPending(): boolean {
    if (this.abandoned) return false;
    return this.events.length > 0 || this.toolCalls.size > 0 || this.checkpoints.length > 0 || this.extras.length > 0 || this.memory !== null || this.messages.length > 0 || Object.keys(this.patch).length > 0;
  }

  // Coalesce everything emitted in the same turn of the event loop into one transaction.
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush().catch((e) => log.error({ err: e, runId: this.runId }, "run write failed; kept for the next flush"));
    });
  }

  private async commit(): Promise<void> {
    const events = this.events;
    const calls = [...this.toolCalls.values()];
    const checkpoints = this.checkpoints;
    const patch = this.patch;
    const extras = this.extras;
    const messages = this.messages;
    const memory = this.memory;
    this.events = [];
    this.toolCalls = new Map();
    this.checkpoints = [];
    this.patch = {};
    this.messages = [];
    this.extras = [];
    this.memory = null;
    const runId = this.runId;
    // The run's last events are announced inside their commit: a process that ends right after it (a crash, a
    // shutdown) would otherwise lose the one notification that tells other instances' streams the run is over.
    // Nobody to tell when no other instance listens (presence.ts).
    const ending = events.some((e) => TERMINAL_EVENTS.has(e.type));
    const notifyInside = ending && othersMayListen(this.database.sql);
    const lastSeq = events.length ? events[events.length - 1].seq : this.seq;
    // The run's row is written only when a patch asks for it: at the run's end (run-columns.ts). A flush without
    // one leaves the row alone (its statement locks it `for key share`); the last event seq goes with the row.
    const cols: Record<string, unknown> = { ...patch };
    if (events.length && Object.keys(patch).length) cols.last_seq = lastSeq;
    try {
      if (extras.length === 0) {
        // The usual flush: one statement, its own transaction, one round trip (run-statements' flushShape).
        await flushStatement(this.database.sql, runId, { events, checkpoints, calls, patch: cols, messages, memory, notifyInside });
      } else {
        // Extras run arbitrary statements of their own: an explicit transaction, everything issued before
        // anything is awaited so postgres.js pipelines it (docs/perf/issue-14.md §6.1).
        await this.database.sql.begin(async (tx: TxSql) => {
          const pending: Promise<unknown>[] = insertEvents(tx, runId, events);
          if (notifyInside) pending.push(notifyInTransaction(tx, runId));
          if (checkpoints.length) pending.push(insertCheckpoints(tx, runId, checkpoints));
          if (calls.length) pending.push(upsertToolCalls(tx, runId, calls));
          if (Object.keys(cols).length) pending.push(updateRun(tx, runId, cols));
          if (messages.length) pending.push(insertMessages(tx, runId, messages));
          if (memory) pending.push(recordExecutionStatement(tx, memory));
          // Extras keep their own order among themselves; their first statement joins the pipeline.
          pending.push((async () => { for (const extra of extras) await extra(tx); })());
          await settleAll(pending);
        });
      }
    } catch (e) {
      // Put the work back so a later flush can retry it; order is kept by seq.
      this.events = [...events, ...this.events];
      for (const c of calls) if (!this.toolCalls.has(c.callKey)) this.toolCalls.set(c.callKey, c);
      this.checkpoints = [...checkpoints, ...this.checkpoints];
      this.patch = { ...patch, ...this.patch };
      this.messages = [...messages, ...this.messages];
      this.extras = [...extras, ...this.extras];
      this.memory ??= memory;
      throw e;
    }
    // The run's row counts when it was written (a flush without a patch only locks it).
    const rows = events.length + checkpoints.length + calls.length + messages.length + (Object.keys(cols).length ? 1 : 0);
    writeStats.transactions++;
    writeStats.rows += rows;
    // Announced after the commit unless it was inside it; when nobody listened, remembered for a late listener.
    if (events.length && !notifyInside) announceCommitted(this.database.sql, runId);
    if (events.length) publish(runId, events);
    if (events.length) observeRunEvents(events);
  }
}
