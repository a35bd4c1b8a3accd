// Admission control: at most ENSEMBLE_MAX_ACTIVE_RUNS runs execute at once; the rest wait in order with
// their first event already committed, and every one of them still finishes.
import { afterEach, describe, expect, it } from "vitest";
import { createW1App, w1Query } from "../../scripts/bench/w1-app";
import { createTestUser, testDatabase } from "../../test/db";
import { readRunEvents } from "../events/append";
import { createRun, creatingChat, executeRun, isExecutingHere, queuedRunCount } from "./run";
import { getRunSummary } from "./summary";
import { eq, sql } from "drizzle-orm";
import { runs } from "../db/schema";

const FLAGS = { orchestrator: true, memory_learning: false, llm_decisions: false, strategy_cache: false };
const saved = { max: process.env.ENSEMBLE_MAX_ACTIVE_RUNS, lease: process.env.ENSEMBLE_LEASE_MS };

afterEach(() => {
  for (const [k, v] of [["ENSEMBLE_MAX_ACTIVE_RUNS", saved.max], ["ENSEMBLE_LEASE_MS", saved.lease]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

/** The slot limit set, a fresh user, and three runs created (not yet executing) with W1 queries from `firstQuery`. */
async function threeRuns(limit: string, firstQuery: number) {
  process.env.ENSEMBLE_MAX_ACTIVE_RUNS = limit;
  const database = await testDatabase();
  const { userId } = await createTestUser();
  const runs3 = await Promise.all([0, 1, 2].map((i) => createRun(database, { userId, message: w1Query(firstQuery + i), flagOverrides: FLAGS })));
  return { database, userId, runs: runs3 };
}

describe("admission control", () => {
  it("executes at most the limit at once, queues the rest in order, and finishes them all", async () => {
    const { database, userId, runs: created } = await threeRuns("1", 300);
    const app = createW1App({ latencyMs: 30 });
    // run_started (and the initialize checkpoint's event) is committed with the run, before it executes or even queues.
    for (const c of created) {
      expect(c.started).toMatchObject({ runId: c.runId, seq: 1, type: "run_started", userId });
      const [first, ...rest] = await readRunEvents(database.db, c.runId, 0);
      expect(first).toEqual(c.started);
      expect(rest.map((e) => e.type)).toEqual(["checkpoint_saved"]);
    }
    const finished: string[] = [];
    const done = created.map((c) => executeRun(database, c.runId, { app }).then(() => void finished.push(c.runId)));
    expect(queuedRunCount()).toBe(2);
    // Executing or queued, each is this process's: its events are published here (streams need not poll).
    for (const c of created) expect(isExecutingHere(c.runId)).toBe(true);
    // The queued runs have not started: nothing past what createRun committed yet.
    expect((await readRunEvents(database.db, created[2].runId, 0)).map((e) => e.type)).toEqual(["run_started", "checkpoint_saved"]);
    await Promise.all(done);
    expect(queuedRunCount()).toBe(0);
    for (const c of created) expect(isExecutingHere(c.runId)).toBe(false);
    expect(finished).toEqual(created.map((c) => c.runId));
    for (const c of created) expect((await getRunSummary(database, c.runId, { userId, admin: false }))!.status).toBe("completed");
  });

  it("keeps a queued run's lease alive, and drops a queued run another instance took over", async () => {
    process.env.ENSEMBLE_LEASE_MS = "900";
    const { database, userId, runs: [a, b, c] } = await threeRuns("1", 320);
    const app = createW1App({ latencyMs: 800 });
    const lease = async (runId: string) => (await database.db.select().from(runs).where(eq(runs.id, runId)))[0].leaseExpiresAt!.getTime();
    const before = await lease(b.runId);
    const done = [a, b, c].map((r) => executeRun(database, r.runId, { app }));
    // Another instance takes c over while it waits (with a lease of its own, so no sweeper in another test
    // file sharing this database takes it in turn).
    await database.db.update(runs).set({ ownerId: "another-instance", leaseExpiresAt: sql`now() + interval '10 minutes'` }).where(eq(runs.id, c.runId));
    expect(queuedRunCount()).toBe(2);
    // The queue's beat (every 300 ms here) renews b's lease while a executes; polled, as a loaded box delays beats.
    let renewed = await lease(b.runId);
    for (let i = 0; i < 40 && renewed <= before; i++) {
      await new Promise((r) => setTimeout(r, 100));
      renewed = await lease(b.runId);
    }
    expect(renewed).toBeGreaterThan(before);
    expect(queuedRunCount()).toBe(2); // renewed while b still waited: by the queue's beat, not its own heartbeat
    await Promise.all(done);
    expect((await getRunSummary(database, b.runId, { userId, admin: false }))!.status).toBe("completed");
    // c was never executed here: still running (its new owner finishes it), nothing past what createRun committed.
    expect((await readRunEvents(database.db, c.runId, 0)).map((e) => e.type)).toEqual(["run_started", "checkpoint_saved"]);
    await database.db.update(runs).set({ status: "failed", error: "test: its other owner is gone" }).where(eq(runs.id, c.runId));
  });

  it("starts a queued run from what createRun wrote, unless another instance took it over while it waited", async () => {
    process.env.ENSEMBLE_LEASE_MS = "60000"; // the queue's beat (every 20 s) never runs here: the slot's own check must catch it
    const { database, userId, runs: [a, b, c] } = await threeRuns("1", 330);
    const app = createW1App({ latencyMs: 50 });
    const done = [a, b, c].map((r) => executeRun(database, r.runId, { app, created: r.created }));
    expect(queuedRunCount()).toBe(2);
    await database.db.update(runs).set({ ownerId: "another-instance" }).where(eq(runs.id, c.runId));
    await Promise.all(done);
    for (const r of [a, b]) expect((await getRunSummary(database, r.runId, { userId, admin: false }))!.status).toBe("completed");
    expect((await readRunEvents(database.db, b.runId, 0)).filter((e) => e.type === "run_started")).toHaveLength(1);
    expect((await readRunEvents(database.db, c.runId, 0)).map((e) => e.type)).toEqual(["run_started", "checkpoint_saved"]);
    await database.db.update(runs).set({ status: "failed", error: "test: its other owner is gone" }).where(eq(runs.id, c.runId));
  });

  it("while a chat is being created, starts a queued run only when none runs, or once it has waited 1.5 s", async () => {
    const { database, userId, runs: created } = await threeRuns("4", 340);
    const app = createW1App({ latencyMs: 1800 }); // the first run is still running when the others stop waiting
    const release = creatingChat();
    const done = created.map((c) => executeRun(database, c.runId, { app, created: c.created }));
    expect(queuedRunCount()).toBe(2); // one runs; the others give way to the chat being created
    await new Promise((r) => setTimeout(r, 100));
    expect(queuedRunCount()).toBe(2);
    await new Promise((r) => setTimeout(r, 1500)); // past 1.5 s of waiting: they take their slots anyway
    expect(queuedRunCount()).toBe(0);
    release();
    release(); // a second call changes nothing
    await Promise.all(done);
    for (const c of created) expect((await getRunSummary(database, c.runId, { userId, admin: false }))!.status).toBe("completed");
  });

  it("starts every queued run up to the limit once no chat has been created for a few milliseconds", async () => {
    const { database, runs: created } = await threeRuns("4", 350);
    const app = createW1App({ latencyMs: 300 });
    let release = creatingChat();
    const done = created.map((c) => executeRun(database, c.runId, { app, created: c.created }));
    expect(queuedRunCount()).toBe(2);
    // A burst's chats reach the handler a few ms apart: the next one starting at once keeps the runs waiting.
    release();
    expect(queuedRunCount()).toBe(2);
    release = creatingChat();
    release();
    expect(queuedRunCount()).toBe(2);
    await new Promise((r) => setTimeout(r, 30)); // the gap (5 ms) has passed with no new chat
    expect(queuedRunCount()).toBe(0);
    await Promise.all(done);
  });
});
