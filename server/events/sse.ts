// A run's event stream as SSE: replay from run_events after a given seq, then follow live,
// in order, with no gaps and no doubles; ends after run_completed / run_failed, or at once when the
// client resumes at or past the end of a finished run.
import type { Database } from "../db/client";
import { readRunEvents } from "./append";
import { listenForRemoteEvents, subscribe } from "./bus";
import { TERMINAL_EVENTS, type RunEvent } from "../state/run-event";
import { metrics } from "../telemetry/metrics";

export function encodeSse(ev: RunEvent): string {
  return `id: ${ev.seq}\nevent: ${ev.type}\ndata: ${JSON.stringify(ev)}\n\n`;
}

export function loadEvents(database: Database, runId: string, afterSeq: number, limit = 1000): Promise<RunEvent[]> {
  return readRunEvents(database.db, runId, afterSeq, limit);
}

/** True when the run no longer exists, or has finished and its last event is at or before `seq`. */
async function runIsOverFor(database: Database, runId: string, seq: number): Promise<boolean> {
  const [run] = await database.sql<{ status: string; last_seq: number }[]>`select status, last_seq from runs where id = ${runId}`;
  return !run || (run.status !== "running" && seq >= run.last_seq);
}

export interface StreamOptions {
  afterSeq: number;
  /** Events after `afterSeq` the caller already holds, committed (e.g. run_started from createRun): sent at once, before any read. */
  initial?: RunEvent[];
  signal?: AbortSignal;
  /** How often to look in the table for events a missed notification would have announced. */
  pollMs?: number;
  heartbeatMs?: number;
}

export function runEventStream(database: Database, runId: string, opts: StreamOptions): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let lastSent = opts.afterSeq;
  let closed = false;
  let cleanup = () => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      let catchingUp: Promise<void> | null = null;
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        try {
          controller.close();
        } catch {
          /* already closed by the client */
        }
      };
      const send = (ev: RunEvent): void => {
        if (closed || ev.seq !== lastSent + 1) return;
        controller.enqueue(enc.encode(encodeSse(ev)));
        lastSent = ev.seq;
        if (TERMINAL_EVENTS.has(ev.type)) close();
      };
      // Reads whatever the table has past lastSent. Serialised; a request that arrives while a
      // read is in flight makes it read once more, since that read may predate the new rows.
      let again = false;
      const catchUp = (): Promise<void> => {
        if (catchingUp) {
          again = true;
          return catchingUp;
        }
        catchingUp = (async () => {
          try {
            do {
              again = false;
              for (;;) {
                if (closed) return;
                const evs = await loadEvents(database, runId, lastSent);
                for (const ev of evs) send(ev);
                if (evs.length < 1000) break;
              }
            } while (again && !closed);
            // Nothing left to send and the run is over (a client resuming at or past its terminal
            // event, or a run deleted meanwhile): end the stream rather than poll for ever.
            if (!closed && (await runIsOverFor(database, runId, lastSent))) close();
          } catch (e) {
            if (!closed) controller.error(e);
            closed = true;
            cleanup();
          } finally {
            catchingUp = null;
          }
        })();
        return catchingUp;
      };
      const onLive = (events: RunEvent[] | null) => {
        if (closed) return;
        if (events && events.length && events[0].seq === lastSent + 1 && !catchingUp) {
          for (const ev of events) send(ev);
        } else {
          void catchUp();
        }
      };
      const unsubscribe = subscribe(runId, onLive);
      const streams = metrics().sseStreams;
      streams.inc();
      void listenForRemoteEvents(database.sql);
      const poll = setInterval(() => void catchUp(), opts.pollMs ?? 3000);
      const heartbeat = setInterval(() => {
        if (!closed) controller.enqueue(enc.encode(`: keep-alive\n\n`));
      }, opts.heartbeatMs ?? 15000);
      cleanup = () => {
        cleanup = () => {};
        streams.dec();
        unsubscribe();
        clearInterval(poll);
        clearInterval(heartbeat);
      };
      opts.signal?.addEventListener("abort", close);
      controller.enqueue(enc.encode(`retry: 1000\n\n`));
      for (const ev of opts.initial ?? []) send(ev);
      void catchUp();
    },
    cancel() {
      closed = true;
      cleanup();
    },
  });
}

export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  connection: "keep-alive",
  "x-accel-buffering": "no",
} as const;
