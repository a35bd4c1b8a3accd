// GET /api/runs/{runId}/events: the run's SSE stream, replayed after Last-Event-ID (or ?after=N), then live.
import { ensureReady } from "@/server/boot";
import { viewerFromCookies } from "@/server/auth/viewer";
import { AppError, errorResponse } from "@/server/errors";
import { runEventStream, SSE_HEADERS } from "@/server/events/sse";
import { runVisibleTo } from "@/server/supervisor/access";

export const dynamic = "force-dynamic";

function afterSeq(req: Request): number {
  const raw = req.headers.get("last-event-id") ?? new URL(req.url).searchParams.get("after") ?? "0";
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new AppError("bad_request:events", "Last-Event-ID / after must be a non-negative integer");
  return n;
}

export async function GET(req: Request, { params }: { params: Promise<{ runId: string }> }): Promise<Response> {
  try {
    const { runId } = await params;
    const after = afterSeq(req);
    const database = await ensureReady();
    const { userId, admin } = await viewerFromCookies(database.db, req.headers.get("cookie"));
    if (!(await runVisibleTo(database, runId, { userId, admin: Boolean(admin) }))) throw new AppError("not_found:run", "no such run");
    return new Response(runEventStream(database, runId, { afterSeq: after, signal: req.signal }), { headers: SSE_HEADERS });
  } catch (e) {
    return errorResponse(e);
  }
}
