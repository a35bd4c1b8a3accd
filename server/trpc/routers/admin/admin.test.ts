// The admin router through a tRPC caller against the real database: every procedure refuses a
// non-admin, history filters/sorting/pagination return the right rows, run detail, flags and cohorts.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { createCallerFactory, router } from "../../init";
import { adminRouter } from "../admin";
import { createTestUser, testDatabase } from "../../../../test/db";
import { createW1App, w1Query } from "../../../../scripts/bench/w1-app";
import { startRun } from "../../../supervisor/service";
import { checkpoints, executionPatterns, featureFlags, adminAudit, messages, runEvents, runs, toolCalls } from "../../../db/schema";

const createCaller = createCallerFactory(router({ admin: adminRouter }));

async function callerFor(opts: { admin?: boolean; userId?: string | null; origin?: string | null; host?: string | null } = {}) {
  const database = await testDatabase();
  return createCaller({
    database, userId: opts.userId ?? null, admin: opts.admin ? { name: "admin" } : null, origin: opts.origin ?? null, host: opts.host ?? null,
  });
}

async function errorOf(p: Promise<unknown>): Promise<TRPCError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(TRPCError);
  return err as TRPCError;
}

async function testFlagKey(): Promise<string> {
  const { db } = await testDatabase();
  const key = `test_${randomUUID().slice(0, 8)}`;
  await db.insert(featureFlags).values({ key, description: "t", kind: "release", defaultValue: false, enabled: null });
  return key;
}

describe("admin router: access", () => {
  it("refuses every procedure to a caller without an admin session, even a signed-in user", async () => {
    const { userId } = await createTestUser();
    const runId = randomUUID();
    for (const caller of [await callerFor(), await callerFor({ userId })]) {
      const calls: Promise<unknown>[] = [
        caller.admin.history.list({}),
        caller.admin.history.totals({}),
        caller.admin.history.filterOptions(),
        caller.admin.runs.get({ runId }),
        caller.admin.runs.checkpoint({ runId, seq: 1 }),
        caller.admin.runs.events({ runId }),
        caller.admin.flags.list(),
        caller.admin.flags.set({ key: "orchestrator", enabled: false }),
        caller.admin.flags.overrides({ key: "orchestrator" }),
        caller.admin.flags.setOverride({ key: "orchestrator", userId, value: false }),
        caller.admin.flags.audit({}),
        caller.admin.flags.cohort({ key: "orchestrator", from: new Date(0).toISOString(), to: new Date().toISOString() }),
        caller.admin.memory.overview({ scope: "global" }),
        caller.admin.memory.statHistory({ scope: "global", tool: "legal_search" }),
        caller.admin.memory.recentUsers(),
        caller.admin.memory.clear({ userId }),
      ];
      // A procedure added to the router without a line here fails this count.
      expect(calls).toHaveLength(Object.keys(adminRouter._def.procedures).length);
      for (const c of calls) expect((await errorOf(c)).code).toBe("UNAUTHORIZED");
    }
  });

  it("a user cannot read another user's run through the admin API (or their own)", async () => {
    const { db } = await testDatabase();
    const owner = await createTestUser();
    const other = await createTestUser();
    const [run] = await db.insert(runs).values({ userId: owner.userId, question: "private" }).returning();
    expect((await errorOf((await callerFor({ userId: other.userId })).admin.runs.get({ runId: run.id }))).code).toBe("UNAUTHORIZED");
    expect((await errorOf((await callerFor({ userId: owner.userId })).admin.runs.get({ runId: run.id }))).code).toBe("UNAUTHORIZED");
    expect((await (await callerFor({ admin: true })).admin.runs.get({ runId: run.id })).run.question).toBe("private");
  });

  it("refuses an admin mutation from another origin", async () => {
    const caller = await callerFor({ admin: true, origin: "https://evil.example", host: "localhost:3000" });
    expect((await errorOf(caller.admin.flags.set({ key: await testFlagKey(), enabled: true }))).code).toBe("FORBIDDEN");
  });
});

