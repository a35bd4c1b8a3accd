// POST /api/admin/login: { password } → a server-side admin session behind a signed cookie, or a JSON
// error (400/401/403/415/429 with Retry-After). Same-origin only; failures limited per IP and account.
import { ensureReady } from "@/server/boot";
import { signInAdmin } from "@/server/auth/admin";
import { AppError } from "@/server/errors";
import { readJsonBody } from "@/server/http/json-body";
import { routeHandler } from "@/server/http/route";
import { issuesOf } from "@/server/validation";
import { adminLoginBody } from "./schema";

export const dynamic = "force-dynamic";

export const POST = routeHandler(
  "POST /api/admin/login",
  async (req) => {
    const body = adminLoginBody.safeParse(await readJsonBody(req, "admin_login", 8 * 1024));
    if (!body.success) throw new AppError("bad_request:admin_login", body.error.issues[0]?.message ?? "Expected JSON { password }.", issuesOf(body.error));
    const database = await ensureReady();
    const session = await signInAdmin(database.db, req, body.data.password);
    return Response.json(
      { ok: true, expiresAt: session.expiresAt.toISOString() },
      { headers: { "set-cookie": session.setCookie, "cache-control": "no-store" } },
    );
  },
  { sameOrigin: true },
);
