// Admin sign-in: the password from ADMIN_PASSWORD (compared in constant time; failures limited per client
// IP and per account in PostgreSQL), server-side sessions behind a signed httpOnly SameSite=Strict
// cookie, and sign-out that revokes the session on every instance.
import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { adminSessions } from "../db/schema";
import { AppError } from "../errors";
import { clientAddress, secureCookies } from "../http/client-address";
import { signingSecret } from "./secret";
import { readCookie, sign, unsign } from "./signed-value";
import { clearLimit, enforceLimits, undoHit, type LimitRule } from "./rate-limit";

export { assertSameOrigin } from "../http/same-origin";

export const ADMIN_COOKIE = "ensemble_admin";
export const ADMIN_SESSION_SECONDS = 8 * 60 * 60;
const ADMIN_NAME = "admin";

/** Sign-in attempts: per client IP, and per account so that rotating addresses does not help either. */
export const ADMIN_LOGIN_LIMITS = {
  perIp: { max: 10, windowMs: 10 * 60_000 } satisfies LimitRule,
  perAccount: { max: 30, windowMs: 10 * 60_000 } satisfies LimitRule,
};
export const adminLoginKeys = (ip: string) => ({ ip: `admin_login:ip:${ip}`, account: `admin_login:account:${ADMIN_NAME}` });

export function adminPassword(): string | null {
  const p = process.env.ADMIN_PASSWORD;
  return p && p.length > 0 ? p : null;
}

export function adminEnabled(): boolean {
  return adminPassword() !== null;
}

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
export function passwordMatches(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b);
}

/** Ties a session to the current password: changing ADMIN_PASSWORD signs every admin out. */
function passwordTag(secret: string, password: string): string {
  return createHmac("sha256", secret).update(`admin-password:${password}`).digest("base64url").slice(0, 16);
}

const sessionId = (token: string) => createHash("sha256").update(token).digest("base64url");

/** Opens a session row and returns the cookie value: a random token, signed. */
export async function createAdminSession(db: Db, now = Date.now()): Promise<{ value: string; expiresAt: Date }> {
  const password = adminPassword();
  if (!password) throw new AppError("forbidden:admin_disabled", "The admin area is closed: ADMIN_PASSWORD is not set.");
  const secret = await signingSecret(db);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now + ADMIN_SESSION_SECONDS * 1000);
  await db.insert(adminSessions).values({ id: sessionId(token), name: ADMIN_NAME, passwordTag: passwordTag(secret, password), expiresAt });
  // Old rows are only history: drop those that ended a day ago.
  await db.delete(adminSessions).where(lt(adminSessions.expiresAt, new Date(now - 86_400_000)));
  return { value: sign(token, secret), expiresAt };
}

/** The admin behind a request's Cookie header, or null (no/forged/expired/revoked cookie, or admin disabled). */
export async function readAdminSession(db: Db, cookieHeader: string | null, now = Date.now()): Promise<{ name: string } | null> {
  const password = adminPassword();
  if (!password) return null;
  const raw = readCookie(cookieHeader, ADMIN_COOKIE);
  if (!raw) return null;
  const secret = await signingSecret(db);
  const token = unsign(raw, secret);
  if (!token) return null;
  const [row] = await db
    .select({ name: adminSessions.name, passwordTag: adminSessions.passwordTag })
    .from(adminSessions)
    .where(and(eq(adminSessions.id, sessionId(token)), isNull(adminSessions.revokedAt), gt(adminSessions.expiresAt, new Date(now))));
  if (!row || row.passwordTag !== passwordTag(secret, password)) return null;
  return { name: row.name };
}

/** Ends the session a cookie names, for every instance; a missing or forged cookie is a no-op. */
export async function revokeAdminSession(db: Db, cookieHeader: string | null): Promise<void> {
  const raw = readCookie(cookieHeader, ADMIN_COOKIE);
  if (!raw) return;
  const token = unsign(raw, await signingSecret(db));
  if (!token) return;
  await db.update(adminSessions).set({ revokedAt: sql`now()` }).where(and(eq(adminSessions.id, sessionId(token)), isNull(adminSessions.revokedAt)));
}

/** Ends every open admin session (e.g. after the password leaked). */
export async function revokeAllAdminSessions(db: Db): Promise<number> {
  const rows = await db.update(adminSessions).set({ revokedAt: sql`now()` }).where(isNull(adminSessions.revokedAt)).returning({ id: adminSessions.id });
  return rows.length;
}

function secureAttr(req: Request | null): string {
  return secureCookies(req) ? "; Secure" : "";
}

export function adminCookieHeader(value: string, req: Request | null = null): string {
  return `${ADMIN_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${ADMIN_SESSION_SECONDS}${secureAttr(req)}`;
}

export function clearedAdminCookieHeader(req: Request | null = null): string {
  return `${ADMIN_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secureAttr(req)}`;
}

/**
 * Checks the password (limited per client IP and per account) and returns the Set-Cookie value of a new session.
 * Throws AppError: forbidden:admin_disabled, rate_limited:admin_login (Retry-After), unauthorized:admin_login.
 */
export async function signInAdmin(db: Db, req: Request, password: string): Promise<{ setCookie: string; expiresAt: Date }> {
  const expected = adminPassword();
  if (!expected) throw new AppError("forbidden:admin_disabled", "The admin area is closed: ADMIN_PASSWORD is not set.");
  const keys = adminLoginKeys(clientAddress(req).ip);
  await enforceLimits(db, "rate_limited:admin_login", "Too many sign-in attempts.", [
    { key: keys.ip, rule: ADMIN_LOGIN_LIMITS.perIp },
    { key: keys.account, rule: ADMIN_LOGIN_LIMITS.perAccount },
  ]);
  if (!passwordMatches(password, expected)) throw new AppError("unauthorized:admin_login", "Wrong password.");
  // Only failures count against the account; its earlier failures stay counted, so a correct password
  // does not buy an address-rotating guesser new tries.
  await clearLimit(db, keys.ip);
  await undoHit(db, keys.account);
  const session = await createAdminSession(db);
  return { setCookie: adminCookieHeader(session.value, req), expiresAt: session.expiresAt };
}
