// Keeps one run's view up to date in the browser: consumes the POST stream, re-attaches to
// GET /api/runs/{id}/events?after=<last seq> whenever a stream drops, or loads a finished run's summary.
import type { RunEvent } from "@/server/state/run-event";
import { sleep } from "@/server/retry";
import { errorMessage, fetchRunSummary, readApiError } from "./api";
import { readSseBody, type SseFrame } from "./sse-parser";
import { applyEvent, initialRunView, viewFromSummary, type RunView } from "./run-state";

export type FeedConnection = "idle" | "loading" | "streaming" | "reconnecting" | "closed";

export interface FeedSnapshot {
  view: RunView;
  connection: FeedConnection;
  /** Set when the feed gave up (run gone, or the server kept refusing); the run itself may be fine. */
  feedError: string | null;
  /** True once the view holds everything known (summary loaded or terminal event seen). */
  loaded: boolean;
}

const MAX_RECONNECTS = 12;

export class RunFeed {
  private snapshot: FeedSnapshot;
  private listeners = new Set<() => void>();
  private abort = new AbortController();
  private notifyQueued = false;
  private following = false;

  /** `origin` is empty in the browser (same-origin paths); tests pass their server's address. */
  constructor(readonly runId: string, question: string | null, private readonly origin = "") {
    this.snapshot = { view: initialRunView(runId, question), connection: "idle", feedError: null, loaded: false };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): FeedSnapshot => this.snapshot;

  /** Reads the stream POST /api/chat answered with, then follows the run until it ends. */
  consume(body: ReadableStream<Uint8Array>): void {
    this.set({ connection: "streaming" });
    void this.readStream(body).then(() => this.follow());
  }

  /** Follows the run from the last seq we hold (0 on a fresh page: the whole run is replayed). */
  follow(): void {
    if (this.following || this.done()) return;
    this.following = true;
    void this.followLoop().finally(() => {
      this.following = false;
    });
  }

  /** A turn loaded from history: finished runs come from their summary, running ones are followed. */
  load(status: string, fallback: { question: string; error: string | null }): void {
    if (status === "running") return this.follow();
    this.set({ connection: "loading" });
    fetchRunSummary(this.runId, this.abort.signal, this.origin).then(
      (summary) => {
        if (summary.status === "running") {
          this.set({ connection: "idle" });
          return this.follow();
        }
        this.set({ view: viewFromSummary(summary, fallback), connection: "closed", loaded: true });
      },
      (e) => {
        if (this.abort.signal.aborted) return;
        this.set({ connection: "closed", feedError: errorMessage(e) });
      },
    );
  }

  /** Tries again after the feed gave up. */
  retry(): void {
    if (this.following) return;
    this.set({ feedError: null });
    if (this.snapshot.view.lastSeq === 0 && this.snapshot.view.status !== "running") return;
    this.follow();
  }

  dispose(): void {
    this.abort.abort();
    this.listeners.clear();
  }

  private done(): boolean {
    return this.snapshot.view.status !== "running" || this.abort.signal.aborted;
  }

  private async followLoop(): Promise<void> {
    let failures = 0;
    while (!this.done()) {
      const before = this.snapshot.view.lastSeq;
      try {
        this.set({ connection: failures > 0 || before > 0 ? "reconnecting" : "loading" });
        const res = await fetch(`${this.origin}/api/runs/${encodeURIComponent(this.runId)}/events?after=${before}`, {
          headers: { accept: "text/event-stream" },
          credentials: "same-origin",
          cache: "no-store",
          signal: this.abort.signal,
        });
        if (!res.ok || !res.body) {
          const err = await readApiError(res);
          // The run is gone or not ours: retrying cannot help.
          if (res.status === 404 || res.status === 403 || res.status === 400) {
            this.set({ connection: "closed", feedError: err.message });
            return;
          }
          throw err;
        }
        this.set({ connection: "streaming", feedError: null });
        await this.readStream(res.body);
      } catch (e) {
        if (this.abort.signal.aborted) return;
        if (failures + 1 >= MAX_RECONNECTS) {
          this.set({ connection: "closed", feedError: `실시간 연결이 끊겼습니다: ${errorMessage(e)}` });
          return;
        }
      }
      if (this.done()) break;
      failures = this.snapshot.view.lastSeq > before ? 0 : failures + 1;
      // Closing the feed ends the wait early; the loop then sees the abort and stops.
      await sleep(Math.min(500 * 2 ** failures, 8000), this.abort.signal).catch(() => {});
    }
    if (!this.abort.signal.aborted) this.set({ connection: "closed", loaded: true });
  }

  private async readStream(body: ReadableStream<Uint8Array>): Promise<void> {
    try {
      await readSseBody(body, (frame) => this.onFrame(frame));
    } catch {
      if (this.abort.signal.aborted) return;
      // A dropped connection: followLoop picks up after the last seq we applied.
      if (!this.done()) this.set({ connection: "reconnecting" });
    }
    if (this.done() && !this.abort.signal.aborted) this.set({ connection: "closed", loaded: true });
  }

  private onFrame(frame: SseFrame): void {
    let ev: RunEvent;
    try {
      ev = JSON.parse(frame.data) as RunEvent;
    } catch {
      return; // not an event of ours (e.g. a comment-only frame)
    }
    if (!ev || typeof ev.seq !== "number" || typeof ev.type !== "string") return;
    const next = applyEvent(this.snapshot.view, ev);
    if (next !== this.snapshot.view) this.set({ view: next }, true);
  }

  private set(patch: Partial<FeedSnapshot>, coalesce = false): void {
    this.snapshot = { ...this.snapshot, ...patch };
    if (!coalesce) return this.notify();
    // Many frames can arrive in one chunk: re-render once for all of them.
    if (this.notifyQueued) return;
    this.notifyQueued = true;
    queueMicrotask(() => {
      this.notifyQueued = false;
      this.notify();
    });
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}
