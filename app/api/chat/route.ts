// POST /api/chat: validate, check limits, create the run, start it detached from this request, stream
// its events. A refused request writes nothing: the user row and its cookie come only with a run.
import { ensureReady } from "@/server/boot";
import { enforceChatLimits } from "@/server/auth/chat-limit";
import { newVisitor, readUserId } from "@/server/auth/user";
import { AppError } from "@/server/errors";
import { runEventStream, SSE_HEADERS } from "@/server/events/sse";
import { clientAddress } from "@/server/http/client-address";
import { readJsonBody } from "@/server/http/json-body";
import { routeHandler } from "@/server/http/route";
import { getDefaultApp } from "@/server/supervisor/app";
import { createRun, creatingChat, executeRun, isExecutingHere } from "@/server/supervisor/run";
import { log } from "@/server/telemetry/log";
import { userHash } from "@/server/telemetry/run-ids";
import { issuesOf } from "@/server/validation";
import { chatRequestSchema } from "./schema";

export const dynamic = "force-dynamic";

export const POST = routeHandler(
  "POST /api/chat",
  async (req, { requestId }) => {
    // Until this chat's run exists, a run waiting for a slot starts only when none runs (for at most 1.5 s; run.ts Admission).
    const created = creatingChat();
    try {
      return await startChat(req, requestId);
    } finally {
      created();
    }
  },
  { sameOrigin: true },
);

async function startChat(req: Request, requestId: string): Promise<Response> {
  const parsed = chatRequestSchema.safeParse(await readJsonBody(req, "chat"));
  if (!parsed.success) throw new AppError("bad_request:chat", parsed.error.issues.map((i) => i.message).join("; "), issuesOf(parsed.error));
  const database = await ensureReady();
  const app = getDefaultApp();
  const existing = await readUserId(database.db, req.headers.get("cookie"));
  await enforceChatLimits(database.db, { userId: existing, ip: clientAddress(req).ip });
  // A caller without a user owns no session: answer before creating one.
  if (!existing && parsed.data.sessionId) throw new AppError("not_found:session", "no such chat session");
  // A new visitor's user row is written by createRun's own statement: one commit, and none at all if it fails.
  const user = existing ? { userId: existing, setCookie: null } : await newVisitor(database.db, req);
  const started = await createRun(database, { userId: user.userId, newUser: !existing, message: parsed.data.message, sessionId: parsed.data.sessionId });
  const { runId, sessionId } = started;
  executeRun(database, runId, { app, created: started.created })
    .catch((e) => log.error({ err: e, runId, sessionId }, "run ended with an error its own handling could not record"));
  log.info({ requestId, runId, sessionId, userHash: userHash(user.userId) }, "run started");
  const headers = new Headers({ ...SSE_HEADERS, "x-run-id": runId, "x-session-id": sessionId });
  if (user.setCookie) headers.append("set-cookie", user.setCookie);
  // A closed tab ends this stream, not the run: the run was started on its own above. What createRun
  // committed (run_started, the initialize checkpoint) goes out at once, and since the run was started
  // in this same tick it cannot have published more: no read of run_events (issue 14: first event).
  const stream = runEventStream(database, runId, {
    afterSeq: 0, initial: started.events, initialComplete: true, executedHere: () => isExecutingHere(runId), signal: req.signal,
  });
  return new Response(stream, { status: 200, headers });
}
