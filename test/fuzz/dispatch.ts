// Sends a request through the app in this process, as `next start` would: the server hook's guard for
// /api/* (server/http/api-guard.ts) or proxy.ts for the rest first, then the route handler its path names
// (params decoded per segment), with Next's answers for a method a route does not export (405), HEAD (GET
// without the body), OPTIONS (204) and an unknown path (404).
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { apiHeaders, isApiPath, refusalBody, refusalHeaders, refusalOf } from "@/server/http/api-guard";
import { clientAddress } from "@/server/http/client-address";
import * as chat from "@/app/api/chat/route";
import * as health from "@/app/api/health/route";
import * as metrics from "@/app/api/metrics/route";
import * as login from "@/app/api/admin/login/route";
import * as logout from "@/app/api/admin/logout/route";
import * as run from "@/app/api/runs/[runId]/route";
import * as events from "@/app/api/runs/[runId]/events/route";
import * as trpc from "@/app/api/trpc/[trpc]/route";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST", Handler>>;

const ROUTES: { pattern: RegExp; params: string[]; mod: RouteModule }[] = [
  { pattern: /^\/api\/chat$/, params: [], mod: chat as RouteModule },
  { pattern: /^\/api\/health$/, params: [], mod: health as RouteModule },
  { pattern: /^\/api\/metrics$/, params: [], mod: metrics as RouteModule },
  { pattern: /^\/api\/admin\/login$/, params: [], mod: login as RouteModule },
  { pattern: /^\/api\/admin\/logout$/, params: [], mod: logout as RouteModule },
  { pattern: /^\/api\/runs\/([^/]+)$/, params: ["runId"], mod: run as unknown as RouteModule },
  { pattern: /^\/api\/runs\/([^/]+)\/events$/, params: ["runId"], mod: events as unknown as RouteModule },
  { pattern: /^\/api\/trpc\/([^/]+)$/, params: ["trpc"], mod: trpc as RouteModule },
];

export interface Dispatched {
  res: Response;
  /** True when one of the app's handlers (or proxy.ts) answered, not a stand-in for Next's own routing. */
  byApp: boolean;
}

/** As the server hook does for /api/*: a refusal, or the route's answer with the API headers it did not set itself. */
async function guardApi(req: Request, pathname: string, next: () => Promise<Dispatched>): Promise<Dispatched> {
  const https = clientAddress(req).https;
  const refusal = refusalOf(req.method, pathname);
  if (refusal) return { res: new Response(refusalBody(refusal), { status: refusal.status, headers: refusalHeaders(refusal, https) }), byApp: true };
  const headers = apiHeaders(https);
  const out = await next();
  for (const [k, v] of Object.entries(headers)) if (!out.res.headers.has(k)) out.res.headers.set(k, v);
  return out;
}

export async function dispatchInProcess(req: Request): Promise<Dispatched> {
  const url = new URL(req.url);
  if (isApiPath(url.pathname)) return guardApi(req, url.pathname, () => routeRequest(req, url));
  const proxied = proxy(new NextRequest(req.clone()));
  if (!proxied.headers.get("x-middleware-next")) return { res: proxied, byApp: true };
  return routeRequest(req, url);
}

async function routeRequest(req: Request, url: URL): Promise<Dispatched> {
  for (const route of ROUTES) {
    const m = route.pattern.exec(url.pathname);
    if (!m) continue;
    const params = Object.fromEntries(route.params.map((name, i) => [name, decodeURIComponent(m[i + 1])]));
    const method = req.method === "HEAD" ? "GET" : req.method;
    if (req.method === "OPTIONS") return { res: new Response(null, { status: 204, headers: { allow: Object.keys(route.mod).join(", ") } }), byApp: false };
    const handler = route.mod[method as "GET" | "POST"];
    if (!handler) return { res: new Response(null, { status: 405 }), byApp: false };
    const res = await handler(req, { params: Promise.resolve(params) });
    if (req.method === "HEAD") {
      await res.body?.cancel().catch(() => {});
      return { res: new Response(null, { status: res.status, headers: res.headers }), byApp: true };
    }
    return { res, byApp: true };
  }
  return { res: new Response("not found", { status: 404 }), byApp: false };
}
