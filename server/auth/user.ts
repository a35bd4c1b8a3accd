// Anonymous end users: a signed httpOnly cookie carries the user id; a user's first accepted chat turn
// creates the user. Nothing here runs for a refused request, so a refusal leaves no row and no cookie.
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { secureCookies } from "../http/client-address";
import { signingSecret } from "./secret";
import { readCookie, sign, unsign } from "./signed-value";
import { newId } from "../db/ids";

export const USER_COOKIE = "ensemble_uid";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The user id from a request's Cookie header, or null when absent, forged or unknown. */
export async function readUserId(db: Db, cookieHeader: string | null): Promise<string | null> {
  const id = unsign(readCookie(cookieHeader, USER_COOKIE), await signingSecret(db));
  if (!id || !UUID.test(id)) return null;
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, id));
  return row?.id ?? null;
}

/**
 * A new visitor: an id for the user their first chat creates (createRun writes the row in the run's own statement,
 * so a chat that is refused leaves no user) and the Set-Cookie value naming it (Secure when the request came over HTTPS).
 */
export async function newVisitor(db: Db, req: Request | null = null): Promise<{ userId: string; setCookie: string }> {
  const userId = newId();
  return { userId, setCookie: userCookieHeader(sign(userId, await signingSecret(db)), req) };
}

function userCookieHeader(value: string, req: Request | null): string {
  const secure = secureCookies(req) ? "; Secure" : "";
  return `${USER_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000${secure}`;
}
