// POST /api/chat: validate, create the run, start it detached from this request, stream its events.
import { ensureReady } from "@/server/boot";
import { resolveUser } from "@/server/auth/user";
import { AppError, errorResponse } from "@/server/errors";
import { runEventStream, SSE_HEADERS } from "@/server/events/sse";
import { startRun } from "@/server/supervisor/service";
import { chatRequestSchema } from "./schema";

export const dynamic = "force-dynamic";

export async function POST(req: Request): Promise<Response> {
  let setCookie: string | null = null;
  try {
    let body: unknown;
    try {
      body = await req.json();
    } catch {
      throw new AppError("bad_request:chat", "the body must be valid JSON");
    }
    const parsed = chatRequestSchema.safeParse(body);
    if (!parsed.success) {
      throw new AppError("bad_request:chat", parsed.error.issues.map((i) => i.message).join("; "), parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
    }
    const database = await ensureReady();
    const user = await resolveUser(database.db, req.headers.get("cookie"));
    setCookie = user.setCookie;
    const { runId, sessionId } = await startRun(database, { userId: user.userId, message: parsed.data.message, sessionId: parsed.data.sessionId });
    const headers = new Headers({ ...SSE_HEADERS, "x-run-id": runId, "x-session-id": sessionId });
    if (setCookie) headers.append("set-cookie", setCookie);
    // A closed tab ends this stream, not the run: the run was started on its own above.
    return new Response(runEventStream(database, runId, { afterSeq: 0, signal: req.signal }), { status: 200, headers });
  } catch (e) {
    return errorResponse(e, setCookie ? { "set-cookie": setCookie } : undefined);
  }
}
