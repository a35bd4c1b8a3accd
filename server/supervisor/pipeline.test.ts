// The supervisor pipeline end to end on a real PostgreSQL: checkpoints per node, gap-free events,
// exact replay from any Last-Event-ID.
import { describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { checkpoints, runs, toolCalls } from "../db/schema";
import { createW1App, w1Query } from "../../scripts/bench/w1-app";
import { createTestUser, testDatabase } from "../../test/db";
import { collectRunEvents } from "../../test/events";
import { runTurn } from "./service";

const FLAGS = { orchestrator: true, memory_learning: false, llm_decisions: false, strategy_cache: false };

describe("supervisor pipeline", () => {
  it("writes one checkpoint per node and a gap-free, ordered, valid event log", async () => {
    const database = await testDatabase();
    const { userId, sessionId } = await createTestUser();
    const summary = await runTurn(database, { userId, sessionId, message: w1Query(1), flagOverrides: FLAGS }, { app: createW1App({ latencyMs: 0 }) });
    expect(summary.status).toBe("completed");
    expect(summary.answer).toHaveLength(500);

    const cps = await database.db.select().from(checkpoints).where(eq(checkpoints.runId, summary.runId)).orderBy(asc(checkpoints.seq));
    expect(cps.map((c) => c.node)).toEqual(["initialize", "planning", "execute", "aggregate", "respond"]);
    expect(cps.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5]);
    expect((cps[4].state as { finalResponse: { answer: string } }).finalResponse.answer).toBe(summary.answer);

    const events = await collectRunEvents(database, summary.runId);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events[0].type).toBe("run_started");
    expect(events.at(-1)!.type).toBe("run_completed");
    const types = new Set(events.map((e) => e.type));
    for (const t of ["planning_start", "plan_ready", "execution_start", "todo_updated", "orchestration_started", "orchestration_decision", "tool_decision_made", "orchestration_complete", "tool_call_started", "tool_call_finished", "checkpoint_saved", "answer_delta"]) {
      expect(types.has(t as never), t).toBe(true);
    }
    const [row] = await database.db.select().from(runs).where(eq(runs.id, summary.runId));
    expect(row.lastSeq).toBe(events.length);
    // todo_updated is a snapshot: with 0 ms tools every call starts and settles before the execute node's commit,
    // so that commit carries one (RunWriter.emitSnapshot), after planning's; the last has every step finished.
    const todos = events.flatMap((e) => (e.type === "todo_updated" ? [e] : []));
    expect(todos).toHaveLength(2);
    expect(todos[1].steps.map((st) => st.status)).toEqual(todos[1].steps.map(() => "completed"));
    expect(todos[1].overallProgress).toBe(100);
    // One decision vocabulary: the live stream and the stored summary list the same decisions, respond included.
    const live = events.flatMap((e) => (e.type === "orchestration_decision" ? [`${e.decisionType}:${e.source}:${e.reasoning}`] : []));
    expect(live).toEqual(summary.decisions.map((d) => `${d.type}:${d.source}:${d.reasoning}`));
    expect(summary.decisions.map((d) => d.type)).toEqual(["plan", "strategy", "tool_selection", "respond"]);
  });

  it("replays exactly the remaining events from any Last-Event-ID", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    const summary = await runTurn(database, { userId, message: w1Query(2), flagOverrides: FLAGS }, { app: createW1App({ latencyMs: 0 }) });
    const all = await collectRunEvents(database, summary.runId);
    for (const after of [0, 1, 5, Math.floor(all.length / 2), all.length - 1]) {
      const rest = await collectRunEvents(database, summary.runId, after);
      expect(rest.map((e) => e.seq)).toEqual(all.slice(after).map((e) => e.seq));
      expect(rest).toEqual(all.slice(after));
    }
  });

  it("follows a run live from the start with nothing missing and nothing doubled", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    const { startRun } = await import("./service");
    const { runId, done } = await startRun(database, { userId, message: w1Query(3), flagOverrides: FLAGS }, { app: createW1App({ latencyMs: 30 }) });
    const [live] = await Promise.all([collectRunEvents(database, runId), done]);
    expect(live.map((e) => e.seq)).toEqual(live.map((_, i) => i + 1));
    expect(live.at(-1)!.type).toBe("run_completed");
    expect(live).toEqual(await collectRunEvents(database, runId));
  });

  it("runs each distinct tool call once and shares it with every team that asked", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    const summary = await runTurn(database, { userId, message: w1Query(4), flagOverrides: FLAGS }, { app: createW1App({ latencyMs: 0 }) });
    const rows = await database.db.select().from(toolCalls).where(eq(toolCalls.runId, summary.runId));
    expect(rows.map((r) => r.tool).sort()).toEqual(["contract_template", "legal_search", "market_data", "risk_calc"]);
    expect(rows.find((r) => r.tool === "market_data")!.teams.sort()).toEqual(["analysis", "search"]);
    expect(rows.find((r) => r.tool === "legal_search")!.teams.sort()).toEqual(["document", "search"]);
    expect(summary.duplicatesAvoided).toBe(2);
    expect(summary.orchestrated).toBe(true);
    expect(summary.steps.every((s) => s.status === "completed" && s.progress_percentage === 100)).toBe(true);
  });

  it("takes the legacy path with the orchestrator flag off: every request runs, duplicates included", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    const summary = await runTurn(database, { userId, message: w1Query(5), flagOverrides: { ...FLAGS, orchestrator: false } }, { app: createW1App({ latencyMs: 0 }) });
    expect(summary.status).toBe("completed");
    expect(summary.orchestrated).toBe(false);
    expect(summary.strategy).toBe("legacy");
    expect(summary.toolCalls).toHaveLength(6);
  });

  it("falls back to the legacy path, and says so, when the orchestrator throws", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    const broken = { kind: "rules" as const, orchestrate: async () => { throw new Error("boom"); } };
    const summary = await runTurn(database, { userId, message: w1Query(6), flagOverrides: FLAGS }, { app: createW1App({ latencyMs: 0 }), deciders: { orchestrator: broken } });
    expect(summary.status).toBe("completed");
    expect(summary.orchestrated).toBe(false);
    expect(summary.toolCalls).toHaveLength(6);
    const events = await collectRunEvents(database, summary.runId);
    const fallback = events.find((e) => e.type === "orchestration_decision" && e.decisionType === "fallback");
    expect(fallback && "reasoning" in fallback ? fallback.reasoning : "").toMatch(/boom/);
    expect(summary.decisions.some((d) => d.type === "fallback")).toBe(true);
  });
});
