// One LLM decision as a bounded call: a per-request timeout tied to the run's signal, the shared retry
// engine on 429/5xx honouring retry-after, structured output validated by zod, and one repair attempt.
import { APICallError, generateText, NoObjectGeneratedError, Output, RetryError, type ModelMessage } from "ai";
import type { z } from "zod";
import { errorKind, retryDelay, withRetry, type RetryPolicy } from "../../retry";
import type { LlmUsage } from "../types";
import type { RenderedPrompt } from "../prompts";
import type { DecisionName, LlmConfig } from "./config";
import { createDecisionModel } from "./provider";
import { log } from "../../telemetry/log";
import { modelCallTelemetry, recordModelUsage } from "./call-telemetry";

export type FallbackReason = "llm_invalid_output" | "llm_timeout" | "llm_error";

/** The LLM could not decide; the rules decide instead and record `reason`. */
export class LlmDecisionError extends Error {
  constructor(public readonly reason: FallbackReason, message: string) {
    super(message);
    this.name = "LlmDecisionError";
  }
}

/** Output that parsed but does not make sense (unknown tool, bad args…); worth one repair. */
export class InvalidOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidOutputError";
  }
}

export interface DecisionCallContext {
  config: LlmConfig;
  decision: DecisionName;
  /** The run's signal: when it aborts, the call is cancelled and the abort propagates (no fallback). */
  signal?: AbortSignal;
  onUsage?: (usage: LlmUsage) => void;
  /** The run this decision is for: its model requests are traced under the run's current node. */
  runId?: string;
}

/** Tokens spent by one decision over all its requests (retries and the repair included). */
export class UsageMeter {
  inputTokens = 0;
  outputTokens = 0;
  add(usage: { inputTokens?: number; outputTokens?: number } | undefined): void {
    this.inputTokens += usage?.inputTokens ?? 0;
    this.outputTokens += usage?.outputTokens ?? 0;
  }
  /** One report per decision: the decision is the unit of the run's 3-call budget. */
  report(ctx: DecisionCallContext, ok: boolean): void {
    const usage: LlmUsage = {
      decision: ctx.decision,
      model: ctx.config.models[ctx.decision],
      inputTokens: this.inputTokens,
      outputTokens: this.outputTokens,
      ok,
    };
    try {
      recordModelUsage(usage);
      ctx.onUsage?.(usage);
    } catch (err) {
      // Bookkeeping must not turn a good decision into a failed one.
      log.error({ err, runId: ctx.runId, decision: ctx.decision }, "recording model usage failed");
    }
  }
}

function apiCallErrorOf(err: unknown): APICallError | undefined {
  if (APICallError.isInstance(err)) return err;
  if (RetryError.isInstance(err) && APICallError.isInstance(err.lastError)) return err.lastError;
  if (err instanceof Error && APICallError.isInstance(err.cause)) return err.cause;
  return undefined;
}

/** retry-after-ms, or retry-after in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(headers: Record<string, string> | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const ms = Number.parseFloat(lower["retry-after-ms"] ?? "");
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = lower["retry-after"];
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Thrown from inside an attempt to forbid a retry (e.g. deltas were already streamed). */
export class NotRetryable extends Error {
  constructor(public readonly original: unknown) {
    super(original instanceof Error ? original.message : String(original));
    this.name = "NotRetryable";
  }
}

/** A per-request timer that aborts after `ms` of silence; `touch()` restarts it (streams call it per chunk). */
class RequestTimer {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly ms: number) {
    this.touch();
  }
  get signal(): AbortSignal {
    return this.controller.signal;
  }
  get fired(): boolean {
    return this.controller.signal.aborted;
  }
  touch = (): void => {
    if (this.fired) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.controller.abort(new DOMException("model request timed out", "TimeoutError")), this.ms);
  };
  stop(): void {
    clearTimeout(this.timer);
  }
}

/** Not the model's fault and not worth another request: these fail (or repair) at once. */
function isFinal(e: unknown): boolean {
  return e instanceof NotRetryable || e instanceof LlmDecisionError || e instanceof InvalidOutputError || NoObjectGeneratedError.isInstance(e);
}

/**
 * Runs `attempt` with a fresh per-request timeout combined with the run's signal, retrying only
 * rate limits and server errors through the shared retry engine (retry-after honoured). Run abort →
 * rethrows the abort; timeout → LlmDecisionError(llm_timeout).
 * `touch` restarts the timeout: a streaming attempt calls it per chunk, so the limit is on silence.
 */
