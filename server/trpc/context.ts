// Builds a tRPC context from a request: who the user is (cookie) and whether an admin session is present.
import { getDatabase } from "../db/client";
import { readUserId } from "../auth/user";
import { readAdminSession } from "../auth/admin";
import type { TrpcContext } from "./init";

export async function createContext(req: Request): Promise<TrpcContext> {
  const database = await getDatabase();
  const cookie = req.headers.get("cookie");
  const [userId, admin] = await Promise.all([readUserId(database.db, cookie), readAdminSession(database.db, cookie)]);
  return { database, userId, admin, origin: req.headers.get("origin"), host: req.headers.get("host") };
}
