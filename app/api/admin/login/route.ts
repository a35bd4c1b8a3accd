// POST /api/admin/login: { password } → a signed admin session cookie, or a JSON error (400/401/403/429).
import { ensureReady } from "@/server/boot";
import { assertSameOrigin, signInAdmin } from "@/server/auth/admin";
import { AppError, errorResponse } from "@/server/errors";
import { adminLoginBody } from "./schema";

export const dynamic = "force-dynamic";

export async function POST(req: Request): Promise<Response> {
  try {
    assertSameOrigin(req);
    const body = adminLoginBody.safeParse(await req.json().catch(() => null));
    if (!body.success) throw new AppError("bad_request:admin_login", body.error.issues[0]?.message ?? "Expected JSON { password }.");
    const database = await ensureReady();
    const session = await signInAdmin(database.db, req, body.data.password);
    return Response.json(
      { ok: true, expiresAt: session.expiresAt.toISOString() },
      { headers: { "set-cookie": session.setCookie, "cache-control": "no-store" } },
    );
  } catch (e) {
    const retry = e instanceof AppError && e.code === "rate_limited:admin_login" ? (e.details as { retryAfterSeconds: number }).retryAfterSeconds : null;
    return errorResponse(e, retry ? { "retry-after": String(retry) } : undefined);
  }
}
