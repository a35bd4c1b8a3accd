// loadMemory and clearMemory against the real database: which patterns and statistics a run sees,
// in which order, and that forgetting a user removes everything of theirs and nothing of others'.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestUser, testDatabase } from "../../test/db";
import { executionPatterns, toolStatHistory, toolStats, type PatternToolRecord } from "../db/schema";
import { flagsHash } from "./cache-key";
import { clearMemory } from "./clear";
import { loadMemory } from "./load";
import { recordExecution } from "./record";
import { getCachedDecision, putCachedDecision } from "./strategy-cache";
import type { ExecutionRecord } from "./types";

async function seedPatterns(userId: string, rows: { intent: string; success: boolean; minutesAgo: number; strategy?: string }[]) {
  const { db } = await testDatabase();
  await db.insert(executionPatterns).values(rows.map((r) => ({
    userId, intent: r.intent, queryPattern: `${r.intent}|region`, strategy: r.strategy ?? "parallel",
    tools: [{ tool: "market_data", outcome: r.success ? "succeeded" : "failed", latencyMs: 10 } satisfies PatternToolRecord],
    success: r.success, durationMs: r.minutesAgo, createdAt: new Date(Date.now() - r.minutesAgo * 60_000),
  })));
}

function rec(userId: string, tool: string, intent = "MARKET_INQUIRY"): ExecutionRecord {
  return { userId, sessionId: null, runId: randomUUID(), intent, queryPattern: `${intent}|`, strategy: "parallel", success: true, durationMs: 10, tools: [{ tool, outcome: "succeeded", latencyMs: 10 }] };
}

describe("loadMemory", () => {
  it("takes the newest patterns, then lists successful ones first, newest first", async () => {
    const { db } = await testDatabase();
    const { userId } = await createTestUser();
    await seedPatterns(userId, [
      { intent: "MARKET_INQUIRY", success: false, minutesAgo: 1 },
      { intent: "MARKET_INQUIRY", success: true, minutesAgo: 2 },
      { intent: "LEGAL_CONSULT", success: false, minutesAgo: 3 },
      { intent: "MARKET_INQUIRY", success: true, minutesAgo: 4 },
      { intent: "MARKET_INQUIRY", success: true, minutesAgo: 5 }, // the 5th newest: outside limit 4
    ]);
    const { patterns } = await loadMemory(db, userId, { limit: 4 });
    expect(patterns.map((p) => [p.success, p.durationMs])).toEqual([[true, 2], [true, 4], [false, 1], [false, 3]]);
    expect(patterns[0]).toMatchObject({ intent: "MARKET_INQUIRY", queryPattern: "MARKET_INQUIRY|region", strategy: "parallel" });
    expect(patterns[0].tools).toEqual([{ tool: "market_data", outcome: "succeeded", latencyMs: 10 }]);

    const legal = await loadMemory(db, userId, { intent: "LEGAL_CONSULT" });
    expect(legal.patterns.map((p) => p.durationMs)).toEqual([3]);
    expect((await loadMemory(db, userId)).patterns).toHaveLength(5);
  });

  it("returns the user's and global statistics, not other users'", async () => {
    const { db } = await testDatabase();
    const { userId } = await createTestUser();
    const other = await createTestUser();
    const tool = `probe_${randomUUID().slice(0, 8)}`;
    await recordExecution(db, rec(userId, tool));
    await recordExecution(db, rec(other.userId, tool));
    await recordExecution(db, rec(userId, tool, "LOAN_CONSULT"));
    const { preferences } = await loadMemory(db, userId, { intent: "MARKET_INQUIRY" });
    const mine = preferences.filter((p) => p.tool === tool);
    expect(mine.map((p) => [p.scope, p.intent, p.count])).toEqual([["global", "MARKET_INQUIRY", 2], ["user", "MARKET_INQUIRY", 1]]);
    expect(mine[1]).toMatchObject({ successRate: 0.55, avgLatencyMs: 10, lastError: null });
    const all = (await loadMemory(db, userId)).preferences.filter((p) => p.tool === tool && p.scope === "user");
    expect(all.map((p) => p.intent)).toEqual(["LOAN_CONSULT", "MARKET_INQUIRY"]);
  });

  it("is empty for a new user and rejects bad input", async () => {
    const { db } = await testDatabase();
    const { userId } = await createTestUser();
    const { patterns, preferences } = await loadMemory(db, userId);
    expect(patterns).toEqual([]);
    expect(preferences.every((p) => p.scope === "global")).toBe(true);
    await expect(loadMemory(db, "someone")).rejects.toThrow(/userId must be a uuid/);
    await expect(loadMemory(db, userId, { limit: 0 })).rejects.toThrow(/limit/);
  });
});

describe("clearMemory", () => {
  it("removes the user's patterns, statistics, history and cache; the next load is empty; others and global stay", async () => {
    const { db } = await testDatabase();
    const { userId } = await createTestUser();
    const other = await createTestUser();
    const tool = `probe_${randomUUID().slice(0, 8)}`;
    for (const u of [userId, other.userId]) {
      await recordExecution(db, rec(u, tool));
      await recordExecution(db, rec(u, `${tool}_b`, "LOAN_CONSULT"));
    }
    const lookup = (u: string) => ({ userId: u, queryPattern: "MARKET_INQUIRY|", flagsHash: flagsHash({}), prefsVersion: "p1" });
    const decision = { strategy: "parallel" as const, confidence: 1, reasoning: "", calls: [], conflicts: [], duplicatesAvoided: 0, concurrencyLimit: 2, memoryNotes: [], source: "rules" as const };
    await putCachedDecision(db, lookup(userId), decision);
    await putCachedDecision(db, lookup(other.userId), decision);

    expect(await clearMemory(db, userId)).toEqual({ patterns: 2, stats: 2, cache: 1 });

    const after = await loadMemory(db, userId);
    expect(after.patterns).toEqual([]);
    expect(after.preferences.filter((p) => p.scope === "user")).toEqual([]);
    expect(after.preferences.filter((p) => p.tool === tool).map((p) => [p.scope, p.count])).toEqual([["global", 2]]);
    expect(await getCachedDecision(db, lookup(userId))).toBeNull();
    expect(await db.$count(toolStatHistory, eq(toolStatHistory.scope, userId))).toBe(0);

    const theirs = await loadMemory(db, other.userId);
    expect(theirs.patterns).toHaveLength(2);
    expect(theirs.preferences.filter((p) => p.scope === "user")).toHaveLength(2);
    expect(await getCachedDecision(db, lookup(other.userId))).not.toBeNull();
    expect(await db.$count(toolStats, and(eq(toolStats.scope, "global"), eq(toolStats.tool, tool)))).toBe(1);

    expect(await clearMemory(db, userId)).toEqual({ patterns: 0, stats: 0, cache: 0 });
  });
});
