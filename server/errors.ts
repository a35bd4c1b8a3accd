// One error vocabulary: typed codes "kind:surface" and the one place that turns them into HTTP.
export type ErrorKind = "bad_request" | "unauthorized" | "forbidden" | "not_found" | "rate_limited" | "unavailable" | "internal";

const STATUS: Record<ErrorKind, number> = {
  bad_request: 400, unauthorized: 401, forbidden: 403, not_found: 404, rate_limited: 429, unavailable: 503, internal: 500,
};

export class AppError extends Error {
  constructor(public code: `${ErrorKind}:${string}`, message: string, public details?: unknown) {
    super(message);
    this.name = "AppError";
  }
  get kind(): ErrorKind {
    return this.code.split(":")[0] as ErrorKind;
  }
  get status(): number {
    return STATUS[this.kind];
  }
}

/** The JSON error response; internal errors never leak their message. */
export function errorResponse(e: unknown, headers?: HeadersInit): Response {
  if (e instanceof AppError) {
    return Response.json({ error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } }, { status: e.status, headers });
  }
  console.error(e);
  return Response.json({ error: { code: "internal:server", message: "Something went wrong on our side." } }, { status: 500, headers });
}
