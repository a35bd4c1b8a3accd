// Reads a JSON request body safely: only with a JSON content type (a cross-site form or text/plain
// post is refused), at most `maxBytes`, valid UTF-8, valid JSON. Every failure is a 4xx AppError.
import { AppError } from "../errors";

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

export async function readJsonBody(req: Request, surface: string, maxBytes = 64 * 1024): Promise<unknown> {
  if (!JSON_TYPE.test(req.headers.get("content-type") ?? "")) {
    throw new AppError(`unsupported_media_type:${surface}`, "The body must be JSON, sent with Content-Type: application/json.");
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError(`payload_too_large:${surface}`, `The body is larger than ${maxBytes} bytes.`);
  const bytes = await readCapped(req, surface, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError(`bad_request:${surface}`, "the body must be valid JSON (UTF-8)");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError(`bad_request:${surface}`, "the body must be valid JSON");
  }
}

async function readCapped(req: Request, surface: string, maxBytes: number): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Not awaited: the body may be one branch of a tee (Next gives proxy.ts the other), and a branch's
      // cancel only settles once every branch is cancelled.
      void reader.cancel().catch(() => {});
      throw new AppError(`payload_too_large:${surface}`, `The body is larger than ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
