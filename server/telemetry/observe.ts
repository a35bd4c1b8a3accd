// The one entry point of run telemetry: every event a run commits in this process passes here once,
// after its commit, and becomes metrics and (when tracing is on) spans. Never throws into the run.
import type { RunEvent } from "../state/run-event";
import { log } from "./log";
import { measureRunEvent } from "./run-metrics";
import { traceRunEvent } from "./run-tracer";
import { tracingEnabled } from "./tracing";

/** Call with events just committed by this process's own runs (not ones heard over LISTEN/NOTIFY). */
export function observeRunEvents(events: readonly RunEvent[]): void {
  const committedAt = Date.now();
  const tracing = tracingEnabled();
  for (const ev of events) {
    try {
      measureRunEvent(ev, committedAt);
      if (tracing) traceRunEvent(ev);
    } catch (e) {
      // Telemetry is an observer: a bug here must cost a metric or a span, never the run.
      log.warn({ err: e, runId: ev.runId, seq: ev.seq, eventType: ev.type }, "run telemetry failed for an event");
    }
  }
}
