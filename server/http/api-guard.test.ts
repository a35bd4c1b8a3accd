// The guard in front of /api/*, through a real HTTP server with the server hook installed (as `next start`
// runs it): what the app does not serve is a JSON 4xx before any route runs, and every API answer carries
// the security headers with the closed CSP, unless the route set one itself; pages are left to proxy.ts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusalOf } from "./api-guard";
import { installServerHook } from "./server-hook";

interface Answer { status: number; headers: http.IncomingHttpHeaders; body: string }

describe("the API guard", () => {
  let server: http.Server;
  let port: number;
  const routed: string[] = [];

  beforeAll(async () => {
    installServerHook();
    server = http.createServer((req, res) => {
      routed.push(`${req.method} ${req.url}`);
      if (req.url === "/api/own-csp") res.setHeader("content-security-policy", "sandbox");
      res.end("routed");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  // http.request, not fetch: fetch refuses some methods and normalises paths.
  const send = (method: string, path: string) => new Promise<Answer>((resolve, reject) => {
    const r = http.request({ host: "127.0.0.1", port, method, path }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    r.on("error", reject);
    r.end();
  });

  it("refuses methods the app does not serve with a JSON 405 that names the ones it does", async () => {
    for (const method of ["PUT", "DELETE", "PATCH", "PROPFIND"]) {
      const a = await send(method, "/api/chat");
      expect(a.status).toBe(405);
      expect(a.headers.allow).toBe("GET, HEAD, POST, OPTIONS");
      expect(JSON.parse(a.body)).toMatchObject({ error: { code: "method_not_allowed:http" } });
      expect(a.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    }
    expect(routed.filter((r) => r.endsWith("/api/chat"))).toEqual([]);
  });

  it("refuses a path with broken percent-encoding with a JSON 400, whatever the query says", async () => {
    for (const path of ["/api/runs/%ZZ", "/api/runs/%E0%A4%A/events?after=1"]) {
      const a = await send("GET", path);
      expect(a.status).toBe(400);
      expect(JSON.parse(a.body)).toMatchObject({ error: { code: "bad_request:path" } });
    }
    expect((await send("GET", "/api/health?q=%ZZ")).body).toBe("routed");
  });

  it("puts the security headers on what a route answers, and a route's own header wins", async () => {
    const a = await send("GET", "/api/health");
    expect(a.body).toBe("routed");
    expect(a.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(a.headers["x-content-type-options"]).toBe("nosniff");
    expect(a.headers["x-frame-options"]).toBe("DENY");
    expect(a.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(a.headers["strict-transport-security"]).toBeUndefined();
    expect((await send("GET", "/api/own-csp")).headers["content-security-policy"]).toBe("sandbox");
  });

  it("leaves pages to proxy.ts", async () => {
    const a = await send("GET", "/c/abc");
    expect(a.body).toBe("routed");
    expect(a.headers["content-security-policy"]).toBeUndefined();
  });

  it("decides the same for every served method and path (pure)", () => {
    expect(refusalOf("GET", "/api/x")).toBeNull();
    expect(refusalOf("OPTIONS", "/api/x")).toBeNull();
    expect(refusalOf("HEAD", "/api/%")?.status).toBe(400);
    expect(refusalOf("PUT", "/api/%")?.status).toBe(405);
  });
});
