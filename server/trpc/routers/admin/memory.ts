// What the orchestrator has learnt, for admins: tool statistics per user and global (with their
// history for a chart), recent execution patterns, the strategy cache, and clearing a user's memory.
import { z } from "zod";
import { and, count, desc, eq, gte, max, sql } from "drizzle-orm";
import { adminProcedure, router } from "../../init";
import { executionPatterns, strategyCache, toolStatHistory, toolStats } from "../../../db/schema";
import { clearMemory, type ClearedMemory } from "../../../memory";
import { adminAudit } from "../../../db/schema";
import type { Db } from "../../../db/client";
import { storableText } from "../../../validation";

/** "global" or a user id. */
const scopeInput = z.union([z.literal("global"), z.uuid()]);

export const memoryRouter = router({
  overview: adminProcedure.input(z.object({ scope: scopeInput })).query(async ({ ctx, input }) => {
    const { db } = ctx.database;
    const userId = input.scope === "global" ? null : input.scope;
    const [stats, patterns, cache] = await Promise.all([
      db.select().from(toolStats).where(eq(toolStats.scope, input.scope)).orderBy(toolStats.tool, toolStats.intent).limit(500),
      db
        .select()
        .from(executionPatterns)
        .where(userId ? eq(executionPatterns.userId, userId) : undefined)
        .orderBy(desc(executionPatterns.createdAt))
        .limit(50),
      db
        .select({
          key: strategyCache.key, userId: strategyCache.userId, queryPattern: strategyCache.queryPattern, flagsHash: strategyCache.flagsHash,
          prefsVersion: strategyCache.prefsVersion, hits: strategyCache.hits, createdAt: strategyCache.createdAt, expiresAt: strategyCache.expiresAt,
          strategy: sql<string | null>`${strategyCache.decision} ->> 'strategy'`,
        })
        .from(strategyCache)
        .where(userId ? eq(strategyCache.userId, userId) : undefined)
        .orderBy(desc(strategyCache.createdAt))
        .limit(50),
    ]);
    return {
      stats: stats.map((s) => ({ ...s, lastErrorAt: s.lastErrorAt?.toISOString() ?? null, updatedAt: s.updatedAt.toISOString() })),
      patterns: patterns.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })),
      cache: cache.map((c) => ({ ...c, createdAt: c.createdAt.toISOString(), expiresAt: c.expiresAt.toISOString() })),
    };
  }),

  /** A tool's statistics over time in one scope (all intents), oldest first, for the chart. */
  statHistory: adminProcedure
    .input(z.object({ scope: scopeInput, tool: storableText({ min: 1, max: 100, label: "tool" }), days: z.number().int().min(1).max(365).default(30) }))
    .query(async ({ ctx, input }) => {
      const since = new Date(Date.now() - input.days * 86_400_000);
      const rows = await ctx.database.db
        .select()
        .from(toolStatHistory)
        .where(and(eq(toolStatHistory.scope, input.scope), eq(toolStatHistory.tool, input.tool), gte(toolStatHistory.at, since)))
        .orderBy(desc(toolStatHistory.at))
        .limit(1000);
      return rows.reverse().map((h) => ({ intent: h.intent, successRate: h.successRate, avgLatencyMs: h.avgLatencyMs, count: h.count, at: h.at.toISOString() }));
    }),

  /** Users with the most recent learnt patterns, to pick from. */
  recentUsers: adminProcedure.query(async ({ ctx }) => {
    const db = ctx.database.db;
    // The newest 2000 patterns bound the scan; grouped by user, most recently active first.
    const recent = db.select({ userId: executionPatterns.userId, createdAt: executionPatterns.createdAt }).from(executionPatterns)
      .orderBy(desc(executionPatterns.createdAt)).limit(2000).as("recent");
    const lastAt = max(recent.createdAt);
    const rows = await db.select({ userId: recent.userId, lastAt, patterns: count() }).from(recent)
      .groupBy(recent.userId).orderBy(desc(lastAt)).limit(30);
    return rows.map((r) => ({ userId: r.userId, lastAt: new Date(r.lastAt ?? 0).toISOString(), patterns: r.patterns }));
  }),

  clear: adminProcedure.input(z.object({ userId: z.uuid() })).mutation(({ ctx, input }) => clearUserMemoryAudited(ctx.database.db, input.userId, ctx.admin.name)),
});

/** An admin clears a user's memory: the deletion and its audit row commit together or not at all. */
export function clearUserMemoryAudited(db: Db, userId: string, actor: string): Promise<ClearedMemory> {
  return db.transaction(async (tx) => {
    const cleared = await clearMemory(tx, userId);
    await tx.insert(adminAudit).values({
      resourceType: "memory", resourceId: userId, action: "clear", before: cleared, after: { patterns: 0, stats: 0, cache: 0 }, actor,
    });
    return cleared;
  });
}
