// tRPC over HTTP with the app's error policy: an internal error answers a masked 500 and is logged once
// with its request id, route and stack; AppErrors keep their kind; bad input is a 400 with the issues;
// batches over the limit, cross-site posts and text PostgreSQL cannot store are refused before any write.
import { afterEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { createTestUser, testDatabase } from "../../test/db";
import { signingSecret } from "../auth/secret";
import { sign } from "../auth/signed-value";
import { USER_COOKIE } from "../auth/user";
import { chatSessions } from "../db/schema";
import { AppError } from "../errors";
import { CLIENT_HEADER, clientStamp } from "../http/client-address";
import { routeHandler } from "../http/route";
import { log } from "../telemetry/log";
import { handleTrpcRequest, TRPC_MAX_BATCH } from "./http";
import { publicProcedure, router } from "./init";
import { coreRouter as appRouter } from "./root";

const testRouter = router({
  boom: publicProcedure.query(() => {
    throw new Error('Failed query: select "secret" from "users" where id = $1\nparams: 42');
  }),
  gone: publicProcedure.query(() => {
    throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
  }),
  busy: publicProcedure.mutation(() => {
    throw new AppError("conflict:thing", "the thing is busy");
  }),
  echo: publicProcedure.input(z.object({ n: z.number().int().max(10) })).query(({ input }) => input.n),
});

const stamp = { [CLIENT_HEADER]: clientStamp({ ip: "192.0.2.1", https: false, host: "localhost" }) };

/** Through the same route wrapper as app/api/trpc/[trpc]/route.ts, with a known request id. */
function call(path: string, init: RequestInit = {}, which: Parameters<typeof handleTrpcRequest>[2] = testRouter): Promise<Response> {
  const headers = { ...stamp, "x-request-id": "req-test-0001", ...(init.headers as Record<string, string> | undefined) };
  const handler = routeHandler("/api/trpc", (req, { requestId }) => handleTrpcRequest(req, requestId, which, testDatabase));
  return handler(new Request(`http://localhost/api/trpc/${path}`, { ...init, headers }));
}

async function cookieFor(userId: string): Promise<string> {
  const { db } = await testDatabase();
  return `${USER_COOKIE}=${encodeURIComponent(sign(userId, await signingSecret(db)))}`;
}

afterEach(() => vi.restoreAllMocks());

describe("the tRPC error policy", () => {
  it("masks an internal error and logs it once, with the request id, route and stack", async () => {
    const logged = vi.spyOn(log, "error").mockImplementation(() => undefined);
    const res = await call("boom");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/Failed query|secret|params|\bat\s/);
    const body = JSON.parse(text) as { error: { message: string; data: { appCode: string; requestId: string; stack?: string } } };
    expect(body.error.message).toBe("Something went wrong on our side.");
    expect(body.error.data).toMatchObject({ appCode: "internal:server", requestId: "req-test-0001" });
    expect(body.error.data.stack).toBeUndefined();
    expect(logged).toHaveBeenCalledTimes(1);
    const [fields] = logged.mock.calls[0] as unknown as [{ requestId: string; route: string; err: Error }];
    expect(fields.requestId).toBe("req-test-0001");
    expect(fields.route).toBe("/api/trpc/boom");
    expect(fields.err.stack).toMatch(/Failed query/);
  });

  it("answers 503 when the database is unreachable, and keeps an AppError's kind and message", async () => {
    vi.spyOn(log, "warn").mockImplementation(() => undefined);
    const gone = await call("gone");
    expect(gone.status).toBe(503);
    expect(await gone.text()).not.toMatch(/ECONNREFUSED|5432/);
    const busy = await call("busy", { method: "POST", headers: { "content-type": "application/json" } });
    expect(busy.status).toBe(409);
    expect(((await busy.json()) as { error: { message: string; data: { appCode: string } } }).error).toMatchObject({ message: "the thing is busy", data: { appCode: "conflict:thing" } });
  });

  it("answers bad input with 400 and the issues", async () => {
    const res = await call(`echo?input=${encodeURIComponent(JSON.stringify({ n: 11 }))}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { data: { appCode: string; issues: { path: string }[] } } };
    expect(body.error.data.appCode).toBe("bad_request:input");
    expect(body.error.data.issues[0].path).toBe("n");
  });
});

describe("the app router over HTTP", () => {
  it(`refuses a batch of more than ${TRPC_MAX_BATCH} calls before running any`, async () => {
    const { db } = await testDatabase();
    const { userId, sessionId } = await createTestUser();
    const n = TRPC_MAX_BATCH + 1;
    const res = await call(`${Array(n).fill("chat.delete").join(",")}?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: await cookieFor(userId) },
      body: JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i), { sessionId }]))),
    }, appRouter);
    expect(res.status).toBe(400);
    expect(await db.select().from(chatSessions).where(eq(chatSessions.id, sessionId))).toHaveLength(1);
  });

  it("refuses a mutation another site made a browser send", async () => {
    const { userId, sessionId } = await createTestUser();
    const res = await call("chat.rename", {
      method: "POST",
      headers: { "content-type": "application/json", cookie: await cookieFor(userId), origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      body: JSON.stringify({ sessionId, title: "pwned" }),
    }, appRouter);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden:cross_origin");
  });

  it("refuses text PostgreSQL cannot store (NUL, lone surrogates) with a 400 and no SQL", async () => {
    const { userId, sessionId } = await createTestUser();
    for (const title of ["a\u0000b", "\udfff"]) {
      const res = await call("chat.rename", {
        method: "POST",
        headers: { "content-type": "application/json", cookie: await cookieFor(userId) },
        body: JSON.stringify({ sessionId, title }),
      }, appRouter);
      expect(res.status).toBe(400);
      expect(await res.text()).not.toMatch(/Failed query|update|chat_sessions|params/i);
    }
  });
});
