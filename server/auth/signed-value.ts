// HMAC-signed cookie values: "<payload>.<signature>", checked in constant time, and the cookie
// reader that never throws on what a client sends.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

export function sign(payload: string, secret: string): string {
  const mac = createHmac("sha256", secret).update(payload).digest("base64url");
  return `${payload}.${mac}`;
}

export function unsign(signed: string | undefined | null, secret: string): string | null {
  if (!signed) return null;
  const dot = signed.lastIndexOf(".");
  if (dot <= 0) return null;
  const payload = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1));
  const expected = Buffer.from(createHmac("sha256", secret).update(payload).digest("base64url"));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return payload;
}

export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    // A malformed escape ("%", "%ZZ") is a cookie we did not write: treat it as absent.
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return null;
    }
  }
  return null;
}
