// Process start-up, once: the app registered, the database (embedded or DATABASE_URL) migrated and
// seeded, the resume sweeper and the cross-instance listeners running. Health answers ok only after this.
// The composition root: the one server module that names the shipped app.
import "server-only";
import { createHousingApp } from "./apps/housing";
import type { Db } from "./db/client";
import { getDatabase, type Database } from "./db/client";
import { listenForRemoteEvents } from "./events/bus";
import { seedFlags, startFlagListener } from "./flags";
import { getDefaultApp, hasDefaultApp, setDefaultApp, type AppDefinition } from "./supervisor/app";
import { startResumeSweeper } from "./supervisor/service";

const g = globalThis as unknown as { __ensembleReady?: Promise<Database> };

/** The shipped app, unless a script registered another one first (the W1 worker). */
export function registerDefaultApp(): AppDefinition {
  if (!hasDefaultApp()) setDefaultApp(createHousingApp());
  return getDefaultApp();
}

/** Seeds everything runs need, idempotently: flag definitions, then the app's own data. */
export async function seedAll(db: Db, app: AppDefinition = registerDefaultApp()): Promise<void> {
  await seedFlags(db);
  await app.seed?.(db);
}

export function ensureReady(): Promise<Database> {
  g.__ensembleReady ??= (async () => {
    const app = registerDefaultApp();
    const database = await getDatabase();
    await seedAll(database.db, app);
    await listenForRemoteEvents(database.sql);
    await startFlagListener(database.db);
    if (process.env.ENSEMBLE_RESUME !== "0") startResumeSweeper(database);
    return database;
  })().catch((e) => {
    g.__ensembleReady = undefined;
    throw e;
  });
  return g.__ensembleReady;
}

/** Rejects after `ms` (the work itself goes on; only the wait ends). */
function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Readiness now, not at start: start-up done and the database answering a query within the timeout
 * (ENSEMBLE_HEALTH_TIMEOUT_MS, default 2000). Throws when either fails.
 */
export async function checkReady(timeoutMs = Number(process.env.ENSEMBLE_HEALTH_TIMEOUT_MS ?? 2000)): Promise<void> {
  const database = await withTimeout(ensureReady(), timeoutMs, "start-up");
  await withTimeout(database.sql`select 1`.execute(), timeoutMs, "database ping");
}
