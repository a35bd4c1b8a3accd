// A running run belongs to the instance whose lease on it is current. An executing run renews its own
// lease on a heartbeat; runs waiting for an execution slot share ONE renewal statement per beat (a heartbeat
// each would add a commit per queued run every few seconds: as many as the executing runs' own at c200).
// A run whose renewal finds no row has lost it to another instance and is aborted with LEASE_LOST.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { runEvents, runs } from "../db/schema";
import { instanceId } from "../events/bus";

export const leaseMs = (): number => Number(process.env.ENSEMBLE_LEASE_MS ?? 15_000);
const beatMs = () => Math.max(250, leaseMs() / 3);
const LEASE_LOST = "lease lost: another instance owns this run";

/** The run was stopped because another instance took its lease over (that one finishes it). */
export function leaseLost(signal: AbortSignal): boolean {
  return signal.aborted && signal.reason instanceof Error && signal.reason.message === LEASE_LOST;
}

/** Extends the leases this instance still holds on running runs among `ids` (add `returning` for the rows it renewed). */
function renewHeld(database: Database, ids: string[]) {
  return database.db.update(runs).set({ leaseExpiresAt: sql`now() + ${leaseMs() / 1000} * interval '1 second'` })
    .where(and(inArray(runs.id, ids), eq(runs.ownerId, instanceId()), eq(runs.status, "running")));
}

/** Renews the leases this instance holds on `ids`; aborts the controller of every run it no longer holds. */
async function renew(database: Database, controllers: Map<string, AbortController>): Promise<void> {
  try {
    const kept = await renewHeld(database, [...controllers.keys()]).returning({ id: runs.id });
    const live = new Set(kept.map((r) => r.id));
    for (const [id, controller] of controllers) if (!live.has(id)) controller.abort(new Error(LEASE_LOST));
  } catch {
    /* a missed beat is fine; the lease has slack */
  }
}

/**
 * Renews one run's lease if this instance still owns it and it is still running, and returns its last
 * event seq then (null otherwise): a run that waited for a slot checks it still has what createRun wrote
 * in one statement instead of reading its row and checkpoints back. The seq is its events' (a running run's
 * row keeps createRun's until the run ends: run-columns.ts).
 */
export async function renewIfOwned(database: Database, runId: string): Promise<number | null> {
  const [row] = await renewHeld(database, [runId])
    .returning({ lastSeq: sql<number>`(select coalesce(max(${runEvents.seq}), 0) from ${runEvents} where ${runEvents.runId} = ${runs.id})` });
  return row ? row.lastSeq : null;
}

/** Keeps an executing run's lease alive until the returned timer is cleared. */
export function startHeartbeat(database: Database, runId: string, controller: AbortController): NodeJS.Timeout {
  const t = setInterval(() => void renew(database, new Map([[runId, controller]])), beatMs());
  t.unref();
  return t;
}

const queued = new Map<string, { database: Database; controller: AbortController }>();
let queueBeat: NodeJS.Timeout | null = null;

/** A run waiting for an execution slot: its lease is renewed with the others' until `unqueueLease`. */
export function queueLease(runId: string, database: Database, controller: AbortController): void {
  queued.set(runId, { database, controller });
  queueBeat ??= setInterval(() => void renewQueued(), beatMs());
  queueBeat.unref();
}

export function unqueueLease(runId: string): void {
  queued.delete(runId);
  if (queued.size === 0 && queueBeat) {
    clearInterval(queueBeat);
    queueBeat = null;
  }
}

async function renewQueued(): Promise<void> {
  const byDatabase = new Map<Database, Map<string, AbortController>>();
  for (const [runId, { database, controller }] of queued) {
    const group = byDatabase.get(database) ?? new Map<string, AbortController>();
    byDatabase.set(database, group.set(runId, controller));
  }
  for (const [database, controllers] of byDatabase) await renew(database, controllers);
}
