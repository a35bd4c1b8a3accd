// A hook on this process's HTTP(S) servers, ahead of Next: it stamps every request with the client's
// socket address (client-address.ts), and answers the methods a WHATWG Request cannot carry (TRACE,
// TRACK), which would otherwise fail inside Next with a 500 before any app code runs.
import http from "node:http";
import https from "node:https";
import { parseProxyTrust, stampIncoming } from "./client-address";

const UNREPRESENTABLE = new Set(["TRACE", "TRACK"]);
const g = globalThis as unknown as { __ensembleServerHook?: boolean };

function refuse(res: http.ServerResponse, method: string): void {
  const body = JSON.stringify({ error: { code: "method_not_allowed:http", message: `${method} is not served here.` } });
  res.writeHead(405, { "content-type": "application/json", allow: "GET, HEAD, POST, OPTIONS", "content-length": Buffer.byteLength(body), "x-content-type-options": "nosniff" });
  res.end(body);
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
        if (UNREPRESENTABLE.has((req.method ?? "").toUpperCase())) {
          refuse(res, req.method ?? "");
          return true;
        }
        try {
          stampIncoming(req, trust);
        } catch {
          /* a request we cannot stamp falls back to the shared "unknown" address */
        }
      }
      return emit.call(this, event, ...args);
    };
  }
}
