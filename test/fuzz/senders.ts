// How the fuzzer sends a request: into the route handlers of this process (stamped with a socket
// address, as the server hook would), or over HTTP to a running app with node:http, which can send any
// method (TRACE included) and raw paths.
import http from "node:http";
import { CLIENT_HEADER, clientStamp } from "../../server/http/client-address";
import { dispatchInProcess } from "./dispatch";
import { readBody, type Answer, type Send } from "./harness";
import type { FuzzRequest } from "./requests";

/** A few client addresses in turn, so per-IP limits see several clients. */
const CLIENT_IPS = ["192.0.2.10", "192.0.2.11", "198.51.100.7", "2001:db8::5"];

export function inProcessSender(): Send {
  let n = 0;
  return async (r: FuzzRequest): Promise<Answer | null> => {
    const ip = CLIENT_IPS[n++ % CLIENT_IPS.length];
    let req: Request;
    try {
      req = new Request(`http://localhost${r.path}`, {
        method: r.method,
        headers: { ...r.headers, [CLIENT_HEADER]: clientStamp({ ip, https: false, host: "localhost" }) },
        ...(r.body !== undefined && r.method !== "GET" && r.method !== "HEAD" ? { body: r.body } : {}),
      });
    } catch {
      return null; // a method or header the WHATWG Request refuses (TRACE, CR/LF in a value): only the HTTP mode can send it
    }
    const { res, byApp } = await dispatchInProcess(req);
    const { body, streamError } = await readBody(res);
    return { status: res.status, headers: res.headers, body, byApp, streamError };
  };
}

export function httpSender(base: string): Send {
  const url = new URL(base);
  return (r: FuzzRequest) =>
    new Promise<Answer | null>((resolve) => {
      const headers: Record<string, string> = { ...r.headers, host: url.host };
      if (headers.origin === "http://localhost") headers.origin = url.origin;
      let req: http.ClientRequest;
      try {
        req = http.request({ host: url.hostname, port: url.port, method: r.method, path: r.path, headers, timeout: 60_000 });
      } catch {
        resolve(null); // Node refuses the header itself (CR/LF): it never reaches the server
        return;
      }
      req.on("response", (res) => {
        const chunks: Buffer[] = [];
        const stream = (res.headers["content-type"] ?? "").includes("text/event-stream");
        const stop = stream ? setTimeout(() => res.destroy(), 4000) : undefined;
        let failed: string | undefined;
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", (e) => (failed = String(e)));
        res.on("close", () => {
          clearTimeout(stop);
          const h = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(", ") : v);
          // A stream we cut off ourselves is fine; one the server broke before its end is not.
          const aborted = !res.complete && !stream;
          // Next's own 404 page (a path no route matches) is HTML by design; everything else is the app's.
          const byApp = !(res.statusCode === 404 && !(res.headers["content-type"] ?? "").includes("json"));
          resolve({ status: res.statusCode ?? 0, headers: h, body: Buffer.concat(chunks).toString("utf8"), byApp, streamError: failed ?? (aborted ? "connection closed early" : undefined) });
        });
      });
      req.on("timeout", () => req.destroy(new Error("timeout")));
      // No answer at all (refused, reset, 60 s without a response) counts as a failure: 599.
      req.on("error", (e) => resolve({ status: 599, headers: new Headers(), body: `transport error: ${String(e)}`, byApp: true }));
      if (r.body !== undefined && r.method !== "GET" && r.method !== "HEAD") req.write(r.body);
      req.end();
    });
}

export { readBody };
