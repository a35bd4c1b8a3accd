// Read-only views of memory for the console: tool statistics of one scope and their history points.
// The run path never uses these; loadMemory is its only reader.
import { and, asc, desc, eq } from "drizzle-orm";
import { asDrizzle, type MemoryDb } from "../db/raw-handle";
import { toolStatHistory, toolStats } from "../db/schema";
import type { ToolPreference } from "./types";
import { toToolPreference } from "./load";

export interface ToolStatRow extends ToolPreference {
  lastErrorAt: string | null;
  updatedAt: string;
}

export interface ToolStatPoint {
  intent: string;
  successRate: number;
  avgLatencyMs: number;
  count: number;
  at: string;
}

/** Statistics of one scope ("global" or a user id), by tool then intent. */
export async function listToolStats(handle: MemoryDb, scope: string): Promise<ToolStatRow[]> {
  const db = asDrizzle(handle);
  const rows = await db.select().from(toolStats).where(eq(toolStats.scope, scope)).orderBy(asc(toolStats.tool), asc(toolStats.intent)).limit(1000);
  return rows.map((r) => ({ ...toToolPreference(r), lastErrorAt: r.lastErrorAt?.toISOString() ?? null, updatedAt: r.updatedAt.toISOString() }));
}

/** The last `limit` points of a tool's statistics in a scope (optionally one intent), oldest first. */
export async function toolStatHistoryPoints(
  handle: MemoryDb,
  q: { scope: string; tool: string; intent?: string; limit?: number },
): Promise<ToolStatPoint[]> {
  const db = asDrizzle(handle);
  const rows = await db
    .select()
    .from(toolStatHistory)
    .where(and(
      eq(toolStatHistory.scope, q.scope),
      eq(toolStatHistory.tool, q.tool),
      q.intent === undefined ? undefined : eq(toolStatHistory.intent, q.intent),
    ))
    .orderBy(desc(toolStatHistory.at), desc(toolStatHistory.id))
    .limit(q.limit ?? 500);
  return rows.reverse().map((h) => ({ intent: h.intent, successRate: h.successRate, avgLatencyMs: h.avgLatencyMs, count: h.count, at: h.at.toISOString() }));
}
