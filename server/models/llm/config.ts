// LLM configuration read from the environment: which server, which model per decision, which
// OpenAI wire API, and how long a call may take. No key and no base URL → no LLM (rules decide).
import "server-only";
export type DecisionName = "plan" | "orchestrate" | "respond";
export type ApiMode = "chat" | "responses";

export interface LlmConfig {
  apiKey: string | undefined;
  baseURL: string | undefined;
  /** Model id per decision (OPENAI_MODEL_<DECISION> overrides OPENAI_MODEL). */
  models: Record<DecisionName, string>;
  apiMode: ApiMode;
  /** Per HTTP request to the model, including each retry and the repair request. */
  timeoutMs: number;
  /** Retries after a rate limit (429) or server error (5xx); other failures are not retried. */
  maxTransientRetries: number;
  /** First backoff when the server sends no retry-after; doubles each retry. */
  backoffInitialMs: number;
  /** A retry-after longer than this is not waited for: the decision fails and the rules decide. */
  maxRetryAfterMs: number;
}

export const DEFAULT_MODEL = "gpt-4o-mini";
export const DEFAULT_TIMEOUT_MS = 20_000;

type Env = Record<string, string | undefined>;

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

function positiveInt(env: Env, name: string, fallback: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer (milliseconds), got "${raw}"`);
  return n;
}

/** The LLM configuration, or null when neither OPENAI_API_KEY nor OPENAI_BASE_URL is set. */
export function readLlmConfig(env: Env = process.env): LlmConfig | null {
  const apiKey = nonEmpty(env.OPENAI_API_KEY);
  const baseURL = nonEmpty(env.OPENAI_BASE_URL);
  if (!apiKey && !baseURL) return null;
  if (baseURL && !/^https?:\/\//.test(baseURL)) {
    throw new Error(`OPENAI_BASE_URL must be an http(s) URL, got "${baseURL}"`);
  }
  const mode = nonEmpty(env.OPENAI_API_MODE) ?? "chat";
  if (mode !== "chat" && mode !== "responses") {
    throw new Error(`OPENAI_API_MODE must be "chat" or "responses", got "${mode}"`);
  }
  const model = nonEmpty(env.OPENAI_MODEL) ?? DEFAULT_MODEL;
  const timeoutMs = positiveInt(env, "OPENAI_TIMEOUT_MS", DEFAULT_TIMEOUT_MS);
  return {
    apiKey,
    baseURL: baseURL?.replace(/\/+$/, ""),
    models: {
      plan: nonEmpty(env.OPENAI_MODEL_PLAN) ?? model,
      orchestrate: nonEmpty(env.OPENAI_MODEL_ORCHESTRATE) ?? model,
      respond: nonEmpty(env.OPENAI_MODEL_RESPOND) ?? model,
    },
    apiMode: mode,
    timeoutMs,
    maxTransientRetries: 2,
    backoffInitialMs: 500,
    maxRetryAfterMs: Math.max(timeoutMs, 10_000),
  };
}
