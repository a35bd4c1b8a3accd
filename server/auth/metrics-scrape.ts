// /api/metrics behind its door: a bearer token (ENSEMBLE_METRICS_TOKEN) or an admin session; closed
// (404) when neither is configured. Renders the registry with the pool gauges read at scrape time.
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { adminPassword, readAdminSession } from "./admin";
import type { Database } from "../db/client";
import { AppError } from "../errors";
import { readPoolGauges } from "../db/pool-gauges";
import { log } from "../telemetry/log";
import { metrics } from "../telemetry/metrics";

const digest = (s: string) => createHash("sha256").update(s).digest();

function bearerMatches(header: string | null, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? "");
  // Compared as digests: equal length, constant time, whatever was sent.
  return m !== null && timingSafeEqual(digest(m[1].trim()), digest(token));
}

/**
 * Throws not_found:metrics when no way in is configured, unauthorized:metrics when the request has
 * neither the token nor an admin session. `database` is only awaited for the admin-session check.
 */
export async function authorizeScrape(req: Request, database: () => Promise<Database>): Promise<void> {
  const token = process.env.ENSEMBLE_METRICS_TOKEN || null;
  const adminEnabled = adminPassword() !== null;
  if (!token && !adminEnabled) throw new AppError("not_found:metrics", "not found");
  if (token && bearerMatches(req.headers.get("authorization"), token)) return;
  if (adminEnabled && (await readAdminSession((await database()).db, req.headers.get("cookie")))) return;
  throw new AppError("unauthorized:metrics", "a bearer token or an admin session is required");
}

/** The Prometheus text exposition. A database that cannot be read leaves the pool gauges out, not the rest. */
export async function renderMetrics(database: () => Promise<Database>): Promise<{ body: string; contentType: string }> {
  const m = metrics();
  try {
    await readPoolGauges(await database());
  } catch (e) {
    for (const gauge of [m.dbConnections, m.dbWaiting, m.dbPoolMax]) gauge.reset();
    log.warn({ err: e }, "metrics: database pool gauges unavailable for this scrape");
  }
  return { body: await m.registry.metrics(), contentType: m.registry.contentType };
}
