// A run's lifecycle: create it (row, first message, run_started) in one transaction, execute it
// detached from the request under a lease, finish it completed or failed — never left running.
import { eq, max } from "drizzle-orm";
import { asDrizzle } from "../db/raw-handle";
import type { Database } from "../db/client";
import { runEvents, runs } from "../db/schema";
import { AppError } from "../errors";
import { appendRunEvents } from "../events/append";
import { instanceId, publish } from "../events/bus";
import { announceCommitted } from "../events/remote-notify";
import type { RunEvent } from "../state/run-event";
import { observeRunEvents } from "../telemetry/observe";
import { log } from "../telemetry/log";
import { userHash } from "../telemetry/run-ids";
import { RunWriter, writeStats, type RunPatch } from "../events/run-writer";
import { createRunStatement, readCheckpointRows, readRunRow } from "./run-statements";
import { newId } from "../db/ids";
import { notifyInTransaction, updateRun } from "../events/run-statements";
import { leaseLost, leaseMs, queueLease, renewIfOwned, startHeartbeat, unqueueLease } from "./leases";
import { evaluateFlags } from "../flags";
import { queryPatternOf, recordExecutionCall } from "../memory";
import type { ToolObservation } from "../memory";
import { resolveDeciders } from "../models/deciders";
import type { Deciders, LlmUsage } from "../models/types";
import type { AppDefinition } from "./app";
import { CHECKPOINT_VERSION, readCheckpoint } from "./checkpoint";
import { foldCheckpoints } from "../state/checkpoint-doc";
import type { RunContext } from "./context";
import { nextNode, runGraph, withTiming } from "./graph";
import { summaryColumns } from "./run-columns";
import { initializeState, supervisorNodes } from "./nodes";
import type { FlagSnapshot, NodeName, SupervisorState } from "./types";
import type { ExecutionContextSnapshot } from "../orchestrator/types";

export const MAX_MESSAGE_LENGTH = 4000;

export interface StartRunInput {
  userId: string;
  message: string;
  sessionId?: string | null;
  /** Forced flag values (tests, benchmark, CLI), recorded with reason "request". */
  flagOverrides?: Record<string, boolean>;
  /** `userId` is a new visitor's, not stored yet: the run's statement creates the user (POST /api/chat). */
  newUser?: boolean;
}

export interface RunOptions {
  app: AppDefinition;
  /** Replace some deciders (tests: an orchestrator that throws). */
  deciders?: Partial<Deciders>;
  /** The run as createRun wrote it: a run admitted at once starts from this instead of reading its row back. */
  created?: CreatedRun;
  /** Picked up by the resume sweeper after its instance died (not merely read back after waiting in the queue). */
  resume?: boolean;
}

/** The fields of a run that runToEnd starts from. */
type RunStart = Pick<typeof runs.$inferSelect, "status" | "flags" | "lastSeq" | "question" | "sessionId" | "userId" | "decisions" | "startedAt">;

/** A run as createRun wrote it: its row's starting fields and the state after initialize (checkpoint 1). */
export type CreatedRun = RunStart & { initialized: SupervisorState };

interface RunsGlobal {
  active: Map<string, Promise<void>>;
  controllers: Map<string, AbortController>;
}
const g = globalThis as unknown as { __ensembleRuns?: RunsGlobal };
const registry: RunsGlobal = (g.__ensembleRuns ??= { active: new Map(), controllers: new Map() });

/**
 * Creates the run (and the session when none is given) and its first event, all or nothing, and returns
 * that event so the caller can send it at once. Ids are made here, so it is one statement and one round trip
 * (createRunStatement, docs/perf/issue-14.md §8).
 */
