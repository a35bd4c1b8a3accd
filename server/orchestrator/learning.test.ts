// Memory changes decisions, at the level of whole runs on the housing assistant: a tool that keeps
// failing for a user gets routed around (and the decision says so), another user is unaffected,
// memory_learning off reads and writes nothing, and clearing memory undoes the routing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { executionPatterns, toolStats } from "../db/schema";
import { clearMemory } from "../memory";
import { createHousingApp } from "../apps/housing/index";
import { createTestUser, testDatabase } from "../../test/db";
import { runTurn } from "../supervisor/service";

const QUESTION = "마포구 아파트 전세 시세 알려줘";
const ON = { orchestrator: true, memory_learning: true, strategy_cache: false, llm_decisions: false, parallel_execution: true };
const app = createHousingApp();

beforeEach(() => {
  process.env.ENSEMBLE_FAULTS = "market_data:error:1";
  process.env.ENSEMBLE_BACKOFF_MS = "1";
});
afterEach(() => {
  delete process.env.ENSEMBLE_FAULTS;
  delete process.env.ENSEMBLE_BACKOFF_MS;
});

async function ask(userId: string, flags = ON) {
  const database = await testDatabase();
  return runTurn(database, { userId, message: QUESTION, flagOverrides: flags }, { app });
}

const marketCall = (s: Awaited<ReturnType<typeof ask>>) => s.toolCalls.find((c) => c.tool === "market_data" || c.tool === "market_summary")!;

describe("learning from execution patterns", () => {
  it("routes around a tool that keeps failing for this user, explains it, and leaves other users alone", async () => {
    const burned = await createTestUser();
    const first = await ask(burned.userId);
    expect(first.status).toBe("completed");
    expect(first.toolCalls.some((c) => c.tool === "market_data" && c.status === "failed")).toBe(true); // tried, failed, fell back
    // The executor's own choices are decisions too: it retried, then fell back.
    expect(first.decisions.filter((d) => d.type === "recovery").map((d) => d.detail?.action)).toEqual(["retry", "fallback"]);
    let routed = first;
    for (let i = 0; i < 3 && !routed.decisions.some((d) => d.type === "tool_selection" && /market_summary/.test(d.reasoning) && /market_data/.test(d.reasoning)); i++) {
      routed = await ask(burned.userId);
    }
    const selection = routed.decisions.find((d) => d.type === "tool_selection")!;
    expect(selection.reasoning).toMatch(/routing around market_data → market_summary/);
    expect(routed.toolCalls.some((c) => c.tool === "market_data")).toBe(false); // not even tried
    expect(marketCall(routed)).toMatchObject({ tool: "market_summary", status: "succeeded" });

    // Same question, a user whose own history with market_data is good: their statistics outrank
    // the global ones, so their plan keeps market_data.
    const lucky = await createTestUser();
    delete process.env.ENSEMBLE_FAULTS;
    let other = await ask(lucky.userId);
    for (let i = 0; i < 3; i++) other = await ask(lucky.userId);
    expect(other.toolCalls.some((c) => c.tool === "market_data" && c.status === "succeeded"), JSON.stringify([other.decisions, other.toolCalls.map((c) => [c.tool, c.status])])).toBe(true);
    expect(other.decisions.find((d) => d.type === "tool_selection")!.reasoning).not.toMatch(/routing around/);
    process.env.ENSEMBLE_FAULTS = "market_data:error:1";

    // Clearing the burned user's memory resets the decision that depended on it.
    const database = await testDatabase();
    const cleared = await clearMemory(database.db, burned.userId);
    expect(cleared.patterns).toBeGreaterThan(0);
    delete process.env.ENSEMBLE_FAULTS;
    const after = await ask(burned.userId);
    expect(after.decisions.find((d) => d.type === "tool_selection")!.reasoning).not.toMatch(/routing around/);
    expect(after.toolCalls.some((c) => c.tool === "market_data")).toBe(true);
  }, 120_000);

  it("with memory_learning off reads nothing, writes nothing and never routes around", async () => {
    const { userId } = await createTestUser();
    const database = await testDatabase();
    for (let i = 0; i < 3; i++) {
      const s = await ask(userId, { ...ON, memory_learning: false });
      expect(s.toolCalls.some((c) => c.tool === "market_data")).toBe(true);
    }
    const patterns = await database.db.select().from(executionPatterns).where(eq(executionPatterns.userId, userId));
    const stats = await database.db.select().from(toolStats).where(eq(toolStats.scope, userId));
    expect(patterns).toHaveLength(0);
    expect(stats).toHaveLength(0);
    const [{ n }] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from strategy_cache where user_id = ${userId}`);
    expect(n).toBe(0);
  }, 60_000);
});
