// Other instances hear of committed events from one NOTIFY per turn of the event loop, sent after the commits
// and outside them; a payload naming several runs pokes each run's streams.
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { createTestUser, testDatabase } from "../../test/db";
import { createRun } from "../supervisor/run";
import { EVENTS_CHANNEL, instanceId, listenForRemoteEvents, subscribe } from "./bus";
import { PRESENCE_CHANNEL, peersOf } from "./presence";
import { announceCommitted } from "./remote-notify";
import { flushShape } from "./run-statements";
import { RunWriter } from "./run-writer";

const FLAGS = { orchestrator: true, memory_learning: false, llm_decisions: false, strategy_cache: false };

describe("announcing committed run events", () => {
  it("names every announced run in one NOTIFY, and a writer announces its run after each commit", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    const runIds = await Promise.all([1, 2, 3].map(async (i) => (await createRun(database, { userId, message: `notify ${i}`, flagOverrides: FLAGS })).runId));
    const heard: string[] = [];
    const listener = postgres(database.url, { max: 1, onnotice: () => {} });
    const until = async (n: number) => {
      for (let i = 0; i < 200 && heard.length < n; i++) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 50));
    };
    try {
      // The test database is shared with other test files' processes: only this instance's payloads count.
      await listener.listen(EVENTS_CHANNEL, (payload) => { if (payload.startsWith(`${instanceId()}:`)) heard.push(payload); });
      // Another instance listens (presence.ts): without one, there is nobody to announce anything to.
      await peersOf(database.sql, instanceId()).start();
      await listener`select pg_notify(${PRESENCE_CHANNEL}, ${"here:a-listening-instance"})`;
      await new Promise((r) => setTimeout(r, 100)); // whatever createRun announced
      heard.length = 0;

      for (const runId of runIds) announceCommitted(database.sql, runId);
      await until(1);
      expect(heard).toEqual([`${instanceId()}:${runIds.join(",")}`]);

      heard.length = 0;
      const writer = new RunWriter(database, runIds[0], 2, 1);
      writer.emit("planning_start", {});
      await writer.flush();
      await until(1);
      expect(heard).toEqual([`${instanceId()}:${runIds[0]}`]);

      heard.length = 0;
      writer.emit("run_completed", { answer: "done", degraded: false, missing: [], durationMs: 1 });
      await writer.flush();
      await until(1);
      expect(heard).toEqual([`${instanceId()}:${runIds[0]}`]);
    } finally {
      await listener.end();
    }
    // The flushes themselves do not notify: their commits do not queue on NOTIFY's database-wide lock. A run's
    // last flush does, inside its commit, so a process ending right after it cannot lose the run's end.
    expect(flushShape(["events", "checkpoints", "calls", "patch", "messages"]).text).not.toMatch(/notify/i);
    expect(flushShape(["events", "patch", "notify"]).text).toMatch(/pg_notify/);
  });

  it("pokes the streams of every run a remote payload names", async () => {
    const database = await testDatabase();
    await listenForRemoteEvents(database.sql);
    const poked: string[] = [];
    const offs = ["run-a", "run-b"].map((id) => subscribe(id, (events) => { if (events === null) poked.push(id); }));
    const other = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      await other`select pg_notify(${EVENTS_CHANNEL}, ${"another-instance:run-a,run-b"})`;
      // Its own instance's payloads are not echoed back to it.
      await other`select pg_notify(${EVENTS_CHANNEL}, ${`${instanceId()}:run-a`})`;
      for (let i = 0; i < 100 && poked.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 50));
      expect(poked.sort()).toEqual(["run-a", "run-b"]);
    } finally {
      offs.forEach((off) => off());
      await other.end();
    }
  });
});
