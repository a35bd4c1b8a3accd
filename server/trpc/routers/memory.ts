// Memory over tRPC for its user: see and clear what the orchestrator learnt about them. Admins read and
// clear anyone's through admin.memory (routers/admin/memory.ts).
import type { Db } from "../../db/client";
import { clearMemory, loadMemory, type PatternSummary, type ToolPreference } from "../../memory";
import { router, userProcedure } from "../init";

const PATTERNS_SHOWN = 20;

async function memoryOf(db: Db, userId: string): Promise<{ preferences: ToolPreference[]; patterns: PatternSummary[] }> {
  const { patterns, preferences } = await loadMemory(db, userId, { limit: PATTERNS_SHOWN });
  return { preferences: preferences.filter((p) => p.scope === "user"), patterns };
}

export const memoryRouter = router({
  mine: userProcedure.query(({ ctx }) => memoryOf(ctx.database.db, ctx.userId)),

  clear: userProcedure.mutation(({ ctx }) => clearMemory(ctx.database.db, ctx.userId)),
});
