// Runs before every page (Next 16's proxy, formerly middleware): refuses methods the app does not
// serve and paths with broken percent-encoding (both as JSON errors, never a 5xx), and sets the
// security headers, with a fresh CSP nonce for each page. /api/* is guarded the same way by the server
// hook instead (server/http/api-guard.ts says why), so this proxy never sees it.
import { NextResponse, type NextRequest } from "next/server";
import { refusalBody, refusalHeaders, refusalOf } from "@/server/http/api-guard";
import { clientAddress } from "@/server/http/client-address";
import { baseSecurityHeaders, newNonce, pageCsp } from "@/server/http/security-headers";

export function proxy(request: NextRequest): NextResponse {
  const https = clientAddress(request).https;
  const refusal = refusalOf(request.method, request.nextUrl.pathname);
  if (refusal) return new NextResponse(refusalBody(refusal), { status: refusal.status, headers: refusalHeaders(refusal, https) });
  const csp = pageCsp({ nonce: newNonce(), dev: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries(baseSecurityHeaders(https))) res.headers.set(k, v);
  res.headers.set("content-security-policy", csp);
  return res;
}

export const config = {
  // Static build output needs none of this (and is served before routing anyway); /api/* has the server hook.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"],
};
