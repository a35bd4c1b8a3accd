// CSRF defence for state-changing routes: a browser request made by another site says so in
// Sec-Fetch-Site or carries a foreign Origin; either is refused. Non-browser clients send neither.
import { AppError } from "../errors";
import { clientAddress } from "./client-address";

export interface OriginHeaders {
  origin: string | null;
  fetchSite: string | null;
  /** The host the app is served as (Host, or X-Forwarded-Host from a trusted proxy). */
  host: string | null;
}

/** Null when the request may proceed, else why not. */
export function crossSiteReason(h: OriginHeaders): string | null {
  if (h.fetchSite && h.fetchSite !== "same-origin" && h.fetchSite !== "none") return `Sec-Fetch-Site: ${h.fetchSite}`;
  if (h.origin) {
    if (h.origin === "null") return "an opaque Origin";
    let originHost: string;
    try {
      originHost = new URL(h.origin).host;
    } catch {
      return "a malformed Origin";
    }
    if (!h.host || originHost !== h.host) return "a foreign Origin";
  }
  return null;
}

export function originHeaders(req: Request): OriginHeaders {
  return { origin: req.headers.get("origin"), fetchSite: req.headers.get("sec-fetch-site"), host: clientAddress(req).host };
}

/** Throws forbidden:cross_origin for a request another site made a browser send. */
export function assertSameOrigin(req: Request): void {
  const reason = crossSiteReason(originHeaders(req));
  if (reason) throw new AppError("forbidden:cross_origin", `Cross-site requests are not allowed (${reason}).`);
}
