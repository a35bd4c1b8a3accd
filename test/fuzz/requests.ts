// The fuzzer's requests: every route and every tRPC procedure, from valid requests mutated into hostile
// ones (bodies, ids, cursors, sequence numbers, content types, cookies, Origin and proxy headers, methods).
import fc from "fast-check";
import { applyMutation, hostileString, hostileValue, mutation } from "./hostile";

/** Real rows the requests point at, made by the harness before the run. */
export interface World {
  userCookie: string;
  /** A signed cookie for a user id that has no row. */
  ghostCookie: string;
  adminCookie: string | null;
  userId: string;
  sessionId: string;
  /** A second session of the user, for chat.delete (the first holds the run the other requests read). */
  spareSessionId: string;
  runId: string;
  lastSeq: number;
  /** A run of another user. */
  otherRunId: string;
  otherUserId: string;
}

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Which route or procedure this aims at, for the report. */
  target: string;
}

/** A valid input per tRPC procedure; the fuzzer mutates these. Every procedure of the router must be here. */
export function procedureInputs(w: World): Record<string, { type: "query" | "mutation"; input: unknown }> {
  const q = (input: unknown = undefined) => ({ type: "query" as const, input });
  const m = (input: unknown = undefined) => ({ type: "mutation" as const, input });
  const filter = { status: "completed", intent: "LEGAL_CONSULT", strategy: "parallel", orchestrated: true, decisionSource: "rules", userId: w.userId, flag: { key: "orchestrator", value: true }, from: "2024-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z", text: "전세" };
  return {
    "chat.sessions": q(),
    "chat.session": q({ sessionId: w.sessionId }),
    "chat.rename": m({ sessionId: w.sessionId, title: "renamed" }),
    "chat.delete": m({ sessionId: w.spareSessionId }),
    "memory.mine": q(),
    "memory.clear": m(),
    "statutes.article": q({ key: "주택임대차보호법 제3조의2 제2항", asOf: "2026-01-01" }),
    "admin.history.list": q({ filter, sort: "startedAt", order: "desc", limit: 20, cursor: null }),
    "admin.history.totals": q({ filter }),
    "admin.history.filterOptions": q(),
    "admin.runs.get": q({ runId: w.runId }),
    "admin.runs.checkpoint": q({ runId: w.runId, seq: 1 }),
    "admin.runs.events": q({ runId: w.runId, cursor: 0, limit: 50 }),
    "admin.flags.list": q(),
    "admin.flags.set": m({ key: "adaptive_strategy", enabled: null, rolloutPercent: 100, killed: false }),
    "admin.flags.overrides": q({ key: "orchestrator" }),
    "admin.flags.setOverride": m({ key: "orchestrator", userId: w.otherUserId, value: null }),
    "admin.flags.audit": q({ key: "orchestrator", beforeId: 1000, limit: 10 }),
    "admin.flags.cohort": q({ key: "orchestrator", from: "2024-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z" }),
    "admin.memory.overview": q({ scope: "global" }),
    "admin.memory.statHistory": q({ scope: "global", tool: "market_data", days: 30 }),
    "admin.memory.recentUsers": q(),
    "admin.memory.clear": m({ userId: w.otherUserId }),
  };
}

const methods = fc.oneof(
  { weight: 12, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "HEAD", "PROPFIND") },
);

const contentTypes = fc.oneof(
  { weight: 6, arbitrary: fc.constant("application/json") },
  { weight: 1, arbitrary: fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "", "application/json; charset=utf-8", "APPLICATION/JSON", "application/jsonx") },
);

const origins = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.constant("http://localhost") },
  { weight: 1, arbitrary: fc.constantFrom("https://evil.example", "null", "not a url", "http://localhost.evil.example") },
);

const fetchSites = fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom("same-origin", "same-site", "cross-site", "none", "bogus") });

const forwardedFor = fc.oneof(
  { weight: 5, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom("1.2.3.4", "1.2.3.4, 5.6.7.8", "garbage", "::1", "", "999.1.1.1, ,") },
);

