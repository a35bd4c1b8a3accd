// Runs an orchestration decision as a DAG: each call once, independent calls concurrently up to
// the limit, retries with backoff for transient failures, fallbacks for the rest, adaptive course changes.
import type { ToolRegistry } from "../tools/registry";
import type { ToolRunContext } from "../tools/types";
import { withRetry, type ErrorKind } from "../retry";
import { retryPolicyOf } from "./policy";
import type { AttemptRecord, CallOutcome, ExecutionSink, ToolCallRecord } from "./sink";
import { runToolAttempt } from "./tool-runner";
import type { CallPolicy, OrchestrationDecision, PlannedCall, Strategy } from "./types";

export type { AttemptRecord, CallOutcome } from "./sink";

export interface ExecutorEnv {
  tools: ToolRegistry;
  /** What every tool call gets besides its input (the signal is per attempt). */
  toolContext: Omit<ToolRunContext, "signal">;
  signal?: AbortSignal;
  sink: ExecutionSink;
  /** Results finished before a crash: call key → output (fallback rows keyed "<key>><tool>"). */
  reusable?: Map<string, unknown>;
}

const now = () => new Date().toISOString();

/** One failed attempt, carried through the retry engine with its kind (which the call's policy retries or not). */
class AttemptFailed extends Error {
  constructor(message: string, readonly kind: ErrorKind, readonly attempt: number) {
    super(message);
  }
}

export async function executeDecision(decision: OrchestrationDecision, env: ExecutorEnv): Promise<Map<string, CallOutcome>> {
  const outcomes = new Map<string, CallOutcome>();
  const calls = decision.calls;
  let strategy: Strategy = decision.strategy;
  // Adaptive keeps changing course after its first adjustment (even once it runs sequentially).
  const adaptive = decision.strategy === "adaptive";
  let limit = strategy === "sequential" ? 1 : Math.max(1, decision.concurrencyLimit);
  const started = new Set<string>();
  let running = 0;

  const sink = env.sink;
  const reusable = env.reusable ?? new Map<string, unknown>();
  const adjust = (to: Strategy, reason: string, newLimit: number) => {
    sink.strategyAdjusted({ from: strategy, to, reason, at: now() });
    strategy = to;
    limit = newLimit;
  };

  const ctx = env.toolContext;

  async function attemptTool(call: PlannedCall, tool: string, input: Record<string, unknown>, policy: CallPolicy, rowKey: string, fallbackFor: string | null): Promise<CallOutcome> {
    const def = env.tools.get(tool);
    const attempts: AttemptRecord[] = [];
    const t0 = Date.now();
    const startedAt = now();
    const record = (rest: Pick<ToolCallRecord, "status" | "finishedAt" | "result" | "error">): ToolCallRecord => ({
      callKey: rowKey, tool, args: input, teams: call.teams, attempt: attempts.length, attempts: [...attempts],
      fallbackFor, startedAt, durationMs: Date.now() - t0, ...rest,
    });
    const base = (attempt: number) => ({ call, callKey: rowKey, tool, attempt, ...(fallbackFor ? { fallbackFor } : {}) });
    const failed = (attempt: number, error: string): CallOutcome => {
      sink.attemptFinished({ ...base(attempt), status: "failed", error, durationMs: Date.now() - t0, record: record({ status: "failed", finishedAt: now(), result: null, error }) });
      return { key: call.key, tool, status: "failed", error, attempts: attempt, retries: attempt - 1, attemptsByTool: { [tool]: attempt }, durationMs: Date.now() - t0 };
    };
    try {
      return await withRetry(retryPolicyOf(policy), async (attempt) => {
        sink.attemptStarted({ ...base(attempt), record: record({ status: "running", finishedAt: null, result: null, error: null }) });
        const aStart = now();
        const res = await runToolAttempt(def, input, ctx, policy.timeoutMs, env.signal);
        attempts.push({ attempt, tool, startedAt: aStart, finishedAt: now(), ok: res.ok, ...(res.ok ? {} : { error: res.error }) });
        if (!res.ok) throw new AttemptFailed(res.error, res.kind, attempt);
        sink.attemptFinished({ ...base(attempt), status: "succeeded", durationMs: Date.now() - t0, record: record({ status: "succeeded", finishedAt: now(), result: res.output, error: null }) });
        return { key: call.key, tool, status: "succeeded", output: res.output, attempts: attempt, retries: attempt - 1, attemptsByTool: { [tool]: attempt }, durationMs: Date.now() - t0 } satisfies CallOutcome;
      }, {
        signal: env.signal,
        onFailure: (e, attempt, retrying) => {
          if (!retrying) return;
          const error = (e as AttemptFailed).message;
          sink.attemptFinished({ ...base(attempt), status: "retrying", error, durationMs: Date.now() - t0, record: record({ status: "running", finishedAt: null, result: null, error: null }) });
        },
      });
    } catch (e) {
      if (!(e instanceof AttemptFailed)) throw e;
      // The last attempt failed for good (or the run was cancelled during a backoff): the call failed.
      return failed(e.attempt, e.message);
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
    if (reusable.has(call.key)) return reused(call, call.tool, call.key, reusable.get(call.key));
    for (const fb of call.policy.fallbacks) {
      const k = `${call.key}>${fb}`;
      if (reusable.has(k)) return reused(call, fb, k, reusable.get(k));
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
    sink.callReused(call, rowKey, tool);
    return { key: call.key, tool, status: "succeeded", output, attempts: 0, retries: 0, attemptsByTool: {}, durationMs: 0, reused: true, ...(tool !== call.tool ? { resolvedBy: tool } : {}) };
  }

  function skip(call: PlannedCall, reason: string): CallOutcome {
    sink.callSkipped(call, reason, { callKey: call.key, tool: call.tool, args: call.args, teams: call.teams, status: "skipped", attempt: 0, attempts: [], fallbackFor: null, startedAt: null, finishedAt: now(), durationMs: 0, result: null, error: reason });
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
        sink.callStarted(call);
        runCall(call).then((o) => {
          outcomes.set(call.key, o);
          running--;
          sink.callSettled(call, o);
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
