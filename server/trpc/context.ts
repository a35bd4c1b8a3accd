// Builds a tRPC context from a request: who the user is (cookie), whether an admin session is present,
// and what the CSRF check needs (Origin, Sec-Fetch-Site, the host the app is served as).
import "server-only";
import type { Database } from "../db/client";
import { viewerFromCookies } from "../auth/viewer";
import { clientAddress } from "../http/client-address";
import type { TrpcContext } from "./init";

/** `ready` is the composition root's start-up (boot.ts): passed in, so tRPC never imports the app it serves. */
export async function createContext(req: Request, ready: () => Promise<Database>, requestId?: string): Promise<TrpcContext> {
  const database = await ready();
  const { userId, admin } = await viewerFromCookies(database.db, req.headers.get("cookie"));
  return {
    database, userId, admin, requestId,
    origin: req.headers.get("origin"), fetchSite: req.headers.get("sec-fetch-site"), host: clientAddress(req).host,
  };
}
