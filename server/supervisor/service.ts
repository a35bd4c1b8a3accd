// The entry points the routes, the CLI, tests and the benchmark call: start a run detached,
// run a turn to the end, and resume runs whose owner died.
import "server-only";
import { and, asc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { maybePruneCheckpoints } from "../db/retention";
import { runs } from "../db/schema";
import { instanceId } from "../events/bus";
import { getDefaultApp, type AppDefinition } from "./app";
import { log } from "../telemetry/log";
import { metrics } from "../telemetry/metrics";
import { createRun, executeRun, type RunOptions, type StartRunInput } from "./run";
import { getRunSummary, type RunSummary } from "./summary";

/** The app runs use unless told otherwise: the one registered at start-up (server/boot.ts). */
async function appFor(opts: Partial<RunOptions>): Promise<AppDefinition> {
  return opts.app ?? getDefaultApp();
}

export async function startRun(database: Database, input: StartRunInput, opts: Partial<RunOptions> = {}): Promise<{ runId: string; sessionId: string; done: Promise<void> }> {
  // The app first: a process with none registered fails before it leaves a run nobody will execute.
  const app = await appFor(opts);
  const created = await createRun(database, input);
  const done = executeRun(database, created.runId, { app, deciders: opts.deciders, created: created.created });
  done.catch((e) => log.error({ err: e, runId: created.runId, sessionId: created.sessionId }, "run ended with an error its own handling could not record"));
  return { runId: created.runId, sessionId: created.sessionId, done };
}

/** Runs one turn to its end and returns the run summary. */
export async function runTurn(database: Database, input: StartRunInput, opts: Partial<RunOptions> = {}): Promise<RunSummary> {
  const { runId, done } = await startRun(database, input, opts);
  await done;
  return (await getRunSummary(database, runId, { userId: input.userId, admin: true }))!;
}

/**
 * Claims runs left `running` by an instance whose lease expired (it crashed) and resumes them from
 * their last checkpoint. SKIP LOCKED lets several instances sweep at once without taking the same run.
 */
export async function resumeOrphanedRuns(database: Database, opts: Partial<RunOptions> = {}): Promise<string[]> {
  const lease = Number(process.env.ENSEMBLE_LEASE_MS ?? 15_000) / 1000;
  const orphans = database.db.select({ id: runs.id }).from(runs)
    .where(and(eq(runs.status, "running"), or(isNull(runs.leaseExpiresAt), lt(runs.leaseExpiresAt, sql`now()`))))
    .orderBy(asc(runs.startedAt)).limit(10).for("update", { skipLocked: true });
  const rows = await database.db.update(runs)
    .set({ ownerId: instanceId(), leaseExpiresAt: sql`now() + ${lease} * interval '1 second'` })
    .where(inArray(runs.id, orphans)).returning({ id: runs.id });
  const app = rows.length ? await appFor(opts) : null;
  if (rows.length) metrics().leasesTaken.inc(rows.length);
  for (const { id } of rows) {
    log.info({ runId: id }, "resuming run from its last checkpoint");
    void executeRun(database, id, { app: app!, deciders: opts.deciders, resume: true }).catch((e) => log.error({ err: e, runId: id }, "resumed run ended with an error its own handling could not record"));
  }
  return rows.map((r) => r.id);
}

const g = globalThis as unknown as { __ensembleSweeper?: NodeJS.Timeout };

export function startResumeSweeper(database: Database): void {
  if (g.__ensembleSweeper) return;
  const every = Number(process.env.ENSEMBLE_RESUME_INTERVAL_MS ?? 2000);
  const sweep = () => resumeOrphanedRuns(database).catch((e) => log.warn({ err: e }, "resume sweep failed"));
  void sweep();
  setInterval(() => void maybePruneCheckpoints(database), every).unref(); // self-throttled: hourly by default
  g.__ensembleSweeper = setInterval(sweep, every);
  g.__ensembleSweeper.unref();
}
