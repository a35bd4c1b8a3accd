import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/apps/housing/router";
import { createContext } from "@/server/trpc/context";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  return fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => createContext(req) });
}

export { handler as GET, handler as POST };
