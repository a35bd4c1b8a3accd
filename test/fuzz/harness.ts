// The fuzz property and its bookkeeping: set up real rows to aim at, send each generated request, and
// hold every answer to the rules — no 5xx, an error is JSON without SQL or a stack, a refused request
// leaves no users / runs / chat_sessions row and no user cookie, and a 200 event stream ends cleanly.
import fc from "fast-check";
import { sql } from "drizzle-orm";
import type { Database } from "../../server/db/client";
import { chatSessions, users } from "../../server/db/schema";
import { signingSecret } from "../../server/auth/secret";
import { sign } from "../../server/auth/signed-value";
import { USER_COOKIE } from "../../server/auth/user";
import { ADMIN_COOKIE, createAdminSession } from "../../server/auth/admin";
import { runTurn } from "../../server/supervisor/service";
import { requestArbitrary, type FuzzRequest, type World } from "./requests";

export interface Answer {
  status: number;
  headers: Headers;
  body: string;
  /** The app answered (a handler or proxy.ts), not a stand-in for Next's routing. */
  byApp: boolean;
  /** Set when reading an event stream failed part-way. */
  streamError?: string;
}

export type Send = (r: FuzzRequest) => Promise<Answer | null>;

export interface FuzzStats {
  requests: number;
  /** Requests that could not be expressed by the sender (e.g. TRACE in a WHATWG Request). */
  skipped: number;
  byStatus: Record<string, number>;
  byTarget: Record<string, Record<string, number>>;
  failures: string[];
}

export function emptyStats(): FuzzStats {
  return { requests: 0, skipped: 0, byStatus: {}, byTarget: {}, failures: [] };
}

