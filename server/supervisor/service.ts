// The entry points the routes, the CLI, tests and the benchmark call: start a run detached,
// run a turn to the end, and resume runs whose owner died.
import type { Database } from "../db/client";
import { instanceId } from "../events/bus";
import { log } from "../telemetry/log";
import { metrics } from "../telemetry/metrics";
import type { AppDefinition } from "./app";
import { createRun, executeRun, type RunOptions, type StartRunInput } from "./run";
import { getRunSummary, type RunSummary } from "./summary";

/** The app runs use unless told otherwise; loaded lazily so runtime tests need no domain modules. */
async function appFor(opts: Partial<RunOptions>): Promise<AppDefinition> {
  return opts.app ?? (await import("../apps/housing/index")).getDefaultApp();
}

export async function startRun(database: Database, input: StartRunInput, opts: Partial<RunOptions> = {}): Promise<{ runId: string; sessionId: string; done: Promise<void> }> {
  const created = await createRun(database, input);
  const done = executeRun(database, created.runId, { app: await appFor(opts), deciders: opts.deciders });
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
  const rows = await database.sql<{ id: string }[]>`
    update runs set owner_id = ${instanceId()}, lease_expires_at = now() + ${lease} * interval '1 second'
    where id in (
      select id from runs where status = 'running' and (lease_expires_at is null or lease_expires_at < now())
      order by started_at limit 10 for update skip locked
    ) returning id`;
  const app = rows.length ? await appFor(opts) : null;
  if (rows.length) metrics().leasesTaken.inc(rows.length);
  for (const { id } of rows) {
    log.info({ runId: id }, "resuming run from its last checkpoint");
    void executeRun(database, id, { app: app!, deciders: opts.deciders }).catch((e) => log.error({ err: e, runId: id }, "resumed run ended with an error its own handling could not record"));
  }
  return rows.map((r) => r.id);
}

const g = globalThis as unknown as { __ensembleSweeper?: NodeJS.Timeout };

export function startResumeSweeper(database: Database): void {
  if (g.__ensembleSweeper) return;
  const every = Number(process.env.ENSEMBLE_RESUME_INTERVAL_MS ?? 2000);
  const sweep = () => resumeOrphanedRuns(database).catch((e) => log.warn({ err: e }, "resume sweep failed"));
  void sweep();
  g.__ensembleSweeper = setInterval(sweep, every);
  g.__ensembleSweeper.unref();
}
