// A run's row is written when the run is created and by its last flush only (run-columns.ts): no flush in between
// updates it, the columns still end up right, and a running run's summary is read from its events and checkpoints.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createW1App, w1Query } from "../../scripts/bench/w1-app";
import { createTestUser, testDatabase } from "../../test/db";
import { collectRunEvents } from "../../test/events";
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
        if (/update "runs"/.test(text)) flushes.push({ patch: patch ?? {}, ending: (args ?? []).some((a) => typeof a === "string" && a.includes('"run_completed"')) });
        return (value as (...a: unknown[]) => unknown).call(target, text, args, opts);
      };
    },
  });
  return { database: { ...database, sql }, flushes };
}

describe("a run's row", () => {
  it("is updated only by its last flush, and ends up as the run was", async () => {
    const base = await testDatabase();
    const { userId } = await createTestUser();
    const { database, flushes } = recording(base);
    const done = await runTurn(database, { userId, message: w1Query(70), flagOverrides: FLAGS }, { app: createW1App({ latencyMs: 0 }) });

    // Planning, execute and aggregate flushed without touching the row; only the last flush wrote it, once.
    expect(flushes).toHaveLength(1);
    expect(flushes[0].ending).toBe(true);
    expect(Object.keys(flushes[0].patch)).toEqual(expect.arrayContaining([
      "intent", "strategy", "orchestrated", "tool_call_count", "retries", "decision_sources", "status", "duration_ms", "lease_expires_at",
      "steps", "decisions", "orchestration", "teams", "aspects", "question_type", "duplicates_avoided", "last_seq",
    ]));

    const [row] = await base.db.select().from(runs).where(eq(runs.id, done.runId));
    const calls = await base.db.select().from(toolCalls).where(eq(toolCalls.runId, done.runId));
    expect(row).toMatchObject({
      status: "completed", intent: "W1_WORKLOAD", strategy: "parallel", orchestrated: true, retries: 0, aspects: ["workload"], questionType: "other",
      teams: ["search", "analysis", "document"], duplicatesAvoided: 2,
    });
    expect(row.toolCallCount).toBe(calls.length);
    expect(row.decisionSources).toEqual(["rules"]);
    expect((row.steps as { status: string }[]).map((s) => s.status)).toEqual(["completed", "completed", "completed"]);
    expect((row.orchestration as { strategy: string; calls: unknown[] })).toMatchObject({ strategy: "parallel", calls: expect.any(Array) });
    expect((row.decisions as { type: string }[]).map((d) => d.type)).toEqual(done.decisions.map((d) => d.type));
    expect(row.lastSeq).toBe((await base.sql<{ n: number }[]>`select max(seq)::int as n from run_events where run_id = ${done.runId}`)[0].n);
  });

  it("is read from the run's events and checkpoints while the run is still running", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    const { runId, done } = await startRun(database, { userId, message: w1Query(71), flagOverrides: FLAGS }, { app: createW1App({ latencyMs: 400 }) });
    // Read once the four calls' starts are committed (their 400 ms keep the run going): the decisions and the steps'
    // moves may commit in separate flushes, so a summary read as soon as the strategy shows can still see steps pending.
    let seen = null;
    for (let i = 0; i < 300 && !seen; i++) {
      const [{ started }] = await database.sql<{ started: number }[]>`
        select count(*)::int as started from run_events where run_id = ${runId} and type = 'tool_call_started'`;
      const s = started >= 4 ? await getRunSummary(database, runId, { userId, admin: false }) : null;
      if (s?.status === "running" && s.strategy !== null) seen = s;
      else await new Promise((r) => setTimeout(r, 5));
    }
    expect(seen).toMatchObject({
      status: "running", intent: "W1_WORKLOAD", strategy: "parallel", orchestrated: true, aspects: ["workload"], questionType: "other",
      teams: ["search", "analysis", "document"], duplicatesAvoided: 2,
    });
    // The steps as the tool calls move them, and the decisions so far, each as its event carried it.
    expect(seen!.steps.map((s) => s.status)).toEqual(["in_progress", "in_progress", "in_progress"]);
    const decided = (await collectRunEvents(database, runId)).filter((e) => e.type === "orchestration_decision");
    expect(seen!.decisions.map((d) => [d.type, d.at])).toEqual(decided.slice(0, seen!.decisions.length).map((e) => [e.decisionType, e.at]));
    expect(seen!.decisions.map((d) => d.type)).toEqual(expect.arrayContaining(["plan", "strategy"]));
    const [row] = await database.db.select().from(runs).where(eq(runs.id, runId));
    // Not in the row until the end.
    if (row.status === "running") expect(row).toMatchObject({ intent: null, steps: [], teams: [], decisions: [] });
    await done;
    const after = await getRunSummary(database, runId, { userId, admin: false });
    expect(after).toMatchObject({ status: "completed", intent: "W1_WORKLOAD", teams: ["search", "analysis", "document"], duplicatesAvoided: 2 });
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
