// Forgets a user: their execution patterns, user-scope tool statistics (and their chart history)
// and strategy-cache entries. Global statistics stay: they are everyone's and hold no user id.
import { eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import { asDrizzle, type MemoryDb } from "../db/raw-handle";
import { executionPatterns, strategyCache, toolStatHistory, toolStats } from "../db/schema";
import type { ClearedMemory } from "./types";
import { assertUserId } from "./validate";

/** All or nothing: its own transaction, or a savepoint inside the caller's. */
export async function clearMemory(handle: MemoryDb, userId: string): Promise<ClearedMemory> {
  assertUserId(userId);
  const run = async (tx: Tx): Promise<ClearedMemory> => {
    const patterns = await tx.delete(executionPatterns).where(eq(executionPatterns.userId, userId)).returning({ id: executionPatterns.id });
    const stats = await tx.delete(toolStats).where(eq(toolStats.scope, userId)).returning({ tool: toolStats.tool });
    await tx.delete(toolStatHistory).where(eq(toolStatHistory.scope, userId));
    const cache = await tx.delete(strategyCache).where(eq(strategyCache.userId, userId)).returning({ key: strategyCache.key });
    return { patterns: patterns.length, stats: stats.length, cache: cache.length };
  };
  return asDrizzle(handle).transaction(run);
}