type CookieKind = "right" | "none" | "user" | "admin" | "both" | "ghost" | "garbage";
/** Mostly the cookie the target needs, so requests get past the door and reach the input checks. */
const cookieKinds = fc.oneof(
  { weight: 6, arbitrary: fc.constant<CookieKind>("right") },
  { weight: 1, arbitrary: fc.constantFrom<CookieKind>("none", "user", "admin", "both", "ghost", "garbage") },
);
const garbageCookies = ["ensemble_uid=%", "ensemble_uid=%ZZ", "ensemble_uid=abc.def", "ensemble_admin=%", "ensemble_admin=x.y; ensemble_uid=", "=;;=; ensemble_uid"];

/** Which cookie a target needs; logout never gets the admin cookie, which it would revoke for every later request. */
function rightCookie(target: string): CookieKind {
  if (target === "POST /api/admin/logout") return "ghost";
  if (/^trpc admin\./.test(target) || target === "GET /api/metrics") return "admin";
  return "user";
}

function cookieFor(w: World, kind: CookieKind, garbage: number, target: string): string | null {
  if (target === "POST /api/admin/logout" && (kind === "admin" || kind === "both")) kind = "user";
  switch (kind) {
    case "right": return cookieFor(w, rightCookie(target), garbage, target);
    case "none": return null;
    case "user": return w.userCookie;
    case "admin": return w.adminCookie;
    case "both": return w.adminCookie ? `${w.userCookie}; ${w.adminCookie}` : w.userCookie;
    case "ghost": return w.ghostCookie;
    case "garbage": return garbageCookies[garbage % garbageCookies.length];
  }
}

interface Common {
  method: string | null;
  contentType: string;
  origin: string | null;
  fetchSite: string | null;
  xff: string | null;
  cookie: CookieKind;
  garbage: number;
}

const common: fc.Arbitrary<Common> = fc.record({ method: methods, contentType: contentTypes, origin: origins, fetchSite: fetchSites, xff: forwardedFor, cookie: cookieKinds, garbage: fc.nat() });

function headersOf(w: World, c: Common, withBody: boolean, target: string): Record<string, string> {
  const h: Record<string, string> = {};
  const cookie = cookieFor(w, c.cookie, c.garbage, target);
  if (cookie) h.cookie = cookie;
  if (withBody && c.contentType) h["content-type"] = c.contentType;
  if (c.origin) h.origin = c.origin;
  if (c.fetchSite) h["sec-fetch-site"] = c.fetchSite;
  if (c.xff !== null) h["x-forwarded-for"] = c.xff;
  return h;
}

/**
 * encodeURIComponent, except that an unpaired surrogate (which it refuses) becomes its 3-byte WTF-8
 * escape: invalid UTF-8 that the server has to refuse cleanly.
 */
export function encodeAny(s: string): string {
  return s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g, (ch) => {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) {
      return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join("");
    }
    return encodeURIComponent(ch);
  });
}

/** A path segment: a real id, or something else of any shape, raw or percent-encoded. */
const idSegment = (real: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...real) },
    { weight: 2, arbitrary: hostileString.map(encodeAny) },
    { weight: 1, arbitrary: fc.constantFrom("%ZZ", "%", "------------------------------------", "0".repeat(36), "..", "%2F", "a%00b") },
  );

const seqValue = (w: World) =>
  fc.oneof(
    fc.constantFrom("0", String(w.lastSeq), String(w.lastSeq - 1), String(w.lastSeq + 5), "-1", "1.5", "2147483647", "2147483648", "99999999999", "abc", "", " 3", "1e3"),
    fc.nat().map(String),
  );

