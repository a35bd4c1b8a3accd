// Runs an orchestration decision as a DAG: each call once, independent calls concurrently up to
// the limit, retries with backoff for transient failures, fallbacks for the rest, adaptive course changes.
import type { Database } from "../db/client";
import type { RunWriter } from "../events/run-writer";
import type { ToolRegistry } from "../tools/registry";
import type { Language } from "../supervisor/types";
import { backoffDelay } from "./policy";
import { runToolAttempt, sleep } from "./tool-runner";
import type { CallPolicy, OrchestrationDecision, PlannedCall, Strategy } from "./types";

export interface AttemptRecord {
  attempt: number;
  tool: string;
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  error?: string;
}

export interface CallOutcome {
  key: string;
  tool: string;
  status: "succeeded" | "failed" | "skipped";
  output?: unknown;
  error?: string;
  /** The fallback tool whose output this is, when the planned tool failed. */
  resolvedBy?: string;
  attempts: number;
  retries: number;
  /** Attempts per tool (the planned one and any fallback): what memory learns reliability from. */
  attemptsByTool: Record<string, number>;
  durationMs: number;
  reused?: boolean;
}

export interface ExecutorEnv {
  database: Database;
  tools: ToolRegistry;
  writer: RunWriter;
  runId: string;
  language: Language;
  signal?: AbortSignal;
  /** Results finished before a crash: call key → output (fallback rows keyed "<key>><tool>"). */
  reusable: Map<string, unknown>;
  onSettled?: (call: PlannedCall, outcome: CallOutcome) => void;
  onStart?: (call: PlannedCall) => void;
}

const now = () => new Date().toISOString();