const LEAKS: [string, RegExp][] = [
  ["SQL", /Failed query|\bparams:|\bselect\b[^"]{0,200}\bfrom\b|\binsert into\b|\bupdate\s+"?\w+"?\s+set\b|\bdelete from\b/i],
  ["stack", /\n\s+at\s+\S|node_modules|\.[cm]?[jt]sx?:\d+:\d+/],
  ["driver", /PostgresError|ECONNREFUSED|invalid byte sequence|invalid input syntax|out of range for type/i],
];

/** Rows a refused request must not leave behind. */
export async function countRows(db: Database["db"]): Promise<string> {
  const [r] = await db.execute<{ u: number; r: number; s: number }>(
    sql`select (select count(*) from users)::int as u, (select count(*) from runs)::int as r, (select count(*) from chat_sessions)::int as s`,
  );
  return `users=${r.u} runs=${r.r} sessions=${r.s}`;
}

/** What is wrong with an answer, if anything. */
export function problemsOf(req: FuzzRequest, a: Answer, before: string | null, after: string | null): string[] {
  const out: string[] = [];
  if (a.status >= 500) out.push(`status ${a.status}${a.status === 599 ? ` (${a.body.slice(0, 120)})` : ""}`);
  if (a.streamError) out.push(`event stream failed: ${a.streamError}`);
  if (a.status === 207) {
    // A tRPC batch with mixed outcomes: each error entry is held to the same rules as an error response.
    let entries: unknown[] = [];
    try {
      entries = JSON.parse(a.body) as unknown[];
    } catch {
      out.push("a 207 body is not JSON");
    }
    for (const e of Array.isArray(entries) ? entries : []) {
      if (!e || typeof e !== "object" || !("error" in e)) continue;
      const text = JSON.stringify(e);
      for (const [what, re] of LEAKS) if (re.test(text)) out.push(`batch error leaks ${what}: ${text.slice(0, 200)}`);
      const status = (e as { error?: { data?: { httpStatus?: number } } }).error?.data?.httpStatus ?? 0;
      if (status >= 500) out.push(`batch entry with status ${status}`);
    }
  }
  if (a.status >= 400) {
    for (const [what, re] of LEAKS) if (re.test(a.body)) out.push(`error body leaks ${what}: ${a.body.slice(0, 200)}`);
    if (a.byApp && req.method !== "HEAD" && a.body) {
      let json: unknown = null;
      try {
        json = JSON.parse(a.body);
      } catch {
        out.push(`error body is not JSON: ${a.body.slice(0, 100)}`);
      }
      const withError = (v: unknown) => Boolean(v && typeof v === "object" && "error" in v);
      if (json !== null && !(withError(json) || (Array.isArray(json) && json.some(withError)))) out.push("error body has no error object");
    }
    if ((a.headers.get("set-cookie") ?? "").includes(`${USER_COOKIE}=`)) out.push("a refused request set a user cookie");
    if (before !== null && after !== null && before !== after) out.push(`a refused request changed rows: ${before} → ${after}`);
  }
  return out;
}

/** Real rows for the requests to aim at: a user with two sessions and a finished run, another user's run, an admin session. */
export async function prepareWorld(database: Database): Promise<World> {
  const { db } = database;
  const secret = await signingSecret(db);
  const [user] = await db.insert(users).values({}).returning();
  const [other] = await db.insert(users).values({}).returning();
  const [ghost] = await db.insert(users).values({}).returning();
  await db.execute(sql`delete from users where id = ${ghost.id}`);
  const mine = await runTurn(database, { userId: user.id, message: "마포구 아파트 전세 4억 적정한가요?" });
  const theirs = await runTurn(database, { userId: other.id, message: "주택임대차보호법 계약갱신요구권" });
  const [spare] = await db.insert(chatSessions).values({ userId: user.id, title: "spare" }).returning();
  const [last] = await db.execute<{ last_seq: number }>(sql`select last_seq from runs where id = ${mine.runId}`);
  let adminCookie: string | null = null;
  if (process.env.ADMIN_PASSWORD) adminCookie = `${ADMIN_COOKIE}=${encodeURIComponent((await createAdminSession(db)).value)}`;
  return {
    userCookie: `${USER_COOKIE}=${encodeURIComponent(sign(user.id, secret))}`,
    ghostCookie: `${USER_COOKIE}=${encodeURIComponent(sign(ghost.id, secret))}`,
    adminCookie, userId: user.id, sessionId: mine.sessionId!, spareSessionId: spare.id, runId: mine.runId, lastSeq: last.last_seq,
    otherRunId: theirs.runId, otherUserId: other.id,
  };
}

/** Reads a body; an event stream for at most `ms` (a live run's stream may go on), noting a failure part-way. */
export async function readBody(res: Response, ms = 4000): Promise<{ body: string; streamError?: string }> {
  if (!(res.headers.get("content-type") ?? "").includes("text/event-stream")) return { body: await res.text() };
  if (!res.body) return { body: "" };
  const reader = res.body.getReader();
  const dec = new TextDecoder();
  let body = "";
  const deadline = Date.now() + ms;
  try {
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      let timer: NodeJS.Timeout | undefined;
      const next = await Promise.race([reader.read(), new Promise<null>((r) => (timer = setTimeout(() => r(null), left)))]);
      clearTimeout(timer);
      if (next === null || next.done) break;
      body += dec.decode(next.value, { stream: true });
    }
    return { body };
  } catch (e) {
    return { body, streamError: String(e) };
  } finally {
    void reader.cancel().catch(() => {});
  }
}

/** Sends one request and records it; returns the problems found. */
export async function fuzzOnce(req: FuzzRequest, send: Send, db: Database["db"] | null, stats: FuzzStats): Promise<string[]> {
  const before = db ? await countRows(db) : null;
  const answer = await send(req);
  if (!answer) {
    stats.skipped++;
    return [];
  }
  const after = db && answer.status >= 400 ? await countRows(db) : before;
  stats.requests++;
  const key = String(answer.status);
  stats.byStatus[key] = (stats.byStatus[key] ?? 0) + 1;
  const t = (stats.byTarget[req.target] ??= {});
  t[key] = (t[key] ?? 0) + 1;
  const problems = problemsOf(req, answer, before, after);
  if (problems.length) stats.failures.push(`${req.method} ${req.path.slice(0, 160)} → ${problems.join("; ")}`);
  return problems;
}

/** The property over `runs` generated requests with a fixed seed; fails at the first request that breaks a rule. */
export async function runFuzz(opts: { world: World; send: Send; db: Database["db"] | null; runs: number; seed: number; onRequest?: (r: FuzzRequest, n: number) => void }): Promise<FuzzStats> {
  const stats = emptyStats();
  let n = 0;
  await fc.assert(
    fc.asyncProperty(requestArbitrary(opts.world), async (req) => {
      opts.onRequest?.(req, n++);
      const problems = await fuzzOnce(req, opts.send, opts.db, stats);
      if (problems.length) throw new Error(`${req.method} ${req.path}\n${JSON.stringify(req.headers)}\n${req.body?.slice(0, 300) ?? ""}\n→ ${problems.join("\n")}`);
    }),
    { numRuns: opts.runs, seed: opts.seed, endOnFailure: true },
  );
  if (opts.db) stats.failures.push(...await failedRuns(opts.db));
  return stats;
}

/**
 * A chat the fuzzer got accepted (200) runs on after its response: none of those runs may fail. Waits for
 * them to settle (at most a minute), then reports each failed run with its error.
 */
async function failedRuns(db: Database["db"]): Promise<string[]> {
  for (let i = 0; i < 120; i++) {
    const [{ running }] = await db.execute<{ running: number }>(sql`SELECT count(*)::int AS running FROM runs WHERE status = 'running'`);
    if (running === 0) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const rows = await db.execute<{ id: string; error: string | null }>(sql`SELECT id, error FROM runs WHERE status = 'failed' ORDER BY started_at`);
  return rows.map((r) => `run ${r.id} failed: ${r.error ?? "?"}`);
}

export function formatStats(s: FuzzStats, seed: number): string {
  const lines = [`requests=${s.requests} skipped=${s.skipped} seed=${seed} failures=${s.failures.length}`, `by status: ${JSON.stringify(s.byStatus)}`];
  for (const [target, counts] of Object.entries(s.byTarget).sort()) lines.push(`  ${target}: ${JSON.stringify(counts)}`);
  return lines.join("\n");
}
