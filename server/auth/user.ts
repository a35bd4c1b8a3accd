// Anonymous end users: a signed httpOnly cookie carries the user id; the first request creates the user.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { signingSecret } from "./secret";
import { readCookie, sign, unsign } from "./signed-value";

export const USER_COOKIE = "ensemble_uid";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The user id from a request's Cookie header, or null when absent, forged or unknown. */
export async function readUserId(db: Db, cookieHeader: string | null): Promise<string | null> {
  const id = unsign(readCookie(cookieHeader, USER_COOKIE), await signingSecret(db));
  if (!id || !UUID.test(id)) return null;
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, id));
  return row?.id ?? null;
}

/** The caller's user id, creating an anonymous user (and a Set-Cookie value) when there is none. */
export async function resolveUser(db: Db, cookieHeader: string | null): Promise<{ userId: string; setCookie: string | null }> {
  const existing = await readUserId(db, cookieHeader);
  if (existing) return { userId: existing, setCookie: null };
  const [u] = await db.insert(users).values({}).returning({ id: users.id });
  return { userId: u.id, setCookie: userCookieHeader(sign(u.id, await signingSecret(db))) };
}

function userCookieHeader(value: string): string {
  const secure = process.env.ENSEMBLE_SECURE_COOKIES === "1" ? "; Secure" : "";
  return `${USER_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000${secure}`;
}
