// The run writer's flush: its statements are pipelined, but a flush is still one transaction —
// everything it queued is committed together, or (one statement failing) nothing is and the work is kept.
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestUser, testDatabase } from "../../test/db";
import { checkpoints, executionPatterns, runEvents, runs, toolCalls, toolStats } from "../db/schema";
import { recordExecutionCall } from "../memory";
import { createRun } from "../supervisor/run";
import { RunWriter, writeStats, type ToolCallRow } from "./run-writer";
import { flushShape, RunGoneError } from "./run-statements";

const FLAGS = { orchestrator: true, memory_learning: false, llm_decisions: false, strategy_cache: false };

function call(callKey: string): ToolCallRow {
  const at = new Date().toISOString();
  return {
    callKey, tool: "market_data", args: { q: callKey }, teams: ["search"], status: "succeeded", attempt: 1,
    attempts: [{ attempt: 1, tool: "market_data", startedAt: at, finishedAt: at, ok: true }], fallbackFor: null,
    startedAt: at, finishedAt: at, durationMs: 3, result: { items: [callKey] }, error: null,
  };
}

async function freshRun() {
  const database = await testDatabase();
  const { userId } = await createTestUser();
  const { runId } = await createRun(database, { userId, message: "pipelined flush", flagOverrides: FLAGS });
  return { database, runId };
}

async function stored(runId: string) {
  const { db } = await testDatabase();
  const [run] = await db.select().from(runs).where(eq(runs.id, runId));
  const events = await db.select().from(runEvents).where(eq(runEvents.runId, runId)).orderBy(asc(runEvents.seq));
  const cps = await db.select().from(checkpoints).where(eq(checkpoints.runId, runId)).orderBy(asc(checkpoints.seq));
  const calls = await db.select().from(toolCalls).where(eq(toolCalls.runId, runId));
  return { run, events, cps, calls };
}

