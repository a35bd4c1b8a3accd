// The strategy cache: an orchestration decision (opaque JSON to memory; the orchestrator checks it) reused for the same user, query pattern, flag values
// and preferences version until it expires. Stale entries of a pattern are replaced on write.
import { and, desc, eq, lt, ne, or, sql } from "drizzle-orm";
import { asDrizzle, type MemoryDb } from "../db/raw-handle";
import { strategyCache } from "../db/schema";
import { strategyCacheKey } from "./cache-key";
import { memoryTuning } from "./tuning";
import type { StrategyCacheEntry, StrategyCacheLookup } from "./types";
import { assertUserId } from "./validate";

function checkLookup(l: StrategyCacheLookup): void {
  assertUserId(l.userId);
  for (const part of ["queryPattern", "flagsHash", "prefsVersion"] as const) {
    if (typeof l[part] !== "string" || l[part] === "") throw new Error(`bad_request:memory strategy cache ${part} must be a non-empty string`);
  }
}

/** The cached decision if present and unexpired, counting the hit; null on a miss. One statement. */
export async function getCachedDecision(handle: MemoryDb, lookup: StrategyCacheLookup): Promise<unknown | null> {
  checkLookup(lookup);
  const db = asDrizzle(handle);
  const [row] = await db
    .update(strategyCache)
    .set({ hits: sql`${strategyCache.hits} + 1` })
    .where(and(eq(strategyCache.key, strategyCacheKey(lookup)), sql`${strategyCache.expiresAt} > now()`))
    .returning({ decision: strategyCache.decision });
  return row ? row.decision : null;
}

/**
 * Stores (or refreshes) the decision for this lookup, expiring after ENSEMBLE_STRATEGY_CACHE_TTL_S
 * (default 600 s). Other entries of the same user and pattern are older flag/preference versions
 * that can never hit again, so they go, as do the user's expired entries. One statement: the delete is
 * a CTE beside the upsert (it never touches this key's row, which the upsert replaces).
 */
export async function putCachedDecision(handle: MemoryDb, lookup: StrategyCacheLookup, decision: unknown): Promise<void> {
  checkLookup(lookup);
  const db = asDrizzle(handle);
  const ttlSeconds = memoryTuning().cacheTtlSeconds;
  const key = strategyCacheKey(lookup);
  const expiresAt = sql`now() + make_interval(secs => ${ttlSeconds}::float8)`;
  const stale = db
    .delete(strategyCache)
    .where(and(
      eq(strategyCache.userId, lookup.userId),
      ne(strategyCache.key, key),
      or(eq(strategyCache.queryPattern, lookup.queryPattern), lt(strategyCache.expiresAt, sql`now()`)),
    ));
  await db
    .with(db.$with("stale").as(stale.returning({ key: strategyCache.key })))
    .insert(strategyCache)
    .values({ key, ...lookup, decision, hits: 0, expiresAt })
    .onConflictDoUpdate({
      target: strategyCache.key,
      set: { decision, hits: 0, createdAt: sql`now()`, expiresAt },
    });
}

/** For the admin console: newest entries first, of one user or everyone. */
export async function listCachedDecisions(handle: MemoryDb, opts: { userId?: string; limit?: number } = {}): Promise<StrategyCacheEntry[]> {
  if (opts.userId !== undefined) assertUserId(opts.userId);
  const db = asDrizzle(handle);
  const rows = await db
    .select()
    .from(strategyCache)
    .where(opts.userId === undefined ? undefined : eq(strategyCache.userId, opts.userId))
    .orderBy(desc(strategyCache.createdAt), desc(strategyCache.key))
    .limit(opts.limit ?? 200);
  return rows.map((r) => ({
    key: r.key,
    userId: r.userId,
    queryPattern: r.queryPattern,
    flagsHash: r.flagsHash,
    prefsVersion: r.prefsVersion,
    decision: r.decision,
    hits: r.hits,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
  }));
}