describe("admin router: history", () => {
  it("filters, sorts and paginates with a cursor without losing or repeating rows", async () => {
    const { db } = await testDatabase();
    const { userId, sessionId } = await createTestUser();
    const marker = `marker-${randomUUID().slice(0, 8)}`;
    const base = Date.now() - 3_600_000;
    const values = Array.from({ length: 40 }, (_, i) => ({
      userId,
      question: i % 4 === 0 ? `${marker} 전세 question ${i}` : `other ${i}`,
      status: i % 5 === 0 ? "failed" : "completed",
      intent: i % 2 ? "LEGAL_CONSULT" : "MARKET_INQUIRY",
      strategy: i % 3 ? "parallel" : "sequential",
      orchestrated: i % 2 === 0,
      decisionSources: i % 7 === 0 ? ["rules", "llm"] : ["rules"],
      flags: { orchestrator: { value: i % 2 === 0, reason: "rollout" as const } },
      durationMs: i % 6 === 0 ? null : 100 + ((i * 37) % 50),
      toolCallCount: i,
      // Several runs share a timestamp to the microsecond: the cursor must still page through them.
      startedAt: new Date(base + Math.floor(i / 3) * 1000),
    }));
    const inserted = await db.insert(runs).values(values).returning({ id: runs.id, startedAt: runs.startedAt });
    // As createRun writes it: a run's question is also its user message, which the question search reads.
    await db.insert(messages).values(inserted.map((r, i) => ({ sessionId, runId: r.id, role: "user", content: values[i].question })));
    const admin = (await callerFor({ admin: true })).admin;

    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof admin.history.list>> = await admin.history.list({ filter: { userId }, limit: 7, cursor });
      expect(page.rows.length).toBeLessThanOrEqual(7);
      all.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(all).toHaveLength(40);
    expect(new Set(all).size).toBe(40);
    const expected = [...inserted].sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || (a.id < b.id ? 1 : -1)).map((r) => r.id);
    expect(all).toEqual(expected);

    const byFilter = async (filter: Parameters<typeof admin.history.list>[0]["filter"]) =>
      (await admin.history.list({ filter: { userId, ...filter }, limit: 200 })).rows;
    expect((await byFilter({ status: "failed" })).length).toBe(values.filter((v) => v.status === "failed").length);
    expect((await byFilter({ intent: "LEGAL_CONSULT", strategy: "parallel" })).length).toBe(
      values.filter((v) => v.intent === "LEGAL_CONSULT" && v.strategy === "parallel").length,
    );
    expect((await byFilter({ orchestrated: false })).every((r) => !r.orchestrated)).toBe(true);
    expect((await byFilter({ decisionSource: "llm" })).length).toBe(values.filter((v) => v.decisionSources.includes("llm")).length);
    expect((await byFilter({ flag: { key: "orchestrator", value: false } })).length).toBe(20);
    expect((await byFilter({ text: marker.toUpperCase() })).length).toBe(10);
    expect((await byFilter({ text: "%" })).length).toBe(0);
    const from = new Date(base + 5000).toISOString();
    const to = new Date(base + 8000).toISOString();
    expect((await byFilter({ from, to })).length).toBe(9);

    // Sorted by duration ascending over pages: runs without a duration first, then non-decreasing.
    const durations: (number | null)[] = [];
    cursor = null;
    do {
      const page: Awaited<ReturnType<typeof admin.history.list>> = await admin.history.list({ filter: { userId }, sort: "durationMs", order: "asc", limit: 9, cursor });
      durations.push(...page.rows.map((r) => r.durationMs));
      cursor = page.nextCursor;
    } while (cursor);
    expect(durations).toHaveLength(40);
    const asNumbers = durations.map((d) => d ?? -1);
    expect(asNumbers).toEqual([...asNumbers].sort((a, b) => a - b));

    const totals = await admin.history.totals({ filter: { userId } });
    expect(totals.runs).toBe(40);
    expect(totals.failed).toBe(8);
    expect(totals.toolCalls).toBe((39 * 40) / 2);
    expect(totals.orchestrated).toBe(20);

    expect((await errorOf(admin.history.list({ cursor: "not-a-cursor" }))).code).toBe("BAD_REQUEST");
  });
});

