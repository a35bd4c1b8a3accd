// Crash and resume: an instance is killed with SIGKILL mid-execute; another instance of the app
// resumes the run from its last checkpoint, reusing the tool calls that had finished.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { runEvents, runs, toolCalls } from "../db/schema";
import { w1Query } from "../../scripts/bench/w1-app";
import { testDatabase } from "../../test/db";
import { collectRunEvents, readStream } from "../../test/events";
import { runEventStream } from "../events/sse";
import { listenForRemoteEvents } from "../events/bus";

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
});

/**
 * `sweeps`: whether this instance looks for runs to resume. The test database is shared with the other test files,
 * whose runs may be left `running` with an expired lease: an instance that sweeps adopts them too (it should) and
 * runs them beside this test's run. The first worker only has to start its own run, so it does not sweep; every
 * worker executes all it holds at once, so an adopted run never makes this test's run wait for a slot.
 */
/** What each worker printed, so a failure shows where the run stood (workers log to stderr). */
const logs: { name: string; text: () => string }[] = [];

function startWorker(args: string[], sweeps: boolean): { child: ChildProcess; output: Promise<string> } {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts", ...args], {
    env: {
      ...process.env, ENSEMBLE_WORKER_APP: "w1", W1_LATENCY_MS: "700", ENSEMBLE_LEASE_MS: "1500", ENSEMBLE_RESUME_INTERVAL_MS: "300",
      ENSEMBLE_RESUME: sweeps ? "1" : "0", ENSEMBLE_MAX_ACTIVE_RUNS: "64",
      // The W1 tools' own 1 s timeout sits only 300 ms above the 700 ms calls: on a loaded machine a
      // late timer turned a call into a timeout, and the run failed before the kill. Timeouts are not
      // what this test is about (executor.test.ts covers them).
      ENSEMBLE_TOOL_TIMEOUT_MS: "30000",
      ENSEMBLE_WORKER_FLAGS: JSON.stringify({ orchestrator: true, parallel_execution: false, memory_learning: false, llm_decisions: false, strategy_cache: false }),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  logs.push({ name: `worker ${logs.length + 1}`, text: () => out });
  child.stderr!.on("data", (d) => (out += d));
  const output = new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (d) => {
      out += d;
      if (out.includes("ready\n")) resolve(out);
    });
    child.on("exit", (code) => reject(new Error(`worker exited ${code}: ${out}`)));
  });
  return { child, output };
}

function workerLogs(): string {
  return logs.map((l) => `--- ${l.name} (last 4,000 characters) ---\n${l.text().slice(-4000)}`).join("\n");
}

/** The promise's value, or a failure naming what did not happen in time, with the workers' logs. */
async function within<T>(what: string, p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}\n${workerLogs()}`)), ms);
  });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}\n${workerLogs()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("crash and resume", () => {
  it("resumes a SIGKILLed run from its checkpoint without re-running finished calls", async () => {
    const database = await testDatabase();
    const first = startWorker(["--ask", w1Query(99)], false);
    const out = await within("the first worker to start", first.output, 60_000);
    const { runId } = JSON.parse(out.split("\n").find((l) => l.startsWith("{"))!) as { runId: string };

    // Sequential strategy, 700 ms per call: kill once two calls have finished.
    const finishedBefore = await until("two finished calls", async () => {
      const rows = await database.db.select().from(toolCalls).where(eq(toolCalls.runId, runId));
      const done = rows.filter((r) => r.status === "succeeded");
      return done.length >= 2 ? done : null;
    }, 60_000);
    first.child.kill("SIGKILL");
    await new Promise((r) => first.child.once("exit", r));
    const [killed] = await database.db.select().from(runs).where(eq(runs.id, runId));
    expect(killed.status).toBe("running");
    // A running run's row is written at its creation and its end only (run-columns.ts): the events say where it stood.
    const before = await database.db.select().from(runEvents).where(eq(runEvents.runId, runId)).orderBy(asc(runEvents.seq));
    const seqAtKill = before.at(-1)!.seq;
    const plannedBefore = before.find((e) => e.type === "orchestration_decision" && (e.payload as { decisionType?: string }).decisionType === "plan")!;
    expect(plannedBefore).toBeDefined();

    // This process plays a browser's instance: it follows the run live while another instance executes
    // it. Polling is off, so only LISTEN/NOTIFY can wake the stream.
    // LISTEN must be in place before the other instance starts writing, or its notifications are lost
    // (a browser's instance listens from boot; this process only from here).
    await listenForRemoteEvents(database.sql);
    const followed = readStream(runEventStream(database, runId, { afterSeq: seqAtKill, pollMs: 10 * 60_000 }));
    const second = startWorker([], true);
    await within("the second worker to start", second.output, 60_000);
    const done = await until("the resumed run to finish", async () => {
      const [r] = await database.db.select().from(runs).where(eq(runs.id, runId));
      return r.status !== "running" ? r : null;
    });
    expect(done.status).toBe("completed");
    expect(done.answer).toHaveLength(500);
    // The decisions made before the crash were read back from their events and reach the row once, as they were.
    const plans = (done.decisions as { type: string; at: string }[]).filter((d) => d.type === "plan");
    expect(plans).toEqual([expect.objectContaining({ type: "plan", at: plannedBefore.at.toISOString() })]);
    expect(done.lastSeq).toBe((await collectRunEvents(database, runId)).at(-1)!.seq);

    const live = await within("the followed stream to end", followed, 30_000);
    expect(live.at(-1)!.type).toBe("run_completed");
    expect(live[0].seq).toBe(seqAtKill + 1);
    const events = await collectRunEvents(database, runId);
    expect(live).toEqual(events.slice(seqAtKill));
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1)); // gap-free across the crash
    expect(events.at(-1)!.type).toBe("run_completed");
    expect(events.some((e) => e.seq > seqAtKill && e.type === "run_started" && e.resumed === true)).toBe(true);

    for (const row of finishedBefore) {
      const startedAfterCrash = events.filter((e) => e.seq > seqAtKill && e.type === "tool_call_started" && e.callKey === row.callKey);
      expect(startedAfterCrash, `${row.tool} was executed again`).toHaveLength(0);
      const reused = events.find((e) => e.seq > seqAtKill && e.type === "tool_call_finished" && e.callKey === row.callKey);
      expect(reused && "reused" in reused ? reused.reused : false).toBe(true);
    }
    const rows = await database.db.select().from(toolCalls).where(eq(toolCalls.runId, runId));
    expect(rows.filter((r) => r.status === "succeeded")).toHaveLength(4);
    second.child.kill("SIGTERM");
  }, 280_000);
});
