// POST /api/admin/logout: revokes the admin session in the database (on every instance) and clears the cookie.
import { ensureReady } from "@/server/boot";
import { clearedAdminCookieHeader, revokeAdminSession } from "@/server/auth/admin";
import { routeHandler } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const POST = routeHandler(
  "POST /api/admin/logout",
  async (req) => {
    const database = await ensureReady();
    await revokeAdminSession(database.db, req.headers.get("cookie"));
    return Response.json({ ok: true }, { headers: { "set-cookie": clearedAdminCookieHeader(req), "cache-control": "no-store" } });
  },
  { sameOrigin: true },
);
