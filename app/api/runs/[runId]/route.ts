// GET /api/runs/{runId}: the run summary, for its owner or an admin; anyone else gets 404.
import { ensureReady } from "@/server/boot";
import { viewerFromCookies } from "@/server/auth/viewer";
import { AppError, errorResponse } from "@/server/errors";
import { getRunSummary } from "@/server/supervisor/summary";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ runId: string }> }): Promise<Response> {
  try {
    const { runId } = await params;
    const database = await ensureReady();
    const { userId, admin } = await viewerFromCookies(database.db, req.headers.get("cookie"));
    const summary = await getRunSummary(database, runId, { userId, admin: Boolean(admin) });
    if (!summary) throw new AppError("not_found:run", "no such run");
    return Response.json(summary);
  } catch (e) {
    return errorResponse(e);
  }
}
