// Database pool gauges, read at scrape time: postgres.js exposes no pool statistics, so this process's
// connections are counted in pg_stat_activity by the application_name its client sets (db/client.ts).
import { applicationName, type Database } from "./client";
import { metrics } from "../telemetry/metrics";

/**
 * Sets ensemble_db_connections{state=in_use|idle}, ensemble_db_connections_waiting (connections
 * waiting on a lock) and ensemble_db_pool_max. The scrape's own query is not counted as in use.
 */
export async function readPoolGauges(database: Database): Promise<void> {
  const [row] = await database.sql<{ in_use: number; idle: number; waiting: number }[]>`
    select count(*) filter (where state <> 'idle' and pid <> pg_backend_pid())::int as in_use,
           count(*) filter (where state = 'idle')::int as idle,
           count(*) filter (where wait_event_type = 'Lock')::int as waiting
    from pg_stat_activity where application_name = ${applicationName()}`;
  const m = metrics();
  m.dbConnections.set({ state: "in_use" }, row.in_use);
  m.dbConnections.set({ state: "idle" }, row.idle);
  m.dbWaiting.set(row.waiting);
  m.dbPoolMax.set(database.max);
}
