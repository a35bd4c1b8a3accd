// Test helpers for event streams: read an SSE stream to its end, and load a run's stored events.
import type { Database } from "../server/db/client";
import { runEventStream } from "../server/events/sse";
import { parseEvent, type RunEvent } from "../server/state/run-event";

export function parseSse(text: string): RunEvent[] {
  const out: RunEvent[] = [];
  for (const frame of text.split("\n\n")) {
    const data = frame.split("\n").find((l) => l.startsWith("data: "));
    if (data) out.push(parseEvent(JSON.parse(data.slice(6))));
  }
  return out;
}

export async function readStream(stream: ReadableStream<Uint8Array>): Promise<RunEvent[]> {
  const text = await new Response(stream).text();
  return parseSse(text);
}

export function collectRunEvents(database: Database, runId: string, afterSeq = 0): Promise<RunEvent[]> {
  return readStream(runEventStream(database, runId, { afterSeq, pollMs: 200 }));
}
