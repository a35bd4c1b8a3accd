// Admin sign-in against the real database's signing secret: session round trip, expiry, forgery,
// password rotation, the closed state without ADMIN_PASSWORD, and the per-IP attempt limit.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDatabase } from "../../test/db";
import { AppError } from "../errors";
import { ADMIN_COOKIE, ADMIN_SESSION_SECONDS, adminLoginLimiter, createAdminSession, passwordMatches, readAdminSession, signInAdmin } from "./admin";
import { AttemptLimiter } from "./rate-limit";

const cookieOf = (setCookie: string) => setCookie.split(";")[0];
const request = (ip: string) => new Request("http://localhost/api/admin/login", { method: "POST", headers: { "x-forwarded-for": ip } });

describe("admin sessions", () => {
  beforeEach(() => {
    process.env.ADMIN_PASSWORD = "correct horse";
  });
  afterEach(() => {
    delete process.env.ADMIN_PASSWORD;
  });

  it("signs in with the password and reads the session back from the cookie", async () => {
    const { db } = await testDatabase();
    const { setCookie } = await signInAdmin(db, request("10.0.0.1"), "correct horse");
    expect(setCookie).toMatch(new RegExp(`^${ADMIN_COOKIE}=.+; Path=/; HttpOnly; SameSite=Strict; Max-Age=${ADMIN_SESSION_SECONDS}`));
    expect(await readAdminSession(db, cookieOf(setCookie))).toEqual({ name: "admin" });
    expect(await readAdminSession(db, null)).toBeNull();
  });

  it("rejects a wrong password, a forged or expired cookie, and sessions from before a password change", async () => {
    const { db } = await testDatabase();
    const err = await signInAdmin(db, request("10.0.0.2"), "wrong").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("unauthorized:admin_login");

    const { value } = await createAdminSession(db);
    const cookie = `${ADMIN_COOKIE}=${encodeURIComponent(value)}`;
    const forged = `${ADMIN_COOKIE}=${encodeURIComponent(value.replace(/^admin\|\d+/, `admin|${Date.now() + 10 ** 10}`))}`;
    expect(await readAdminSession(db, forged)).toBeNull();
    expect(await readAdminSession(db, cookie, Date.now() + ADMIN_SESSION_SECONDS * 1000 + 1)).toBeNull();
    process.env.ADMIN_PASSWORD = "rotated";
    expect(await readAdminSession(db, cookie)).toBeNull();
  });

  it("is closed without ADMIN_PASSWORD: no sign-in, and existing cookies stop working", async () => {
    const { db } = await testDatabase();
    const { value } = await createAdminSession(db);
    delete process.env.ADMIN_PASSWORD;
    expect(await readAdminSession(db, `${ADMIN_COOKIE}=${encodeURIComponent(value)}`)).toBeNull();
    const err = (await signInAdmin(db, request("10.0.0.3"), "anything").catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe("forbidden:admin_disabled");
    expect(err.status).toBe(403);
  });

  it("limits attempts per IP (429 with retry time) without blocking other IPs; success clears the count", async () => {
    const { db } = await testDatabase();
    const ip = `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 10; i++) await signInAdmin(db, request(ip), "wrong").catch(() => null);
    const limited = (await signInAdmin(db, request(ip), "correct horse").catch((e: unknown) => e)) as AppError;
    expect(limited.code).toBe("rate_limited:admin_login");
    expect(limited.status).toBe(429);
    expect((limited.details as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    await expect(signInAdmin(db, request("10.2.0.1"), "correct horse")).resolves.toBeTruthy();
    adminLoginLimiter.reset(ip);
    await expect(signInAdmin(db, request(ip), "correct horse")).resolves.toBeTruthy();
  });
});

describe("building blocks", () => {
  it("compares passwords of any length", () => {
    expect(passwordMatches("a", "a")).toBe(true);
    expect(passwordMatches("a", "ab")).toBe(false);
    expect(passwordMatches("", "x".repeat(500))).toBe(false);
  });

  it("opens a new window after the old one ends and bounds its memory", () => {
    const limiter = new AttemptLimiter(2, 1000, 3);
    expect(limiter.hit("k", 0).allowed).toBe(true);
    expect(limiter.hit("k", 10).allowed).toBe(true);
    expect(limiter.hit("k", 20)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.hit("k", 1001).allowed).toBe(true);
    for (const key of ["a", "b", "c", "d", "e"]) limiter.hit(key, 1002);
    expect((limiter as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(3);
  });
});
