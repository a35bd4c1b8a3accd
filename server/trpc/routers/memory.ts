// Memory over tRPC: a user sees and clears what the orchestrator learnt about them; admins read any
// user's memory, the global statistics with their history, the strategy cache, and clear a user (audited).
import { z } from "zod";
import { flagAudit } from "../../db/schema";
import { clearMemory, type ClearedMemory, listCachedDecisions, listToolStats, loadMemory, toolStatHistoryPoints } from "../../memory";
import type { PatternSummary, ToolPreference } from "../../orchestrator/types";
import type { Db } from "../../db/client";
import { storableText } from "../../validation";
import { adminProcedure, router, userProcedure } from "../init";

const PATTERNS_SHOWN = 20;

/** "global" or a user id. */
const scopeInput = z.union([z.literal("global"), z.uuid()]);

async function memoryOf(db: Db, userId: string): Promise<{ preferences: ToolPreference[]; patterns: PatternSummary[] }> {
  const { patterns, preferences } = await loadMemory(db, userId, { limit: PATTERNS_SHOWN });
  return { preferences: preferences.filter((p) => p.scope === "user"), patterns };
}

export const memoryRouter = router({
  mine: userProcedure.query(({ ctx }) => memoryOf(ctx.database.db, ctx.userId)),

  clear: userProcedure.mutation(({ ctx }) => clearMemory(ctx.database.db, ctx.userId)),

  forUser: adminProcedure.input(z.object({ userId: z.uuid() })).query(({ ctx, input }) => memoryOf(ctx.database.db, input.userId)),

  global: adminProcedure.query(({ ctx }) => listToolStats(ctx.database.db, "global")),

  history: adminProcedure
    .input(z.object({ scope: scopeInput, tool: storableText({ min: 1, max: 100, label: "tool" }), intent: storableText({ min: 1, max: 40, label: "intent" }).optional() }))
    .query(({ ctx, input }) => toolStatHistoryPoints(ctx.database.db, input)),

  cache: adminProcedure.input(z.object({ userId: z.uuid().optional() }).default({})).query(async ({ ctx, input }) => {
    const entries = await listCachedDecisions(ctx.database.db, { userId: input.userId });
    // The list stays light: what was decided and why, not the whole tool plan.
    return entries.map(({ decision, ...entry }) => ({
      ...entry,
      strategy: decision.strategy,
      callCount: decision.calls.length,
      memoryNotes: decision.memoryNotes,
    }));
  }),

  clearUser: adminProcedure.input(z.object({ userId: z.uuid() })).mutation(({ ctx, input }) => clearUserMemoryAudited(ctx.database.db, input.userId, ctx.admin.name)),
});

/** An admin clears a user's memory: the deletion and its audit row commit together or not at all. */
export function clearUserMemoryAudited(db: Db, userId: string, actor: string): Promise<ClearedMemory> {
  return db.transaction(async (tx) => {
    const cleared = await clearMemory(tx, userId);
    await tx.insert(flagAudit).values({
      resourceType: "memory", resourceId: userId, action: "clear", before: cleared, after: { patterns: 0, stats: 0, cache: 0 }, actor,
    });
    return cleared;
  });
}
