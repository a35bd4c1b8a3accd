// GET /api/runs/{runId}/events: the run's SSE stream, replayed after Last-Event-ID (or ?after=N), then
// live; it ends after the terminal event, also when the client resumes at or past it.
import { ensureReady } from "@/server/boot";
import { viewerFromCookies } from "@/server/auth/viewer";
import { AppError } from "@/server/errors";
import { runEventStream, SSE_HEADERS } from "@/server/events/sse";
import { routeHandler } from "@/server/http/route";
import { runVisibleTo } from "@/server/supervisor/access";
import { isExecutingHere } from "@/server/supervisor/run";
import { INT4_MAX, parseSeq, uuidSchema } from "@/server/validation";

export const dynamic = "force-dynamic";

function afterSeq(req: Request): number {
  const raw = req.headers.get("last-event-id") ?? new URL(req.url).searchParams.get("after") ?? "0";
  const n = parseSeq(raw.trim());
  if (n === null) throw new AppError("bad_request:events", `Last-Event-ID / after must be an integer from 0 to ${INT4_MAX}`);
  return n;
}

export const GET = routeHandler<{ runId: string }>("GET /api/runs/[runId]/events", async (req, { params }) => {
  const runId = uuidSchema.safeParse(params.runId);
  if (!runId.success) throw new AppError("not_found:run", "no such run");
  const after = afterSeq(req);
  const database = await ensureReady();
  const { userId, admin } = await viewerFromCookies(database.db, req.headers.get("cookie"));
  if (!(await runVisibleTo(database, runId.data, { userId, admin: Boolean(admin) }))) throw new AppError("not_found:run", "no such run");
  const id = runId.data;
  const stream = runEventStream(database, id, { afterSeq: after, executedHere: () => isExecutingHere(id), signal: req.signal });
  return new Response(stream, { headers: SSE_HEADERS });
});