export async function createRun(database: Database, input: StartRunInput): Promise<{ runId: string; sessionId: string; flags: FlagSnapshot; started: RunEvent; events: RunEvent[]; created: CreatedRun }> {
  const message = input.message.trim();
  if (!message) throw new AppError("bad_request:chat", "message must not be empty");
  if (message.length > MAX_MESSAGE_LENGTH) throw new AppError("bad_request:chat", `message is longer than ${MAX_MESSAGE_LENGTH} characters`);
  const flags = await evaluateFlags(database.db, input.userId, input.flagOverrides);
  const runId = newId();
  const sessionId = input.sessionId ?? newId();
  const startedAt = new Date();
  const started: RunEvent = { runId, seq: 1, type: "run_started", at: startedAt.toISOString(), question: message, sessionId, userId: input.userId };
  // The initialize node is pure: it runs here and its checkpoint commits with the run, so executing starts at
  // planning and a run costs one commit fewer (docs/perf/issue-14.md §8). Durability is the same: the
  // checkpoint is committed before the next node starts.
  const base = newRunState(runId, { question: message, sessionId, userId: input.userId, flags });
  const initialized = withTiming(initializeState(base), "initialize", startedAt, new Date());
  const saved: RunEvent = { runId, seq: 2, type: "checkpoint_saved", at: new Date().toISOString(), node: "initialize", checkpointSeq: 1 };
  const written = await createRunStatement(database.sql, {
    runId, sessionId, existingSession: Boolean(input.sessionId), newUser: input.newUser === true, userId: input.userId, title: message.slice(0, 60), question: message,
    flags, ownerId: instanceId(), leaseExpiresAt: new Date(startedAt.getTime() + leaseMs()), startedAt, events: [started, saved], initialized,
  });
  if (!written) throw new AppError("not_found:session", "no such chat session");
  announceCommitted(database.sql, runId);
  writeStats.transactions++;
  writeStats.rows += (input.sessionId ? 5 : 6) + (input.newUser ? 1 : 0);
  observeRunEvents([started, saved]);
  const created: CreatedRun = {
    status: "running", flags, lastSeq: 2, question: message, sessionId, userId: input.userId, decisions: [], startedAt, initialized,
  };
  return { runId, sessionId, flags, started, events: [started, saved], created };
}

/**
 * Starts executing a created run in the background; the returned promise settles when it ends. At most
 * ENSEMBLE_MAX_ACTIVE_RUNS (default: pool size − 2) runs execute at once per process; the others wait their turn (FIFO) with their
 * lease kept alive, so a burst of chats does not put every chat's first statements behind hundreds of
 * in-flight runs' commits on the connection pool (docs/perf/issue-14.md §6.3).
 */
export function executeRun(database: Database, runId: string, opts: RunOptions): Promise<void> {
  const existing = registry.active.get(runId);
  if (existing) return existing;
  const controller = new AbortController();
  registry.controllers.set(runId, controller);
  let waited = false;
  const p = admission.run(async () => {
    unqueueLease(runId);
    if (controller.signal.aborted) return; // its lease went to another instance while it waited
    const heartbeat = startHeartbeat(database, runId, controller);
    try {
      let runOpts = opts;
      if (waited) {
        // It may have changed hands or ended while it waited (one statement, which also renews the lease):
        // not ours any more, it is left to its owner; ours but moved on since createRun, it is read back.
        const lastSeq = await renewIfOwned(database, runId);
        if (lastSeq === null) return;
        if (opts.created?.lastSeq !== lastSeq) runOpts = { ...opts, created: undefined };
      }
      await runToEnd(database, runId, runOpts, controller);
    } finally {
      clearInterval(heartbeat);
    }
  }, maxActiveRuns(database), () => { waited = true; queueLease(runId, database, controller); }).finally(() => {
    unqueueLease(runId);
    registry.active.delete(runId);
    registry.controllers.delete(runId);
  });
  registry.active.set(runId, p);
  return p;
}

/** True while this process executes the run or holds it waiting for a slot: every event of it is published here. */
export function isExecutingHere(runId: string): boolean {
  return registry.active.has(runId);
}

/** Runs started and not yet ended in this process, executing or waiting for a slot. */
export function activeRunCount(): number {
  return registry.active.size;
}

/** Runs waiting for an execution slot. */
export function queuedRunCount(): number {
  return admission.waiting;
}

/** How long a queued run gives way to chats being created before it takes a slot anyway (a 200-chat burst is
 * created in ~1.3 s here; a bound shorter than that releases the runs into it). */
const CREATION_PRIORITY_MS = 1500;

