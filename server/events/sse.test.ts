// The SSE stream sends events the caller already holds (run_started from createRun) before reading
// anything, then follows the run from there with nothing doubled and nothing missing.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { runs } from "../db/schema";
import { createW1App, w1Query } from "../../scripts/bench/w1-app";
import { createTestUser, testDatabase } from "../../test/db";
import { parseSse } from "../../test/events";
import { createRun, executeRun } from "../supervisor/run";
import { appendRunEvents, readRunEvents } from "./append";
import { publish } from "./bus";
import type { RunEvent } from "../state/run-event";
import { runEventStream } from "./sse";

const FLAGS = { orchestrator: true, memory_learning: false, llm_decisions: false, strategy_cache: false };

describe("runEventStream with initial events", () => {
  it("has run_started in its first chunk, then the whole run once, in order", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    const { runId, started } = await createRun(database, { userId, message: w1Query(310), flagOverrides: FLAGS });
    const stream = runEventStream(database, runId, { afterSeq: 0, initial: [started], pollMs: 200 });
    const reader = stream.getReader();
    const dec = new TextDecoder();
    // The first chunk is queued by the time the stream exists: no read of run_events stands before it.
    const first = dec.decode((await reader.read()).value);
    expect(first.startsWith("retry: 1000\n\n")).toBe(true);
    expect(parseSse(first)).toEqual([started]);
    const done = executeRun(database, runId, { app: createW1App({ latencyMs: 0 }) });
    let text = "";
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += dec.decode(chunk.value);
    }
    await done;
    const all = [started, ...parseSse(text)];
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
    expect(all.at(-1)!.type).toBe("run_completed");
    expect(all).toEqual(await readRunEvents(database.db, runId, 0));
  });
});

describe("runEventStream of a run started in the same tick", () => {
  it("reads nothing to start, and sends each committed batch as one chunk", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    const { runId, events } = await createRun(database, { userId, message: w1Query(311), flagOverrides: FLAGS });
    expect(events.map((e) => e.type)).toEqual(["run_started", "checkpoint_saved"]);
    // As POST /api/chat does: start the run, then the stream, with nothing awaited in between.
    const done = executeRun(database, runId, { app: createW1App({ latencyMs: 0 }) });
    const reader = runEventStream(database, runId, { afterSeq: 0, initial: events, initialComplete: true, pollMs: 60_000 }).getReader();
    const dec = new TextDecoder();
    const chunks: string[] = [];
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      chunks.push(dec.decode(chunk.value));
    }
    await done;
    const sent = chunks.flatMap((c) => parseSse(c));
    expect(sent).toEqual(await readRunEvents(database.db, runId, 0));
    expect(sent.at(-1)!.type).toBe("run_completed");
    // Every chunk is whole frames, and a node's events travel together: one chunk per commit (each
    // commit carries one checkpoint_saved), not one per event.
    for (const c of chunks) expect(c.endsWith("\n\n")).toBe(true);
    expect(chunks.length).toBe(sent.filter((e) => e.type === "checkpoint_saved").length);
    expect(chunks.length).toBeLessThan(sent.length / 3);
  });
});

describe("runEventStream polling", () => {
  it("finds events a missed notification announced once the run is quiet, but not while this process executes it", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    const { runId, events } = await createRun(database, { userId, message: w1Query(312), flagOverrides: FLAGS });
    let executedHere = false;
    const reader = runEventStream(database, runId, { afterSeq: 0, initial: events, initialComplete: true, pollMs: 100, executedHere: () => executedHere }).getReader();
    const dec = new TextDecoder();
    // A read that timed out stays pending and takes the next chunk: it is kept for the next call.
    let reading: ReturnType<typeof reader.read> | null = null;
    const next = async (ms: number): Promise<RunEvent[] | "timeout"> => {
      reading ??= reader.read();
      const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), ms));
      const chunk = await Promise.race([reading, timeout]);
      if (chunk === "timeout") return chunk;
      reading = null;
      return parseSse(dec.decode(chunk.value));
    };
    expect((await next(1000)) as RunEvent[]).toEqual(events);
    const at = () => new Date().toISOString();
    // Written as another instance would; its NOTIFY comes from this instance's id, so this process ignores it.
    await database.sql.begin((tx) => appendRunEvents(tx, runId, [{ runId, seq: 3, type: "planning_start", at: at() } as RunEvent]));
    expect(((await next(5000)) as RunEvent[]).map((e) => e.seq)).toEqual([3]);
    // While this process executes the run every event is published here: no reads, so nothing arrives
    // until the publish.
    executedHere = true;
    await database.sql.begin((tx) => appendRunEvents(tx, runId, [{ runId, seq: 4, type: "planning_start", at: at() } as RunEvent]));
    const pending = next(600);
    expect(await pending).toBe("timeout");
    publish(runId, null);
    executedHere = false;
    expect(((await next(5000)) as RunEvent[]).map((e) => e.seq)).toEqual([4]);
    await reader.cancel();
    await database.db.update(runs).set({ status: "failed", error: "test" }).where(eq(runs.id, runId));
  });
});