describe("admin router: run detail, flags, cohorts, memory", () => {
  it("returns tool calls with attempts, node timings, checkpoints (state on demand) and events", async () => {
    const { db } = await testDatabase();
    const { userId } = await createTestUser();
    const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
    const [run] = await db.insert(runs).values({ userId, question: "q", status: "completed", decisions: [{ type: "plan", source: "rules", reasoning: "r", at: t(0) }] }).returning();
    await db.insert(toolCalls).values([
      { runId: run.id, callKey: "legal_search#1", tool: "legal_search", args: {}, teams: ["search", "analysis"], status: "failed", attempt: 2,
        attempts: [{ attempt: 1, tool: "legal_search", startedAt: t(1), finishedAt: t(2), ok: false, error: "boom" }, { attempt: 2, tool: "legal_search", startedAt: t(2), finishedAt: t(3), ok: false, error: "boom" }],
        startedAt: new Date(t(1)), finishedAt: new Date(t(3)) },
      { runId: run.id, callKey: "law_db#1", tool: "law_db", args: {}, teams: ["search"], status: "succeeded", fallbackFor: "legal_search#1",
        attempts: [{ attempt: 1, tool: "law_db", startedAt: t(3), finishedAt: t(4), ok: true }], startedAt: new Date(t(3)), finishedAt: new Date(t(4)) },
    ]);
    await db.insert(checkpoints).values([
      { runId: run.id, seq: 1, node: "planning", state: { timings: { planning: { startedAt: t(0), finishedAt: t(1), ms: 1000 } } } },
      { runId: run.id, seq: 2, node: "execute", state: { big: "x".repeat(1000), timings: { planning: { startedAt: t(0), finishedAt: t(1), ms: 1000 }, execute: { startedAt: t(1), finishedAt: t(4), ms: 3000 } } } },
    ]);
    await db.insert(runEvents).values([1, 2, 3].map((seq) => ({ runId: run.id, seq, type: "todo_updated", payload: { seq } })));

    const admin = (await callerFor({ admin: true })).admin;
    const detail = await admin.runs.get({ runId: run.id });
    expect(detail.toolCalls.map((c) => c.callKey)).toEqual(["legal_search#1", "law_db#1"]);
    expect(detail.toolCalls[0].attempts).toHaveLength(2);
    expect(detail.toolCalls[1].fallbackFor).toBe("legal_search#1");
    expect(Object.keys(detail.nodeTimings).sort()).toEqual(["execute", "planning"]);
    expect(detail.checkpoints).toEqual([expect.objectContaining({ seq: 1, node: "planning" }), expect.objectContaining({ seq: 2, node: "execute" })]);
    expect(JSON.stringify(detail)).not.toContain("xxxxxxxx");
    expect((await admin.runs.checkpoint({ runId: run.id, seq: 2 })).state).toMatchObject({ big: "x".repeat(1000) });
    expect((await admin.runs.events({ runId: run.id, cursor: 1 })).events.map((e) => e.seq)).toEqual([2, 3]);
    expect(detail.eventCount).toBe(3);
    // "Open trace" only with ENSEMBLE_TRACE_URL; the run id is the trace id.
    expect(detail.traceUrl).toBeNull();
    process.env.ENSEMBLE_TRACE_URL = "http://localhost:16686/trace/{traceId}";
    try {
      expect((await admin.runs.get({ runId: run.id })).traceUrl).toBe(`http://localhost:16686/trace/${run.id.replaceAll("-", "")}`);
    } finally {
      delete process.env.ENSEMBLE_TRACE_URL;
    }
    expect((await errorOf(admin.runs.get({ runId: randomUUID() }))).code).toBe("NOT_FOUND");
  });

  it("shows a running run from its events and checkpoints (its row is written when it ends)", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    const flags = { orchestrator: true, memory_learning: false, llm_decisions: false, strategy_cache: false };
    const { runId, done } = await startRun(database, { userId, message: w1Query(72), flagOverrides: flags }, { app: createW1App({ latencyMs: 400 }) });
    const admin = (await callerFor({ admin: true })).admin;
    let seen = null;
    for (let i = 0; i < 300 && !seen; i++) {
      const d = await admin.runs.get({ runId });
      if (d.run.status === "running" && d.run.strategy !== null) seen = d;
      else await new Promise((r) => setTimeout(r, 5));
    }
    expect(seen?.run).toMatchObject({ status: "running", intent: "W1_WORKLOAD", strategy: "parallel", orchestrated: true, teams: ["search", "analysis", "document"] });
    expect((seen!.run.steps as { status: string }[]).map((s) => s.status)).toEqual(["in_progress", "in_progress", "in_progress"]);
    expect((seen!.run.decisions as { type: string }[]).map((d) => d.type)).toEqual(expect.arrayContaining(["plan", "strategy"]));
    const [{ last }] = await database.sql<{ last: number }[]>`select max(seq)::int as last from run_events where run_id = ${runId}`;
    expect(seen!.run.lastSeq).toBeGreaterThan(2);
    expect(seen!.run.lastSeq).toBeLessThanOrEqual(last);
    await done;
    const after = await admin.runs.get({ runId });
    expect(after.run).toMatchObject({ status: "completed", intent: "W1_WORKLOAD", lastSeq: (await database.sql<{ last: number }[]>`select max(seq)::int as last from run_events where run_id = ${runId}`)[0].last });
    expect(after.run.orchestration).toMatchObject({ strategy: "parallel" });
  });

  it("changes flags with an audit trail under the admin's name, and validates input", async () => {
    const admin = (await callerFor({ admin: true })).admin;
    const key = await testFlagKey();
    const user = await createTestUser();
    await admin.flags.set({ key, enabled: true, rolloutPercent: 25 });
    await admin.flags.setOverride({ key, userId: user.userId, value: true });
    expect(await admin.flags.overrides({ key })).toEqual([expect.objectContaining({ userId: user.userId, value: true })]);
    const audit = await admin.flags.audit({ key });
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
    expect(audit.every((a) => a.actor === "admin")).toBe(true);
    expect((await errorOf(admin.flags.set({ key: "no_such_flag", enabled: true }))).code).toBe("NOT_FOUND");
    expect((await errorOf(admin.flags.set({ key, rolloutPercent: 101 }))).code).toBe("BAD_REQUEST");
    const listed = await admin.flags.list();
    expect(listed.map((f) => f.key)).toEqual(expect.arrayContaining(["orchestrator", "memory_learning", "llm_decisions", "parallel_execution", "strategy_cache"]));
  });

  it("compares the on and off cohorts of a flag over a period", async () => {
    const { db } = await testDatabase();
    const { userId } = await createTestUser();
    const key = await testFlagKey();
    const at = new Date(Date.UTC(2025, 5, 1));
    const mk = (on: boolean, status: string, durationMs: number, extra: Partial<typeof runs.$inferInsert> = {}) => ({
      userId, question: "c", status, durationMs, startedAt: at, flags: { [key]: { value: on, reason: "rollout" as const } }, ...extra,
    });
    await db.insert(runs).values([
      mk(true, "completed", 100, { toolCallCount: 4, duplicatesAvoided: 2, retries: 1, llmCalls: 2 }),
      mk(true, "completed", 200, { toolCallCount: 4, duplicatesAvoided: 0 }),
      mk(true, "failed", 300, { degraded: true }),
      mk(false, "completed", 1000, { toolCallCount: 6 }),
      mk(false, "completed", 3000, { toolCallCount: 6, retries: 3 }),
    ]);
    const admin = (await callerFor({ admin: true })).admin;
    const c = await admin.flags.cohort({ key, from: new Date(at.getTime() - 1000).toISOString(), to: new Date(at.getTime() + 1000).toISOString() });
    expect(c.on).toMatchObject({ runs: 3, succeeded: 2, failed: 1, degraded: 1, toolCalls: 8, duplicatesAvoided: 2, retries: 1, llmCalls: 2, p50DurationMs: 200 });
    expect(c.on!.successRate).toBeCloseTo(2 / 3);
    expect(c.on!.duplicateRate).toBeCloseTo(0.25);
    expect(c.on!.p95DurationMs).toBeCloseTo(290);
    expect(c.off).toMatchObject({ runs: 2, succeeded: 2, p50DurationMs: 2000, retries: 3, successRate: 1 });
    const empty = await admin.flags.cohort({ key, from: new Date(0).toISOString(), to: new Date(1000).toISOString() });
    expect(empty.on).toBeNull();
  });

  it("clears a user's memory and audits it", async () => {
    const { db } = await testDatabase();
    const { userId } = await createTestUser();
    const admin = (await callerFor({ admin: true })).admin;
    expect(await admin.memory.overview({ scope: userId })).toEqual({ stats: [], patterns: [], cache: [] });
    const cleared = await admin.memory.clear({ userId });
    expect(cleared).toEqual({ patterns: 0, stats: 0, cache: 0 });
    const rows = await db.select().from(adminAudit).where(eq(adminAudit.resourceId, userId));
    expect(rows).toEqual([expect.objectContaining({ resourceType: "memory", action: "clear", actor: "admin" })]);
  });
});

