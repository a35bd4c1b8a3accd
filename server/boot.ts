// Process start-up, once: database (embedded or DATABASE_URL) migrated and seeded, the resume
// sweeper and the cross-instance listeners running. Health answers ok only after this.
import { getDatabase, type Database } from "./db/client";
import { seedAll } from "./db/seed";
import { listenForRemoteEvents } from "./events/bus";
import { startFlagListener } from "./flags";
import { startResumeSweeper } from "./supervisor/service";

const g = globalThis as unknown as { __ensembleReady?: Promise<Database> };

export function ensureReady(): Promise<Database> {
  g.__ensembleReady ??= (async () => {
    const database = await getDatabase();
    await seedAll(database.db);
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
