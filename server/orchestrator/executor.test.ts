// The DAG executor on its own, with no database: in-memory tools, a decision built by hand and a
// sink that records every report. Order, sharing, retries, fallbacks, skips, adaptive changes.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Db } from "../db/client";
import { ToolRegistry } from "../tools/registry";
import { TransientToolError, type ToolDefinition } from "../tools/types";
import { executeDecision } from "./executor";
import type { ExecutionSink } from "./sink";
import type { CallPolicy, OrchestrationDecision, PlannedCall, Strategy } from "./types";

const POLICY: CallPolicy = { timeoutMs: 500, retries: 2, backoff: { initialMs: 1, factor: 2, maxMs: 5, jitter: 0 }, fallbacks: [], fatal: false };

const anyOutput = z.unknown();

function tool(name: string, run: (input: Record<string, unknown>) => Promise<unknown>, extra: Partial<ToolDefinition> = {}): ToolDefinition {
  return {
    name, description: name, readOnly: true, timeoutMs: 500, fallbacks: [],
    inputSchema: z.record(z.string(), z.unknown()), outputSchema: anyOutput, run, ...extra,
  };
}

function call(key: string, over: Partial<PlannedCall> = {}): PlannedCall {
  return { key, tool: key, args: {}, inputsFrom: {}, dependsOn: [], teams: ["t"], stepIds: ["s"], policy: POLICY, ...over };
}

function decision(calls: PlannedCall[], strategy: Strategy = "parallel", concurrencyLimit = 4): OrchestrationDecision {
  return { strategy, confidence: 1, reasoning: "test", calls, conflicts: [], duplicatesAvoided: 0, concurrencyLimit, memoryNotes: [], source: "rules" };
}

/** Every report, as one line each, in order. */
function recordingSink(): ExecutionSink & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    callStarted: (c) => log.push(`start ${c.key}`),
    attemptStarted: (e) => log.push(`attempt ${e.callKey} #${e.attempt}`),
    attemptFinished: (e) => log.push(`${e.status} ${e.callKey} #${e.attempt}`),
    callReused: (_c, k) => log.push(`reused ${k}`),
    callSkipped: (c) => log.push(`skipped ${c.key}`),
    callSettled: (c, o) => log.push(`settled ${c.key} ${o.status}`),
    strategyAdjusted: (a) => log.push(`adjusted ${a.from}->${a.to}`),
  };
}

// Tools here never read the database; the executor only passes the context through.
const toolContext = { db: undefined as unknown as Db, language: "en" as const, runId: "run-1" };

describe("executeDecision", () => {
  it("runs a dependency after what it depends on, feeding it the result", async () => {
    const seen: unknown[] = [];
    const tools = new ToolRegistry().register(
      tool("search", async () => ({ items: [1, 2] })),
      tool("analyse", async (input) => { seen.push(input.found); return { ok: true }; }),
    );
    const sink = recordingSink();
    const outcomes = await executeDecision(
      decision([call("search"), call("analyse", { inputsFrom: { found: "search" }, dependsOn: ["search"] })]),
      { tools, toolContext, sink },
    );
    expect(seen).toEqual([{ items: [1, 2] }]);
    expect(outcomes.get("analyse")?.status).toBe("succeeded");
    expect(sink.log.indexOf("settled search succeeded")).toBeLessThan(sink.log.indexOf("start analyse"));
  });

  it("keeps to the concurrency limit", async () => {
    let running = 0;
    let peak = 0;
    const slow = async () => { running++; peak = Math.max(peak, running); await new Promise((r) => setTimeout(r, 10)); running--; return 1; };
    const tools = new ToolRegistry().register(tool("a", slow), tool("b", slow), tool("c", slow), tool("d", slow));
    await executeDecision(decision(["a", "b", "c", "d"].map((k) => call(k)), "parallel", 2), { tools, toolContext, sink: recordingSink() });
    expect(peak).toBe(2);
  });

  it("retries a transient failure and then succeeds", async () => {
    let n = 0;
    const tools = new ToolRegistry().register(tool("flaky", async () => { if (++n < 3) throw new TransientToolError("down"); return 1; }));
    const sink = recordingSink();
    const outcomes = await executeDecision(decision([call("flaky")]), { tools, toolContext, sink });
    expect(outcomes.get("flaky")).toMatchObject({ status: "succeeded", attempts: 3, retries: 2 });
    expect(sink.log.filter((l) => l.startsWith("retrying"))).toEqual(["retrying flaky #1", "retrying flaky #2"]);
  });

  it("goes to the fallback after a permanent failure, under the fallback's own row key", async () => {
    const tools = new ToolRegistry().register(
      tool("primary", async () => { throw new Error("bad request"); }, { fallbacks: ["backup"] }),
      tool("backup", async () => ({ from: "backup" })),
    );
    const sink = recordingSink();
    const outcomes = await executeDecision(decision([call("primary", { policy: { ...POLICY, fallbacks: ["backup"] } })]), { tools, toolContext, sink });
    expect(outcomes.get("primary")).toMatchObject({ status: "succeeded", resolvedBy: "backup", output: { from: "backup" } });
    expect(sink.log).toContain("failed primary #1");
    expect(sink.log).toContain("succeeded primary>backup #1");
  });

  it("adaptive: drops a call whose inputs failed, serialises after a failure, and says so", async () => {
    const tools = new ToolRegistry().register(
      tool("search", async () => { throw new Error("gone"); }),
      tool("other", async () => 1),
      tool("analyse", async () => 1),
    );
    const sink = recordingSink();
    const outcomes = await executeDecision(
      decision([call("search"), call("other"), call("analyse", { inputsFrom: { x: "search" }, dependsOn: ["search"] })], "adaptive"),
      { tools, toolContext, sink },
    );
    expect(outcomes.get("analyse")?.status).toBe("skipped");
    expect(sink.log).toContain("adjusted adaptive->sequential");
    expect(sink.log).toContain("skipped analyse");
  });

  it("takes over a result finished before a crash instead of running it again", async () => {
    let runs = 0;
    const tools = new ToolRegistry().register(tool("once", async () => { runs++; return 2; }));
    const sink = recordingSink();
    const outcomes = await executeDecision(decision([call("once")]), { tools, toolContext, sink, reusable: new Map([["once", 1]]) });
    expect(runs).toBe(0);
    expect(outcomes.get("once")).toMatchObject({ status: "succeeded", output: 1, reused: true });
    expect(sink.log).toContain("reused once");
  });

  it("refuses a fallback that does not declare the primary's output", () => {
    const own = z.object({ other: z.string() });
    expect(() => new ToolRegistry().register(
      tool("primary", async () => 1, { fallbacks: ["backup"] }),
      tool("backup", async () => ({ other: "x" }), { outputSchema: own }),
    )).toThrow(/backup falls back for primary but does not return its output/);
  });

  it("rejects a plan whose dependencies can never be met", async () => {
    const tools = new ToolRegistry().register(tool("a", async () => 1));
    await expect(executeDecision(decision([call("a", { dependsOn: ["missing"] })]), { tools, toolContext, sink: recordingSink() }))
      .rejects.toThrow(/dependency/);
  });
});
