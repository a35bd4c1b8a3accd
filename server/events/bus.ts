// Live fan-out of run events: in-process listeners, plus PostgreSQL LISTEN/NOTIFY so a
// browser connected to one instance follows a run executing on another.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Sql } from "../db/client";
import type { RunEvent } from "../state/run-event";
import { peersOf } from "./presence";

export const EVENTS_CHANNEL = "ensemble_run_events";

/** A listener gets events published here, or a poke (no events) when another instance wrote some. */
export type RunListener = (events: RunEvent[] | null) => void;

interface BusState {
  instanceId: string;
  listeners: Map<string, Set<RunListener>>;
  listening?: Promise<void>;
}
const g = globalThis as unknown as { __ensembleBus?: BusState };
const bus: BusState = (g.__ensembleBus ??= { instanceId: randomUUID(), listeners: new Map() });

export function instanceId(): string {
  return bus.instanceId;
}

export function subscribe(runId: string, listener: RunListener): () => void {
  let set = bus.listeners.get(runId);
  if (!set) bus.listeners.set(runId, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) bus.listeners.delete(runId);
  };
}

export function publish(runId: string, events: RunEvent[] | null): void {
  const set = bus.listeners.get(runId);
  if (!set) return;
  for (const l of [...set]) {
    try {
      l(events);
    } catch {
      /* a broken listener must not stop the run */
    }
  }
}

/** NOTIFY payload: "<instanceId>:<runId>,<runId>…", the runs that committed events (remote-notify.ts). */
export function notifyPayload(runIds: string[]): string {
  return `${bus.instanceId}:${runIds.join(",")}`;
}

export function listenForRemoteEvents(sql: Sql): Promise<void> {
  bus.listening ??= sql
    .listen(EVENTS_CHANNEL, (payload) => {
      const at = payload.indexOf(":");
      if (at < 0 || payload.slice(0, at) === bus.instanceId) return;
      for (const runId of payload.slice(at + 1).split(",")) if (runId) publish(runId, null);
    })
    // Only now may other instances count on this one hearing them (presence.ts).
    .then(() => peersOf(sql, bus.instanceId).declareListening())
    .catch(() => {
      bus.listening = undefined;
    });
  return bus.listening;
}
