// POST /api/admin/logout: clears the admin session cookie.
import { assertSameOrigin, clearedAdminCookieHeader } from "@/server/auth/admin";
import { errorResponse } from "@/server/errors";

export const dynamic = "force-dynamic";

export async function POST(req: Request): Promise<Response> {
  try {
    assertSameOrigin(req);
    return Response.json({ ok: true }, { headers: { "set-cookie": clearedAdminCookieHeader(), "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
