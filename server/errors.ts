// One error vocabulary: typed codes "kind:surface" (e.g. "not_found:run") and the one table that turns a
// kind into an HTTP status and a tRPC code. Anything that is not an AppError is internal and never shown.

export const ERROR_KINDS = {
  bad_request: { status: 400, trpc: "BAD_REQUEST" },
  unauthorized: { status: 401, trpc: "UNAUTHORIZED" },
  forbidden: { status: 403, trpc: "FORBIDDEN" },
  not_found: { status: 404, trpc: "NOT_FOUND" },
  method_not_allowed: { status: 405, trpc: "METHOD_NOT_SUPPORTED" },
  conflict: { status: 409, trpc: "CONFLICT" },
  payload_too_large: { status: 413, trpc: "PAYLOAD_TOO_LARGE" },
  unsupported_media_type: { status: 415, trpc: "UNSUPPORTED_MEDIA_TYPE" },
  rate_limited: { status: 429, trpc: "TOO_MANY_REQUESTS" },
  internal: { status: 500, trpc: "INTERNAL_SERVER_ERROR" },
  unavailable: { status: 503, trpc: "SERVICE_UNAVAILABLE" },
} as const;

export type ErrorKind = keyof typeof ERROR_KINDS;
export type ErrorCode = `${ErrorKind}:${string}`;
export type TrpcErrorCode = (typeof ERROR_KINDS)[ErrorKind]["trpc"];

export interface AppErrorOptions {
  /** Shown to the caller (e.g. which fields failed validation); never put internals here. */
  details?: unknown;
  /** For rate_limited / unavailable: becomes the Retry-After header. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class AppError extends Error {
  readonly details?: unknown;
  readonly retryAfterSeconds?: number;

  /** The third argument may be the details themselves (older call sites) or the options. */
  constructor(public readonly code: ErrorCode, message: string, detailsOrOptions?: unknown) {
    const opts = isOptions(detailsOrOptions) ? detailsOrOptions : { details: detailsOrOptions };
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "AppError";
    this.details = opts.details;
    this.retryAfterSeconds = opts.retryAfterSeconds ?? (opts.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  }
  get kind(): ErrorKind {
    const kind = this.code.slice(0, this.code.indexOf(":")) as ErrorKind;
    return kind in ERROR_KINDS ? kind : "internal";
  }
  get status(): number {
    return ERROR_KINDS[this.kind].status;
  }
  get trpcCode(): TrpcErrorCode {
    return ERROR_KINDS[this.kind].trpc;
  }
}

function isOptions(v: unknown): v is AppErrorOptions {
  if (!v || typeof v !== "object" || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => k === "details" || k === "retryAfterSeconds" || k === "cause");
}

/**
 * PostgreSQL (or the connection to it) is down: postgres.js connection errors, the server's own
 * "shutting down / cannot connect now" (57P0x) and connection-exception class 08.
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code !== "string") continue;
    if (/^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|CONNECTION_(CLOSED|ENDED|DESTROYED)|CONNECT_TIMEOUT)$/.test(code)) return true;
    if (/^(57P0[1-3]|08\w{3}|53300)$/.test(code)) return true;
  }
  return false;
}

const INTERNAL_MESSAGE = "Something went wrong on our side.";

/**
 * What the caller may see of any thrown value: an AppError as it is; a database outage as
 * unavailable:database; anything else as internal:server with a fixed message. The original stays in
 * `cause` for the log.
 */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (isDatabaseUnavailable(e)) {
    return new AppError("unavailable:database", "The database is not reachable right now; try again shortly.", { retryAfterSeconds: 5, cause: e });
  }
  return new AppError("internal:server", INTERNAL_MESSAGE, { cause: e });
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; requestId?: string };
}

export function errorBody(e: AppError, requestId?: string): ErrorBody {
  return {
    error: {
      code: e.code,
      message: e.message,
      ...(e.details !== undefined ? { details: e.details } : {}),
      ...(requestId ? { requestId } : {}),
    },
  };
}

/** The JSON error response of an AppError (callers go through server/http/route.ts, which also logs). */
export function appErrorResponse(e: AppError, requestId?: string, headers?: HeadersInit): Response {
  const h = new Headers(headers);
  h.set("cache-control", "no-store");
  if (e.retryAfterSeconds) h.set("retry-after", String(Math.max(1, Math.ceil(e.retryAfterSeconds))));
  if (requestId) h.set("x-request-id", requestId);
  return Response.json(errorBody(e, requestId), { status: e.status, headers: h });
}
