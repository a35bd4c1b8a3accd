// The wrapper every route handler goes through: a request id (x-request-id), an optional CSRF check,
// and the one place that turns any thrown value into a JSON error, masking internals and logging
// each 5xx once with the request id, the route and the stack.
import { randomUUID } from "node:crypto";
import { appErrorResponse, toAppError } from "../errors";
import { log, logServerError } from "../telemetry/log";
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
    const t0 = performance.now();
    let res: Response;
    try {
      if (opts.sameOrigin) assertSameOrigin(req);
      const params = segment ? await segment.params : ({} as P);
      res = await handler(req, { requestId, params });
      try {
        res.headers.set("x-request-id", requestId);
      } catch {
        /* immutable headers (a proxied response): the id is in the log either way */
      }
    } catch (e) {
      res = errorToResponse(e, { requestId, route: name, method: req.method });
    }
    accessLog(req, res, { requestId, route: name, ms: performance.now() - t0 });
    return res;
  };
}

/** The JSON error response for anything thrown; logs it when it is a 5xx. */
export function errorToResponse(e: unknown, where: { requestId: string; route: string; method?: string }): Response {
  const err = toAppError(e);
  if (err.status >= 500) logServerError(err, where);
  return appErrorResponse(err, where.requestId);
}

/** One line per request: route, path (tRPC procedures are in it), status, time to the response head, and the run it started. */
function accessLog(req: Request, res: Response, where: { requestId: string; route: string; ms: number }): void {
  if (!log.isLevelEnabled("info")) return;
  const runId = res.headers.get("x-run-id");
  const sessionId = res.headers.get("x-session-id");
  log.info({
    requestId: where.requestId, route: where.route, method: req.method, path: new URL(req.url).pathname, status: res.status,
    ms: Math.round(where.ms), ...(runId ? { runId } : {}), ...(sessionId ? { sessionId } : {}),
  }, "request");
}
