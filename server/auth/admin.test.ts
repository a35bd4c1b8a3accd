// Admin sign-in against the real database: server-side sessions (round trip, expiry, forgery, revocation
// by sign-out and by a password change), the closed state without ADMIN_PASSWORD, and the attempt
// limits per client IP and per account, which spoofed X-Forwarded-For headers do not get around.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { testDatabase } from "../../test/db";
import { AppError } from "../errors";
import { CLIENT_HEADER, clientStamp } from "../http/client-address";
import {
  ADMIN_COOKIE, ADMIN_LOGIN_LIMITS, ADMIN_SESSION_SECONDS, adminLoginKeys, createAdminSession, passwordMatches, readAdminSession,
  revokeAdminSession, revokeAllAdminSessions, signInAdmin,
} from "./admin";
import { clearLimit, hitLimit } from "./rate-limit";

const cookieOf = (setCookie: string) => setCookie.split(";")[0];
/** A request as the server hook stamps it: `socketIp` is the peer, `xff` whatever the client claims. */
const request = (socketIp: string, xff?: string) =>
  new Request("http://localhost/api/admin/login", {
    method: "POST",
    headers: { [CLIENT_HEADER]: clientStamp({ ip: socketIp, https: false, host: "localhost" }), ...(xff ? { "x-forwarded-for": xff } : {}) },
  });
const randomIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function resetAccountLimit(): Promise<void> {
  const { db } = await testDatabase();
  await clearLimit(db, adminLoginKeys("x").account);
}

