// The memory router through a tRPC caller against the real database: a user sees and clears only
// their own memory; admin procedures need an admin, read any user and global, and audit a clear.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { createCallerFactory, router } from "../init";
import { memoryRouter } from "./memory";
import { createTestUser, testDatabase } from "../../../test/db";
import { adminAudit } from "../../db/schema";
import { flagsHash, putCachedDecision, recordExecution } from "../../memory";
import type { ExecutionRecord } from "../../memory";

const createCaller = createCallerFactory(router({ memory: memoryRouter }));

async function callerFor(userId: string | null, admin: { name: string } | null = null) {
  const database = await testDatabase();
  return createCaller({ database, userId, admin, origin: null, host: null });
}

async function expectCode(p: Promise<unknown>, code: TRPCError["code"]) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(TRPCError);
  expect((err as TRPCError).code).toBe(code);
}

function run(userId: string, tool: string, outcome: "succeeded" | "failed"): ExecutionRecord {
  return {
    userId, sessionId: null, runId: null, intent: "LOAN_CONSULT", queryPattern: "LOAN_CONSULT|annualIncome", strategy: "parallel",
    success: outcome === "succeeded", durationMs: 700, tools: [{ tool, outcome, latencyMs: 120, error: outcome === "failed" ? "boom" : undefined }],
  };
}

const decision = { strategy: "parallel" as const, confidence: 0.9, reasoning: "r", calls: [], conflicts: [], duplicatesAvoided: 0, concurrencyLimit: 3, memoryNotes: ["n"], source: "rules" as const };

describe("memory router", () => {
  it("mine shows the caller's own statistics and patterns only; clear forgets them", async () => {
    const { db } = await testDatabase();
    const me = await createTestUser();
    const other = await createTestUser();
    const tool = `probe_${randomUUID().slice(0, 8)}`;
    await recordExecution(db, run(me.userId, tool, "failed"));
    await recordExecution(db, run(other.userId, tool, "succeeded"));

    const caller = await callerFor(me.userId);
    const mine = await caller.memory.mine();
    expect(mine.preferences).toEqual([{ scope: "user", tool, intent: "LOAN_CONSULT", successRate: 0.45, avgLatencyMs: 120, count: 1, lastError: "boom" }]);
    expect(mine.patterns.map((p) => p.queryPattern)).toEqual(["LOAN_CONSULT|annualIncome"]);

    expect(await caller.memory.clear()).toEqual({ patterns: 1, stats: 1, cache: 0 });
    expect(await caller.memory.mine()).toEqual({ preferences: [], patterns: [] });
    expect((await (await callerFor(other.userId)).memory.mine()).patterns).toHaveLength(1);
  });

  it("refuses anonymous callers and non-admins", async () => {
    const { userId } = await createTestUser();
    await expectCode((await callerFor(null)).memory.mine(), "UNAUTHORIZED");
    const user = await callerFor(userId);
    await expectCode(user.memory.global(), "UNAUTHORIZED");
    await expectCode(user.memory.forUser({ userId }), "UNAUTHORIZED");
    await expectCode(user.memory.clearUser({ userId }), "UNAUTHORIZED");
  });

  it("lets an admin read a user's memory, global statistics, history and cache", async () => {
    const { db } = await testDatabase();
    const { userId } = await createTestUser();
    const tool = `probe_${randomUUID().slice(0, 8)}`;
    for (const outcome of ["succeeded", "succeeded", "failed"] as const) await recordExecution(db, run(userId, tool, outcome));
    await putCachedDecision(db, { userId, queryPattern: "LOAN_CONSULT|annualIncome", flagsHash: flagsHash({}), prefsVersion: "p1" }, decision);
    const admin = await callerFor(null, { name: "ops" });

    const forUser = await admin.memory.forUser({ userId });
    expect(forUser.preferences.map((p) => [p.tool, p.count])).toEqual([[tool, 3]]);
    expect(forUser.patterns).toHaveLength(3);

    const global = await admin.memory.global();
    expect(global.find((s) => s.tool === tool)).toMatchObject({ scope: "global", count: 3, lastError: "boom" });

    const points = await admin.memory.history({ scope: userId, tool, intent: "LOAN_CONSULT" });
    expect(points.map((p) => p.count)).toEqual([1, 2, 3]);
    expect(points[2].successRate).toBeCloseTo(0.5355, 12);
    expect(await admin.memory.history({ scope: userId, tool, intent: "LEGAL_CONSULT" })).toEqual([]);

    const cache = await admin.memory.cache({ userId });
    expect(cache).toHaveLength(1);
    expect(cache[0]).toMatchObject({ userId, strategy: "parallel", callCount: 0, memoryNotes: ["n"], hits: 0 });
    expect((await admin.memory.cache()).some((c) => c.userId === userId)).toBe(true);
    await expectCode(admin.memory.history({ scope: "nobody", tool }), "BAD_REQUEST");
  });

  it("clearUser forgets a user and writes an audit row", async () => {
    const { db } = await testDatabase();
    const { userId } = await createTestUser();
    await recordExecution(db, run(userId, `probe_${randomUUID().slice(0, 8)}`, "succeeded"));
    await putCachedDecision(db, { userId, queryPattern: "LOAN_CONSULT|", flagsHash: flagsHash({}), prefsVersion: "p1" }, decision);
    const admin = await callerFor(null, { name: "ops" });
    expect(await admin.memory.clearUser({ userId })).toEqual({ patterns: 1, stats: 1, cache: 1 });
    expect(await admin.memory.forUser({ userId })).toEqual({ preferences: [], patterns: [] });
    const audit = await db.select().from(adminAudit).where(and(eq(adminAudit.resourceType, "memory"), eq(adminAudit.resourceId, userId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "clear", actor: "ops", before: { patterns: 1, stats: 1, cache: 1 }, after: { patterns: 0, stats: 0, cache: 0 } });
  });
});
