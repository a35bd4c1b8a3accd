// POST /api/chat through the real route handler and a real database: bad input gets a 4xx JSON
// error and writes nothing (no run, no user cookie); only JSON from this site is accepted; the per-IP
// limit answers 429 with Retry-After; a good request streams the run and sets the user cookie.
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { sign } from "../../../server/auth/signed-value";
import { signingSecret } from "../../../server/auth/secret";
import { readUserId, USER_COOKIE } from "../../../server/auth/user";
import { CLIENT_HEADER, clientStamp } from "../../../server/http/client-address";
import { createTestUser, testDatabase } from "../../../test/db";
import { parseSse } from "../../../test/events";
import { POST } from "./route";

function post(body: string, headers: Record<string, string> = {}): Promise<Response> {
  return POST(new Request("http://localhost/api/chat", { method: "POST", body, headers: { "content-type": "application/json", ...headers } }));
}

async function runCount(marker: string): Promise<number> {
  const { db } = await testDatabase();
  const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from runs where question like ${"%" + marker + "%"}`);
  return rows[0].n;
}

afterEach(() => {
  delete process.env.ENSEMBLE_CHAT_LIMIT_IP;
});

describe("POST /api/chat", () => {
  const marker = `marker-${Date.now()}`;
  const cases: [string, string, RegExp][] = [
    ["invalid JSON", "{not json", /valid JSON/],
    ["missing message", JSON.stringify({ sessionId: undefined }), /message/],
    ["empty message", JSON.stringify({ message: "   " }), /must not be empty/],
    ["oversized message", JSON.stringify({ message: `${marker} ${"가".repeat(4001)}` }), /longer than 4000/],
    ["wrong type", JSON.stringify({ message: 42 }), /message must be a string/],
    ["bad sessionId", JSON.stringify({ message: marker, sessionId: "abc" }), /sessionId must be a UUID/],
    ["unknown field", JSON.stringify({ message: marker, admin: true }), /admin|Unrecognized/i],
    ["a NUL character", JSON.stringify({ message: `${marker} a\u0000b` }), /NUL/],
    ["a lone surrogate", JSON.stringify({ message: `${marker} \udfff` }), /surrogate/],
    ["a 36-character non-UUID session", JSON.stringify({ message: marker, sessionId: "-".repeat(36) }), /sessionId must be a UUID/],
  ];
  for (const [name, body, message] of cases) {
    it(`rejects ${name} with a 400 JSON error and no run row`, async () => {
      const res = await post(body);
      expect(res.status).toBe(400);
      const json = (await res.json()) as { error: { code: string; message: string } };
      expect(json.error.code).toBe("bad_request:chat");
      expect(json.error.message).toMatch(message);
      expect(res.headers.get("set-cookie")).toBeNull();
      expect(await runCount(marker)).toBe(0);
    });
  }

  for (const [name, type] of [["text/plain", "text/plain"], ["a form", "application/x-www-form-urlencoded"], ["no content type", ""]] as const) {
    it(`refuses ${name} with 415, so a cross-site form cannot post a question`, async () => {
      const res = await POST(new Request("http://localhost/api/chat", { method: "POST", body: JSON.stringify({ message: marker }), headers: type ? { "content-type": type } : {} }));
      expect(res.status).toBe(415);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unsupported_media_type:chat");
      expect(await runCount(marker)).toBe(0);
    });
  }

  it("refuses a body over 64 KiB with 413, also when the body is one branch of a tee (as Next hands it over)", async () => {
    const original = new Request("http://localhost/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ message: "가".repeat(30_000) }) });
    const branch = original.clone();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("no answer within 5 s")), 5000)));
    const res = await Promise.race([POST(branch), late]).finally(() => clearTimeout(timer));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("payload_too_large:chat");
  });

  it("refuses a post another site made a browser send (Origin or Sec-Fetch-Site)", async () => {
    const attempts: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { origin: "null" }];
    for (const headers of attempts) {
      const res = await post(JSON.stringify({ message: marker }), headers);
      expect(res.status).toBe(403);
      expect(res.headers.get("set-cookie")).toBeNull();
    }
    expect(await runCount(marker)).toBe(0);
  });

  it("answers a cookie-less request for a session with 404 before creating a user", async () => {
    const res = await post(JSON.stringify({ message: marker, sessionId: "3f1d2c4b-5a69-4e87-9b0a-1c2d3e4f5a6b" }));
    expect(res.status).toBe(404);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("treats a malformed cookie as no cookie", async () => {
    const res = await post(JSON.stringify({ message: "" }), { cookie: "ensemble_uid=%" });
    expect(res.status).toBe(400);
  });

  it("limits questions per client IP with 429 and Retry-After, whatever X-Forwarded-For says", async () => {
    process.env.ENSEMBLE_CHAT_LIMIT_IP = "2";
    const ip = `192.0.2.${Math.floor(Math.random() * 200) + 20}`;
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 3; i++) {
      last = await post(JSON.stringify({ message: `rate limit check ${i}` }), { [CLIENT_HEADER]: clientStamp({ ip, https: false, host: "localhost" }), "x-forwarded-for": `203.0.113.${i}` });
      statuses.push(last.status);
      if (last.status === 200) await last.text();
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last!.headers.get("set-cookie")).toBeNull();
    expect(((await last!.json()) as { error: { code: string } }).error.code).toBe("rate_limited:chat");
  }, 60_000);

  it("answers 404 for another user's session, without writing a run", async () => {
    const { db } = await testDatabase();
    const owner = await createTestUser();
    const intruder = await createTestUser();
    const cookie = `${USER_COOKIE}=${encodeURIComponent(sign(intruder.userId, await signingSecret(db)))}`;
    const res = await post(JSON.stringify({ message: `${marker} hello`, sessionId: owner.sessionId }), { cookie });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found:session");
    expect(await runCount(marker)).toBe(0);
  });

  it("streams a run's events and identifies the new user with a signed httpOnly cookie", async () => {
    const res = await post(JSON.stringify({ message: "계약갱신요구권은 몇 번 쓸 수 있나요?" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    expect(res.headers.get("x-run-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get("set-cookie")).toMatch(new RegExp(`^${USER_COOKIE}=.+HttpOnly; SameSite=Lax`));
    const events = parseSse(await res.text());
    expect(events[0].type).toBe("run_started");
    expect(events.at(-1)!.type).toBe("run_completed");
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    // The new user was written by the run's own statement: one transaction, so one now() for the user and the chat.
    const { db } = await testDatabase();
    const cookieUser = await readUserId(db, res.headers.get("set-cookie")!.split(";")[0]);
    const [row] = await db.execute<{ same: boolean; cookie: boolean }>(sql`select u.created_at = s.created_at as same, u.id::text = ${cookieUser ?? ""} as cookie
      from runs r join users u on u.id = r.user_id join chat_sessions s on s.id = r.session_id where r.id = ${res.headers.get("x-run-id")}::uuid`);
    expect(row).toEqual({ same: true, cookie: true });
  }, 60_000);
});
