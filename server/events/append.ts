// The one way run events reach run_events: typed Drizzle inserts in the caller's transaction, with the
// NOTIFY that tells other instances (PostgreSQL delivers it on commit). Publish locally after commit.
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { runEvents } from "../db/schema";
import { EVENTS_CHANNEL, notifyPayload } from "./bus";
import type { RunEvent } from "./types";

export async function appendRunEvents(tx: Db | Tx, events: RunEvent[]): Promise<void> {
  if (events.length === 0) return;
  // Issued together: the insert and the notifications pipeline on the transaction's connection.
  const insert = tx.insert(runEvents).values(events.map((e) => {
    const { runId, seq, type, at, ...payload } = e as RunEvent & Record<string, unknown>;
    return { runId, seq, type, at: new Date(at), payload };
  })).execute();
  const notifies = [...new Set(events.map((e) => e.runId))].map((runId) => tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${notifyPayload(runId)})`).then(() => undefined));
  const results = await Promise.allSettled([insert, ...notifies]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

/** A run's events after `afterSeq`, in order, as they crossed the wire. */
export async function readRunEvents(db: Db, runId: string, afterSeq: number, limit = 1000): Promise<RunEvent[]> {
  const rows = await db.select().from(runEvents)
    .where(and(eq(runEvents.runId, runId), gt(runEvents.seq, afterSeq)))
    .orderBy(asc(runEvents.seq)).limit(limit);
  return rows.map((r) => ({ ...r.payload, runId, seq: r.seq, type: r.type, at: r.at.toISOString() }) as RunEvent);
}
