// Runs before every route (Next 16's proxy, formerly middleware): refuses methods the app does not
// serve and paths with broken percent-encoding (both as JSON errors, never a 5xx), and sets the
// security headers, with a fresh CSP nonce for each page.
import { NextResponse, type NextRequest } from "next/server";
import { clientAddress } from "@/server/http/client-address";
import { API_CSP, baseSecurityHeaders, newNonce, pageCsp } from "@/server/http/security-headers";

const METHODS = new Set(["GET", "HEAD", "POST", "OPTIONS"]);

function jsonError(status: number, code: string, message: string, headers: Record<string, string>): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers: { ...headers, "content-security-policy": API_CSP, "cache-control": "no-store" } });
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest): NextResponse {
  const https = clientAddress(request).https;
  const base = baseSecurityHeaders(https);
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  if (!METHODS.has(request.method)) {
    return jsonError(405, "method_not_allowed:http", `${request.method} is not served here.`, { ...base, allow: "GET, HEAD, POST, OPTIONS" });
  }
  if (!decodable(request.nextUrl.pathname)) return jsonError(400, "bad_request:path", "The path is not valid percent-encoding.", base);

  if (isApi) {
    const res = NextResponse.next();
    for (const [k, v] of Object.entries(base)) res.headers.set(k, v);
    res.headers.set("content-security-policy", API_CSP);
    return res;
  }
  const csp = pageCsp({ nonce: newNonce(), dev: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries(base)) res.headers.set(k, v);
  res.headers.set("content-security-policy", csp);
  return res;
}

export const config = {
  // Static build output needs none of this (and is served before routing anyway).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