describe("admin sessions", () => {
  beforeEach(async () => {
    process.env.ADMIN_PASSWORD = "correct horse";
    await resetAccountLimit();
  });
  afterEach(() => {
    delete process.env.ADMIN_PASSWORD;
  });

  it("signs in with the password and reads the session back from the cookie", async () => {
    const { db } = await testDatabase();
    const { setCookie } = await signInAdmin(db, request(randomIp()), "correct horse");
    expect(setCookie).toMatch(new RegExp(`^${ADMIN_COOKIE}=.+; Path=/; HttpOnly; SameSite=Strict; Max-Age=${ADMIN_SESSION_SECONDS}$`));
    expect(await readAdminSession(db, cookieOf(setCookie))).toEqual({ name: "admin" });
    expect(await readAdminSession(db, null)).toBeNull();
  });

  it("marks the cookie Secure when the request came over HTTPS", async () => {
    const { db } = await testDatabase();
    const req = new Request("http://localhost/api/admin/login", { method: "POST", headers: { [CLIENT_HEADER]: clientStamp({ ip: randomIp(), https: true, host: "x" }) } });
    expect((await signInAdmin(db, req, "correct horse")).setCookie).toMatch(/; Secure$/);
  });

  it("rejects a wrong password, a forged, malformed or expired cookie, and sessions from before a password change", async () => {
    const { db } = await testDatabase();
    const err = await signInAdmin(db, request(randomIp()), "wrong").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("unauthorized:admin_login");

    const { value } = await createAdminSession(db);
    const cookie = `${ADMIN_COOKIE}=${encodeURIComponent(value)}`;
    expect(await readAdminSession(db, cookie)).toEqual({ name: "admin" });
    const forged = `${ADMIN_COOKIE}=${encodeURIComponent(`x${value}`)}`;
    expect(await readAdminSession(db, forged)).toBeNull();
    expect(await readAdminSession(db, `${ADMIN_COOKIE}=%`)).toBeNull();
    expect(await readAdminSession(db, `${ADMIN_COOKIE}=%ZZ`)).toBeNull();
    expect(await readAdminSession(db, cookie, Date.now() + ADMIN_SESSION_SECONDS * 1000 + 1)).toBeNull();
    process.env.ADMIN_PASSWORD = "rotated";
    expect(await readAdminSession(db, cookie)).toBeNull();
  });

  it("sign-out revokes the session itself: a copied cookie stops working everywhere", async () => {
    const { db } = await testDatabase();
    const { setCookie } = await signInAdmin(db, request(randomIp()), "correct horse");
    const copied = cookieOf(setCookie);
    const other = cookieOf((await signInAdmin(db, request(randomIp()), "correct horse")).setCookie);
    await revokeAdminSession(db, copied);
    expect(await readAdminSession(db, copied)).toBeNull();
    expect(await readAdminSession(db, other)).toEqual({ name: "admin" });
    expect(await revokeAllAdminSessions(db)).toBeGreaterThanOrEqual(1);
    expect(await readAdminSession(db, other)).toBeNull();
  });

  it("is closed without ADMIN_PASSWORD: no sign-in, and existing cookies stop working", async () => {
    const { db } = await testDatabase();
    const { value } = await createAdminSession(db);
    delete process.env.ADMIN_PASSWORD;
    expect(await readAdminSession(db, `${ADMIN_COOKIE}=${encodeURIComponent(value)}`)).toBeNull();
    const err = (await signInAdmin(db, request(randomIp()), "anything").catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe("forbidden:admin_disabled");
    expect(err.status).toBe(403);
  });

  it("limits attempts per socket IP, whatever X-Forwarded-For the client sends; other IPs go on; success clears the IP's count", async () => {
    const { db } = await testDatabase();
    const ip = randomIp();
    const outcomes: string[] = [];
    for (let i = 0; i < 40; i++) {
      const e = (await signInAdmin(db, request(ip, `203.0.113.${i}, 198.51.100.${i}`), "wrong").catch((x: unknown) => x)) as AppError;
      outcomes.push(e.code);
    }
    expect(outcomes.filter((c) => c === "unauthorized:admin_login")).toHaveLength(ADMIN_LOGIN_LIMITS.perIp.max);
    expect(outcomes.slice(ADMIN_LOGIN_LIMITS.perIp.max).every((c) => c === "rate_limited:admin_login")).toBe(true);
    const limited = (await signInAdmin(db, request(ip), "correct horse").catch((e: unknown) => e)) as AppError;
    expect(limited.code).toBe("rate_limited:admin_login");
    expect(limited.status).toBe(429);
    expect(limited.retryAfterSeconds).toBeGreaterThan(0);
    await expect(signInAdmin(db, request(randomIp()), "correct horse")).resolves.toBeTruthy();
    await clearLimit(db, adminLoginKeys(ip).ip);
    await expect(signInAdmin(db, request(ip), "correct horse")).resolves.toBeTruthy();
  });

  it("limits attempts per account across IPs, so rotating addresses does not buy more guesses", async () => {
    const { db } = await testDatabase();
    const codes: string[] = [];
    for (let i = 0; i < ADMIN_LOGIN_LIMITS.perAccount.max + 5; i++) {
      codes.push(((await signInAdmin(db, request(randomIp()), "wrong").catch((x: unknown) => x)) as AppError).code);
    }
    expect(codes.filter((c) => c === "unauthorized:admin_login")).toHaveLength(ADMIN_LOGIN_LIMITS.perAccount.max);
    expect(codes.at(-1)).toBe("rate_limited:admin_login");
  });
});

describe("rate limits in PostgreSQL", () => {
  it("counts hits in a window shared by every connection and opens a new window after it ends", async () => {
    const { db } = await testDatabase();
    const key = `test:${randomUUID()}`;
    const rule = { max: 2, windowMs: 60_000 };
    const results = await Promise.all([hitLimit(db, key, rule), hitLimit(db, key, rule), hitLimit(db, key, rule)]);
    expect(results.map((r) => r.count).sort()).toEqual([1, 2, 3]);
    expect(results.filter((r) => !r.allowed)).toHaveLength(1);
    await db.execute(sql`update rate_limits set reset_at = now() - interval '1 second' where key = ${key}`);
    expect(await hitLimit(db, key, rule)).toMatchObject({ allowed: true, count: 1 });
    expect((await hitLimit(db, key, { max: 0, windowMs: 1000 })).allowed).toBe(true);
  });
});

describe("building blocks", () => {
  it("compares passwords of any length", () => {
    expect(passwordMatches("a", "a")).toBe(true);
    expect(passwordMatches("a", "ab")).toBe(false);
    expect(passwordMatches("", "x".repeat(500))).toBe(false);
  });
});
