// Tells other instances which runs have new committed events: after the commits, in NOTIFYs of their own that
// each name every run announced since the last one.
//
// Why not inside each write's transaction, as before: PostgreSQL serializes every notifying transaction on
// one database-wide lock, taken just before commit and released only after the commit record is flushed to
// disk. With a NOTIFY in every flush, the flushes' commits and fsyncs queued behind each other: sampled at
// W1 c16, 2,516 of 4,200 active-backend samples were waiting on that lock, and 12% of the CPU stood idle
// (docs/perf/issue-14.md §10). Here the lock is held for one statement whose commit does not wait for the
// disk (synchronous_commit off for this transaction alone: a notification is not durable anyway; the events
// it points to already are), and many runs share one NOTIFY. A run's last flush is the exception: it notifies
// inside its own commit (run-statements' "notify" part), because a process that ends right after that commit
// would lose an announcement still pending here, and with it the poke that ends other instances' streams.
import "server-only";
import type { Sql } from "../db/client";
import { log } from "../telemetry/log";
import { EVENTS_CHANNEL, instanceId, notifyPayload } from "./bus";
import { peersOf, type PeerWatch } from "./presence";

/** NOTIFY payloads are limited to 8,000 bytes: an instance id and 200 run ids (37 bytes each) stay under it. */
const MAX_RUNS_PER_NOTIFY = 200;

const NOTIFY = "select set_config('synchronous_commit', 'off', true), pg_notify($1, $2)";

/** How long a run kept quiet about (nobody was believed to listen) is remembered, to be announced to a late listener. */
const UNHEARD_MS = 30_000;

interface NotifierState {
  pending: Map<Sql, Set<string>>;
  /** A send is scheduled for the next turn of the event loop: what is announced until then goes with it. */
  scheduled: boolean;
  /** Per database, the runs not announced because nobody was believed to listen, with when (oldest first). */
  unheard: Map<Sql, Map<string, number>>;
  /** The watches whose newly arrived listeners get the unheard runs announced. */
  hooked: WeakSet<PeerWatch>;
}
const g = globalThis as unknown as { __ensembleRemoteNotify?: NotifierState };
const state: NotifierState = (g.__ensembleRemoteNotify ??= { pending: new Map(), scheduled: false, unheard: new Map(), hooked: new WeakSet() });

/**
 * Call once `runId`'s events are committed: other instances' streams of the run are poked soon after. Every run
 * announced in the same turn of the event loop shares one NOTIFY. A send is never waited for by the next one, so
 * a NOTIFY stuck behind a busy pool delays only its own runs' pokes (which the runs' next commit repeats).
 */
export function announceCommitted(sql: Sql, runId: string): void {
  if (!othersMayListen(sql)) {
    rememberUnheard(sql, runId);
    return;
  }
  schedule(sql, [runId]);
}

function schedule(sql: Sql, runIds: Iterable<string>): void {
  let runs = state.pending.get(sql);
  if (!runs) state.pending.set(sql, (runs = new Set()));
  for (const id of runIds) runs.add(id);
  if (state.scheduled) return;
  state.scheduled = true;
  setImmediate(sendPending);
}

/** False when no other instance listens for run events: then there is nobody to announce anything to (presence.ts). */
export function othersMayListen(sql: Sql): boolean {
  return watchOf(sql).othersMayListen();
}

/** Waits until this instance knows whether another one listens (presence.ts PeerWatch.settled). */
export function presenceSettled(sql: Sql, maxMs?: number): Promise<boolean> {
  return watchOf(sql).settled(maxMs);
}

function watchOf(sql: Sql): PeerWatch {
  const watch = peersOf(sql, instanceId());
  if (!state.hooked.has(watch)) {
    state.hooked.add(watch);
    watch.onPeerArrived(() => announceUnheard(sql));
  }
  return watch;
}

/**
 * A run whose commit nobody was told of. A listener's reply to this instance's "who" can come later than the
 * grace presence.ts allows it (a loaded database): its streams of this instance's runs would then wait for the
 * runs' next commit, and a run that had ended would never be announced to them at all.
 */
function rememberUnheard(sql: Sql, runId: string, now = Date.now()): void {
  let runs = state.unheard.get(sql);
  if (!runs) state.unheard.set(sql, (runs = new Map()));
  runs.delete(runId); // re-inserted last, so the map stays oldest first
  runs.set(runId, now);
  for (const [id, at] of runs) {
    if (now - at <= UNHEARD_MS) break;
    runs.delete(id);
  }
}

/** A listener this instance did not know of arrived: it hears of every run kept quiet about lately. */
function announceUnheard(sql: Sql): void {
  const runs = state.unheard.get(sql);
  if (!runs?.size) return;
  const since = Date.now() - UNHEARD_MS;
  const recent = [...runs].filter(([, at]) => at >= since).map(([id]) => id);
  runs.clear();
  if (recent.length) schedule(sql, recent);
}

function sendPending(): void {
  state.scheduled = false;
  const batches = [...state.pending];
  state.pending.clear();
  for (const [sql, runs] of batches) void notify(sql, [...runs]);
}

/** A failed NOTIFY is logged and dropped: a remote stream's own safety poll finds the events (events/sse.ts). */
async function notify(sql: Sql, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += MAX_RUNS_PER_NOTIFY) {
    try {
      await sql.unsafe(NOTIFY, [EVENTS_CHANNEL, notifyPayload(ids.slice(i, i + MAX_RUNS_PER_NOTIFY))], { prepare: true });
    } catch (e) {
      log.warn({ err: e, runs: ids.length }, "could not notify other instances of committed run events");
    }
  }
}
