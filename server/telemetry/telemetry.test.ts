// Operations end to end: a run's spans arrive at a real OTLP/HTTP receiver on loopback with the right
// names, parents, links and attributes (a retried and a fell-back tool call, a resumed run, model
// calls), and /api/metrics moves by exactly what a run did.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { createW1App, w1Query } from "../../scripts/bench/w1-app";
import { checkpoints, runs } from "../db/schema";
import { instanceId } from "../events/bus";
import { FaultInjector } from "../orchestrator/faults";
import { executeRun } from "../supervisor/run";
import { runTurn, startRun } from "../supervisor/service";
import type { RunSummary } from "../supervisor/summary";
import { createTestUser, testDatabase } from "../../test/db";
import { collectRunEvents } from "../../test/events";
import { runEventStream } from "../events/sse";
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from "../../test/otlp-receiver";
import { withDemoModel } from "../../test/fake-openai/demo-env";
import { originalRootSpanId, traceIdOfRun } from "./run-ids";
import { flushTracing, resetTracing } from "./tracing";
import { metrics } from "./metrics";

const W1_FLAGS = { orchestrator: true, parallel_execution: true, memory_learning: false, llm_decisions: false, strategy_cache: false };
const TOKEN = "metrics-test-token";
const saved: Record<string, string | undefined> = {};
const ENV = ["OTEL_EXPORTER_OTLP_ENDPOINT", "ENSEMBLE_FAULTS", "ENSEMBLE_FAULT_SEED", "ENSEMBLE_BACKOFF_MS", "ENSEMBLE_METRICS_TOKEN", "ADMIN_PASSWORD", "ENSEMBLE_LEASE_MS"];

let receiver: OtlpReceiver;

/** A seed under which legal_search fails its first attempt and succeeds on the retry. */
function seedForOneRetry(): string {
  for (let i = 0; ; i++) {
    const injector = new FaultInjector([{ tool: "legal_search", kind: "error", probability: 0.5 }], `retry-${i}`);
    if (injector.draw("legal_search") === "error" && injector.draw("legal_search") === null) return `retry-${i}`;
  }
}

async function scrape(headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }): Promise<Response> {
  return metricsRoute(new Request("http://localhost/api/metrics", { headers }));
}

