// Admin sign-in: the password from ADMIN_PASSWORD (compared in constant time, attempts limited per IP),
// a signed httpOnly SameSite=Strict cookie with its expiry inside the signature, and sign-out.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "../db/client";
import { signingSecret } from "./secret";
import { readCookie, sign, unsign } from "./signed-value";
import { AttemptLimiter } from "./rate-limit";
import { AppError } from "../errors";

export const ADMIN_COOKIE = "ensemble_admin";
export const ADMIN_SESSION_SECONDS = 8 * 60 * 60;
const ADMIN_NAME = "admin";

const g = globalThis as unknown as { __ensembleAdminLimiter?: AttemptLimiter };
/** 10 sign-in attempts per IP per 10 minutes; a successful sign-in clears the count. */
export const adminLoginLimiter = (g.__ensembleAdminLimiter ??= new AttemptLimiter(10, 10 * 60_000));

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

/** A new session cookie value: "<name>|<expiresAtMs>|<passwordTag>|<nonce>", signed. */
export async function createAdminSession(db: Db, now = Date.now()): Promise<{ value: string; expiresAt: Date }> {
  const password = adminPassword();
  if (!password) throw new Error("admin sign-in is disabled (ADMIN_PASSWORD is not set)");
  const secret = await signingSecret(db);
  const expiresAt = now + ADMIN_SESSION_SECONDS * 1000;
  const payload = [ADMIN_NAME, String(expiresAt), passwordTag(secret, password), randomBytes(8).toString("base64url")].join("|");
  return { value: sign(payload, secret), expiresAt: new Date(expiresAt) };
}

/** The admin behind a request's Cookie header, or null (no/forged/expired cookie, or admin disabled). */
export async function readAdminSession(db: Db, cookieHeader: string | null, now = Date.now()): Promise<{ name: string } | null> {
  const password = adminPassword();
  if (!password) return null;
  const raw = readCookie(cookieHeader, ADMIN_COOKIE);
  if (!raw) return null;
  const secret = await signingSecret(db);
  const payload = unsign(raw, secret);
  if (!payload) return null;
  const [name, expires, tag] = payload.split("|");
  const expiresAt = Number(expires);
  if (!name || !Number.isFinite(expiresAt) || expiresAt <= now) return null;
  if (tag !== passwordTag(secret, password)) return null;
  return { name };
}

function secureAttr(): string {
  return process.env.ENSEMBLE_SECURE_COOKIES === "1" ? "; Secure" : "";
}

export function adminCookieHeader(value: string): string {
  return `${ADMIN_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${ADMIN_SESSION_SECONDS}${secureAttr()}`;
}

export function clearedAdminCookieHeader(): string {
  return `${ADMIN_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secureAttr()}`;
}

/**
 * The client address for rate limiting. Next sets x-forwarded-for to the socket address when no proxy
 * did; behind a proxy that appends, the last entry is the one the proxy saw.
 */
export function clientIp(headers: Headers): string {
  const xff = headers.get("x-forwarded-for");
  if (xff) {
    const parts = xff.split(",").map((s) => s.trim()).filter(Boolean);
    if (parts.length) return parts[parts.length - 1];
  }
  return headers.get("x-real-ip") ?? "unknown";
}

/** A browser POST from another site carries its Origin; refuse it (the cookie is SameSite=Strict too). */
export function assertSameOrigin(req: Request): void {
  const origin = req.headers.get("origin");
  const host = req.headers.get("host");
  if (!origin || !host) return;
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost !== host) throw new AppError("forbidden:cross_origin", "Cross-origin requests to the admin routes are not allowed.");
}

/**
 * Checks the password (rate-limited per IP) and returns the Set-Cookie value of a new session.
 * Throws AppError: forbidden:admin_disabled, rate_limited:admin_login (details.retryAfterSeconds), unauthorized:admin_login.
 */
export async function signInAdmin(db: Db, req: Request, password: string): Promise<{ setCookie: string; expiresAt: Date }> {
  const expected = adminPassword();
  if (!expected) throw new AppError("forbidden:admin_disabled", "The admin area is closed: ADMIN_PASSWORD is not set.");
  const ip = clientIp(req.headers);
  const limit = adminLoginLimiter.hit(ip);
  if (!limit.allowed) {
    throw new AppError("rate_limited:admin_login", `Too many sign-in attempts. Try again in ${limit.retryAfterSeconds} s.`, {
      retryAfterSeconds: limit.retryAfterSeconds,
    });
  }
  if (!passwordMatches(password, expected)) throw new AppError("unauthorized:admin_login", "Wrong password.");
  adminLoginLimiter.reset(ip);
  const session = await createAdminSession(db);
  return { setCookie: adminCookieHeader(session.value), expiresAt: session.expiresAt };
}
