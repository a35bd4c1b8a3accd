// The one database handle of the process: postgres.js + drizzle, kept on globalThis
// because Next bundles route handlers separately and each bundle would otherwise open its own pool.
import "server-only";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import * as schema from "./schema";
import { startEmbeddedCluster, type EmbeddedCluster } from "./embedded";
import { applyMigrations } from "./migrate";
import { preparedByDefault } from "./prepared-by-default";

export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction handle or the db itself: both run queries. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;
export type Sql = postgres.Sql;

export interface Database {
  db: Db;
  sql: Sql;
  url: string;
  /** The pool size this handle was opened with. */
  max: number;
  close(): Promise<void>;
}

interface DbGlobal {
  database?: Promise<Database>;
  cluster?: EmbeddedCluster;
}
const g = globalThis as unknown as { __ensembleDb?: DbGlobal };
const state: DbGlobal = (g.__ensembleDb ??= {});

interface PoolGlobal {
  applicationName: string;
}
const pool: PoolGlobal = ((globalThis as unknown as { __ensemblePool?: PoolGlobal }).__ensemblePool ??= {
  applicationName: `ensemble-${randomUUID().slice(0, 8)}`,
});

/**
 * The application_name this process's connections carry: postgres.js has no pool statistics, so the
 * metrics read this process's connections from pg_stat_activity by it (server/db/pool-gauges.ts).
 */
export function applicationName(): string {
  return pool.applicationName;
}

/** `socketPath`: a Unix socket of the same server (the embedded cluster's), used instead of the URL's TCP address. */
export function connect(url: string, max = Number(process.env.ENSEMBLE_DB_POOL ?? 10), socketPath?: string): Database {
  const sql = postgres(url, {
    max,
    // Loopback TCP costs the app ~10% more CPU per chat than a Unix socket (docs/perf/issue-14.md §6).
    ...(socketPath ? { path: socketPath } : {}),
    connection: { application_name: pool.applicationName },
    onnotice: () => {},
    idle_timeout: 30,
    // jsonb comes back parsed; timestamps as Date.
    prepare: true,
  });
  const db = drizzle(preparedByDefault(sql), { schema });
  return { db, sql, url, max, close: () => sql.end({ timeout: 5 }) };
}

async function resolveUrl(): Promise<{ url: string; socketPath?: string }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  const cluster = await startEmbeddedCluster(process.env.ENSEMBLE_DATA_DIR ?? ".data", { unixSocket: true });
  state.cluster = cluster;
  return { url: cluster.url, socketPath: cluster.socket && `${cluster.socket.dir}/.s.PGSQL.${cluster.socket.port}` };
}

/** Starts the database if needed and applies migrations; memoised for the process. */
export function getDatabase(): Promise<Database> {
  state.database ??= (async () => {
    const { url, socketPath } = await resolveUrl();
    await applyMigrations(url);
    return connect(url, undefined, socketPath);
  })().catch((e) => {
    state.database = undefined;
    throw e;
  });
  return state.database;
}

export async function shutdownDatabase(): Promise<void> {
  const d = state.database;
  state.database = undefined;
  if (d) await (await d).close().catch(() => {});
  if (state.cluster) {
    const c = state.cluster;
    state.cluster = undefined;
    await c.stop().catch(() => {});
  }
}
