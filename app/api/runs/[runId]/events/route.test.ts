// GET /api/runs/{id}/events and GET /api/runs/{id} through the real handlers: a client resuming at or
// past the end of a finished run (EventSource's reconnect after run_completed) gets a stream that ends;
// sequence numbers are bounded; ids that are not UUIDs answer 404 JSON, never 500.
import { describe, expect, it } from "vitest";
import { signingSecret } from "../../../../../server/auth/secret";
import { sign } from "../../../../../server/auth/signed-value";
import { USER_COOKIE } from "../../../../../server/auth/user";
import { runTurn } from "../../../../../server/supervisor/service";
import { createTestUser, testDatabase } from "../../../../../test/db";
import { parseSse } from "../../../../../test/events";
import { GET as events } from "./route";
import { GET as summary } from "../route";

async function finishedRun(): Promise<{ runId: string; lastSeq: number; cookie: string }> {
  const database = await testDatabase();
  const { userId } = await createTestUser();
  const run = await runTurn(database, { userId, message: "계약갱신요구권은 몇 번 쓸 수 있나요?" });
  const [row] = await database.sql<{ last_seq: number }[]>`select last_seq from runs where id = ${run.runId}`;
  return { runId: run.runId, lastSeq: row.last_seq, cookie: `${USER_COOKIE}=${encodeURIComponent(sign(userId, await signingSecret(database.db)))}` };
}

const get = (runId: string, cookie: string, query = "", headers: Record<string, string> = {}) =>
  events(new Request(`http://localhost/api/runs/${runId}/events${query}`, { headers: { cookie, ...headers } }), { params: Promise.resolve({ runId }) });

/** The whole body, or a failure if the stream is still open after `ms`. */
async function bodyWithin(res: Response, ms: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`stream still open after ${ms} ms`)), ms)));
  try {
    return await Promise.race([res.text(), late]);
  } finally {
    clearTimeout(timer);
  }
}

describe("GET /api/runs/{id}/events", () => {
  it("ends at once for a client resuming at or past a finished run's last event", async () => {
    const { runId, lastSeq, cookie } = await finishedRun();
    for (const [query, headers] of [[`?after=${lastSeq}`, {}], [`?after=${lastSeq + 50}`, {}], ["", { "last-event-id": String(lastSeq) }]] as const) {
      const res = await get(runId, cookie, query, headers);
      expect(res.status).toBe(200);
      expect(parseSse(await bodyWithin(res, 2500))).toEqual([]);
    }
    const tail = parseSse(await bodyWithin(await get(runId, cookie, `?after=${lastSeq - 1}`), 2500));
    expect(tail.map((e) => e.seq)).toEqual([lastSeq]);
    expect(tail[0].type).toBe("run_completed");
  });

  it("refuses sequence numbers that are not integers from 0 to 2^31-1", async () => {
    const { runId, cookie } = await finishedRun();
    for (const after of ["2147483648", "-1", "1.5", "abc", "1e3", "99999999999"]) {
      const res = await get(runId, cookie, `?after=${after}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("bad_request:events");
    }
    expect((await get(runId, cookie, "", { "last-event-id": "2147483648" })).status).toBe(400);
  });

  it("answers 404 JSON for ids that only look like UUIDs", async () => {
    const { cookie } = await finishedRun();
    for (const id of ["-".repeat(36), "0".repeat(36), "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "%ZZ"]) {
      const ev = await get(id, cookie);
      expect(ev.status).toBe(404);
      expect(((await ev.json()) as { error: { code: string } }).error.code).toBe("not_found:run");
      const sum = await summary(new Request(`http://localhost/api/runs/${id}`, { headers: { cookie } }), { params: Promise.resolve({ runId: id }) });
      expect(sum.status).toBe(404);
    }
  });
});