/**
 * How long after a chat's creation ended more creations still count as going on: a burst's POSTs reach the handler
 * a few milliseconds apart, and a gap between them opened every slot at once. Measured at c200 (load) once a new
 * visitor's first chat became one commit (shorter creations, more gaps), opening-burst first event p95: no gap
 * 2.88 / 2.94 s, 5 ms 1.03 / 1.08 s, 15 ms 1.10 / 1.12 s; runs/s the same (42–47). In steady traffic creations
 * are ~25 ms apart, so a longer gap would hold runs back between ordinary chats.
 */
const CREATION_GAP_MS = 5;

/**
 * A FIFO counting semaphore: `run(task, limit)` starts the task once fewer than `limit` tasks are running.
 * While chats are being created (`hold()`, and CREATION_GAP_MS after the last), a queued task starts only when
 * none is running, or once it has waited CREATION_PRIORITY_MS: a burst of chats gets its run_started out before
 * the event loop fills with run work, the runs executing already keep going, and no queued run gives way to
 * creations for long. Measured at c200 (load, docs/perf/issue-14.md §11), first event p95: half the limit open
 * while creating 2.02–2.12 s; one, unbounded, 1.22–1.23 s; one for at most 250 ms 2.16–2.67 s (the burst
 * outlasts it); at most 1.5 s 1.30 / 1.30 s. Throughput the same in all (35–49 runs/s, the machine's spread).
 */
class Admission {
  private running = 0;
  private creating = 0;
  private lastCreation = -Infinity;
  private limit = 1;
  private queue: { start: () => void; since: number }[] = [];
  private timer: NodeJS.Timeout | null = null;
  get waiting(): number {
    return this.queue.length;
  }
  private creatingAt(now: number): boolean {
    return this.creating > 0 || now - this.lastCreation < CREATION_GAP_MS;
  }
  private open(now: number): number {
    if (!this.creatingAt(now)) return this.limit;
    const oldest = this.queue[0];
    return oldest && now - oldest.since >= CREATION_PRIORITY_MS ? this.limit : 1;
  }
  /** `onQueued` is called when the task has to wait for a slot. */
  async run<T>(task: () => Promise<T>, limit: number, onQueued?: () => void): Promise<T> {
    this.limit = limit;
    if (this.running >= this.open(Date.now()) || this.queue.length > 0) {
      onQueued?.();
      await new Promise<void>((start) => {
        this.queue.push({ start, since: Date.now() });
        this.pump();
      });
    } else this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.pump();
    }
  }
  /** Marks a chat being created until the returned function is called (once). */
  hold(): () => void {
    this.creating++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.creating--;
      this.lastCreation = Date.now();
      this.pump();
    };
  }
  private pump(): void {
    const now = Date.now();
    while (this.queue.length > 0 && this.running < this.open(now)) {
      this.running++;
      this.queue.shift()!.start();
    }
    // Held back only by chats being created: look again when the oldest has given way long enough, or when the
    // creations' gap has passed (whichever is first; re-armed on every pump, since either moves).
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.queue.length > 0 && this.running < this.limit && this.creatingAt(now)) {
      const gapEnds = this.creating > 0 ? Infinity : this.lastCreation + CREATION_GAP_MS;
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pump();
      }, Math.max(1, Math.min(this.queue[0].since + CREATION_PRIORITY_MS, gapEnds) - now));
      this.timer.unref();
    }
  }
}

/** Call when a request starts creating a chat's run; call the result once it is created (or refused). */
export function creatingChat(): () => void {
  return admission.hold();
}

// Two pooled connections stay free for the request path (8 with the default pool of 10). Measured at c200
// (load): 8 gave first event p50/p95 60 ms / 1.2 s and 25 runs/s, 24 gave 211 ms / 2.2 s and 18 runs/s
// (docs/perf/issue-14.md §7).
const maxActiveRuns = (database: Database) =>
  Math.max(1, Number(process.env.ENSEMBLE_MAX_ACTIVE_RUNS ?? database.max - 2));
const ag = globalThis as unknown as { __ensembleAdmission?: Admission };
const admission: Admission = (ag.__ensembleAdmission ??= new Admission());

