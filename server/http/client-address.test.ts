// Who the client is: the socket unless ENSEMBLE_TRUST_PROXY trusts a number of hops or a list of
// proxies, checked on the pure resolver and through a real HTTP server with the hook installed,
// where a client-sent X-Forwarded-For or a forged stamp header changes nothing.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_HEADER, clientAddress, clientStamp, normalizeIp, parseProxyTrust, resolveClient } from "./client-address";
import { installServerHook } from "./server-hook";
import { crossSiteReason } from "./same-origin";

describe("resolveClient", () => {
  const none = parseProxyTrust(undefined);
  it("uses the socket and ignores X-Forwarded-For unless proxies are trusted", () => {
    expect(resolveClient("::ffff:10.0.0.9", "1.2.3.4", none)).toEqual({ ip: "10.0.0.9", viaTrustedProxy: false });
    expect(resolveClient("10.0.0.9", null, parseProxyTrust("1"))).toEqual({ ip: "10.0.0.9", viaTrustedProxy: false });
    expect(parseProxyTrust("0").kind).toBe("none");
  });

  it("with N hops, takes the address N hops out, never further than the chain", () => {
    const one = parseProxyTrust("1");
    expect(resolveClient("10.0.0.1", "6.6.6.6, 1.2.3.4", one).ip).toBe("1.2.3.4");
    expect(resolveClient("10.0.0.1", "6.6.6.6, 1.2.3.4", parseProxyTrust("2")).ip).toBe("6.6.6.6");
    expect(resolveClient("10.0.0.1", "1.2.3.4", parseProxyTrust("5")).ip).toBe("1.2.3.4");
  });

  it("with a CIDR list, walks out while the hop is a trusted proxy; a spoofed entry beyond is not believed", () => {
    const trust = parseProxyTrust("10.0.0.0/8, 192.168.1.1");
    expect(resolveClient("10.0.0.1", "6.6.6.6, 1.2.3.4, 192.168.1.1", trust).ip).toBe("1.2.3.4");
    expect(resolveClient("172.16.0.1", "6.6.6.6", trust).ip).toBe("172.16.0.1");
    expect(resolveClient("10.0.0.1", "garbage", trust).ip).toBe("10.0.0.1");
    expect(() => parseProxyTrust("10.0.0.0/33")).toThrow();
    expect(() => parseProxyTrust("proxy.example")).toThrow();
  });

  it("normalises addresses", () => {
    expect(normalizeIp("::FFFF:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeIp("[2001:db8::1]")).toBe("2001:db8::1");
    expect(normalizeIp("1.2.3.4:5678")).toBe("1.2.3.4");
    expect(normalizeIp("999.1.1.1")).toBeNull();
  });
});

describe("the server hook", () => {
  let server: http.Server;
  let base: string;
  const seen: { address: ReturnType<typeof clientAddress>; forwarded: string | null }[] = [];

  beforeAll(async () => {
    installServerHook();
    server = http.createServer((req, res) => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      seen.push({ address: clientAddress(new Request("http://x/", { headers })), forwarded: headers.get("x-forwarded-for") });
      res.end("ok");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("is the socket's address whatever X-Forwarded-For and stamp header the client sends", async () => {
    await fetch(base, { headers: { "x-forwarded-for": "203.0.113.7", [CLIENT_HEADER]: "guess;203.0.113.8;https;evil" } });
    await fetch(base, { headers: { "x-forwarded-for": "198.51.100.1, 203.0.113.9", "x-forwarded-proto": "https" } });
    expect(seen.map((s) => s.address)).toEqual([
      { ip: "127.0.0.1", https: false, host: new URL(base).host, fromSocket: true },
      { ip: "127.0.0.1", https: false, host: new URL(base).host, fromSocket: true },
    ]);
  });

  it("answers TRACE itself with a JSON 405 (a WHATWG Request cannot carry it, so Next would fail with a 500)", async () => {
    const { port } = new URL(base);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const r = http.request({ host: "127.0.0.1", port, method: "TRACE", path: "/api/chat" }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      r.on("error", reject);
      r.end();
    });
    expect(answer.status).toBe(405);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "method_not_allowed:http" } });
  });

  it("without a valid stamp every caller is the one shared 'unknown' client", () => {
    const forged = new Request("http://x/", { headers: { [CLIENT_HEADER]: "not-the-token;1.2.3.4;https;x", "x-forwarded-for": "1.2.3.4" } });
    expect(clientAddress(forged)).toMatchObject({ ip: "unknown", fromSocket: false });
    const real = new Request("http://x/", { headers: { [CLIENT_HEADER]: clientStamp({ ip: "1.2.3.4", https: true, host: "app.example" }) } });
    expect(clientAddress(real)).toEqual({ ip: "1.2.3.4", https: true, host: "app.example", fromSocket: true });
  });
});

describe("crossSiteReason", () => {
  it("lets same-origin and non-browser requests through and refuses the rest", () => {
    expect(crossSiteReason({ origin: null, fetchSite: null, host: "app" })).toBeNull();
    expect(crossSiteReason({ origin: "http://app", fetchSite: "same-origin", host: "app" })).toBeNull();
    expect(crossSiteReason({ origin: null, fetchSite: "none", host: "app" })).toBeNull();
    expect(crossSiteReason({ origin: "https://evil.example", fetchSite: null, host: "app" })).toMatch(/foreign/);
    expect(crossSiteReason({ origin: "null", fetchSite: null, host: "app" })).toMatch(/opaque/);
    expect(crossSiteReason({ origin: null, fetchSite: "cross-site", host: "app" })).toMatch(/cross-site/);
    expect(crossSiteReason({ origin: null, fetchSite: "same-site", host: "app" })).toMatch(/same-site/);
    expect(crossSiteReason({ origin: "http://app.evil", fetchSite: null, host: "app" })).toMatch(/foreign/);
  });
});
