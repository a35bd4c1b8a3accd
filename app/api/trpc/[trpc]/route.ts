// The tRPC endpoint: batches of at most MAX_BATCH calls, POSTs only from this site, every error shaped
// by the router's errorFormatter (internals masked) and every 5xx logged once with its request id.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/trpc/root";
import { createContext } from "@/server/trpc/context";
import { appErrorOf } from "@/server/trpc/init";
import { routeHandler } from "@/server/http/route";
import { assertSameOrigin } from "@/server/http/same-origin";
import { logServerError } from "@/server/telemetry/log";

export const dynamic = "force-dynamic";

/** Calls per batched request; the browser's httpBatchLink sends at most as many (components/trpc.tsx). */
const MAX_BATCH = 20;

const handler = routeHandler("/api/trpc", async (req, { requestId }) => {
  // Every POST here is a mutation: refuse the ones another site made a browser send.
  if (req.method === "POST") assertSameOrigin(req);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH,
    createContext: () => createContext(req, requestId),
    onError({ error, path, type }) {
      const app = appErrorOf(error);
      if (app.status >= 500) logServerError(app, { requestId, route: `/api/trpc/${path ?? "?"}`, method: `${req.method} ${type}` });
    },
  });
});

export { handler as GET, handler as POST };
