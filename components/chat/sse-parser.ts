// Incremental parser for text/event-stream bodies (the WHATWG framing: id/event/data/retry,
// comments, CRLF or LF), fed with arbitrary chunks; used over fetch() so POST bodies can stream.

export interface SseFrame {
  id: string | null;
  event: string;
  data: string;
}

export interface SseParser {
  /** Feeds decoded text; complete frames are emitted through onFrame in order. */
  push(text: string): void;
  /** The stream ended: a frame without its closing blank line is incomplete and dropped (as the spec says). */
  end(): void;
}

export function createSseParser(onFrame: (frame: SseFrame) => void): SseParser {
  let buffer = "";
  let id: string | null = null;
  let event = "";
  let data: string[] = [];
  let hasData = false;

  const dispatch = () => {
    if (hasData) onFrame({ id, event: event || "message", data: data.join("\n") });
    event = "";
    data = [];
    hasData = false;
    id = null;
  };

  const line = (raw: string) => {
    if (raw === "") return dispatch();
    if (raw.startsWith(":")) return; // comment / keep-alive
    const colon = raw.indexOf(":");
    const field = colon === -1 ? raw : raw.slice(0, colon);
    let value = colon === -1 ? "" : raw.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") {
      data.push(value);
      hasData = true;
    } else if (field === "event") event = value;
    else if (field === "id") id = value;
    // "retry" and unknown fields are ignored: reconnection is ours to decide.
  };

  return {
    push(text) {
      buffer += text;
      for (;;) {
        const match = /\r\n|\r|\n/.exec(buffer);
        if (!match) break;
        // A lone trailing \r may be the first half of \r\n: wait for the next chunk.
        if (match[0] === "\r" && match.index === buffer.length - 1) break;
        line(buffer.slice(0, match.index));
        buffer = buffer.slice(match.index + match[0].length);
      }
    },
    end() {
      buffer = "";
      event = "";
      data = [];
      hasData = false;
      id = null;
    },
  };
}

/** Reads a fetch body to its end, emitting frames; resolves when the body ends, rejects on abort/network error. */
export async function readSseBody(body: ReadableStream<Uint8Array>, onFrame: (frame: SseFrame) => void): Promise<void> {
  const parser = createSseParser(onFrame);
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      // stream: true keeps a multi-byte character split across chunks for the next read.
      parser.push(decoder.decode(value, { stream: true }));
    }
    parser.push(decoder.decode());
    parser.end();
  } finally {
    reader.releaseLock();
  }
}
