// A fake OpenAI-compatible HTTP server on loopback for tests and demos: Chat Completions and
// Responses, JSON or SSE, replaying scripted answers (status codes, headers, delays, hangs, bad JSON).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeRoute = "chat" | "responses";

export interface ScriptedResponse {
  /** The assistant's message text (e.g. the JSON decision). */
  text?: string;
  /** For streamed requests: the text in these pieces (default: pieces of about 12 characters). */
  chunks?: string[];
  /** Non-200 → an OpenAI-style error body (unless rawBody is given). */
  status?: number;
  headers?: Record<string, string>;
  /** Sent as the HTTP body verbatim: e.g. a malformed wire answer. */
  rawBody?: string;
  /** Wait before answering. */
  delayMs?: number;
  /** Wait between streamed chunks. */
  chunkDelayMs?: number;
  /** Never answer; the connection stays open until the client gives up. */
  hang?: boolean;
  /** Streamed: send this many chunks, then hang without finishing. */
  hangAfterChunks?: number;
  usage?: { input: number; output: number };
}

export interface RecordedRequest {
  route: FakeRoute;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
  stream: boolean;
  model: string;
  /** Every message's text, joined with blank lines (system, user, assistant, repair…). */
  text: string;
  /** From the `[prompt:<name>@<version>]` marker, if present. */
  promptName?: string;
  promptVersion?: string;
}

export interface FakeOpenAI {
  /** Base URL including /v1, for OPENAI_BASE_URL. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Queues responses for one route, or "any" (used when the route's own queue is empty). */
  script(route: FakeRoute | "any", ...responses: ScriptedResponse[]): void;
  /** Scripted responses not consumed yet. */
  pending(): number;
  /** Forgets recorded requests and unconsumed scripts (between tests, so one failure does not cascade). */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeOpenAIOptions {
  port?: number;
  /** Answers requests when no scripted response is queued (the CLI's demo script). */
  respond?: (request: RecordedRequest) => ScriptedResponse;
}

const MARKER = /\[prompt:([a-z0-9_-]+)@([^\]\s]+)\]/;

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content.map((p) => (p && typeof p === "object" && typeof (p as { text?: unknown }).text === "string" ? (p as { text: string }).text : "")).join("");
  }
  return "";
}

function requestText(route: FakeRoute, body: Record<string, unknown>): string {
  const items = (route === "chat" ? body.messages : body.input) as unknown;
  const parts: string[] = [];
  if (typeof body.instructions === "string") parts.push(body.instructions);
  if (typeof items === "string") parts.push(items);
  else if (Array.isArray(items)) for (const m of items) parts.push(textOf((m as { content?: unknown })?.content));
  return parts.filter(Boolean).join("\n\n");
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function splitText(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += 12) out.push(text.slice(i, i + 12));
  return out.length ? out : [""];
}

let counter = 0;

function chatJson(model: string, text: string, usage: { input: number; output: number }) {
  return {
    id: `chatcmpl-fake-${++counter}`, object: "chat.completion", created: Math.floor(Date.now() / 1000), model,
    choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop", logprobs: null }],
    usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output },
  };
}

function responsesUsage(usage: { input: number; output: number }) {
  return {
    input_tokens: usage.input, input_tokens_details: { cached_tokens: 0 },
    output_tokens: usage.output, output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: usage.input + usage.output,
  };
}

function responsesJson(model: string, text: string, usage: { input: number; output: number }) {
  return {
    id: `resp_fake_${++counter}`, object: "response", created_at: Math.floor(Date.now() / 1000), status: "completed", model,
    output: [{ type: "message", id: `msg_fake_${counter}`, status: "completed", role: "assistant", content: [{ type: "output_text", text, annotations: [] }] }],
    incomplete_details: null, usage: responsesUsage(usage),
  };
}

