// tRPC over HTTP: batches of at most TRPC_MAX_BATCH calls, POSTs only from this site, errors shaped by
// the router's errorFormatter (internals masked) and every 5xx logged once with its request id.
import "server-only";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { AnyRouter } from "@trpc/server";
import type { Database } from "../db/client";
import { assertSameOrigin } from "../http/same-origin";
import { logServerError } from "../telemetry/log";
import { createContext } from "./context";
import { appErrorOf } from "./init";

/** Calls per batched request; the browser's httpBatchLink sends at most as many (components/trpc.tsx). */
export const TRPC_MAX_BATCH = 20;

export async function handleTrpcRequest(
  req: Request, requestId: string, router: AnyRouter, ready: () => Promise<Database>,
): Promise<Response> {
  // Every POST here is a mutation: refuse the ones another site made a browser send.
  if (req.method === "POST") assertSameOrigin(req);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router,
    maxBatchSize: TRPC_MAX_BATCH,
    createContext: () => createContext(req, ready, requestId),
    onError({ error, path, type }) {
      const app = appErrorOf(error);
      if (app.status >= 500) logServerError(app, { requestId, route: `/api/trpc/${path ?? "?"}`, method: `${req.method} ${type}` });
    },
  });
}
