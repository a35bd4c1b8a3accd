// proxy.ts, the code in front of every page: methods the app does not serve and broken
// percent-encoding answer JSON 4xx; pages get a fresh CSP nonce (also handed to Next in the request
// headers); every answer has nosniff, no framing, a referrer policy, and HSTS exactly when the request
// came over HTTPS. /api/* has the server hook's guard instead (server/http/api-guard.test.ts).
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { config, proxy } from "../proxy";
import { CLIENT_HEADER, clientStamp } from "../server/http/client-address";

const req = (path: string, init: { method?: string; https?: boolean } = {}) =>
  new NextRequest(`http://localhost${path}`, { method: init.method ?? "GET", headers: { [CLIENT_HEADER]: clientStamp({ ip: "192.0.2.1", https: Boolean(init.https), host: "localhost" }) } });

describe("proxy", () => {
  it("refuses methods the app does not serve with a JSON 405", async () => {
    for (const method of ["PUT", "DELETE", "PATCH", "PROPFIND"]) {
      const res = proxy(req("/c/abc", { method }));
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("method_not_allowed:http");
    }
  });

  it("refuses a path with broken percent-encoding with a JSON 400", async () => {
    for (const path of ["/admin/%ZZ", "/c/%ZZ", "/c/%E0%A4%A", "/%"]) {
      const res = proxy(req(path));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("bad_request:path");
    }
  });

  it("gives every page a new nonce in its CSP, and Next the same policy in the request", () => {
    const a = proxy(req("/"));
    const b = proxy(req("/admin"));
    const csp = a.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(nonce).not.toBe(/'nonce-([^']+)'/.exec(b.headers.get("content-security-policy")!)![1]);
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("is not run for /api/*, which the server hook guards", () => {
    const [matcher] = config.matcher;
    const re = new RegExp(`^${matcher}$`);
    expect(re.test("/api/chat")).toBe(false);
    expect(re.test("/api/runs/x/events")).toBe(false);
    expect(re.test("/c/abc")).toBe(true);
    expect(re.test("/admin")).toBe(true);
  });

  it("sets the other security headers, and HSTS only over HTTPS", () => {
    const plain = proxy(req("/admin"));
    expect(plain.headers.get("x-content-type-options")).toBe("nosniff");
    expect(plain.headers.get("x-frame-options")).toBe("DENY");
    expect(plain.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const secure = proxy(req("/", { https: true }));
    expect(secure.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(secure.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });
});
