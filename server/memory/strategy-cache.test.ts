// The strategy cache against the real database: hit, miss, hit counting, invalidation by flag change
// and by preference change (through real recorded runs), replacement of stale entries, expiry.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestUser, testDatabase } from "../../test/db";
import { strategyCache } from "../db/schema";
import type { OrchestrationDecision } from "../orchestrator/types";
import type { FlagSnapshot } from "../flags/types";
import type { PatternSummary, ToolPreference } from "./types";
import { flagsHash, prefsVersion, strategyCacheKey } from "./cache-key";
import { loadMemory } from "./load";
import { queryPatternOf } from "./query-pattern";
import { recordExecution } from "./record";
import { getCachedDecision, listCachedDecisions, putCachedDecision } from "./strategy-cache";

const flags: FlagSnapshot = {
  orchestrator: { value: true, reason: "default" },
  memory_learning: { value: true, reason: "rollout" },
};

function decision(strategy: OrchestrationDecision["strategy"]): OrchestrationDecision {
  return {
    strategy, confidence: 0.8, reasoning: "test", calls: [], conflicts: [], duplicatesAvoided: 0,
    concurrencyLimit: 4, memoryNotes: [], source: "rules",
  };
}

function pref(tool: string, successRate: number, count = 10, scope: "user" | "global" = "user", intent = "MARKET_INQUIRY"): ToolPreference {
  return { scope, tool, intent, successRate, avgLatencyMs: 300, count, lastError: null };
}

afterEach(() => {
  delete process.env.ENSEMBLE_STRATEGY_CACHE_TTL_S;
});

describe("cache key parts", () => {
  it("queryPatternOf keeps intent and the kinds of entities present, sorted, never values", () => {
    expect(queryPatternOf({
      intent: "MARKET_INQUIRY",
      entities: { region: "마포구", transactionType: "jeonse", deposit: 300_000_000, propertyType: "apartment", dates: [], buyerProfile: {} },
    })).toBe("MARKET_INQUIRY|deposit,propertyType,region,transactionType");
    expect(queryPatternOf({ intent: "LEGAL_CONSULT", entities: {} })).toBe("LEGAL_CONSULT|");
  });

  it("flagsHash depends on values only, not on order or on why a flag has its value", () => {
    const reordered: FlagSnapshot = { memory_learning: { value: true, reason: "override" }, orchestrator: { value: true, reason: "env" } };
    expect(flagsHash(reordered)).toBe(flagsHash(flags));
    expect(flagsHash({ ...flags, orchestrator: { value: false, reason: "kill" } })).not.toBe(flagsHash(flags));
  });

  it("prefsVersion moves on bucket and threshold crossings, not on small drifts", () => {
    const v = (prefs: ToolPreference[], patterns?: PatternSummary[]) => prefsVersion(prefs, "MARKET_INQUIRY", { patterns });
    expect(v([pref("market_data", 0.62)])).toBe(v([pref("market_data", 0.68)]));
    expect(v([pref("market_data", 0.68)])).not.toBe(v([pref("market_data", 0.71)]));
    expect(v([pref("market_data", 0.5)])).not.toBe(v([pref("market_data", 0.49)]));
    // Below the sample minimum a figure changes nothing, so it versions nothing.
    expect(v([pref("market_data", 0.1, 4)])).toBe(v([]));
    expect(v([pref("market_data", 0.1, 5)])).not.toBe(v([]));
    // Another intent's statistics do not touch this intent's version.
    expect(v([pref("market_data", 0.1, 50, "user", "LOAN_CONSULT")])).toBe(v([]));
    // A crossing of a custom routing threshold inside a bucket still moves it.
    process.env.ENSEMBLE_ROUTE_AROUND_BELOW = "0.45";
    try {
      expect(v([pref("market_data", 0.44)])).not.toBe(v([pref("market_data", 0.46)]));
    } finally {
      delete process.env.ENSEMBLE_ROUTE_AROUND_BELOW;
    }
    // Strategy evidence that flips moves it too.
    const run = (strategy: string, success: boolean): PatternSummary => ({ runId: null, intent: "MARKET_INQUIRY", queryPattern: "MARKET_INQUIRY|", strategy, success, durationMs: 1000, tools: [], createdAt: new Date().toISOString() });
    const even = [run("parallel", true), run("parallel", true), run("parallel", true), run("sequential", true), run("sequential", true), run("sequential", true)];
    const parallelWorse = [run("parallel", false), run("parallel", true), run("parallel", true), ...even.slice(3)];
    expect(v([], even)).not.toBe(v([], parallelWorse));
    // So does a routed-around tool falling due for another try (it sat out the last 5 runs).
    expect(v([pref("market_data", 0.2)], even.slice(0, 4))).not.toBe(v([pref("market_data", 0.2)], even.slice(0, 5)));
  });
});

