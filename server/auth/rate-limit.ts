// Fixed-window counters kept in PostgreSQL (table rate_limits), so every instance sharing the database
// counts the same attempts: one upsert per hit, serialised by the row lock on the key.
import "server-only";
import { eq, lt, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { rateLimits } from "../db/schema";
import { AppError, type ErrorCode } from "../errors";

export interface LimitRule {
  /** Hits allowed per window; 0 or less turns the limit off. */
  max: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  /** Seconds until the window resets (for Retry-After). */
  retryAfterSeconds: number;
}

/** Counts one hit for `key` and says whether it is within the rule. */
export async function hitLimit(db: Tx, key: string, rule: LimitRule): Promise<RateLimitResult> {
  if (rule.max <= 0) return { allowed: true, count: 0, retryAfterSeconds: 0 };
  // A window that has ended starts again at 1; the count is capped so a flood cannot overflow int4.
  const ended = sql`${rateLimits.resetAt} <= now()`;
  const [{ count, retryMs }] = await db.insert(rateLimits)
    .values({ key, count: 1, resetAt: sql`now() + ${rule.windowMs} * interval '1 millisecond'` })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${ended} then 1 else least(${rateLimits.count} + 1, 1000000000) end`,
        resetAt: sql`case when ${ended} then excluded.reset_at else ${rateLimits.resetAt} end`,
      },
    })
    .returning({ count: rateLimits.count, retryMs: sql<number>`greatest(extract(epoch from (${rateLimits.resetAt} - now())) * 1000, 0)::float8` });
  if (Math.random() < 0.01) void sweepExpired(db).catch(() => {});
  return { allowed: count <= rule.max, count, retryAfterSeconds: Math.max(1, Math.ceil(Number(retryMs) / 1000)) };
}

/**
 * Counts a hit on each key in order and throws rate_limited at the first one over its rule; the keys
 * after it are not counted (a refused IP does not use up its account's allowance).
 */
export async function enforceLimits(db: Tx, code: ErrorCode, message: string, limits: { key: string; rule: LimitRule }[]): Promise<void> {
  for (const { key, rule } of limits) {
    const r = await hitLimit(db, key, rule);
    if (!r.allowed) {
      throw new AppError(code, `${message} Try again in ${r.retryAfterSeconds} s.`, { details: { retryAfterSeconds: r.retryAfterSeconds }, retryAfterSeconds: r.retryAfterSeconds });
    }
  }
}

/** Takes back one hit (an attempt that turned out to be a success, which the limit should not count). */
export async function undoHit(db: Tx, key: string): Promise<void> {
  await db.update(rateLimits).set({ count: sql`greatest(${rateLimits.count} - 1, 0)` }).where(eq(rateLimits.key, key));
}

/** Forgets a key, e.g. an IP's failed sign-ins after a successful one. */
export async function clearLimit(db: Tx, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** Windows that ended an hour ago or more are dead weight. */
export async function sweepExpired(db: Tx): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.resetAt, sql`now() - interval '1 hour'`));
}

/** A positive integer from the environment, or the default (0 allowed: turns a limit off). */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}
