// The one retry engine, for tool calls and model calls alike: a policy as data (LangGraph's RetryPolicy
// shape — attempts, backoff, jitter, and retryOn naming which kinds of error retry), one error
// classifier, one abortable sleep. Pure: no server imports, so the browser may use sleep too.

/** What went wrong, as a kind a policy can name. */
export const ERROR_KINDS = ["timeout", "network", "rate_limited", "server_error", "transient", "invalid_input", "invalid_output", "other"] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** The kinds worth another try: the backend may answer next time. */
export const TRANSIENT_KINDS: readonly ErrorKind[] = ["timeout", "network", "rate_limited", "server_error", "transient"];

export interface RetryPolicy {
  /** Attempts in all, the first included (1 = never retry). */
  maxAttempts: number;
  initialIntervalMs: number;
  backoffFactor: number;
  maxIntervalMs: number;
  /** ± this share of the delay, at random (0 = none). */
  jitter: number;
  /** Which kinds of error are retried; anything else fails at once. */
  retryOn: readonly ErrorKind[];
}

/** A failure its thrower knows to be worth retrying (e.g. a tool whose backend dropped the connection). */
export class TransientError extends Error {
  readonly kind: ErrorKind = "transient";
  constructor(message: string) {
    super(message);
    this.name = "TransientError";
  }
}

const NETWORK_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "EAI_AGAIN"]);
// PostgreSQL: admin shutdown, too many connections, serialization failure, deadlock, connection failures.
const PG_TRANSIENT_CODES = new Set(["57P01", "53300", "40001", "40P01", "08006", "08003", "08001"]);
const KINDS = new Set<string>(ERROR_KINDS);

/** The one "is this transient" check: an explicit kind, a network or database code, or an HTTP status. */
export function errorKind(e: unknown): ErrorKind {
  const err = e as { kind?: unknown; code?: unknown; status?: unknown; statusCode?: unknown } | null;
  if (typeof err?.kind === "string" && KINDS.has(err.kind)) return err.kind as ErrorKind;
  if (typeof err?.code === "string") {
    if (NETWORK_CODES.has(err.code)) return err.code === "ETIMEDOUT" ? "timeout" : "network";
    if (PG_TRANSIENT_CODES.has(err.code)) return "transient";
  }
  const status = typeof err?.statusCode === "number" ? err.statusCode : typeof err?.status === "number" ? err.status : undefined;
  if (status === 429) return "rate_limited";
  if (status !== undefined && status >= 500 && status <= 599) return "server_error";
  return "other";
}

/** Delay before retry after failed attempt `attempt` (1-based): initial · factor^(attempt−1), capped, ± jitter. */
export function retryDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const base = Math.min(policy.maxIntervalMs, policy.initialIntervalMs * Math.pow(policy.backoffFactor, Math.max(0, attempt - 1)));
  return Math.max(0, Math.round(base * (1 + policy.jitter * (2 * random() - 1))));
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export interface RetryHooks {
  /** Stops retrying once aborted: the last failure is rethrown. */
  signal?: AbortSignal;
  /** Every failed attempt, and whether another follows. */
  onFailure?: (error: unknown, attempt: number, retrying: boolean) => void;
  /** A delay the error itself asks for (e.g. HTTP retry-after); may throw to give up instead. */
  delayMs?: (error: unknown, attempt: number) => number | undefined;
  /** How an error is classified for retryOn (default errorKind). */
  kindOf?: (error: unknown) => ErrorKind;
}

/** Runs `attempt` until it succeeds, the error is not in retryOn, attempts run out, or the signal aborts. */
export async function withRetry<T>(policy: RetryPolicy, attempt: (n: number) => Promise<T>, hooks: RetryHooks = {}): Promise<T> {
  const kindOf = hooks.kindOf ?? errorKind;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      const retrying = n < policy.maxAttempts && policy.retryOn.includes(kindOf(e)) && !hooks.signal?.aborted;
      hooks.onFailure?.(e, n, retrying);
      if (!retrying) throw e;
      const wait = hooks.delayMs?.(e, n) ?? retryDelay(policy, n);
      try {
        await sleep(wait, hooks.signal);
      } catch {
        throw e;
      }
    }
  }
}