export async function executeDecision(decision: OrchestrationDecision, env: ExecutorEnv): Promise<Map<string, CallOutcome>> {
  const outcomes = new Map<string, CallOutcome>();
  const calls = decision.calls;
  let strategy: Strategy = decision.strategy;
  // Adaptive keeps changing course after its first adjustment (even once it runs sequentially).
  const adaptive = decision.strategy === "adaptive";
  let limit = strategy === "sequential" ? 1 : Math.max(1, decision.concurrencyLimit);
  const started = new Set<string>();
  let running = 0;

  const adjust = (to: Strategy, reason: string, newLimit: number) => {
    env.writer.emit("strategy_adjusted", { from: strategy, to, reason });
    strategy = to;
    limit = newLimit;
  };

  const ctx = { db: env.database.db, language: env.language, runId: env.runId };

  async function attemptTool(call: PlannedCall, tool: string, input: Record<string, unknown>, policy: CallPolicy, rowKey: string, fallbackFor: string | null): Promise<CallOutcome> {
    const def = env.tools.get(tool);
    const attempts: AttemptRecord[] = [];
    const t0 = Date.now();
    const startedAt = now();
    const row = () => ({
      callKey: rowKey, tool, args: input, teams: call.teams, attempt: attempts.length, attempts,
      fallbackFor, startedAt, durationMs: Date.now() - t0,
    });
    for (let attempt = 1; ; attempt++) {
      env.writer.emit("tool_call_started", { callKey: rowKey, tool, attempt, teams: call.teams, ...(fallbackFor ? { fallbackFor } : {}) });
      env.writer.toolCall({ ...row(), status: "running", finishedAt: null, result: null, error: null });
      const aStart = now();
      const res = await runToolAttempt(def, input, ctx, policy.timeoutMs, env.signal);
      attempts.push({ attempt, tool, startedAt: aStart, finishedAt: now(), ok: res.ok, ...(res.ok ? {} : { error: res.error }) });
      const base = { callKey: rowKey, tool, attempt, teams: call.teams, sharedBy: call.teams, durationMs: Date.now() - t0, ...(fallbackFor ? { fallbackFor } : {}) };
      if (res.ok) {
        env.writer.emit("tool_call_finished", { ...base, status: "succeeded" });
        env.writer.toolCall({ ...row(), status: "succeeded", finishedAt: now(), result: res.output, error: null });
        return { key: call.key, tool, status: "succeeded", output: res.output, attempts: attempt, retries: attempt - 1, attemptsByTool: { [tool]: attempt }, durationMs: Date.now() - t0 };
      }
      const retry = res.transient && attempt <= policy.retries && !env.signal?.aborted;
      env.writer.emit("tool_call_finished", { ...base, status: retry ? "retrying" : "failed", error: res.error });
      if (!retry) {
        env.writer.toolCall({ ...row(), status: "failed", finishedAt: now(), result: null, error: res.error });
        return { key: call.key, tool, status: "failed", error: res.error, attempts: attempt, retries: attempt - 1, attemptsByTool: { [tool]: attempt }, durationMs: Date.now() - t0 };
      }
      await sleep(backoffDelay(policy, attempt), env.signal ?? new AbortController().signal).catch(() => {});
    }
  }

  function resolveInputs(call: PlannedCall): { input: Record<string, unknown>; missing: string[] } {
    const input: Record<string, unknown> = { ...call.args };
    const missing: string[] = [];
    for (const [field, key] of Object.entries(call.inputsFrom)) {
      const o = outcomes.get(key);
      if (o?.status === "succeeded") input[field] = o.output;
      else missing.push(o?.tool ?? key);
    }
    return { input, missing };
  }

  async function runCall(call: PlannedCall): Promise<CallOutcome> {
    // Finished before a crash: reuse, never re-execute.
    if (env.reusable.has(call.key)) return reused(call, call.tool, call.key, env.reusable.get(call.key));
    for (const fb of call.policy.fallbacks) {
      const k = `${call.key}>${fb}`;
      if (env.reusable.has(k)) return reused(call, fb, k, env.reusable.get(k));
    }
    const { input, missing } = resolveInputs(call);
    const hasInputs = Object.keys(call.inputsFrom).length > 0;
    if (adaptive && hasInputs && missing.length === Object.keys(call.inputsFrom).length && !call.policy.fatal) {
      adjust(strategy, `dropped ${call.tool}: its inputs (${missing.join(", ")}) could not be obtained`, limit);
      return skip(call, `inputs unavailable: ${missing.join(", ")}`);
    }
    let outcome = await attemptTool(call, call.tool, input, call.policy, call.key, null);
    if (outcome.status === "succeeded" && adaptive) outcome = await broadenIfEmpty(call, input, outcome);
    if (outcome.status === "succeeded") return outcome;
    if (adaptive && limit > 1 && outcome.status === "failed") {
      adjust("sequential", `${call.tool} failed (${outcome.error}): running the rest one at a time to spare the failing backend`, 1);
    }
    for (const fb of call.policy.fallbacks) {
      const fbPolicy = { ...call.policy, timeoutMs: Math.max(call.policy.timeoutMs, env.tools.get(fb).timeoutMs) };
      const fbOutcome = await attemptTool(call, fb, input, fbPolicy, `${call.key}>${fb}`, call.key);
      if (fbOutcome.status === "succeeded") {
        return {
          ...fbOutcome, key: call.key, resolvedBy: fb, attempts: outcome.attempts + fbOutcome.attempts, retries: outcome.retries + fbOutcome.retries,
          attemptsByTool: { ...outcome.attemptsByTool, ...fbOutcome.attemptsByTool },
        };
      }
    }
    return outcome;
  }

  async function broadenIfEmpty(call: PlannedCall, input: Record<string, unknown>, outcome: CallOutcome): Promise<CallOutcome> {
    const def = env.tools.get(call.tool);
    if (!def.quality || !def.broaden || def.quality(outcome.output) > 0) return outcome;
    const broader = def.broaden(def.inputSchema.parse(input));
    if (!broader) return outcome;
    adjust(strategy, `${call.tool} returned nothing: broadened the search and ran it again`, limit);
    const again = await attemptTool(call, call.tool, broader as Record<string, unknown>, call.policy, call.key, null);
    return again.status === "succeeded" ? { ...again, attempts: outcome.attempts + again.attempts, attemptsByTool: { [call.tool]: outcome.attempts + again.attempts } } : outcome;
  }

  function reused(call: PlannedCall, tool: string, rowKey: string, output: unknown): CallOutcome {
    env.writer.emit("tool_call_finished", {
      callKey: rowKey, tool, status: "succeeded", attempt: 0, durationMs: 0, teams: call.teams, sharedBy: call.teams, reused: true,
    });
    return { key: call.key, tool, status: "succeeded", output, attempts: 0, retries: 0, attemptsByTool: {}, durationMs: 0, reused: true, ...(tool !== call.tool ? { resolvedBy: tool } : {}) };
  }

  function skip(call: PlannedCall, reason: string): CallOutcome {
    env.writer.emit("tool_call_finished", { callKey: call.key, tool: call.tool, status: "skipped", attempt: 0, durationMs: 0, teams: call.teams, sharedBy: call.teams, error: reason });
    env.writer.toolCall({ callKey: call.key, tool: call.tool, args: call.args, teams: call.teams, status: "skipped", attempt: 0, attempts: [], fallbackFor: null, startedAt: null, finishedAt: now(), durationMs: 0, result: null, error: reason });
    return { key: call.key, tool: call.tool, status: "skipped", error: reason, attempts: 0, retries: 0, attemptsByTool: {}, durationMs: 0 };
  }

  await new Promise<void>((resolve, reject) => {
    const tick = () => {
      if (outcomes.size === calls.length) return resolve();
      for (const call of calls) {
        if (running >= limit) break;
        if (started.has(call.key)) continue;
        if (!call.dependsOn.every((k) => outcomes.has(k))) continue;
        started.add(call.key);
        running++;
        env.onStart?.(call);
        runCall(call).then((o) => {
          outcomes.set(call.key, o);
          running--;
          env.onSettled?.(call, o);
          tick();
        }, reject);
      }
      if (running === 0 && outcomes.size < calls.length) {
        reject(new Error("tool plan has a dependency cycle or an unknown dependency"));
      }
    };
    tick();
  });
  return outcomes;
}