/** A run's state before its first node: the question and who asked, nothing planned yet. */
function newRunState(runId: string, run: Pick<RunStart, "question" | "sessionId" | "userId" | "flags">): SupervisorState {
  return {
    schemaVersion: CHECKPOINT_VERSION, runId, query: run.question, sessionId: run.sessionId, userId: run.userId, flags: run.flags,
    planning: null, execution: null, teamResults: {}, aggregated: null, finalResponse: null, timings: {}, errors: [], status: "running",
  };
}

async function runToEnd(database: Database, runId: string, opts: RunOptions, controller: AbortController): Promise<void> {
  // Created here a moment ago: its row and its initialize checkpoint are what createRun wrote.
  const [run, saved]: [RunStart | undefined, { seq: number; node: string; state: unknown }[]] = opts.created
    ? [opts.created, [{ seq: 1, node: "initialize", state: opts.created.initialized }]]
    : await Promise.all([readRunRow(database.db, runId), readCheckpointRows(database.db, runId)]);
  const newest = saved.at(-1);
  const last = newest && { seq: newest.seq, node: newest.node, state: foldCheckpoints(saved) };
  if (!run || run.status !== "running") return;
  const flags = run.flags;
  // A run with no node past its creation is only resumed when the sweeper took it from a dead instance.
  const resumed = Boolean(last) && (opts.resume === true || last?.node !== "initialize");
  const writer = new RunWriter(database, runId, run.lastSeq, last?.seq ?? 0, opts.created?.initialized);
  // Another instance owns the run now and continues from its last commit: nothing this one still holds or
  // emits from calls in flight may land after that (it would take the new owner's sequence numbers).
  const fence = () => { if (leaseLost(controller.signal)) writer.abandon(); };
  if (controller.signal.aborted) fence();
  else controller.signal.addEventListener("abort", fence, { once: true });
  const usage: LlmUsage[] = [];
  const rules = opts.app.rules;
  const resolved = resolveDeciders({ flags, rules, vocabulary: opts.app.vocabulary, runId, onUsage: (u) => void usage.push(u) });
  const ctx: RunContext = {
    app: opts.app, database, writer, usage, signal: controller.signal,
    deciders: { ...resolved, planner: opts.app.wrapPlanner ? opts.app.wrapPlanner(resolved.planner) : resolved.planner, ...opts.deciders },
    decisions: [...run.decisions],
    memory: flags.memory_learning?.value === true,
    startedAtMs: run.startedAt.getTime(),
    resumed,
  };
  // Runs created before createRun saved the initialize checkpoint have none: they start from nothing.
  let state = newRunState(runId, run);
  try {
    if (last) {
      // Upgraded to this build's shape and validated: a state that does not fit fails the run here.
      state = opts.created ? opts.created.initialized : readCheckpoint(last.state);
    }
    if (last && resumed) {
      writer.emit("run_started", { question: run.question, sessionId: run.sessionId, userId: run.userId, resumed: true });
      state = { ...state, errors: [...state.errors, { node: "run", message: `resumed after ${last.node} on instance ${instanceId()}`, at: new Date().toISOString() }] };
    }
    const start: NodeName | null = last ? nextNode(last.node as NodeName, state) : "initialize";
    if (start) state = await runGraph(supervisorNodes, start, state, ctx);
    await finishRun(ctx, state);
  } catch (e) {
    await failRun(ctx, ctx.lastState ?? state, e);
  }
}

async function finishRun(ctx: RunContext, state: SupervisorState): Promise<void> {
  const final = state.finalResponse;
  const durationMs = Date.now() - ctx.startedAtMs;
  const answer = final?.answer ?? "";
  const degraded = final?.degraded ?? false;
  ctx.writer.updateRun({
    ...summaryColumns(state, ctx.decisions, ctx.usage, ctx.app),
    status: "completed", answer, degraded, duration_ms: durationMs, finished_at: new Date().toISOString(),
    lease_expires_at: null,
  });
  const sessionId = state.sessionId;
  if (sessionId) ctx.writer.message({ sessionId, role: "assistant", content: answer });
  const record = memoryRecord(state, durationMs);
  if (ctx.memory && record) ctx.writer.recordMemory(recordExecutionCall(record));
  ctx.writer.emit("run_completed", { answer, degraded, missing: final?.missing ?? [], durationMs });
  await ctx.writer.flush();
}

