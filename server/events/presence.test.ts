// An instance NOTIFYs other instances only while one of them listens for run events, and counts every doubt
// (not yet sure its LISTEN is live, replies still on their way) as "someone may listen".
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { createTestUser, testDatabase } from "../../test/db";
import { connect } from "../db/client";
import { createRun } from "../supervisor/run";
import { EVENTS_CHANNEL, instanceId } from "./bus";
import { PeerWatch, peersOf } from "./presence";
import { RunWriter } from "./run-writer";

const FAST = { roundMs: 200, replyGraceMs: 100 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A channel of the test's own: the test database is shared with other test files' instances. */
const privateChannel = () => `presence_test_${randomUUID().replace(/-/g, "")}`;

async function until(what: string, check: () => boolean, ms = 3000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(10)) if (check()) return;
  throw new Error(`timed out waiting for ${what}`);
}

describe("presence of other instances", () => {
  it("is doubted until the LISTEN is live and replies had time, then believed, and follows peers coming and going", async () => {
    const database = await testDatabase();
    const channel = privateChannel();
    const alone = new PeerWatch(database.sql, "instance-a", channel, FAST);
    const other = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      expect(alone.othersMayListen()).toBe(true); // nothing known yet
      await alone.start();
      expect(alone.othersMayListen()).toBe(true); // its own "who" has not come back yet
      // settled() waits out the doubt: its own echo, then the replies' grace.
      const t0 = Date.now();
      expect(await alone.settled()).toBe(true);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(FAST.replyGraceMs - 5);
      expect(alone.othersMayListen()).toBe(false);

      // A listener that says so is heard at once, and forgotten after two and a half rounds of silence.
      await other`select pg_notify(${channel}, ${"here:instance-b"})`;
      await until("the peer to be heard", () => alone.othersMayListen());
      await until("the silent peer to be forgotten", () => !alone.othersMayListen(), 2000);

      // A listener already there answers a newcomer's "who".
      const listener = new PeerWatch(database.sql, "instance-c", channel, FAST);
      await listener.declareListening();
      await until("the listener to be heard", () => alone.othersMayListen());
      const newcomer = new PeerWatch(database.sql, "instance-d", channel, FAST);
      await newcomer.start();
      await sleep(FAST.replyGraceMs + 150);
      expect(newcomer.othersMayListen()).toBe(true);
      // Only listeners answer: the newcomer merely watches, so the listener has nobody to announce to.
      expect(listener.othersMayListen()).toBe(false);
      for (const w of [listener, newcomer]) w.stop();
    } finally {
      alone.stop();
      await other.end();
    }
  });

  it("a listener whose LISTEN connection was lost says so again once it is back", async () => {
    const base = await testDatabase();
    const database = connect(base.url, 2); // its own LISTEN connection, which this test may end
    const channel = privateChannel();
    const listener = new PeerWatch(database.sql, "instance-reconnecting", channel, FAST);
    const heard: string[] = [];
    const other = postgres(base.url, { max: 1, onnotice: () => {} });
    try {
      await other.listen(channel, (payload) => heard.push(payload));
      await listener.declareListening();
      await until("its first here", () => heard.includes("here:instance-reconnecting"));
      await sleep(200); // every message of the start has arrived
      heard.length = 0;
      // End the listener's LISTEN connection from outside, as a network failure or a restart would.
      // The newest of the two connections listening on the channel is the listener's (the observer's came first).
      const ended = await other`select pg_terminate_backend(pid) as ok from pg_stat_activity
        where pid <> pg_backend_pid() and query ilike ${`listen%${channel}%`} order by backend_start desc limit 1`;
      expect(ended.map((r) => r.ok)).toEqual([true]);
      await until("who and here after the reconnection", () => heard.includes("who:instance-reconnecting") && heard.includes("here:instance-reconnecting"), 5000);
    } finally {
      listener.stop();
      await other.end();
      await database.close();
    }
  });

  it("doubts again when its own echo is overdue (its LISTEN connection is gone)", async () => {
    const database = await testDatabase();
    const watch = new PeerWatch(database.sql, "instance-e", privateChannel(), FAST);
    await watch.start();
    await until("nobody to answer", () => !watch.othersMayListen());
    watch.stop(); // no more "who": as if nothing came back
    const lastEcho = Date.now();
    expect(watch.othersMayListen(lastEcho + 2.5 * FAST.roundMs + 50)).toBe(true);
  });

  it("a lone instance's writer notifies nobody until a listener arrives; with one, after its commits and inside its last one", async () => {
    const base = await testDatabase();
    const database = connect(base.url, 2); // a handle of its own, so its watch is this test's
    const channel = privateChannel();
    const watch = peersOf(database.sql, "instance-writer", { channel, timing: FAST });
    const { userId } = await createTestUser();
    const { runId } = await createRun(database, { userId, message: "presence", flagOverrides: { orchestrator: true } });
    const heard: string[] = [];
    const listener = postgres(base.url, { max: 1, onnotice: () => {} });
    try {
      await listener.listen(EVENTS_CHANNEL, (payload) => { if (payload.endsWith(runId)) heard.push(payload); });
      await until("nobody to answer", () => !watch.othersMayListen());
      heard.length = 0;
      const writer = new RunWriter(database, runId, 2, 1);
      writer.emit("planning_start", {});
      await writer.flush();
      writer.emit("run_completed", { answer: "done", degraded: false, missing: [], durationMs: 1 });
      await writer.flush();
      await sleep(150);
      expect(heard).toEqual([]);

      // The listener's "here" comes late (as a reply behind a loaded database would): the run kept quiet about,
      // ended meanwhile, is announced to it then, once.
      await listener`select pg_notify(${channel}, ${"here:instance-listening"})`;
      await until("the listener to be heard", () => watch.othersMayListen());
      await until("the quiet run announced to the late listener", () => heard.length > 0);
      await sleep(100);
      expect(heard).toEqual([`${instanceId()}:${runId}`]);
      const all: string[] = [];
      await listener.listen(EVENTS_CHANNEL, (payload) => all.push(payload));
      const second = await createRun(database, { userId, message: "presence 2", flagOverrides: { orchestrator: true } });
      const next = new RunWriter(database, second.runId, 2, 1);
      next.emit("planning_start", {});
      await next.flush();
      next.emit("run_completed", { answer: "done", degraded: false, missing: [], durationMs: 1 });
      await next.flush();
      const mine = () => all.filter((p) => p.endsWith(second.runId));
      await until("three notifications", () => mine().length >= 3);
      await sleep(100);
      // After createRun's commit and the first flush's, and inside the last flush.
      expect(mine()).toEqual(Array(3).fill(`${instanceId()}:${second.runId}`));
    } finally {
      watch.stop();
      await listener.end();
      await database.close();
    }
  });
});
