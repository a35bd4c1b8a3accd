// Who is on the other end of a request: the client IP, whether it came over HTTPS and the host it asked
// for. From the socket unless ENSEMBLE_TRUST_PROXY says which proxies' X-Forwarded-* headers to believe.
//
// Next keeps a client-sent X-Forwarded-For as it is and hides the socket from route handlers, so a
// hook on the HTTP server (server-hook.ts, installed from instrumentation) reads the socket itself and
// stamps the answer on the request, under a per-process token the client cannot know.
import { randomBytes } from "node:crypto";
import type http from "node:http";
import { BlockList, isIP } from "node:net";

export const CLIENT_HEADER = "x-ensemble-client";

export interface ClientAddress {
  ip: string;
  https: boolean;
  /** The host the client asked for (Host, or X-Forwarded-Host from a trusted proxy). */
  host: string | null;
  /** False when no hook stamped the request (tests calling handlers directly, a custom server). */
  fromSocket: boolean;
}

export type ProxyTrust = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "cidrs"; list: BlockList };

/** ENSEMBLE_TRUST_PROXY: unset / 0 / false → none; a number → that many hops; else a comma list of IPs or CIDRs. */
export function parseProxyTrust(raw: string | undefined): ProxyTrust {
  const v = (raw ?? "").trim();
  if (!v || v === "0" || v === "false") return { kind: "none" };
  if (/^\d+$/.test(v)) return { kind: "hops", hops: Number(v) };
  const list = new BlockList();
  for (const part of v.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [addr, bits] = part.split("/");
    const family = isIP(addr);
    if (!family) throw new Error(`ENSEMBLE_TRUST_PROXY: "${part}" is not an IP address or CIDR`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(addr, type);
    else {
      const prefix = Number(bits);
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) throw new Error(`ENSEMBLE_TRUST_PROXY: bad prefix in "${part}"`);
      list.addSubnet(addr, prefix, type);
    }
  }
  return { kind: "cidrs", list };
}

/** "::ffff:10.0.0.1" → "10.0.0.1"; strips brackets and a port some proxies add. */
export function normalizeIp(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let s = raw.trim();
  if (s.startsWith("[")) s = s.slice(1, s.indexOf("]") > 0 ? s.indexOf("]") : undefined);
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  if (s.toLowerCase().startsWith("::ffff:") && isIP(s.slice(7)) === 4) s = s.slice(7);
  return isIP(s) ? s.toLowerCase() : null;
}

function trusted(trust: ProxyTrust, ip: string, hop: number): boolean {
  if (trust.kind === "none") return false;
  if (trust.kind === "hops") return hop < trust.hops;
  return trust.list.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client behind a chain of proxies. `peer` is the socket address; `forwardedFor` the X-Forwarded-For
 * the request arrived with. Walks from the socket outwards while the hop is trusted; the first address
 * not trusted (or the last one there is) is the client. A malformed entry stops the walk.
 */
export function resolveClient(peer: string, forwardedFor: string | null | undefined, trust: ProxyTrust): { ip: string; viaTrustedProxy: boolean } {
  const socketIp = normalizeIp(peer) ?? "unknown";
  if (trust.kind === "none" || !forwardedFor) return { ip: socketIp, viaTrustedProxy: false };
  const chain = forwardedFor.split(",").map((s) => s.trim()).filter(Boolean).reverse();
  let client = socketIp;
  let viaTrustedProxy = false;
  for (let hop = 0; hop < chain.length + 1; hop++) {
    if (!trusted(trust, client, hop)) break;
    const next = normalizeIp(chain[hop]);
    if (!next) break;
    client = next;
    viaTrustedProxy = true;
  }
  return { ip: client, viaTrustedProxy };
}

const g = globalThis as unknown as { __ensembleClientToken?: string };
/** Known only inside this process: a stamp carrying it was written by the hook, not by the client. */
const token = (g.__ensembleClientToken ??= randomBytes(18).toString("base64url"));

function lastValue(h: string | string[] | undefined): string | null {
  const v = Array.isArray(h) ? h[h.length - 1] : h;
  if (!v) return null;
  const parts = v.split(",").map((s) => s.trim()).filter(Boolean);
  return parts[parts.length - 1] ?? null;
}

/** The stamp for a request (the hook writes it; tests build one to stand in for a socket). */
export function clientStamp(c: { ip: string; https: boolean; host: string | null }): string {
  return [token, c.ip, c.https ? "https" : "http", encodeURIComponent(c.host ?? "")].join(";");
}

/** Computes the stamp from the raw Node request, before Next rewrites any X-Forwarded-* header; returns it. */
export function stampIncoming(req: http.IncomingMessage, trust = parseProxyTrust(process.env.ENSEMBLE_TRUST_PROXY)): { ip: string; https: boolean } {
  const peer = req.socket?.remoteAddress ?? "";
  const { ip, viaTrustedProxy } = resolveClient(peer, (req.headers["x-forwarded-for"] as string | undefined) ?? null, trust);
  const encrypted = Boolean((req.socket as { encrypted?: boolean } | undefined)?.encrypted);
  const proto = viaTrustedProxy ? lastValue(req.headers["x-forwarded-proto"]) : null;
  const forwardedHost = viaTrustedProxy ? lastValue(req.headers["x-forwarded-host"]) : null;
  const https = proto ? proto === "https" : encrypted;
  req.headers[CLIENT_HEADER] = clientStamp({ ip, https, host: forwardedHost ?? req.headers.host ?? null });
  return { ip, https };
}

/** The client of a request as the route sees it. Without a valid stamp every caller is "unknown" (one shared bucket). */
export function clientAddress(req: Request): ClientAddress {
  const raw = req.headers.get(CLIENT_HEADER);
  if (raw) {
    const [t, ip, proto, host] = raw.split(";");
    if (t === token && ip) {
      let decodedHost: string | null = null;
      try {
        decodedHost = host ? decodeURIComponent(host) : null;
      } catch {
        decodedHost = null;
      }
      return { ip, https: proto === "https", host: decodedHost || req.headers.get("host"), fromSocket: true };
    }
  }
  return { ip: "unknown", https: process.env.ENSEMBLE_SECURE_COOKIES === "1", host: req.headers.get("host"), fromSocket: false };
}

/** Cookies get Secure when the request came over HTTPS (or ENSEMBLE_SECURE_COOKIES=1 says always). */
export function secureCookies(req: Request | null): boolean {
  if (process.env.ENSEMBLE_SECURE_COOKIES === "1") return true;
  return req ? clientAddress(req).https : false;
}