async function failRun(ctx: RunContext, state: SupervisorState, e: unknown): Promise<void> {
  const message = e instanceof Error ? e.message : String(e);
  const who = { runId: state.runId, sessionId: state.sessionId, userHash: userHash(state.userId) };
  if (leaseLost(ctx.signal)) {
    log.warn(who, "run stopped here: its lease went to another instance, which finishes it");
    return;
  }
  log.error({ ...who, err: e }, "run failed");
  // The same row either way: through the writer, or directly when the writer's own flush cannot be stored.
  const failure: RunPatch = {
    ...summaryColumns(state, ctx.decisions, ctx.usage, ctx.app),
    status: "failed", error: message, duration_ms: Date.now() - ctx.startedAtMs, finished_at: new Date().toISOString(), lease_expires_at: null,
  };
  try {
    ctx.writer.updateRun(failure);
    ctx.writer.emit("run_failed", { error: message });
    await ctx.writer.flush();
  } catch (writeError) {
    // The writer's own transaction failed (e.g. a bad row): record the failure on its own.
    log.error({ ...who, err: writeError }, "could not record the run's failure through its writer; recording it directly");
    // Whatever the writer still holds is lost; the failure takes the next seq actually stored.
    ctx.writer.abandon();
    const failed = await ctx.database.sql.begin(async (raw) => {
      const tx = asDrizzle(raw);
      const [{ last }] = await tx.select({ last: max(runEvents.seq) }).from(runEvents).where(eq(runEvents.runId, state.runId));
      const event: RunEvent = { runId: state.runId, seq: (last ?? 0) + 1, type: "run_failed", at: new Date().toISOString(), error: message };
      await appendRunEvents(raw, state.runId, [event]);
      // The run's last event: announced inside its commit, like the writer's last flush (remote-notify.ts).
      await notifyInTransaction(raw, state.runId);
      await updateRun(raw, state.runId, { ...failure, last_seq: event.seq });
      return event;
    });
    publish(state.runId, [failed]);
    observeRunEvents([failed]);
  }
}

/** One execution pattern per finished run that executed tools (unclear/irrelevant questions teach nothing). */
function memoryRecord(state: SupervisorState, durationMs: number) {
  const planning = state.planning;
  const execution: ExecutionContextSnapshot | null = state.execution;
  if (!planning || !execution || !execution.decision || execution.legacy) return null;
  // One observation per attempt, in order: a tool that needed three tries to answer once was
  // unreliable twice, and the success rate should say so.
  const tools: ToolObservation[] = [];
  for (const entry of execution.registry) {
    if (entry.status === "skipped" || entry.attempts === 0) continue;
    const latencyMs = entry.latencyMs ?? 0;
    const byTool = entry.attemptsByTool ?? { [entry.tool]: entry.attempts };
    const primary = byTool[entry.tool] ?? 0;
    for (let i = 1; i < primary; i++) tools.push({ tool: entry.tool, outcome: "failed", latencyMs, error: entry.error ?? "attempt failed" });
    if (primary > 0) {
      const last = entry.resolvedBy ? "fell_back" : entry.status === "succeeded" ? (primary > 1 ? "retried" : "succeeded") : "failed";
      tools.push({ tool: entry.tool, outcome: last, latencyMs, error: last === "succeeded" || last === "retried" ? null : entry.error ?? last });
    }
    if (entry.resolvedBy) {
      const fb = byTool[entry.resolvedBy] ?? 1;
      for (let i = 1; i < fb; i++) tools.push({ tool: entry.resolvedBy, outcome: "failed", latencyMs });
      tools.push({ tool: entry.resolvedBy, outcome: fb > 1 ? "retried" : "succeeded", latencyMs });
    }
  }
  return {
    userId: state.userId, sessionId: state.sessionId, runId: state.runId, intent: planning.intent,
    queryPattern: queryPatternOf(planning), strategy: execution.strategy ?? "parallel", tools,
    success: !(state.aggregated?.degraded ?? false), durationMs,
  };
}