describe("strategy cache", () => {
  it("misses, stores, hits (counting hits), and is per user", async () => {
    const { db } = await testDatabase();
    const { userId } = await createTestUser();
    const other = await createTestUser();
    const lookup = { userId, queryPattern: "MARKET_INQUIRY|region", flagsHash: flagsHash(flags), prefsVersion: prefsVersion([], "MARKET_INQUIRY") };
    expect(await getCachedDecision(db, lookup)).toBeNull();
    await putCachedDecision(db, lookup, decision("parallel"));
    expect(await getCachedDecision(db, lookup)).toEqual(decision("parallel"));
    expect(await getCachedDecision(db, lookup)).toEqual(decision("parallel"));
    expect(await getCachedDecision(db, { ...lookup, userId: other.userId })).toBeNull();
    const [entry] = await listCachedDecisions(db, { userId });
    expect(entry).toMatchObject({ key: strategyCacheKey(lookup), hits: 2, queryPattern: "MARKET_INQUIRY|region" });
    expect(Date.parse(entry.expiresAt) - Date.parse(entry.createdAt)).toBeGreaterThan(599_000);
  });

  it("misses after a flag changes", async () => {
    const { db } = await testDatabase();
    const { userId } = await createTestUser();
    const lookup = { userId, queryPattern: "LEGAL_CONSULT|", flagsHash: flagsHash(flags), prefsVersion: prefsVersion([], "LEGAL_CONSULT") };
    await putCachedDecision(db, lookup, decision("parallel"));
    const flipped = flagsHash({ ...flags, orchestrator: { value: false, reason: "override" } });
    expect(await getCachedDecision(db, { ...lookup, flagsHash: flipped })).toBeNull();
    expect(await getCachedDecision(db, lookup)).not.toBeNull();
  });

  it("misses once recorded runs push a tool's success rate across a boundary, and drops the stale entry", async () => {
    const { db } = await testDatabase();
    const { userId } = await createTestUser();
    // An intent of its own: global statistics other test files write at the same time would move the version.
    const intent = `TEST_${randomUUID().slice(0, 8)}`;
    const queryPattern = `${intent}|region`;
    const base = { userId, sessionId: null, runId: null, intent, queryPattern, strategy: "parallel", durationMs: 900 };
    for (let i = 0; i < 5; i++) await recordExecution(db, { ...base, success: true, tools: [{ tool: "market_data", outcome: "succeeded", latencyMs: 100 }] });
    const versionNow = async () => prefsVersion((await loadMemory(db, userId, { intent })).preferences, intent);
    const before = { userId, queryPattern, flagsHash: flagsHash(flags), prefsVersion: await versionNow() };
    await putCachedDecision(db, before, decision("parallel"));
    expect(await getCachedDecision(db, before)).not.toBeNull();

    // One more success (0.7048 → 0.7343) stays in its 0.7 bucket: still a hit.
    await recordExecution(db, { ...base, success: true, tools: [{ tool: "market_data", outcome: "succeeded", latencyMs: 100 }] });
    expect(await versionNow()).toBe(before.prefsVersion);
    // Failures drop it below 0.5: the preferences moved, the old entry cannot hit.
    for (let i = 0; i < 4; i++) await recordExecution(db, { ...base, success: false, tools: [{ tool: "market_data", outcome: "failed", latencyMs: 100 }] });
    const after = { ...before, prefsVersion: await versionNow() };
    expect(after.prefsVersion).not.toBe(before.prefsVersion);
    expect(await getCachedDecision(db, after)).toBeNull();

    await putCachedDecision(db, after, decision("sequential"));
    const rows = await db.select({ key: strategyCache.key }).from(strategyCache).where(eq(strategyCache.userId, userId));
    expect(rows.map((r) => r.key)).toEqual([strategyCacheKey(after)]);
    expect(await getCachedDecision(db, after)).toEqual(decision("sequential"));
  });

  it("expires after ENSEMBLE_STRATEGY_CACHE_TTL_S", async () => {
    const { db } = await testDatabase();
    const { userId } = await createTestUser();
    process.env.ENSEMBLE_STRATEGY_CACHE_TTL_S = "1";
    const lookup = { userId, queryPattern: "LOAN_CONSULT|annualIncome", flagsHash: flagsHash(flags), prefsVersion: "p0" };
    await putCachedDecision(db, lookup, decision("adaptive"));
    expect(await getCachedDecision(db, lookup)).not.toBeNull();
    await new Promise((r) => setTimeout(r, 1200));
    expect(await getCachedDecision(db, lookup)).toBeNull();
    // Storing again refreshes it.
    await putCachedDecision(db, lookup, decision("adaptive"));
    expect(await getCachedDecision(db, lookup)).not.toBeNull();
  });

  it("rejects incomplete lookups", async () => {
    const { db } = await testDatabase();
    const { userId } = await createTestUser();
    await expect(getCachedDecision(db, { userId, queryPattern: "", flagsHash: "x", prefsVersion: "y" })).rejects.toThrow(/queryPattern/);
    await expect(getCachedDecision(db, { userId: "u1", queryPattern: "q", flagsHash: "x", prefsVersion: "y" })).rejects.toThrow(/uuid/);
  });
});
