// GET /api/health: 200 {"ok":true} when start-up is done and the database answers within a short
// timeout; 503 (JSON, Retry-After) before that and whenever the database cannot be reached.
import { checkReady } from "@/server/boot";
import { AppError } from "@/server/errors";
import { routeHandler } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = routeHandler("GET /api/health", async () => {
  try {
    await checkReady();
  } catch (e) {
    throw new AppError("unavailable:health", "the database is not ready", { retryAfterSeconds: 2, cause: e });
  }
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
});
