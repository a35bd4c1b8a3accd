// The wrapper every route handler goes through: a request id (x-request-id), an optional CSRF check,
// and the one place that turns any thrown value into a JSON error, masking internals and logging
// each 5xx once with the request id, the route and the stack.
import { randomUUID } from "node:crypto";
import { appErrorResponse, toAppError } from "../errors";
import { logServerError } from "../telemetry/log";
import { assertSameOrigin } from "./same-origin";

export interface RouteContext<P> {
  requestId: string;
  params: P;
}

export interface RouteOptions {
  /** State-changing routes: refuse requests another site made a browser send. */
  sameOrigin?: boolean;
}

const SANE_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** A proxy's x-request-id when it looks like one, else a new UUID. */
export function requestIdOf(req: Request): string {
  const given = req.headers.get("x-request-id");
  return given && SANE_ID.test(given) ? given : randomUUID();
}

/** Wraps a handler; `name` identifies the route in logs (e.g. "POST /api/chat"). */
export function routeHandler<P = Record<string, string>>(
  name: string,
  handler: (req: Request, ctx: RouteContext<P>) => Promise<Response>,
  opts: RouteOptions = {},
): (req: Request, segment?: { params: Promise<P> }) => Promise<Response> {
  return async (req, segment) => {
    const requestId = requestIdOf(req);
    try {
      if (opts.sameOrigin) assertSameOrigin(req);
      const params = segment ? await segment.params : ({} as P);
      const res = await handler(req, { requestId, params });
      try {
        res.headers.set("x-request-id", requestId);
      } catch {
        /* immutable headers (a proxied response): the id is in the log either way */
      }
      return res;
    } catch (e) {
      return errorToResponse(e, { requestId, route: name, method: req.method });
    }
  };
}

/** The JSON error response for anything thrown; logs it when it is a 5xx. */
export function errorToResponse(e: unknown, where: { requestId: string; route: string; method?: string }): Response {
  const err = toAppError(e);
  if (err.status >= 500) logServerError(err, where);
  return appErrorResponse(err, where.requestId);
}
