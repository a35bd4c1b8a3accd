// The one way run events reach run_events: run-statements' prepared insert in the caller's transaction.
// After commit, publish them locally and announce them to other instances (remote-notify.ts).
// The run writer pipelines the same statements with the rest of its flush (insertEvents); this awaits them.
import { and, asc, eq, gt } from "drizzle-orm";
import type { TransactionSql } from "postgres";
import type { Db } from "../db/client";
import { runEvents } from "../db/schema";
import type { RunEvent } from "../state/run-event";
import { settleAll } from "../db/settle";
import { insertEvents } from "./run-statements";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function appendRunEvents(tx: TransactionSql<any>, runId: string, events: RunEvent[]): Promise<void> {
  await settleAll(insertEvents(tx, runId, events));
}

/** A run's events after `afterSeq`, in order, as they crossed the wire. */
export async function readRunEvents(db: Db, runId: string, afterSeq: number, limit = 1000): Promise<RunEvent[]> {
  const rows = await db.select().from(runEvents)
    .where(and(eq(runEvents.runId, runId), gt(runEvents.seq, afterSeq)))
    .orderBy(asc(runEvents.seq)).limit(limit);
  return rows.map((r) => ({ ...r.payload, runId, seq: r.seq, type: r.type, at: r.at.toISOString() }) as RunEvent);
}
