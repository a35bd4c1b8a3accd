// What every request gets before a route sees it: methods the app does not serve and paths with broken
// percent-encoding are refused as JSON 4xx (never a 5xx), and API answers carry the security headers with
// a closed CSP. Pages get this from proxy.ts (which also gives them a CSP nonce); /api/* gets it from the
// server hook (server-hook.ts), ahead of Next: Next's proxy adapter cost the server ~0.5 ms of CPU per
// request (GET /api/health 2.0 → 1.5 ms measured on the built app), paid by every chat and event stream.
import { API_CSP, baseSecurityHeaders } from "./security-headers";

const SERVED_METHODS = new Set(["GET", "HEAD", "POST", "OPTIONS"]);
const ALLOW = [...SERVED_METHODS].join(", ");

export interface Refusal {
  status: 400 | 405;
  code: "method_not_allowed:http" | "bad_request:path";
  message: string;
  /** Headers of the refusal itself besides the security headers (Allow on a 405). */
  headers: Record<string, string>;
}

/** Paths the server hook guards (everything else goes through proxy.ts). */
export const isApiPath = (pathname: string): boolean => pathname.startsWith("/api/");

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** Why a request is refused before routing, or null when it may go on. */
export function refusalOf(method: string, pathname: string): Refusal | null {
  if (!SERVED_METHODS.has(method)) {
    return { status: 405, code: "method_not_allowed:http", message: `${method} is not served here.`, headers: { allow: ALLOW } };
  }
  if (!decodable(pathname)) return { status: 400, code: "bad_request:path", message: "The path is not valid percent-encoding.", headers: {} };
  return null;
}

/** The headers of every API answer. */
export function apiHeaders(https: boolean): Record<string, string> {
  return { ...baseSecurityHeaders(https), "content-security-policy": API_CSP };
}

/** A refusal's JSON body. */
export const refusalBody = (r: Refusal): string => JSON.stringify({ error: { code: r.code, message: r.message } });

/** Every header of a refusal: the API's security headers, its own (Allow), JSON, never cached. */
export function refusalHeaders(r: Refusal, https: boolean): Record<string, string> {
  return { ...apiHeaders(https), ...r.headers, "content-type": "application/json", "cache-control": "no-store" };
}
