// A run's row changes indexed columns only in its last update, so its other updates can be HOT (run-columns.ts):
// checked against the indexes the database really has, and the columns still end up right.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createW1App, w1Query } from "../../scripts/bench/w1-app";
import { createTestUser, testDatabase } from "../../test/db";
import type { Database } from "../db/client";
import { runs, toolCalls } from "../db/schema";
import { createScriptedApp } from "../orchestrator/scripted-app.fixture";
import { runTurn, startRun } from "./service";
import { getRunSummary } from "./summary";

const FLAGS = { orchestrator: true, memory_learning: false, llm_decisions: false, strategy_cache: false };

/** The database handle, with every statement's parameters recorded: the runs patch is a flush's one JSON object. */
function recording(database: Database): { database: Database; flushes: { patch: Record<string, unknown>; ending: boolean }[] } {
  const flushes: { patch: Record<string, unknown>; ending: boolean }[] = [];
  const sql = new Proxy(database.sql, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop !== "unsafe") return value;
      return (text: string, args?: unknown[], opts?: unknown) => {
        const parsed = (args ?? []).map((a) => { try { return typeof a === "string" ? JSON.parse(a) : null; } catch { return null; } });
        const patch = parsed.find((p) => p !== null && typeof p === "object" && !Array.isArray(p));
        if (patch && /update "runs"/.test(text)) flushes.push({ patch, ending: (args ?? []).some((a) => typeof a === "string" && a.includes('"run_completed"')) });
        return (value as (...a: unknown[]) => unknown).call(target, text, args, opts);
      };
    },
  });
  return { database: { ...database, sql }, flushes };
}

describe("a run's indexed columns", () => {
  it("change only in its last update, and end up as the run was", async () => {
    const base = await testDatabase();
    const { userId } = await createTestUser();
    const { database, flushes } = recording(base);
    const done = await runTurn(database, { userId, message: w1Query(70), flagOverrides: FLAGS }, { app: createW1App({ latencyMs: 0 }) });

    // Every column any index of runs reads: key columns, and those of expressions and partial-index predicates.
    const indexed = (await base.sql<{ attname: string }[]>`
      select distinct a.attname from pg_index i
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum > 0 and not a.attisdropped
      where i.indrelid = 'runs'::regclass and (a.attnum = any (i.indkey)
        or coalesce(pg_get_expr(i.indpred, i.indrelid), '') ~ ('\\m' || a.attname || '\\M')
        or coalesce(pg_get_expr(i.indexprs, i.indrelid), '') ~ ('\\m' || a.attname || '\\M'))`).map((r) => r.attname);
    expect(indexed).toEqual(expect.arrayContaining(["intent", "strategy", "status", "tool_call_count", "decision_sources"]));

    const middle = flushes.filter((f) => !f.ending);
    expect(middle.length).toBeGreaterThanOrEqual(3); // planning, execute, aggregate
    for (const f of middle) expect(Object.keys(f.patch).filter((k) => indexed.includes(k)), JSON.stringify(Object.keys(f.patch))).toEqual([]);
    const last = flushes.filter((f) => f.ending);
    expect(last).toHaveLength(1);
    expect(Object.keys(last[0].patch)).toEqual(expect.arrayContaining(["intent", "strategy", "orchestrated", "tool_call_count", "retries", "decision_sources", "status"]));

    const [row] = await base.db.select().from(runs).where(eq(runs.id, done.runId));
    const calls = await base.db.select().from(toolCalls).where(eq(toolCalls.runId, done.runId));
    expect(row).toMatchObject({ status: "completed", intent: "W1_WORKLOAD", strategy: "parallel", orchestrated: true, retries: 0 });
    expect(row.toolCallCount).toBe(calls.length);
    expect(row.decisionSources).toEqual(["rules"]);
  });

  it("are read from the events while the run is still running", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    const { runId, done } = await startRun(database, { userId, message: w1Query(71), flagOverrides: FLAGS }, { app: createW1App({ latencyMs: 400 }) });
    let seen = null;
    for (let i = 0; i < 300 && !seen; i++) {
      const s = await getRunSummary(database, runId, { userId, admin: false });
      if (s?.status === "running" && s.strategy !== null) seen = s;
      else await new Promise((r) => setTimeout(r, 5));
    }
    expect(seen).toMatchObject({ status: "running", intent: "W1_WORKLOAD", strategy: "parallel", orchestrated: true });
    const [row] = await database.db.select().from(runs).where(eq(runs.id, runId));
    expect(row.status === "running" ? row.intent : null).toBeNull(); // not in the row until the end
    await done;
  });

  it("are written when the run's failure has to be recorded without its writer", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    // A NUL character is valid JSON but not storable in jsonb: every flush carrying the output fails.
    const app = createScriptedApp([{ name: "nul", behaviour: async () => ({ text: "a\u0000b" }) }], [{ name: "a", requests: () => [{ tool: "nul", args: {} }] }]);
    const done = await runTurn(database, { userId, message: "nul output", flagOverrides: FLAGS }, { app });
    const [row] = await database.db.select().from(runs).where(eq(runs.id, done.runId));
    expect(row.status).toBe("failed");
    expect(row).toMatchObject({ intent: "W1_WORKLOAD", orchestrated: true });
    expect(row.decisionSources).toEqual(["rules"]);
  });
});
