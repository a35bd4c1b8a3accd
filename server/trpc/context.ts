// Builds a tRPC context from a request: who the user is (cookie), whether an admin session is present,
// and what the CSRF check needs (Origin, Sec-Fetch-Site, the host the app is served as).
import { ensureReady } from "../boot";
import { viewerFromCookies } from "../auth/viewer";
import { clientAddress } from "../http/client-address";
import type { TrpcContext } from "./init";

export async function createContext(req: Request, requestId?: string): Promise<TrpcContext> {
  const database = await ensureReady();
  const { userId, admin } = await viewerFromCookies(database.db, req.headers.get("cookie"));
  return {
    database, userId, admin, requestId,
    origin: req.headers.get("origin"), fetchSite: req.headers.get("sec-fetch-site"), host: clientAddress(req).host,
  };
}