/** The SSE events of one streamed answer, per wire API. */
function streamEvents(route: FakeRoute, model: string, chunks: string[], usage: { input: number; output: number }): { pieces: string[]; end: string[] } {
  const created = Math.floor(Date.now() / 1000);
  if (route === "chat") {
    const id = `chatcmpl-fake-${++counter}`;
    const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
      `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices, ...extra })}\n\n`;
    return {
      pieces: chunks.map((c, i) => chunk([{ index: 0, delta: i === 0 ? { role: "assistant", content: c } : { content: c }, finish_reason: null }])),
      end: [
        chunk([{ index: 0, delta: {}, finish_reason: "stop" }]),
        chunk([], { usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output } }),
        "data: [DONE]\n\n",
      ],
    };
  }
  const id = `resp_fake_${++counter}`;
  const itemId = `msg_fake_${counter}`;
  let seq = 0;
  const event = (type: string, data: Record<string, unknown>) => `event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: seq++, ...data })}\n\n`;
  const start = [
    event("response.created", { response: { id, object: "response", created_at: created, model, status: "in_progress", output: [] } }),
    event("response.output_item.added", { output_index: 0, item: { type: "message", id: itemId, status: "in_progress", role: "assistant", content: [] } }),
  ];
  return {
    pieces: chunks.map((c, i) => (i === 0 ? start.join("") : "") +
      event("response.output_text.delta", { item_id: itemId, output_index: 0, content_index: 0, delta: c })),
    end: [
      event("response.output_item.done", { output_index: 0, item: { type: "message", id: itemId, status: "completed", role: "assistant", content: [{ type: "output_text", text: chunks.join(""), annotations: [] }] } }),
      event("response.completed", { response: { id, object: "response", created_at: created, model, status: "completed", incomplete_details: null, usage: responsesUsage(usage) } }),
    ],
  };
}

async function answer(res: ServerResponse, req: RecordedRequest, scripted: ScriptedResponse, closed: () => boolean): Promise<void> {
  if (scripted.delayMs) await wait(scripted.delayMs);
  if (scripted.hang) return; // left open; the client's abort closes the socket
  const status = scripted.status ?? 200;
  const headers = { ...(scripted.headers ?? {}) };
  if (scripted.rawBody !== undefined) {
    res.writeHead(status, { "content-type": req.stream ? "text/event-stream" : "application/json", ...headers });
    res.end(scripted.rawBody);
    return;
  }
  if (status !== 200) {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify({ error: { message: `fake-openai scripted status ${status}`, type: status === 429 ? "rate_limit_exceeded" : "server_error", param: null, code: null } }));
    return;
  }
  const text = scripted.text ?? "";
  const usage = scripted.usage ?? { input: Math.ceil(req.text.length / 4), output: Math.ceil(text.length / 4) };
  if (!req.stream) {
    res.writeHead(200, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(req.route === "chat" ? chatJson(req.model, text, usage) : responsesJson(req.model, text, usage)));
    return;
  }
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive", ...headers });
  const { pieces, end } = streamEvents(req.route, req.model, scripted.chunks ?? splitText(text), usage);
  for (let i = 0; i < pieces.length; i++) {
    if (closed()) return;
    if (scripted.hangAfterChunks !== undefined && i >= scripted.hangAfterChunks) return;
    res.write(pieces[i]);
    if (scripted.chunkDelayMs) await wait(scripted.chunkDelayMs);
  }
  if (scripted.hangAfterChunks !== undefined && pieces.length <= scripted.hangAfterChunks) return;
  for (const e of end) res.write(e);
  res.end();
}

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const queues: Record<FakeRoute | "any", ScriptedResponse[]> = { chat: [], responses: [], any: [] };
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import("node:net").Socket>();

  const server = createServer(async (req, res) => {
    let closed = false;
    res.on("close", () => { closed = true; });
    try {
      const path = (req.url ?? "").split("?")[0];
      const route: FakeRoute | undefined = req.method === "POST" && path.endsWith("/chat/completions") ? "chat"
        : req.method === "POST" && path.endsWith("/responses") ? "responses" : undefined;
      if (!route) {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: `fake-openai: no route ${req.method} ${path}`, type: "invalid_request_error" } }));
        return;
      }
      const raw = await readBody(req);
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        res.writeHead(400, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: "fake-openai: request body is not JSON", type: "invalid_request_error" } }));
        return;
      }
      const text = requestText(route, body);
      const marker = MARKER.exec(text);
      const recorded: RecordedRequest = {
        route, path, headers: req.headers, body, stream: body.stream === true, model: String(body.model ?? ""),
        text, promptName: marker?.[1], promptVersion: marker?.[2],
      };
      requests.push(recorded);
      const scripted = queues[route].shift() ?? queues.any.shift() ?? options.respond?.(recorded)
        ?? { status: 500, rawBody: JSON.stringify({ error: { message: "fake-openai: no scripted response left", type: "server_error" } }) };
      await answer(res, recorded, scripted, () => closed);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: `fake-openai: ${(err as Error).message}`, type: "server_error" } }));
    }
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    script(route, ...responses) {
      queues[route].push(...responses);
    },
    pending: () => queues.chat.length + queues.responses.length + queues.any.length,
    reset() {
      requests.length = 0;
      queues.chat.length = 0;
      queues.responses.length = 0;
      queues.any.length = 0;
    },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
