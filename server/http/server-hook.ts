// A hook on this process's HTTP(S) servers, ahead of Next: it stamps every request with the client's
// socket address (client-address.ts), answers the methods a WHATWG Request cannot carry (TRACE,
// TRACK), which would otherwise fail inside Next with a 500 before any app code runs, and guards /api/*
// (api-guard.ts: JSON 4xx for what the app does not serve, the security headers on every answer).
import http from "node:http";
import https from "node:https";
import { apiHeaders, isApiPath, refusalBody, refusalHeaders, refusalOf } from "./api-guard";
import { parseProxyTrust, stampIncoming } from "./client-address";

const UNREPRESENTABLE = new Set(["TRACE", "TRACK"]);
const g = globalThis as unknown as { __ensembleServerHook?: boolean };

function refuse(res: http.ServerResponse, method: string, pathname: string, secure: boolean): boolean {
  const refusal = refusalOf(method, pathname);
  if (!refusal) return false;
  const body = refusalBody(refusal);
  res.writeHead(refusal.status, { ...refusalHeaders(refusal, secure), "content-length": Buffer.byteLength(body) });
  res.end(body);
  return true;
}

/** Patches http.Server and https.Server once per process; requests already in flight are unaffected. */
export function installServerHook(): void {
  if (g.__ensembleServerHook) return;
  g.__ensembleServerHook = true;
  const trust = parseProxyTrust(process.env.ENSEMBLE_TRUST_PROXY);
  for (const proto of [http.Server.prototype, https.Server.prototype] as { emit: (event: string | symbol, ...args: unknown[]) => boolean }[]) {
    const emit = proto.emit;
    proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]): boolean {
      if (event === "request" && args[0] instanceof http.IncomingMessage && args[1] instanceof http.ServerResponse) {
        const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
        const method = (req.method ?? "").toUpperCase();
        const url = req.url ?? "/";
        const q = url.indexOf("?");
        const pathname = q < 0 ? url : url.slice(0, q);
        if (UNREPRESENTABLE.has(method)) return refuse(res, method, pathname, false);
        // Unstamped, HTTPS is what client-address.ts then assumes for the route.
        let secure = process.env.ENSEMBLE_SECURE_COOKIES === "1";
        try {
          secure = stampIncoming(req, trust).https;
        } catch {
          /* a request we cannot stamp falls back to the shared "unknown" address */
        }
        if (isApiPath(pathname)) {
          if (refuse(res, method, pathname, secure)) return true;
          // Set before Next writes its answer: a header the route sets itself replaces these.
          for (const [k, v] of Object.entries(apiHeaders(secure))) res.setHeader(k, v);
        }
      }
      return emit.call(this, event, ...args);
    };
  }
}
