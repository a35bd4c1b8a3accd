// Who is asking, from a request's cookies: the anonymous user (if any) and an admin session (if any).
import "server-only";
import type { Db } from "../db/client";
import { readAdminSession } from "./admin";
import { readUserId } from "./user";

export async function viewerFromCookies(db: Db, cookieHeader: string | null): Promise<{ userId: string | null; admin: { name: string } | null }> {
  const [userId, admin] = await Promise.all([readUserId(db, cookieHeader), readAdminSession(db, cookieHeader)]);
  return { userId, admin };
}