describe("admin router: filter options and recent users", () => {
  it("lists each strategy seen once, sorted, and the users with the newest patterns with their counts", async () => {
    const { db } = await testDatabase();
    const { userId } = await createTestUser();
    const tag = randomUUID().slice(0, 8);
    await db.insert(runs).values([
      { userId, question: "a", strategy: `zz-${tag}-b` }, { userId, question: "b", strategy: `zz-${tag}-a` },
      { userId, question: "c", strategy: `zz-${tag}-b` }, { userId, question: "d" },
    ]);
    const admin = await callerFor({ admin: true });
    const { strategies } = await admin.admin.history.filterOptions();
    expect(strategies.filter((x) => x.includes(tag))).toEqual([`zz-${tag}-a`, `zz-${tag}-b`]);
    expect([...strategies].sort()).toEqual(strategies);

    const at = new Date(Date.now() + 60_000);
    await db.insert(executionPatterns).values([1, 2, 3].map((i) => ({
      userId, intent: "X", queryPattern: "X|", strategy: "parallel", tools: [], success: true, durationMs: i, createdAt: new Date(at.getTime() - i * 1000),
    })));
    const users = await admin.admin.memory.recentUsers();
    expect(users[0]).toEqual({ userId, lastAt: new Date(at.getTime() - 1000).toISOString(), patterns: 3 });
  });
});
