// GET /api/runs/{runId}: the run summary, for its owner or an admin; anyone else (and a malformed id) gets 404.
import { ensureReady } from "@/server/boot";
import { viewerFromCookies } from "@/server/auth/viewer";
import { AppError } from "@/server/errors";
import { routeHandler } from "@/server/http/route";
import { getRunSummary } from "@/server/supervisor/summary";
import { uuidSchema } from "@/server/validation";

export const dynamic = "force-dynamic";

export const GET = routeHandler<{ runId: string }>("GET /api/runs/[runId]", async (req, { params }) => {
  const runId = uuidSchema.safeParse(params.runId);
  if (!runId.success) throw new AppError("not_found:run", "no such run");
  const database = await ensureReady();
  const { userId, admin } = await viewerFromCookies(database.db, req.headers.get("cookie"));
  const summary = await getRunSummary(database, runId.data, { userId, admin: Boolean(admin) });
  if (!summary) throw new AppError("not_found:run", "no such run");
  return Response.json(summary, { headers: { "cache-control": "no-store" } });
});
