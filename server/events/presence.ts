// Which other instances listen for run events, so that a lone instance does not NOTIFY into the void.
//
// Why: every commit of a run used to be followed by a NOTIFY (remote-notify.ts) and every run's last commit
// carried one, whether or not any other instance was there to hear them. At W1 c1 those statements were 0.35 ms
// of Node CPU and 0.2 ms of PostgreSQL CPU per run, and 0.2–0.4 ms of its latency (docs/perf/issue-14.md §11).
//
// The protocol, on one channel, every message "<kind>:<instance id>":
// - "here": sent by an instance that listens for run events (bus.ts) when its LISTEN starts, and in reply to
//   every "who" from another instance;
// - "who": sent by every instance watching when its LISTEN starts (again after a reconnection) and once a
//   round (20 s) after that.
// A peer not heard from for two and a half rounds is gone. Every doubt counts as "someone may listen": before
// this instance has heard its own first "who" echoed back (its LISTEN is live) and for a second after (the
// replies' time to arrive), and whenever its own echo is overdue (the LISTEN connection is down). A missed poke
// only delays a remote stream until its safety poll (events/sse.ts) or the run's next commit; it loses nothing.
// A reply later than the grace (a loaded database: CI once saw one) does not even delay that much: when a
// listener this instance did not know says "here", the runs it kept quiet about meanwhile are announced then
// (remote-notify.ts).
import "server-only";
import type { Sql } from "../db/client";
import { log } from "../telemetry/log";

export const PRESENCE_CHANNEL = "ensemble_instances";

export interface PresenceTiming {
  /** How often "who" goes out: the pace at which gone peers are noticed. */
  roundMs: number;
  /** After the first echo, how long replies may take before "nobody answered" is believed. */
  replyGraceMs: number;
}
const TIMING: PresenceTiming = { roundMs: 20_000, replyGraceMs: 1_000 };

export class PeerWatch {
  private peers = new Map<string, number>();
  private echoedAt = 0;
  private readyAt = Infinity;
  private listening = false;
  private started: Promise<void> | null = null;
  private round: NodeJS.Timeout | null = null;
  private arrivals: (() => void)[] = [];

  constructor(
    private sql: Sql,
    readonly self: string,
    private channel = PRESENCE_CHANNEL,
    private timing: PresenceTiming = TIMING,
  ) {}

  /** Starts watching (idempotent). Resolves once the LISTEN is in place; a failure leaves every doubt standing. */
  start(): Promise<void> {
    this.started ??= this.sql
      .listen(this.channel, (payload) => this.heard(payload), () => this.onListen())
      .then(() => {
        this.round = setInterval(() => this.send("who"), this.timing.roundMs);
        this.round.unref();
      })
      .catch((e) => {
        this.started = null;
        log.warn({ err: e }, "could not watch for other instances; every commit will be announced");
      });
    return this.started;
  }

  /** This instance listens for run events: it says so now and to every "who" from now on. */
  async declareListening(): Promise<void> {
    this.listening = true;
    await this.start();
    this.send("here");
  }

  /**
   * Resolves true once this instance knows who listens (its LISTEN is live and the replies' grace has passed), or
   * false after `maxMs`. A server gets there in its first second; a benchmark waits for it, so that its timed runs
   * are not the first second's, each of whose commits is announced while it cannot yet know nobody listens.
   */
  async settled(maxMs = 5_000): Promise<boolean> {
    await this.start();
    for (const end = Date.now() + maxMs; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) {
      if (Date.now() >= this.readyAt) return true;
    }
    return false;
  }

  /** False only when this instance is sure that no other instance listens for run events. */
  othersMayListen(now = Date.now()): boolean {
    if (now < this.readyAt || now - this.echoedAt > 2.5 * this.timing.roundMs) return true;
    for (const [id, at] of this.peers) {
      if (now - at <= 2.5 * this.timing.roundMs) return true;
      this.peers.delete(id);
    }
    return false;
  }

  /**
   * Calls `fn` whenever a listener this instance did not know of says "here". Until then this instance may have
   * believed nobody listened and kept its announcements to itself (remote-notify.ts repeats them).
   */
  onPeerArrived(fn: () => void): void {
    this.arrivals.push(fn);
  }

  stop(): void {
    if (this.round) clearInterval(this.round);
  }

  /** The LISTEN is in place, first or again after a lost connection: ask who is there, and say so if listening. */
  private onListen(): void {
    this.send("who");
    if (this.listening) this.send("here");
  }

  private heard(payload: string): void {
    const at = payload.indexOf(":");
    const kind = payload.slice(0, at);
    const from = payload.slice(at + 1);
    if (at < 0 || !from) return;
    const now = Date.now();
    if (from === this.self) {
      if (kind !== "who") return;
      if (this.readyAt === Infinity) this.readyAt = now + this.timing.replyGraceMs;
      this.echoedAt = now;
      return;
    }
    if (kind === "here") {
      const known = this.peers.has(from);
      this.peers.set(from, now);
      if (!known) for (const fn of this.arrivals) fn();
    } else if (kind === "who" && this.listening) this.send("here");
  }

  private send(kind: "who" | "here"): void {
    this.sql`select pg_notify(${this.channel}, ${`${kind}:${this.self}`})`.execute().catch((e: unknown) => {
      log.warn({ err: e, kind }, "could not send a presence message");
    });
  }
}

const g = globalThis as unknown as { __ensemblePeerWatches?: Map<Sql, PeerWatch> };
const watches: Map<Sql, PeerWatch> = (g.__ensemblePeerWatches ??= new Map());

/** The watch of the database behind `sql` for instance `self`, started on first use; `opts` apply to that first
 * use only (tests watch on a channel of their own, at a faster pace). */
export function peersOf(sql: Sql, self: string, opts?: { channel: string; timing: PresenceTiming }): PeerWatch {
  let watch = watches.get(sql);
  if (!watch) {
    watches.set(sql, (watch = new PeerWatch(sql, self, opts?.channel, opts?.timing)));
    void watch.start();
  }
  return watch;
}
