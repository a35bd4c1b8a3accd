// The memory router through a tRPC caller against the real database: a user sees and clears only
// their own memory; admin procedures need an admin, read any user and global, and audit a clear.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createCallerFactory, router } from "../init";
import { memoryRouter } from "./memory";
import { createTestUser, testDatabase } from "../../../test/db";
import { expectTrpcCode, testContext } from "../../../test/trpc";
import { recordExecution } from "../../memory";
import type { ExecutionRecord } from "../../memory";

const createCaller = createCallerFactory(router({ memory: memoryRouter }));

async function callerFor(userId: string | null, admin: { name: string } | null = null) {
  return createCaller(await testContext(userId, admin));
}

function run(userId: string, tool: string, outcome: "succeeded" | "failed"): ExecutionRecord {
  return {
    userId, sessionId: null, runId: null, intent: "LOAN_CONSULT", queryPattern: "LOAN_CONSULT|annualIncome", strategy: "parallel",
    success: outcome === "succeeded", durationMs: 700, tools: [{ tool, outcome, latencyMs: 120, error: outcome === "failed" ? "boom" : undefined }],
  };
}


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

  it("refuses anonymous callers, and offers a user nothing but their own memory", async () => {
    const { userId } = await createTestUser();
    await expectTrpcCode((await callerFor(null)).memory.mine(), "UNAUTHORIZED");
    await expectTrpcCode((await callerFor(null)).memory.clear(), "UNAUTHORIZED");
    // A signed-in user reaches only their own memory: the router has no procedure taking a user id.
    expect(userId).toBeTruthy();
    expect(Object.keys(memoryRouter._def.procedures).sort()).toEqual(["clear", "mine"]);
  });
});
