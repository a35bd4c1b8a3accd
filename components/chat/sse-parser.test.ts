// The SSE parser against the server's framing: chunk boundaries anywhere, comments, CRLF, multi-line data.
import { describe, expect, it } from "vitest";
import { createSseParser, readSseBody, type SseFrame } from "./sse-parser";

function parseAll(chunks: string[]): SseFrame[] {
  const frames: SseFrame[] = [];
  const p = createSseParser((f) => frames.push(f));
  for (const c of chunks) p.push(c);
  p.end();
  return frames;
}

const stream = `retry: 1000\n\nid: 1\nevent: run_started\ndata: {"seq":1}\n\n: keep-alive\n\nid: 2\nevent: answer_delta\ndata: {"seq":2,"delta":"안녕"}\n\n`;

describe("createSseParser", () => {
  it("parses frames with id, event and data, skipping retry-only frames and comments", () => {
    expect(parseAll([stream])).toEqual([
      { id: "1", event: "run_started", data: '{"seq":1}' },
      { id: "2", event: "answer_delta", data: '{"seq":2,"delta":"안녕"}' },
    ]);
  });

  it("gives the same frames however the text is split", () => {
    const whole = parseAll([stream]);
    for (let cut = 1; cut < stream.length; cut += 3) {
      expect(parseAll([stream.slice(0, cut), stream.slice(cut)])).toEqual(whole);
    }
    expect(parseAll(stream.split(""))).toEqual(whole);
  });

  it("handles CRLF split between chunks and joins multi-line data", () => {
    expect(parseAll(["id: 3\r", "\nevent: x\r\ndata: a\r\ndata: b\r\n\r", "\n"])).toEqual([{ id: "3", event: "x", data: "a\nb" }]);
  });

  it("drops a frame the stream ended in the middle of", () => {
    expect(parseAll(['id: 1\nevent: a\ndata: {"seq":1}\n\nid: 2\nevent: b\ndata: {"se'])).toEqual([
      { id: "1", event: "a", data: '{"seq":1}' },
    ]);
  });

  it("reads a byte stream with multi-byte characters split across chunks", async () => {
    const bytes = new TextEncoder().encode(stream);
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 5) c.enqueue(bytes.slice(i, i + 5));
        c.close();
      },
    });
    const frames: SseFrame[] = [];
    await readSseBody(body, (f) => frames.push(f));
    expect(frames.map((f) => JSON.parse(f.data))).toEqual([{ seq: 1 }, { seq: 2, delta: "안녕" }]);
  });
});
