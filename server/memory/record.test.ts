// recordExecution against the real database: the EMA formula on exact sequences, user + global
// scopes, history points, last errors, and no lost updates when one user's runs finish together.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { createTestUser, testDatabase } from "../../test/db";
import { executionPatterns, toolStatHistory, toolStats } from "../db/schema";
import { nextSuccessRate } from "./ema";
import { recordExecution } from "./record";
import { clearMemory } from "./clear";
import { loadMemory } from "./load";
import type { ExecutionRecord, ToolObservation } from "./types";

function record(userId: string, tools: ToolObservation[], over: Partial<ExecutionRecord> = {}): ExecutionRecord {
  return {
    userId, sessionId: null, runId: null, intent: "MARKET_INQUIRY", queryPattern: "MARKET_INQUIRY|region",
    strategy: "parallel", tools, success: tools.every((t) => t.outcome !== "failed"), durationMs: 1200, ...over,
  };
}

async function stat(scope: string, tool: string, intent = "MARKET_INQUIRY") {
  const { db } = await testDatabase();
  const [row] = await db.select().from(toolStats).where(and(eq(toolStats.scope, scope), eq(toolStats.tool, tool), eq(toolStats.intent, intent)));
  return row;
}

describe("recordExecution", () => {
  it("follows the EMA exactly: S,S,F → 0.55, 0.595, 0.5355 (user and global)", async () => {
    const { db } = await testDatabase();
    const { userId } = await createTestUser();
    const tool = `probe_${randomUUID().slice(0, 8)}`;
    const seen: number[] = [];
    for (const outcome of ["succeeded", "retried", "failed"] as const) {
      await db.transaction((tx) => recordExecution(tx, record(userId, [{ tool, outcome, latencyMs: 100, error: outcome === "failed" ? "HTTP 503" : undefined }])));
      seen.push((await stat(userId, tool)).successRate);
    }
    expect(seen[0]).toBeCloseTo(0.55, 12);
    expect(seen[1]).toBeCloseTo(0.595, 12);
    expect(seen[2]).toBeCloseTo(0.5355, 12);
    const global = await stat("global", tool);
    expect(global.successRate).toBeCloseTo(0.5355, 12);
    expect(global.count).toBe(3);
    const user = await stat(userId, tool);
    expect(user.lastError).toBe("HTTP 503");
    expect(user.lastErrorAt).toBeInstanceOf(Date);
  });

  it("matches the JS formula on a long mixed sequence, fallbacks counting as failures", async () => {
    const { db } = await testDatabase();
    const { userId } = await createTestUser();
    const tool = `probe_${randomUUID().slice(0, 8)}`;
    const outcomes = ["failed", "fell_back", "succeeded", "succeeded", "failed", "retried", "fell_back", "succeeded"] as const;
    let expected = 0.5;
    for (const outcome of outcomes) {
      expected = nextSuccessRate(expected, outcome === "succeeded" || outcome === "retried");
      await recordExecution(db, record(userId, [{ tool, outcome, latencyMs: 50 }]));
    }
    const row = await stat(userId, tool);
    expect(row.successRate).toBeCloseTo(expected, 12);
    expect(row.count).toBe(outcomes.length);
    // Without a message a failure still leaves what happened.
    expect(row.lastError).toBe("fell_back");
  });

  it("applies two calls of one tool in one run in order, latency as an EMA seeded by the first sample", async () => {
    const { db } = await testDatabase();
    const { userId } = await createTestUser();
    const tool = `probe_${randomUUID().slice(0, 8)}`;
    await recordExecution(db, record(userId, [
      { tool, outcome: "succeeded", latencyMs: 1000 },
      { tool: `${tool}_other`, outcome: "succeeded", latencyMs: 10 },
      { tool, outcome: "failed", latencyMs: 2000, error: "timeout" },
    ]));
    const row = await stat(userId, tool);
    expect(row.successRate).toBeCloseTo(0.9 * 0.55, 12);
    expect(row.avgLatencyMs).toBeCloseTo(0.8 * 1000 + 0.2 * 2000, 9);
    expect(row.count).toBe(2);
    const history = await db.select().from(toolStatHistory)
      .where(and(eq(toolStatHistory.scope, userId), eq(toolStatHistory.tool, tool))).orderBy(asc(toolStatHistory.id));
    expect(history).toHaveLength(2);
    expect(history[0].successRate).toBeCloseTo(0.55, 12);
    expect(history[1].successRate).toBe(row.successRate);
    expect(history[1].avgLatencyMs).toBe(row.avgLatencyMs);
    expect(history.map((h) => h.count)).toEqual([1, 2]);
  });

  it("saves the pattern with its normalised query, strategy and per-tool outcomes", async () => {
    const { db } = await testDatabase();
    const { userId, sessionId } = await createTestUser();
    await recordExecution(db, record(userId, [{ tool: "market_data", outcome: "fell_back", latencyMs: 812.4 }, { tool: "market_summary", outcome: "succeeded", latencyMs: 40 }], { sessionId, success: true, strategy: "sequential" }));
    const rows = await db.select().from(executionPatterns).where(eq(executionPatterns.userId, userId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ sessionId, intent: "MARKET_INQUIRY", queryPattern: "MARKET_INQUIRY|region", strategy: "sequential", success: true, durationMs: 1200 });
    expect(rows[0].tools).toEqual([{ tool: "market_data", outcome: "fell_back", latencyMs: 812 }, { tool: "market_summary", outcome: "succeeded", latencyMs: 40 }]);
  });

  it("loses no update when 20 runs of one user finish at the same time", async () => {
    const { db } = await testDatabase();
    const { userId } = await createTestUser();
    const tool = `probe_${randomUUID().slice(0, 8)}`;
    const other = `${tool}_b`;
    await Promise.all(Array.from({ length: 20 }, (_, i) =>
      db.transaction((tx) => recordExecution(tx, record(userId, [
        // Opposite orders across runs would deadlock without the fixed lock order.
        ...(i % 2 ? [{ tool: other, outcome: "succeeded" as const, latencyMs: 5 }] : []),
        { tool, outcome: "succeeded", latencyMs: 10 },
        ...(i % 2 ? [] : [{ tool: other, outcome: "succeeded" as const, latencyMs: 5 }]),
      ])))));
    for (const scope of [userId, "global"]) {
      const row = await stat(scope, tool);
      expect(row.count).toBe(20);
      expect(row.successRate).toBeCloseTo(1 - 0.5 * 0.9 ** 20, 12);
      expect((await stat(scope, other)).count).toBe(20);
    }
    expect(await db.$count(executionPatterns, eq(executionPatterns.userId, userId))).toBe(20);
  });

  it("rejects a malformed record with a clear error and writes nothing", async () => {
    const { db } = await testDatabase();
    const { userId } = await createTestUser();
    await expect(recordExecution(db, record(userId, [{ tool: "x", outcome: "exploded" as never, latencyMs: 1 }]))).rejects.toThrow(/bad_request:memory.*outcome/s);
    await expect(recordExecution(db, record("not-a-uuid", []))).rejects.toThrow(/userId must be a uuid/);
    await expect(recordExecution(db, record(userId, [{ tool: "x", outcome: "succeeded", latencyMs: -1 }]))).rejects.toThrow(/latencyMs/);
    expect(await db.$count(executionPatterns, eq(executionPatterns.userId, userId))).toBe(0);
  });

  it("commits and rolls back with a raw postgres.js transaction, as RunWriter.inTransaction hands out", async () => {
    const { db, sql } = await testDatabase();
    const { userId } = await createTestUser();
    const tool = `probe_${randomUUID().slice(0, 8)}`;
    await sql.begin(async (tx) => {
      await recordExecution(tx, record(userId, [{ tool, outcome: "succeeded", latencyMs: 10 }]));
      // Memory's other writers work on the same handle, nested ones as savepoints.
      expect((await clearMemory(tx, userId)).patterns).toBe(1);
      await recordExecution(tx, record(userId, [{ tool, outcome: "failed", latencyMs: 10 }]));
    });
    expect((await stat(userId, tool)).successRate).toBeCloseTo(0.45, 12);
    await sql.begin(async (tx) => {
      await recordExecution(tx, record(userId, [{ tool, outcome: "succeeded", latencyMs: 10 }]));
      throw new Error("the run's final write failed");
    }).catch(() => undefined);
    expect((await stat(userId, tool)).count).toBe(1);
    expect((await loadMemory(sql, userId)).patterns).toHaveLength(1);
    expect(await db.$count(executionPatterns, eq(executionPatterns.userId, userId))).toBe(1);
  });
});
