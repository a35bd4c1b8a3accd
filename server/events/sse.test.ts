// The SSE stream sends events the caller already holds (run_started from createRun) before reading
// anything, then follows the run from there with nothing doubled and nothing missing.
import { describe, expect, it } from "vitest";
import { createW1App, w1Query } from "../../scripts/bench/w1-app";
import { createTestUser, testDatabase } from "../../test/db";
import { parseSse } from "../../test/events";
import { createRun, executeRun } from "../supervisor/run";
import { readRunEvents } from "./append";
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
    // Both chunks are queued by the time the stream exists: no read of run_events stands before them.
    expect(dec.decode((await reader.read()).value)).toBe("retry: 1000\n\n");
    expect(parseSse(dec.decode((await reader.read()).value))).toEqual([started]);
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
