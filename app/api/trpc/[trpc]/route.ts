// The tRPC endpoint (admin console, chat history, memory): see server/trpc/http.ts for its limits and error policy.
import { routeHandler } from "@/server/http/route";
import { handleTrpcRequest } from "@/server/trpc/http";
import { appRouter } from "@/server/apps/housing/router";
import { ensureReady } from "@/server/boot";

export const dynamic = "force-dynamic";

const handler = routeHandler("/api/trpc", (req, { requestId }) => handleTrpcRequest(req, requestId, appRouter, ensureReady));

export { handler as GET, handler as POST };