describe("RunWriter flush", () => {
  it("keeps one queued snapshot per type: the newest, with the events after the dropped one moved down a seq", async () => {
    const { database, runId } = await freshRun();
    const writer = new RunWriter(database, runId, 2, 1);
    const steps = (progress: number) => ({ steps: [], overallProgress: progress });
    writer.emitSnapshot("todo_updated", steps(10));
    writer.emit("tool_call_started", { callKey: "a", tool: "market_data", attempt: 1, teams: ["search"] });
    writer.emitSnapshot("todo_updated", steps(20));
    const started = writer.emit("tool_call_started", { callKey: "b", tool: "legal_search", attempt: 1, teams: ["search"] });
    writer.emitSnapshot("todo_updated", steps(30));
    expect(started.seq).toBe(4);
    await writer.flush();
    // Committed: a later snapshot starts a new queue and keeps the committed one.
    writer.emitSnapshot("todo_updated", steps(40));
    await writer.flush();
    const s = await stored(runId);
    const tail = s.events.slice(2).map((e) => [e.seq, e.type, (e.payload as { callKey?: string; overallProgress?: number }).callKey ?? (e.payload as { overallProgress?: number }).overallProgress]);
    expect(tail).toEqual([[3, "tool_call_started", "a"], [4, "tool_call_started", "b"], [5, "todo_updated", 30], [6, "todo_updated", 40]]);
    expect(writer.lastSeq).toBe(6);
  });

  it("replaces a tool call row by call key on a later flush", async () => {
    const { database, runId } = await freshRun();
    const writer = new RunWriter(database, runId, 2, 1);
    writer.toolCall({ ...call("a"), status: "running", result: null });
    await writer.flush();
    writer.toolCall({ ...call("a"), attempt: 2 });
    await writer.flush();
    const s = await stored(runId);
    expect(s.calls.map((c) => [c.callKey, c.status, c.attempt])).toEqual([["a", "succeeded", 2]]);
    expect(() => writer.updateRun({ nope: 1 } as never)).not.toThrow();
    await expect(writer.flush()).rejects.toThrow(/no patchable column nope/);
    writer.abandon();
  });

  it("commits a flush's events, checkpoint, tool calls, run fields and extras together", async () => {
    const { database, runId } = await freshRun();
    // createRun committed run_started (1), the initialize checkpoint (1) and its checkpoint_saved (2).
    const writer = new RunWriter(database, runId, 2, 1);
    writer.toolCall(call("a"));
    writer.toolCall({ ...call("b"), result: null, startedAt: null, fallbackFor: "a" });
    writer.updateRun({ intent: "W1_WORKLOAD", teams: ["search"], steps: [{ id: "s1" }], orchestration: null, finished_at: "2026-01-02T03:04:05.000Z" });
    writer.checkpoint("planning", { node: "planning" });
    writer.emit("execution_start", { orchestrated: true, stepCount: 3 });
    let extraRan = false;
    writer.inTransaction(async (tx) => {
      await tx`update runs set retries = 7 where id = ${runId}`;
      extraRan = true;
    });
    await writer.flush();
    const s = await stored(runId);
    expect(extraRan).toBe(true);
    expect(s.events.map((e) => [e.seq, e.type])).toEqual([[1, "run_started"], [2, "checkpoint_saved"], [3, "checkpoint_saved"], [4, "execution_start"]]);
    expect(s.cps.map((c) => [c.seq, c.node])).toEqual([[1, "initialize"], [2, "planning"]]);
    expect(s.calls.map((c) => c.callKey).sort()).toEqual(["a", "b"]);
    expect(s.run).toMatchObject({ intent: "W1_WORKLOAD", teams: ["search"], steps: [{ id: "s1" }], lastSeq: 4, retries: 7, orchestration: null, question: "pipelined flush", status: "running" });
    expect(s.run.finishedAt?.toISOString()).toBe("2026-01-02T03:04:05.000Z");
    const b = s.calls.find((c) => c.callKey === "b")!;
    // JSON null arrives as SQL NULL, not as a jsonb 'null'.
    const [nulls] = await database.sql<{ n: number }[]>`select count(*)::int as n from tool_calls where run_id = ${runId} and call_key = 'b' and result is null and started_at is null`;
    expect(nulls.n).toBe(1);
    expect(b).toMatchObject({ fallbackFor: "a", teams: ["search"], attempt: 1, status: "succeeded", args: { q: "b" } });
    expect(s.calls.find((c) => c.callKey === "a")!.result).toEqual({ items: ["a"] });
    expect(s.events[2].payload).toEqual({ node: "planning", checkpointSeq: 2 });
    // A writer that was not given the previous checkpoint's state stores its first one whole.
    expect(s.cps[1].state).toEqual({ node: "planning" });
  });

  it("commits nothing of a flush whose one statement fails, and keeps the work for the next flush", async () => {
    const { database, runId } = await freshRun();
    // A checkpoint seq already taken (createRun's initialize checkpoint is 1): the checkpoint insert fails while
    // the other parts of the same flush succeed on the server; the transaction must still roll all of them back.
    const writer = new RunWriter(database, runId, 2, 0);
    writer.toolCall(call("a"));
    writer.updateRun({ intent: "W1_WORKLOAD" });
    writer.checkpoint("planning", { node: "planning" });
    await expect(writer.flush()).rejects.toThrow();
    const s = await stored(runId);
    expect(s.events.map((e) => e.type)).toEqual(["run_started", "checkpoint_saved"]);
    expect(s.calls).toEqual([]);
    expect(s.run.intent).toBeNull();
    expect(s.run.lastSeq).toBe(2);
    expect(s.cps.map((c) => c.node)).toEqual(["initialize"]);

    // Once the conflicting row is gone, the kept work commits on the next flush, in order.
    await database.db.delete(checkpoints).where(eq(checkpoints.runId, runId));
    await writer.flush();
    const after = await stored(runId);
    expect(after.events.map((e) => [e.seq, e.type])).toEqual([[1, "run_started"], [2, "checkpoint_saved"], [3, "checkpoint_saved"]]);
    expect(after.calls.map((c) => c.callKey)).toEqual(["a"]);
    expect(after.run.intent).toBe("W1_WORKLOAD");
    expect(after.cps.map((c) => c.node)).toEqual(["planning"]);
  });

  it("commits what the run teaches memory in the final flush's one statement, or none of it", async () => {
    const { database, runId } = await freshRun();
    const [run] = await database.db.select().from(runs).where(eq(runs.id, runId));
    const memory = (tool: string) => recordExecutionCall({
      userId: run.userId, sessionId: run.sessionId, runId, intent: "W1_WORKLOAD", queryPattern: "W1_WORKLOAD|", strategy: "parallel",
      tools: [{ tool, outcome: "succeeded", latencyMs: 12 }, { tool, outcome: "failed", latencyMs: 30, error: "HTTP 503" }], success: true, durationMs: 40,
    });
    // A failing final flush (the checkpoint seq is taken) leaves no pattern and no statistics behind.
    const failing = new RunWriter(database, runId, 2, 0);
    failing.recordMemory(memory("probe_tool"));
    failing.checkpoint("respond", { node: "respond" });
    await expect(failing.flush()).rejects.toThrow();
    failing.abandon();
    expect(await database.db.$count(executionPatterns, eq(executionPatterns.runId, runId))).toBe(0);
    expect(await database.db.$count(toolStats, eq(toolStats.scope, run.userId))).toBe(0);

    const writer = new RunWriter(database, runId, 2, 1);
    writer.updateRun({ status: "completed" });
    writer.recordMemory(memory("probe_tool"));
    writer.emit("run_completed", { answer: "done", degraded: false, missing: [], durationMs: 40 });
    const before = writeStats.transactions;
    await writer.flush();
    expect(writeStats.transactions - before).toBe(1);
    const [pattern] = await database.db.select().from(executionPatterns).where(eq(executionPatterns.runId, runId));
    expect(pattern).toMatchObject({ strategy: "parallel", success: true, durationMs: 40, tools: [{ tool: "probe_tool", outcome: "succeeded", latencyMs: 12 }, { tool: "probe_tool", outcome: "failed", latencyMs: 30 }] });
    // Two observations of one tool, applied in run order: 0.5 → 0.55 (success) → 0.495 (failure).
    const [stat] = await database.db.select().from(toolStats).where(eq(toolStats.scope, run.userId));
    expect(stat).toMatchObject({ tool: "probe_tool", count: 2, lastError: "HTTP 503" });
    expect(stat.successRate).toBeCloseTo(0.495, 12);
    expect(stat.avgLatencyMs).toBeCloseTo(0.8 * 12 + 0.2 * 30, 12);
    expect((await stored(runId)).run.status).toBe("completed");
  });

  it("touches a message's session by its key, not by scanning every session", async () => {
    const { database, runId } = await freshRun();
    const { userId } = await createTestUser();
    await database.sql`insert into chat_sessions (user_id, title) select ${userId}::uuid, 'bulk ' || g from generate_series(1, 3000) g`;
    await database.sql`analyze chat_sessions`;
    // Planned as a prepared flush is: generically, whatever the messages turn out to be.
    const { text } = flushShape(["events", "patch", "messages"]);
    const plan = (await database.sql.unsafe(`explain (generic_plan) ${text}`)).map((r) => String(r["QUERY PLAN"])).join("\n");
    expect(plan).toMatch(/Index Scan using chat_sessions_pkey|Bitmap Index Scan on chat_sessions_pkey/);
    expect(plan).not.toMatch(/Seq Scan on chat_sessions/);

    const [session] = await database.sql<{ id: string; updated_at: Date }[]>`select id, updated_at from chat_sessions where user_id = ${userId}::uuid limit 1`;
    const writer = new RunWriter(database, runId, 2, 1);
    writer.message({ sessionId: session.id, role: "assistant", content: "hello" });
    await writer.flush();
    const [after] = await database.sql<{ updated_at: Date }[]>`select updated_at from chat_sessions where id = ${session.id}::uuid`;
    expect(new Date(after.updated_at).getTime()).toBeGreaterThan(new Date(session.updated_at).getTime());
  });

  it("deletes a run's events, checkpoints and tool calls with the run, and writes nothing for a run that is gone", async () => {
    const { database, runId } = await freshRun();
    const writer = new RunWriter(database, runId, 2, 1);
    writer.emit("planning_start", {});
    writer.toolCall(call("kept#1"));
    writer.checkpoint("planning", { step: 1 });
    await writer.flush();
    const before = await stored(runId);
    expect([before.events.length, before.cps.length, before.calls.length]).toEqual([4, 2, 1]);

    // Deleting the chat deletes its runs (a foreign key's cascade), and the trigger deletes their rows.
    await database.sql`delete from chat_sessions where id = ${before.run.sessionId!}::uuid`;
    const after = await stored(runId);
    expect([after.run, after.events.length, after.cps.length, after.calls.length]).toEqual([undefined, 0, 0, 0]);

    // The one-statement flush and the explicit transaction's statements both refuse, and store nothing.
    writer.emit("planning_start", {});
    writer.checkpoint("execute", { step: 2 });
    await expect(writer.flush()).rejects.toBeInstanceOf(RunGoneError);
    writer.inTransaction(async () => {});
    await expect(writer.flush()).rejects.toBeInstanceOf(RunGoneError);
    const [{ n }] = await database.sql<{ n: number }[]>`select (select count(*) from run_events where run_id = ${runId}::uuid)
      + (select count(*) from checkpoints where run_id = ${runId}::uuid) + (select count(*) from tool_calls where run_id = ${runId}::uuid) as n`;
    expect(Number(n)).toBe(0);
  });
});
