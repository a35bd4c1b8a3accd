// GET /api/health: 200 {"ok":true} once migrations and seed data are in place; 503 until then.
import { ensureReady } from "@/server/boot";
import { AppError, errorResponse } from "@/server/errors";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    await ensureReady();
    return Response.json({ ok: true });
  } catch (e) {
    console.error("[health]", e);
    return errorResponse(new AppError("unavailable:health", "the database is not ready"));
  }
}
