// The security headers of every response: a nonce-based Content-Security-Policy for pages (Next puts
// the nonce on its own scripts when it finds it in the request's CSP), a closed one for API answers,
// no framing, no MIME sniffing, a strict referrer policy, and HSTS when the request came over HTTPS.

export interface CspOptions {
  nonce: string;
  /** next dev: React needs eval for its error overlays and stack reconstruction. */
  dev: boolean;
  https: boolean;
}

/** For HTML pages. Styles may be inline (React style attributes); scripts only with the nonce or loaded by one. */
export function pageCsp(o: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${o.nonce}' 'strict-dynamic'${o.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(o.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** For JSON and event streams: nothing in them may load or run anything, nor be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Headers every response carries. */
export function baseSecurityHeaders(https: boolean): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(https ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64");
}
