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
  /**
   * `initial` is every event committed so far and the run cannot have published more yet (the caller
   * started it in this same tick, so its first flush is still ahead): no read of the table to start.
   */
  initialComplete?: boolean;
  /**
   * True while this process executes the run (supervisor/run.ts isExecutingHere): its events are published here,
   * not notified, so none can be missed and the stream does not poll.
   */
  executedHere?: () => boolean;
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
      // A batch of events goes out as ONE chunk: Node writes each chunk of a chunked response as three
      // socket writes (size, data, CRLF), and one SSE frame per write was ~100 of a chat's ~180 writes
      // (docs/perf/issue-14.md §9).
      const send = (evs: readonly RunEvent[], prefix = ""): void => {
        let out = prefix;
        let terminal = false;
        for (const ev of evs) {
          if (closed || terminal) break;
          if (ev.seq !== lastSent + 1) continue;
          out += encodeSse(ev);
          lastSent = ev.seq;
          terminal = TERMINAL_EVENTS.has(ev.type);
        }
        if (out && !closed) controller.enqueue(enc.encode(out));
        if (terminal) close();
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
                send(evs);
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
      let lastLiveAt = Date.now();
      const onLive = (events: RunEvent[] | null) => {
        if (closed) return;
        lastLiveAt = Date.now();
        if (events && events.length && events[0].seq === lastSent + 1 && !catchingUp) {
          send(events);
        } else {
          void catchUp();
        }
      };
      const unsubscribe = subscribe(runId, onLive);
      const streams = metrics().sseStreams;
      streams.inc();
      void listenForRemoteEvents(database.sql);
      // A missed notification matters only if nothing follows it (the next live batch would not start at
      // lastSent + 1 and so reads the table): look only when the run has been quiet for a whole period, and
      // not while this process executes it (its events are published here, not notified). At c200 the runs
      // waiting for a slot polled ~130 reads/s (docs/perf/issue-14.md §9).
      const pollMs = opts.pollMs ?? 3000;
      const poll = setInterval(() => {
        if (Date.now() - lastLiveAt >= pollMs && !opts.executedHere?.()) void catchUp();
      }, pollMs);
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
      send(opts.initial ?? [], `retry: 1000\n\n`);
      if (!opts.initialComplete) void catchUp();
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
