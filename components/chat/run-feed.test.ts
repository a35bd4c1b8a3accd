// RunFeed against a real loopback HTTP server speaking the run-events SSE protocol: a stream that
// drops mid-frame is resumed with ?after=<last seq>, overlapping replays never double, a gone run is reported.
import { afterEach, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parseEvent, type RunEvent } from "@/server/state/run-event";
import { RunFeed } from "./run-feed";

const runId = "33333333-3333-4333-8333-333333333333";
const at = "2026-11-24T20:00:00.000Z";

function runEvents(): RunEvent[] {
  let seq = 0;
  const e = (p: Record<string, unknown>) => parseEvent({ runId, seq: ++seq, at, ...p });
  return [
    e({ type: "run_started", question: "q", sessionId: null, userId: "u" }),
    e({ type: "planning_start" }),
    e({ type: "answer_delta", delta: "하나 " }),
    e({ type: "answer_delta", delta: "둘 " }),
    e({ type: "answer_delta", delta: "셋 " }),
    e({ type: "answer_delta", delta: "넷" }),
    e({ type: "run_completed", answer: "하나 둘 셋 넷", degraded: false, missing: [], durationMs: 10 }),
  ];
}

const frame = (ev: RunEvent) => `id: ${ev.seq}\nevent: ${ev.type}\ndata: ${JSON.stringify(ev)}\n\n`;

let server: Server | null = null;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = null;
});

/** Serves each connection with the next handler; records the `after` every request asked for. */
async function serve(handlers: ((after: number, res: import("node:http").ServerResponse) => void)[]) {
  const afters: number[] = [];
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const after = Number(url.searchParams.get("after"));
    afters.push(after);
    const handler = handlers[Math.min(afters.length - 1, handlers.length - 1)];
    handler(after, res);
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, afters };
}

function settled(feed: RunFeed): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const s = feed.getSnapshot();
      if (s.connection === "closed" || s.feedError) resolve();
    };
    feed.subscribe(check);
    check();
  });
}

describe("RunFeed", () => {
  it("resumes after a stream drops mid-frame and ignores an overlapping replay", async () => {
    const all = runEvents();
    const { origin, afters } = await serve([
      (_after, res) => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write("retry: 1000\n\n" + all.slice(0, 4).map(frame).join("") + frame(all[4]).slice(0, 25));
        setTimeout(() => res.socket?.destroy(), 20);
      },
      (after, res) => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        // Replays two events the client already has, as a careless server might.
        res.end(all.filter((e) => e.seq > after - 2).map(frame).join(""));
      },
    ]);
    const feed = new RunFeed(runId, "q", origin);
    feed.follow();
    await settled(feed);
    const { view, feedError } = feed.getSnapshot();
    expect(feedError).toBeNull();
    expect(afters).toEqual([0, 4]);
    expect(view).toMatchObject({ status: "completed", answer: "하나 둘 셋 넷", lastSeq: 7 });
    feed.dispose();
  });

  it("follows on from a POST body that ended early, and streams deltas in order", async () => {
    const all = runEvents();
    const { origin, afters } = await serve([
      (after, res) => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.end(all.filter((e) => e.seq > after).map(frame).join(""));
      },
    ]);
    const body = new Response(all.slice(0, 3).map(frame).join("")).body!;
    const feed = new RunFeed(runId, "q", origin);
    const answers: string[] = [];
    feed.subscribe(() => answers.push(feed.getSnapshot().view.answer));
    feed.consume(body);
    await settled(feed);
    expect(afters).toEqual([3]);
    expect(feed.getSnapshot().view.answer).toBe("하나 둘 셋 넷");
    // Every intermediate render showed a prefix of the final answer: nothing out of order, nothing twice.
    expect(answers.length).toBeGreaterThan(1);
    for (const a of answers) expect("하나 둘 셋 넷".startsWith(a)).toBe(true);
    feed.dispose();
  });

  it("reports a run the server does not know instead of retrying forever", async () => {
    const { origin, afters } = await serve([
      (_after, res) => {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { code: "not_found:run", message: "no such run" } }));
      },
    ]);
    const feed = new RunFeed(runId, "q", origin);
    feed.follow();
    await settled(feed);
    expect(feed.getSnapshot()).toMatchObject({ connection: "closed", feedError: "no such run" });
    expect(afters).toEqual([0]);
    feed.dispose();
  });
});