export function requestArbitrary(w: World): fc.Arbitrary<FuzzRequest> {
  const procs = procedureInputs(w);
  const names = Object.keys(procs);
  const runIds = [w.runId, w.otherRunId];

  const chat = fc.record({ c: common, m: mutation, session: fc.constantFrom<"none" | "own" | "other">("none", "none", "own", "other"), raw: fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom("{not json", "", "[]", "\"x\"", "{\"message\":\"a\\u0000b\"}", "{\"message\":\"\\udfff\"}", "\xff\xfe") }) }).map(({ c, m, session, raw }) => {
    const base = { message: "마포구 전세 4억 적정한가요?", ...(session === "own" ? { sessionId: w.sessionId } : session === "other" ? { sessionId: "3f1d2c4b-5a69-4e87-9b0a-1c2d3e4f5a6b" } : {}) };
    return { method: c.method ?? "POST", path: "/api/chat", headers: headersOf(w, c, true, "POST /api/chat"), body: raw ?? JSON.stringify(applyMutation(base, m)) ?? "", target: "POST /api/chat" };
  });

  const run = fc.record({ c: common, id: idSegment(runIds) }).map(({ c, id }) => ({ method: c.method ?? "GET", path: `/api/runs/${id}`, headers: headersOf(w, c, false, "GET /api/runs/[runId]"), target: "GET /api/runs/[runId]" }));

  const events = fc.record({ c: common, id: idSegment(runIds), seq: seqValue(w), viaHeader: fc.boolean() }).map(({ c, id, seq, viaHeader }) => {
    const headers = headersOf(w, c, false, "GET /api/runs/[runId]/events");
    if (viaHeader) headers["last-event-id"] = seq;
    return { method: c.method ?? "GET", path: `/api/runs/${id}/events${viaHeader ? "" : `?after=${encodeAny(seq)}`}`, headers, target: "GET /api/runs/[runId]/events" };
  });

  const login = fc.record({ c: common, m: mutation }).map(({ c, m }) => ({
    method: c.method ?? "POST", path: "/api/admin/login", headers: headersOf(w, c, true, "POST /api/admin/login"), body: JSON.stringify(applyMutation({ password: "not-the-password" }, m)) ?? "", target: "POST /api/admin/login",
  }));
  const logout = common.map((c) => ({ method: c.method ?? "POST", path: "/api/admin/logout", headers: headersOf(w, c, false, "POST /api/admin/logout"), target: "POST /api/admin/logout" }));
  const health = common.map((c) => ({ method: c.method ?? "GET", path: "/api/health", headers: headersOf(w, c, false, "GET /api/health"), target: "GET /api/health" }));
  const metrics = common.map((c) => ({ method: c.method ?? "GET", path: "/api/metrics", headers: headersOf(w, c, false, "GET /api/metrics"), target: "GET /api/metrics" }));

  const trpcCall = fc.record({ name: fc.constantFrom(...names), m: mutation });
  const trpc = fc.record({ c: common, calls: fc.array(trpcCall, { minLength: 1, maxLength: 3 }), bigBatch: fc.oneof({ weight: 15, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 21, max: 60 }) }), wrongVerb: fc.oneof({ weight: 10, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }), unknown: fc.oneof({ weight: 15, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: hostileString }) }).map(({ c, calls, bigBatch, wrongVerb, unknown }) => {
    const list = bigBatch ? Array.from({ length: bigBatch }, () => calls[0]) : calls;
    const inputs = list.map((call) => {
      const p = procs[call.name];
      return p.input === undefined && call.m.kind !== "whole" ? undefined : applyMutation(p.input, call.m);
    });
    const pathNames = unknown !== null ? [encodeAny(unknown)] : list.map((call) => call.name);
    const isMutation = procs[list[0].name].type === "mutation";
    const verb = c.method ?? ((isMutation !== wrongVerb) ? "POST" : "GET");
    const batch = list.length > 1 || bigBatch > 0;
    const payload = batch ? Object.fromEntries(inputs.map((x, i) => [String(i), x])) : inputs[0];
    const json = payload === undefined ? undefined : JSON.stringify(payload);
    const query = [batch ? "batch=1" : null, verb === "GET" && json !== undefined ? `input=${encodeAny(json)}` : null].filter(Boolean).join("&");
    return {
      method: verb, path: `/api/trpc/${pathNames.join(",")}${query ? `?${query}` : ""}`, headers: headersOf(w, c, verb !== "GET", `trpc ${list[0].name}`),
      ...(verb !== "GET" && json !== undefined ? { body: json } : {}), target: `trpc ${list[0].name}`,
    };
  });

  return fc.oneof(
    { weight: 3, arbitrary: chat },
    { weight: 2, arbitrary: run },
    { weight: 2, arbitrary: events },
    { weight: 1, arbitrary: login },
    { weight: 1, arbitrary: logout },
    { weight: 1, arbitrary: health },
    { weight: 1, arbitrary: metrics },
    { weight: 8, arbitrary: trpc },
  );
}

export { hostileValue };
