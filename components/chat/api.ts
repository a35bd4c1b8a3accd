// Browser calls to the chat HTTP API (outside tRPC): starting a run and reading a run summary,
// with the server's JSON errors ({ error: { code, message } }) turned into ApiError.
import type { RunSummary } from "@/server/state/run-summary";

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Reads the error body of a failed response; never throws itself. */
export async function readApiError(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => "");
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (body?.error && typeof body.error.message === "string") {
      return new ApiError(typeof body.error.code === "string" ? body.error.code : `http_${res.status}`, body.error.message, res.status);
    }
  } catch {
    /* not JSON: fall through to the raw text */
  }
  return new ApiError(`http_${res.status}`, text.slice(0, 300) || res.statusText || `HTTP ${res.status}`, res.status);
}

export interface StartedRun {
  runId: string;
  sessionId: string | null;
  body: ReadableStream<Uint8Array>;
}

/** POST /api/chat. Resolves once the headers are in; the body is the run's event stream. */
export async function startChatRun(message: string, sessionId: string | null, signal?: AbortSignal): Promise<StartedRun> {
  const res = await fetch("/api/chat", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify(sessionId ? { message, sessionId } : { message }),
    credentials: "same-origin",
    signal,
  });
  if (!res.ok) throw await readApiError(res);
  const runId = res.headers.get("x-run-id");
  if (!runId || !res.body) throw new ApiError("bad_response:chat", "서버 응답에 실행 ID가 없습니다.", res.status);
  return { runId, sessionId: res.headers.get("x-session-id"), body: res.body };
}

/** `origin` is empty in the browser (same-origin paths); tests pass their server's address. */
export async function fetchRunSummary(runId: string, signal?: AbortSignal, origin = ""): Promise<RunSummary> {
  const res = await fetch(`${origin}/api/runs/${encodeURIComponent(runId)}`, { credentials: "same-origin", signal, cache: "no-store" });
  if (!res.ok) throw await readApiError(res);
  return (await res.json()) as RunSummary;
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