export async function withTransientRetries<T>(
  ctx: DecisionCallContext,
  attempt: (signal: AbortSignal, touch: () => void) => Promise<T>,
): Promise<T> {
  const { config } = ctx;
  const policy: RetryPolicy = {
    maxAttempts: config.maxTransientRetries + 1, initialIntervalMs: config.backoffInitialMs, backoffFactor: 2,
    maxIntervalMs: Number.POSITIVE_INFINITY, jitter: 0, retryOn: ["rate_limited", "server_error"],
  };
  try {
    return await withRetry(policy, async () => {
      const timer = new RequestTimer(config.timeoutMs);
      const signal = ctx.signal ? AbortSignal.any([ctx.signal, timer.signal]) : timer.signal;
      try {
        return await attempt(signal, timer.touch);
      } catch (caught) {
        if (!ctx.signal?.aborted && timer.fired) {
          throw new LlmDecisionError("llm_timeout", `${ctx.decision}: no answer within ${config.timeoutMs} ms`);
        }
        throw caught;
      } finally {
        timer.stop();
      }
    }, {
      signal: ctx.signal,
      kindOf: (e) => (isFinal(e) ? "other" : errorKind(apiCallErrorOf(e))),
      delayMs: (e, n) => {
        const api = apiCallErrorOf(e);
        const wait = retryAfterMs(api?.responseHeaders) ?? retryDelay(policy, n);
        if (wait > config.maxRetryAfterMs) {
          throw new LlmDecisionError("llm_error", `${ctx.decision}: HTTP ${api?.statusCode}, retry-after ${wait} ms is longer than ${config.maxRetryAfterMs} ms`);
        }
        return wait;
      },
    });
  } catch (caught) {
    if (ctx.signal?.aborted) throw ctx.signal.reason ?? caught;
    const err = caught instanceof NotRetryable ? caught.original : caught;
    if (isFinal(err)) throw err;
    const api = apiCallErrorOf(err);
    const status = api?.statusCode ? `HTTP ${api.statusCode}: ` : "";
    throw new LlmDecisionError("llm_error", `${ctx.decision}: ${status}${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Local models often wrap JSON in a ``` fence or add a sentence around it; take the object out. */
export function extractJsonObject(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(text);
  const candidate = fenced ? fenced[1] : text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1);
  return JSON.parse(candidate);
}

function describeInvalid(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : undefined;
  const message = cause ?? (err instanceof Error ? err.message : String(err));
  return message.length > 2000 ? `${message.slice(0, 2000)}…` : message;
}

export function repairMessage(problem: string): string {
  return [
    "Your previous answer was rejected:",
    problem,
    "Answer again with ONE JSON object only (no prose, no code fence) that follows the requested format exactly.",
  ].join("\n");
}

export interface StructuredDecision<S extends z.ZodType, T> {
  prompt: RenderedPrompt;
  schema: S;
  schemaName: string;
  /** Semantic checks beyond the schema; throws InvalidOutputError (→ repair) and returns the decision. */
  validate: (value: z.infer<S>) => T;
}

/**
 * Asks the model for a JSON decision. Invalid output (unparseable, off-schema or failing `validate`)
 * gets ONE repair request carrying the validation error; after that → llm_invalid_output.
 * Counting: this whole function is one "model call" of the run's budget and reports usage once,
 * summed over its HTTP requests (transient retries and the repair request included).
 */
export async function decideStructured<S extends z.ZodType, T>(ctx: DecisionCallContext, spec: StructuredDecision<S, T>): Promise<T> {
  const model = createDecisionModel(ctx.config, ctx.decision);
  const meter = new UsageMeter();
  const messages: ModelMessage[] = [{ role: "user", content: spec.prompt.text }];
  let problem = "";
  try {
    for (let round = 0; round < 2; round++) {
      let text: string;
      let value: unknown;
      try {
        const result = await withTransientRetries(ctx, (signal) =>
          generateText({
            model,
            messages,
            output: Output.object({ schema: spec.schema, name: spec.schemaName }),
            maxRetries: 0,
            abortSignal: signal,
            temperature: 0,
            experimental_telemetry: modelCallTelemetry(ctx.decision, ctx.runId),
            // Free-form tool args cannot be expressed in OpenAI's strict schema subset; zod checks instead.
            providerOptions: { openai: { strictJsonSchema: false } },
          }),
        );
        meter.add(result.usage);
        text = result.text;
        value = result.output;
      } catch (err) {
        if (!NoObjectGeneratedError.isInstance(err)) throw err;
        meter.add(err.usage);
        text = err.text ?? "";
        value = undefined;
        problem = describeInvalid(err);
        try {
          const parsed = spec.schema.safeParse(extractJsonObject(text));
          if (parsed.success) value = parsed.data;
          else problem = parsed.error.message;
        } catch {
          // not even extractable: keep the SDK's description of the problem
        }
      }
      if (value !== undefined) {
        try {
          const decided = spec.validate(value as z.infer<S>);
          meter.report(ctx, true);
          return decided;
        } catch (err) {
          if (!(err instanceof InvalidOutputError)) throw err;
          problem = err.message;
        }
      }
      messages.push({ role: "assistant", content: text || "(empty answer)" }, { role: "user", content: repairMessage(problem) });
    }
    throw new LlmDecisionError("llm_invalid_output", `${ctx.decision}: invalid output after one repair: ${problem}`);
  } catch (err) {
    meter.report(ctx, false);
    throw err;
  }
}

/**
 * Why the rules must decide after `err`, or rethrows when the run itself was cancelled (a
 * cancelled run wants no answer at all). Unexpected errors count as llm_error.
 */
export function fallbackReasonOf(err: unknown, signal: AbortSignal | undefined): { reason: FallbackReason; message: string } {
  if (signal?.aborted) throw signal.reason ?? err;
  if (err instanceof LlmDecisionError) return { reason: err.reason, message: err.message };
  return { reason: "llm_error", message: err instanceof Error ? err.message : String(err) };
}

/**
 * The one "LLM, else the rules" step: ask the model; on any failure (not a cancelled run) the rules
 * decide and the result says so — source "rules", the fallbackReason, and `annotate` for its reasoning.
 */
export async function llmElseRules<T extends { source: string; fallbackReason?: string }>(
  signal: AbortSignal | undefined,
  llm: () => Promise<T>,
  rules: () => Promise<T>,
  annotate: (ruled: T, llmMessage: string) => T = (ruled) => ruled,
): Promise<T> {
  try {
    return await llm();
  } catch (err) {
    const { reason, message } = fallbackReasonOf(err, signal);
    return { ...annotate(await rules(), message), source: "rules", fallbackReason: reason };
  }
}
