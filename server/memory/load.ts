// Reads what memory knows about a user before a run: recent execution patterns and the tool
// statistics (user scope + global). One statement of two index scans, so a run pays about a millisecond.
import { sql } from "drizzle-orm";
import { asDrizzle, type MemoryDb } from "../db/raw-handle";
import { executionPatterns, toolStats } from "../db/schema";
import type { PatternSummary, ToolPreference } from "./types";
import type { LoadMemoryOptions, LoadedMemory } from "./types";
import { assertUserId } from "./validate";

const MAX_LIMIT = 200;

type StatRow = typeof toolStats.$inferSelect;

export function toToolPreference(r: StatRow): ToolPreference {
  return {
    scope: r.scope === "global" ? "global" : "user",
    tool: r.tool,
    intent: r.intent,
    successRate: r.successRate,
    avgLatencyMs: r.avgLatencyMs,
    count: r.count,
    lastError: r.lastError,
  };
}

type LoadRow = {
  patterns: (Omit<PatternSummary, "createdAt"> & { createdAt: string })[];
  stats: (Omit<ToolPreference, "scope"> & { scope: string })[];
};

/**
 * The user's `limit` newest patterns, successful ones listed first (then newest), and the tool
 * statistics of scope user + global. The newest N are taken before sorting so the sample stays
 * unbiased: strategy evidence compares success rates over it.
 *
 * One statement, two index scans (execution_patterns by user[, intent], created_at; tool_stats by
 * its (scope, intent, tool) key): a single round trip halves the latency on a busy machine
 * compared with two parallel queries (scripts/bench/memory-load.ts).
 */
export async function loadMemory(handle: MemoryDb, userId: string, opts: LoadMemoryOptions = {}): Promise<LoadedMemory> {
  assertUserId(userId);
  const db = asDrizzle(handle);
  const limit = opts.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new Error(`bad_request:memory limit must be 1..${MAX_LIMIT}, got ${limit}`);
  const intent = opts.intent;
  const patternIntent = intent === undefined ? sql`` : sql` and ${executionPatterns.intent} = ${intent}`;
  const statIntent = intent === undefined ? sql`` : sql` and ${toolStats.intent} = ${intent}`;

  const [row] = await db.execute<LoadRow>(sql`
    select
      (select coalesce(json_agg(p), '[]'::json) from (
         select run_id as "runId", intent, query_pattern as "queryPattern", strategy, success,
                duration_ms as "durationMs", tools, created_at as "createdAt"
         from ${executionPatterns}
         where ${executionPatterns.userId} = ${userId}::uuid${patternIntent}
         order by ${executionPatterns.createdAt} desc, ${executionPatterns.id} desc
         limit ${limit}::int) p) as patterns,
      (select coalesce(json_agg(s), '[]'::json) from (
         select scope, tool, intent, success_rate as "successRate", avg_latency_ms as "avgLatencyMs", count, last_error as "lastError"
         from ${toolStats}
         where ${toolStats.scope} in (${userId}::text, 'global')${statIntent}) s) as stats`);

  const patterns: PatternSummary[] = row.patterns
    .map((p) => ({ ...p, createdAt: new Date(p.createdAt).toISOString() }))
    .sort((a, b) => Number(b.success) - Number(a.success) || b.createdAt.localeCompare(a.createdAt));
  const preferences: ToolPreference[] = row.stats
    .map((r) => ({ ...r, scope: r.scope === "global" ? ("global" as const) : ("user" as const) }))
    .sort((a, b) => a.scope.localeCompare(b.scope) || a.intent.localeCompare(b.intent) || a.tool.localeCompare(b.tool));
  return { patterns, preferences };
}
