// Builds a tRPC context from a request: who the user is (cookie) and whether an admin session is present.
import { getDatabase } from "../db/client";
import { viewerFromCookies } from "../auth/viewer";
import type { TrpcContext } from "./init";

export async function createContext(req: Request): Promise<TrpcContext> {
  const database = await getDatabase();
  const { userId, admin } = await viewerFromCookies(database.db, req.headers.get("cookie"));
  return { database, userId, admin, origin: req.headers.get("origin"), host: req.headers.get("host") };
}