/** The value of one series (labels matched exactly); 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`).sort().join(",");
  for (const line of text.split("\n")) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = (m[2] ?? "").split(/,(?=[a-zA-Z_]\w*=")/).filter(Boolean).sort().join(",");
    if (got === want) return Number(m[3]);
  }
  return 0;
}

async function spansOf(runId: string, until: (spans: ReceivedSpan[]) => boolean): Promise<ReceivedSpan[]> {
  const traceId = traceIdOfRun(runId);
  const end = Date.now() + 10_000;
  for (;;) {
    await flushTracing();
    const spans = receiver.spans.filter((s) => s.traceId === traceId);
    if (until(spans)) return spans;
    if (Date.now() > end) throw new Error(`spans of ${runId} did not arrive: ${spans.map((s) => s.name).join(", ")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const one = (spans: ReceivedSpan[], name: string, pred: (s: ReceivedSpan) => boolean = () => true): ReceivedSpan => {
  const found = spans.filter((s) => s.name === name && pred(s));
  expect(found, name).toHaveLength(1);
  return found[0];
};

beforeAll(async () => {
  for (const k of ENV) saved[k] = process.env[k];
  receiver = await startOtlpReceiver();
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = receiver.url;
  process.env.ENSEMBLE_BACKOFF_MS = "1";
  process.env.ENSEMBLE_METRICS_TOKEN = TOKEN;
  delete process.env.ADMIN_PASSWORD;
  await resetTracing();
});

afterAll(async () => {
  await flushTracing();
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  await resetTracing();
  await receiver.close();
});

describe("a run with a retried and a fell-back tool call", () => {
  let summary: RunSummary;
  let before: string;
  let after: string;
  let eventCount: number;

  beforeAll(async () => {
    const database = await testDatabase();
    const { userId, sessionId } = await createTestUser();
    // risk_calc always fails (3 attempts, then its fallback risk_calc_basic); legal_search fails once.
    process.env.ENSEMBLE_FAULTS = "risk_calc:error:1,legal_search:error:0.5";
    process.env.ENSEMBLE_FAULT_SEED = seedForOneRetry();
    before = await (await scrape()).text();
    summary = await runTurn(database, { userId, sessionId, message: w1Query(1), flagOverrides: W1_FLAGS }, { app: createW1App({ latencyMs: 0 }) });
    after = await (await scrape()).text();
    process.env.ENSEMBLE_FAULTS = "";
    eventCount = (await collectRunEvents(database, summary.runId)).length;
  });

  it("exports one trace: root, a span per node, decisions and one execute_tool span per attempt with retry and fallback links", async () => {
    expect(summary.status).toBe("completed");
    const spans = await spansOf(summary.runId, (s) => s.some((x) => x.name === "invoke_agent ensemble"));
    expect(receiver.contentTypes[0]).toContain("application/json");

    const root = one(spans, "invoke_agent ensemble");
    expect(root.parentSpanId).toBeUndefined();
    expect(root.spanId).toBe(originalRootSpanId(summary.runId));
    expect(root.resource["service.name"]).toBe("ensemble");
    expect(root.attributes).toMatchObject({
      "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "ensemble", "gen_ai.conversation.id": summary.sessionId,
      "ensemble.run.id": summary.runId, "ensemble.resumed": false, "ensemble.path": "orchestrated", "ensemble.strategy": summary.strategy,
    });
    expect(root.status.code).toBe(1); // OK
    // No content without ENSEMBLE_TRACE_CONTENT=1.
    for (const s of spans) expect(Object.keys(s.attributes).filter((k) => /question|answer|reasoning|prompt/.test(k)), s.name).toEqual([]);

    const nodes = spans.filter((s) => s.name.startsWith("node ")).sort((a, b) => Number(a.startNs - b.startNs));
    expect(nodes.map((n) => n.name)).toEqual(["node initialize", "node planning", "node execute", "node aggregate", "node respond"]);
    for (const n of nodes) expect(n.parentSpanId).toBe(root.spanId);
    for (let i = 1; i < nodes.length; i++) expect(nodes[i].startNs).toBeGreaterThanOrEqual(nodes[i - 1].endNs);
    const planning = nodes[1];
    const execute = nodes[2];

    const plan = one(spans, "decide plan");
    expect(plan.parentSpanId).toBe(planning.spanId);
    expect(plan.attributes["ensemble.decision.source"]).toBe("rules");
    const strategy = one(spans, "decide strategy");
    expect(strategy.parentSpanId).toBe(execute.spanId);
    expect(strategy.attributes).toMatchObject({ "ensemble.decision.type": "strategy", "ensemble.decision.source": "rules", "ensemble.strategy": summary.strategy });
    expect(one(spans, "decide tool_selection").parentSpanId).toBe(execute.spanId);

    const tools = spans.filter((s) => s.name.startsWith("execute_tool "));
    for (const t of tools) {
      expect(t.parentSpanId).toBe(execute.spanId);
      expect(t.attributes["gen_ai.operation.name"]).toBe("execute_tool");
    }
    // risk_calc: three failed attempts, each retry linked to the attempt before it.
    const risk = tools.filter((t) => t.name === "execute_tool risk_calc").sort((a, b) => Number(a.attributes["ensemble.attempt"]) - Number(b.attributes["ensemble.attempt"]));
    expect(risk.map((r) => r.attributes["ensemble.attempt"])).toEqual([1, 2, 3]);
    for (const r of risk) {
      expect(r.status.code).toBe(2); // ERROR
      expect(r.attributes["error.type"]).toBe("injected_fault");
      expect(r.attributes["ensemble.shared_by"]).toEqual(["analysis"]);
    }
    expect(risk[0].links).toEqual([]);
    expect(risk[1].links).toEqual([{ traceId: root.traceId, spanId: risk[0].spanId, attributes: { "ensemble.link": "retry_of" } }]);
    expect(risk[2].links).toEqual([{ traceId: root.traceId, spanId: risk[1].spanId, attributes: { "ensemble.link": "retry_of" } }]);
    // Its fallback stands in once, linked to the last failed attempt.
    const basic = one(tools, "execute_tool risk_calc_basic");
    expect(basic.status.code).toBe(1);
    expect(basic.attributes).toMatchObject({ "ensemble.attempt": 1, "ensemble.fallback_for": risk[0].attributes["gen_ai.tool.call.id"], "gen_ai.tool.name": "risk_calc_basic" });
    expect(basic.links).toEqual([{ traceId: root.traceId, spanId: risk[2].spanId, attributes: { "ensemble.link": "fallback_for" } }]);
    // legal_search: failed once, succeeded on the retry; shared by the two teams that asked for it.
    const legal = tools.filter((t) => t.name === "execute_tool legal_search").sort((a, b) => Number(a.startNs - b.startNs));
    expect(legal.map((l) => [l.attributes["ensemble.attempt"], l.status.code])).toEqual([[1, 2], [2, 1]]);
    expect(legal[1].links[0].spanId).toBe(legal[0].spanId);
    expect([...(legal[1].attributes["ensemble.shared_by"] as string[])].sort()).toEqual(["document", "search"]);
    // Every span sits inside its parent's time.
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    for (const s of spans) {
      const parent = s.parentSpanId ? byId.get(s.parentSpanId) : undefined;
      if (parent) expect(s.startNs >= parent.startNs && s.endNs <= parent.endNs, `${s.name} within ${parent.name}`).toBe(true);
    }
  });

  it("moves the metrics by exactly what the run did", () => {
    const delta = (name: string, labels: Record<string, string> = {}) => sample(after, name, labels) - sample(before, name, labels);
    expect(delta("ensemble_runs_started_total")).toBe(1);
    expect(delta("ensemble_runs_finished_total", { status: "completed", path: "orchestrated", strategy: summary.strategy! })).toBe(1);
    expect(delta("ensemble_run_duration_seconds_count", { status: "completed" })).toBe(1);
    expect(delta("ensemble_run_first_event_seconds_count")).toBe(1);
    expect(delta("ensemble_tool_call_attempts_total", { tool: "risk_calc" })).toBe(3);
    expect(delta("ensemble_tool_call_failures_total", { tool: "risk_calc" })).toBe(3);
    expect(delta("ensemble_tool_call_attempts_total", { tool: "risk_calc_basic" })).toBe(1);
    expect(delta("ensemble_tool_call_failures_total", { tool: "risk_calc_basic" })).toBe(0);
    expect(delta("ensemble_tool_call_fallbacks_total", { tool: "risk_calc", fallback: "risk_calc_basic" })).toBe(1);
    expect(delta("ensemble_tool_call_attempts_total", { tool: "legal_search" })).toBe(2);
    expect(delta("ensemble_tool_call_failures_total", { tool: "legal_search" })).toBe(1);
    expect(delta("ensemble_tool_call_duration_seconds_count", { tool: "risk_calc", status: "retrying" })).toBe(2);
    expect(delta("ensemble_tool_call_duration_seconds_count", { tool: "risk_calc", status: "failed" })).toBe(1);
    expect(delta("ensemble_decisions_total", { type: "plan", source: "rules" })).toBe(1);
    expect(delta("ensemble_decisions_total", { type: "strategy", source: "rules" })).toBe(1);
    expect(delta("ensemble_decisions_total", { type: "tool_selection", source: "rules" })).toBe(1);
    expect(delta("ensemble_flag_evaluations_total", { flag: "orchestrator", reason: "request", value: "true" })).toBe(1);
    expect(delta("ensemble_llm_calls_total", { decision: "plan", model: "any", outcome: "ok" })).toBe(0);
    // Every event of the run was observed once after its commit (the SSE replay below reads them back).
    expect(delta("ensemble_event_publish_lag_seconds_count")).toBe(eventCount);
    expect(sample(after, "ensemble_db_pool_max")).toBe(10);
    expect(sample(after, "ensemble_db_connections", { state: "idle" }) + sample(after, "ensemble_db_connections", { state: "in_use" })).toBeGreaterThan(0);
    expect(after).toContain("process_cpu_user_seconds_total");
  });
});

describe("content in traces", () => {
  it("records the question and the answer only with ENSEMBLE_TRACE_CONTENT=1", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    process.env.ENSEMBLE_TRACE_CONTENT = "1";
    try {
      const summary = await runTurn(database, { userId, message: w1Query(4), flagOverrides: W1_FLAGS }, { app: createW1App({ latencyMs: 0 }) });
      const spans = await spansOf(summary.runId, (s) => s.some((x) => x.name === "invoke_agent ensemble"));
      const root = one(spans, "invoke_agent ensemble");
      expect(root.attributes["ensemble.question"]).toBe(w1Query(4));
      expect(root.attributes["ensemble.answer"]).toBe(summary.answer);
      expect(one(spans, "decide plan").attributes["ensemble.reasoning"]).toBe("W1 always plans the three teams.");
    } finally {
      delete process.env.ENSEMBLE_TRACE_CONTENT;
    }
  });
});

describe("open event streams", () => {
  it("counts an SSE stream while it is open", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    const summary = await runTurn(database, { userId, message: w1Query(3), flagOverrides: W1_FLAGS }, { app: createW1App({ latencyMs: 0 }) });
    // Read at once (a finished run's replay may end the stream within a few awaits).
    const open = () => metrics().sseStreams.get().then((g) => g.values[0]?.value ?? 0);
    const before = await open();
    const stream = runEventStream(database, summary.runId, { afterSeq: 0, pollMs: 60_000 });
    expect(await open()).toBe(before + 1);
    await new Response(stream).text(); // replays to run_completed, then closes
    expect(await open()).toBe(before);
    expect(sample(await (await scrape()).text(), "ensemble_sse_streams_open")).toBe(before);
  });
});

describe("/api/metrics access", () => {
  it("answers 401 JSON without the token, and is closed (404) when neither a token nor an admin password is set", async () => {
    const denied = await scrape({});
    expect(denied.status).toBe(401);
    expect((await denied.json()).error.code).toBe("unauthorized:metrics");
    expect((await scrape({ authorization: "Bearer wrong" })).status).toBe(401);
    delete process.env.ENSEMBLE_METRICS_TOKEN;
    try {
      const closed = await scrape();
      expect(closed.status).toBe(404);
      expect((await closed.json()).error.code).toBe("not_found:metrics");
    } finally {
      process.env.ENSEMBLE_METRICS_TOKEN = TOKEN;
    }
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/plain");
  });
});

describe("a resumed run", () => {
  it("continues the run's trace: a new root that links to the original root, with a resumed event", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    const app = createW1App({ latencyMs: 500 });
    process.env.ENSEMBLE_LEASE_MS = "900";
    const before = await (await scrape()).text();
    const { runId, done } = await startRun(database, { userId, message: w1Query(2), flagOverrides: { ...W1_FLAGS, parallel_execution: false } }, { app });
    // Once planning is checkpointed, another instance "takes" the lease: this one stops working on the run.
    for (let i = 0; i < 400; i++) {
      const rows = await database.db.select().from(checkpoints).where(eq(checkpoints.runId, runId));
      if (rows.some((r) => r.node === "planning")) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await database.db.update(runs).set({ ownerId: "another-instance" }).where(eq(runs.id, runId));
    await done;
    await new Promise((r) => setTimeout(r, 300)); // let the stopped writer's last flush land
    await database.db.update(runs).set({ ownerId: instanceId() }).where(eq(runs.id, runId));
    await executeRun(database, runId, { app });
    const [row] = await database.db.select().from(runs).where(eq(runs.id, runId));
    expect(row.status).toBe("completed");

    const spans = await spansOf(runId, (s) => s.filter((x) => x.name === "invoke_agent ensemble").length === 2);
    const roots = spans.filter((s) => s.name === "invoke_agent ensemble");
    const original = roots.find((r) => r.spanId === originalRootSpanId(runId))!;
    const resumed = roots.find((r) => r !== original)!;
    expect(original.attributes["ensemble.resumed"]).toBe(false);
    expect(original.attributes["error.type"]).toBe("superseded");
    expect(resumed.parentSpanId).toBeUndefined();
    expect(resumed.attributes["ensemble.resumed"]).toBe(true);
    expect(resumed.links).toEqual([{ traceId: traceIdOfRun(runId), spanId: original.spanId, attributes: { "ensemble.link": "resumed_from" } }]);
    expect(resumed.events.map((e) => e.name)).toContain("resumed");
    // Each node ran once: the ones checkpointed before the stop under the original root, the rest under the new one.
    const nodes = spans.filter((s) => s.name.startsWith("node "));
    const underOriginal = nodes.filter((n) => n.parentSpanId === original.spanId).map((n) => n.name);
    const underResumed = nodes.filter((n) => n.parentSpanId === resumed.spanId).map((n) => n.name);
    // The nodes checkpointed before the stop ran once, under the original root; the node the stop interrupted
    // (execute) is abandoned there (the old owner writes nothing once it knows it lost the lease) and runs
    // again under the new root, which reuses the calls already finished (resume.test.ts), then the rest.
    expect(underOriginal).toEqual(["node initialize", "node planning", "node execute"]);
    expect(underResumed).toEqual(["node execute", "node aggregate", "node respond"]);
    const seqs = (await collectRunEvents(database, runId)).map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));

    const after = await (await scrape()).text();
    expect(sample(after, "ensemble_runs_resumed_total") - sample(before, "ensemble_runs_resumed_total")).toBe(1);
    expect(sample(after, "ensemble_runs_started_total") - sample(before, "ensemble_runs_started_total")).toBe(1);
  }, 30_000);
});

describe("model calls", () => {
  withDemoModel();

  it("traces each model request as chat {model} under its node, with GenAI usage attributes, and counts calls and tokens", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    const before = await (await scrape()).text();
    const summary = await runTurn(database, {
      userId, message: "마포구 아파트 매매 시세가 궁금해요. 84㎡ 기준으로 알려주세요.",
      flagOverrides: { orchestrator: true, llm_decisions: true, memory_learning: false, strategy_cache: false },
    });
    expect(summary.llmCalls).toBe(3);
    const spans = await spansOf(summary.runId, (s) => s.some((x) => x.name === "invoke_agent ensemble") && s.filter((x) => x.name.startsWith("chat ")).length >= 3);
    const chats = spans.filter((s) => s.name.startsWith("chat "));
    expect(chats).toHaveLength(3);
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    expect(chats.map((c) => byId.get(c.parentSpanId!)?.name).sort()).toEqual(["node execute", "node planning", "node respond"]);
    for (const c of chats) {
      expect(c.kind).toBe(3); // CLIENT
      expect(c.name).toBe(`chat ${c.attributes["gen_ai.request.model"]}`);
      expect(c.attributes["gen_ai.operation.name"]).toBe("chat");
      expect(c.attributes["gen_ai.usage.input_tokens"]).toBeGreaterThan(0);
      expect(c.attributes["gen_ai.usage.output_tokens"]).toBeGreaterThan(0);
      expect(c.attributes["ai.prompt.messages"]).toBeUndefined(); // content off
      expect(c.attributes["ai.response.text"]).toBeUndefined();
    }
    const after = await (await scrape()).text();
    const calls = (t: string) => ["plan", "orchestrate", "respond"].reduce((n, d) => n + sample(t, "ensemble_llm_calls_total", { decision: d, model: String(chats[0].attributes["gen_ai.request.model"]), outcome: "ok" }), 0);
    expect(calls(after) - calls(before)).toBe(3);
  });
});
