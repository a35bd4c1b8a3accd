// The orchestrator's guarantees on a real database: shared calls, DAG order and overlap, the
// concurrency limit, retries, fallbacks, skips and timeouts — every run ends terminal.
import { afterEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { checkpoints, toolCalls } from "../db/schema";
import type { SupervisorState } from "../supervisor/types";
import { TransientToolError } from "../tools/types";
import { createScriptedApp, type ExecutionLog } from "./scripted-app.fixture";
import { createTestUser, testDatabase } from "../../test/db";
import { collectRunEvents } from "../../test/events";
import { runTurn } from "../supervisor/service";
import { buildToolPlan } from "./tool-plan";
import { backoffDelay } from "./policy";
import { FaultInjector, parseFaults } from "./faults";

const FLAGS = { orchestrator: true, memory_learning: false, llm_decisions: false, strategy_cache: false };
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ok = (ms: number, value: unknown = { items: [1] }) => async () => { await wait(ms); return value; };

async function run(app: ReturnType<typeof createScriptedApp>, flags: Record<string, boolean> = FLAGS) {
  const database = await testDatabase();
  const { userId } = await createTestUser();
  const summary = await runTurn(database, { userId, message: "scripted question", flagOverrides: flags }, { app });
  const rows = await database.db.select().from(toolCalls).where(eq(toolCalls.runId, summary.runId));
  return { summary, rows, database };
}

afterEach(() => {
  delete process.env.ENSEMBLE_MAX_CONCURRENCY;
});

describe("global tool registry", () => {
  it("records conflicting requests (same tool, other arguments) and runs both", async () => {
    const app = createScriptedApp(
      [{ name: "search", behaviour: ok(0) }],
      [
        { name: "a", requests: () => [{ tool: "search", args: { region: "마포구" } }] },
        { name: "b", requests: () => [{ tool: "search", args: { region: "강남구" } }, { tool: "search", args: { region: "마포구" } }] },
      ],
    );
    const { summary, rows } = await run(app);
    expect(rows).toHaveLength(2);
    expect(summary.duplicatesAvoided).toBe(1);
    const plan = buildToolPlan(
      [{ tool: "search", args: { region: "마포구" }, team: "a", stepId: "s" }, { tool: "search", args: { region: "강남구" }, team: "b", stepId: "t" }],
      app.tools.list(),
    );
    expect(plan.conflicts).toEqual([expect.objectContaining({ tool: "search", teams: ["a", "b"] })]);
  });

  it("keys calls by canonical arguments: key order does not matter", () => {
    const app = createScriptedApp([{ name: "t", behaviour: ok(0) }], []);
    const plan = buildToolPlan([
      { tool: "t", args: { a: 1, b: { c: 2, d: 3 } }, team: "x", stepId: "s" },
      { tool: "t", args: { b: { d: 3, c: 2 }, a: 1 }, team: "y", stepId: "s2" },
    ], app.tools.list());
    expect(plan.calls).toHaveLength(1);
    expect(plan.calls[0].teams).toEqual(["x", "y"]);
  });
});

describe("DAG execution", () => {
  it("waits for inputs, overlaps independent calls and hands results to consumers", async () => {
    const log: ExecutionLog[] = [];
    let seenInput: unknown;
    const app = createScriptedApp(
      [
        { name: "s1", behaviour: ok(80, { v: 1 }) },
        { name: "s2", behaviour: ok(80, { v: 2 }) },
        { name: "an", behaviour: async (_n, input) => { seenInput = input; return { done: true }; } },
      ],
      [
        { name: "search", requests: () => [{ tool: "s1", args: {} }, { tool: "s2", args: {} }] },
        { name: "analysis", requests: () => [{ tool: "an", args: {}, inputsFrom: { first: "s1", second: "s2" } }], dependsOn: ["search"] },
      ],
      log,
    );
    const { summary } = await run(app);
    expect(summary.status).toBe("completed");
    const [a, b] = log.filter((l) => l.tool !== "an");
    expect(a.start).toBeLessThan(b.end);
    expect(b.start).toBeLessThan(a.end); // overlapped
    const an = log.find((l) => l.tool === "an")!;
    expect(an.start).toBeGreaterThanOrEqual(Math.max(a.end, b.end));
    expect(seenInput).toEqual({ first: { v: 1 }, second: { v: 2 } });
  });

  it("honours the concurrency limit", async () => {
    process.env.ENSEMBLE_MAX_CONCURRENCY = "2";
    const log: ExecutionLog[] = [];
    const tools = ["t1", "t2", "t3", "t4", "t5"].map((name) => ({ name, behaviour: ok(60) }));
    const app = createScriptedApp(tools, [{ name: "search", requests: () => tools.map((t) => ({ tool: t.name, args: {} })) }], log);
    await run(app);
    const events = log.flatMap((l) => [{ t: l.start, d: 1 }, { t: l.end, d: -1 }]).sort((x, y) => x.t - y.t || x.d - y.d);
    let cur = 0;
    let max = 0;
    for (const e of events) max = Math.max(max, (cur += e.d));
    expect(max).toBe(2);
  });

  it("runs one call at a time in sequential mode (parallel_execution off)", async () => {
    const log: ExecutionLog[] = [];
    const tools = ["t1", "t2", "t3"].map((name) => ({ name, behaviour: ok(30) }));
    const app = createScriptedApp(tools, [{ name: "search", requests: () => tools.map((t) => ({ tool: t.name, args: {} })) }], log);
    const { summary } = await run(app, { ...FLAGS, parallel_execution: false });
    expect(summary.strategy).toBe("sequential");
    for (let i = 1; i < log.length; i++) expect(log[i].start).toBeGreaterThanOrEqual(log[i - 1].end);
  });
});

describe("recovery", () => {
  it("retries a transient failure and succeeds", async () => {
    const app = createScriptedApp(
      [{ name: "flaky", behaviour: async (n) => { if (n < 3) throw new TransientToolError("503 from backend"); return { ok: true }; } }],
      [{ name: "search", requests: () => [{ tool: "flaky", args: {}, required: true }] }],
    );
    const { summary, rows, database } = await run(app);
    expect(summary.status).toBe("completed");
    expect(summary.degraded).toBe(false);
    expect(rows[0]).toMatchObject({ status: "succeeded", attempt: 3 });
    expect((rows[0].attempts as unknown[]).length).toBe(3);
    const events = await collectRunEvents(database, summary.runId);
    const finished = events.filter((e) => e.type === "tool_call_finished").map((e) => ("status" in e ? e.status : ""));
    expect(finished).toEqual(["retrying", "retrying", "succeeded"]);
  });

  it("sends a permanent failure to the declared fallback", async () => {
    const app = createScriptedApp(
      [
        { name: "primary", fallbacks: ["backup"], behaviour: async () => { throw new Error("schema changed upstream"); } },
        { name: "backup", behaviour: ok(0, { from: "backup" }) },
      ],
      [{ name: "search", requests: () => [{ tool: "primary", args: {}, required: true }] }],
    );
    const { summary, rows } = await run(app);
    expect(summary.status).toBe("completed");
    expect(summary.degraded).toBe(false);
    const primary = rows.find((r) => r.tool === "primary")!;
    const backup = rows.find((r) => r.tool === "backup")!;
    expect(primary).toMatchObject({ status: "failed", attempt: 1 }); // permanent: no retry
    expect(backup).toMatchObject({ status: "succeeded", fallbackFor: primary.callKey });
    expect(summary.toolCalls.find((c) => c.tool === "backup")!.fallbackFor).toBe("primary");
  });

  it("skips what has no fallback, runs dependants with what exists, and says the answer is degraded", async () => {
    let seen: unknown = "unset";
    const app = createScriptedApp(
      [
        { name: "dead", behaviour: async () => { throw new TransientToolError("connection reset"); } },
        { name: "alive", behaviour: ok(0, { v: 1 }) },
        { name: "consumer", behaviour: async (_n, input) => { seen = input; return { ok: true }; } },
      ],
      [
        { name: "search", requests: () => [{ tool: "dead", args: {}, required: true }, { tool: "alive", args: {} }] },
        { name: "analysis", requests: () => [{ tool: "consumer", args: {}, inputsFrom: { a: "dead", b: "alive" } }], dependsOn: ["search"] },
      ],
    );
    const { summary, rows } = await run(app);
    expect(summary.status).toBe("completed");
    expect(summary.degraded).toBe(true);
    expect(rows.find((r) => r.tool === "dead")).toMatchObject({ status: "failed", attempt: 3 });
    expect(seen).toEqual({ b: { v: 1 } });
    expect(summary.steps.find((s) => s.team === "search")!.status).toBe("failed");
    expect(summary.steps.find((s) => s.team === "analysis")!.status).toBe("completed");
  });

  it("times out a hung call, retries it, and ends terminal", async () => {
    const app = createScriptedApp(
      [{ name: "slow", timeoutMs: 100, behaviour: async (n, _i, signal) => { if (n === 1) await new Promise((_, rej) => signal.addEventListener("abort", () => rej(signal.reason))); return { ok: n }; } }],
      [{ name: "search", requests: () => [{ tool: "slow", args: {}, required: true }] }],
    );
    const t0 = Date.now();
    const { summary, rows } = await run(app);
    expect(summary.status).toBe("completed");
    expect(rows[0]).toMatchObject({ status: "succeeded", attempt: 2 });
    expect((rows[0].attempts as { error?: string }[])[0].error).toMatch(/timed out after 100 ms/);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it("drops a step whose inputs are gone in adaptive mode", async () => {
    const app = createScriptedApp(
      [
        { name: "src", behaviour: async () => { throw new Error("gone"); } },
        { name: "use", behaviour: ok(0) },
      ],
      [
        { name: "search", requests: () => [{ tool: "src", args: {} }] },
        { name: "analysis", requests: () => [{ tool: "use", args: {}, inputsFrom: { x: "src" } }], dependsOn: ["search"] },
      ],
    );
    const { summary, rows, database } = await run(app);
    expect(summary.strategy).toBe("adaptive");
    expect(rows.find((r) => r.tool === "use")!.status).toBe("skipped");
    const events = await collectRunEvents(database, summary.runId);
    expect(events.some((e) => e.type === "strategy_adjusted" && /dropped use/.test(e.reason))).toBe(true);
    // The execution context in the checkpoint keeps every course change too.
    const [cp] = await database.db.select().from(checkpoints).where(and(eq(checkpoints.runId, summary.runId), eq(checkpoints.node, "execute")));
    const adjustments = (cp.state as SupervisorState).execution!.adjustments;
    expect(adjustments.map((a) => a.reason)).toEqual(events.flatMap((e) => (e.type === "strategy_adjusted" ? [e.reason] : [])));
  });
});

describe("policies and faults", () => {
  it("backs off exponentially with bounded jitter", () => {
    const policy = { timeoutMs: 1, retries: 3, fallbacks: [], fatal: false, backoff: { initialMs: 100, factor: 2, maxMs: 300, jitter: 0.25 } };
    expect(backoffDelay(policy, 1, () => 0.5)).toBe(100);
    expect(backoffDelay(policy, 2, () => 0.5)).toBe(200);
    expect(backoffDelay(policy, 3, () => 0.5)).toBe(300);
    expect(backoffDelay(policy, 1, () => 1)).toBe(125);
    expect(backoffDelay(policy, 1, () => 0)).toBe(75);
  });

  it("parses ENSEMBLE_FAULTS and draws the same faults for the same seed", () => {
    expect(parseFaults("market_data:error:0.3,legal_search:timeout:1")).toEqual([
      { tool: "market_data", kind: "error", probability: 0.3 }, { tool: "legal_search", kind: "timeout", probability: 1 },
    ]);
    expect(() => parseFaults("market_data:explode:0.3")).toThrow(/ENSEMBLE_FAULTS/);
    expect(() => parseFaults("market_data:error:2")).toThrow(/ENSEMBLE_FAULTS/);
    const draw = (seed: string) => { const f = new FaultInjector(parseFaults("a:error:0.3"), seed); return Array.from({ length: 200 }, () => f.draw("a")); };
    expect(draw("7")).toEqual(draw("7"));
    expect(draw("7")).not.toEqual(draw("8"));
    const share = draw("7").filter(Boolean).length / 200;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
    expect(new FaultInjector(parseFaults("a:error:1"), "1").draw("b")).toBeNull();
  });
});
