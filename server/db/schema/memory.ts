// What the orchestrator learns: execution patterns, tool statistics, cached decisions.
import { pgTable, uuid, text, timestamp, integer, jsonb, boolean, doublePrecision, index, primaryKey, bigserial } from "drizzle-orm/pg-core";

/** One tool's part in a stored pattern (memory/types.ts reads patterns in this shape). */
export interface PatternToolRecord {
  tool: string;
  outcome: "succeeded" | "retried" | "fell_back" | "failed";
  latencyMs: number;
}

export const executionPatterns = pgTable("execution_patterns", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  userId: uuid("user_id").notNull(),
  sessionId: uuid("session_id"),
  runId: uuid("run_id"),
  intent: text("intent").notNull(),
  /** intent + entity kinds, never the raw text, e.g. "PRICE_QUESTION|amount,region". */
  queryPattern: text("query_pattern").notNull(),
  strategy: text("strategy").notNull(),
  tools: jsonb("tools").$type<PatternToolRecord[]>().notNull(),
  success: boolean("success").notNull(),
  durationMs: integer("duration_ms").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  // loadMemory: a user's newest patterns, optionally of one intent (one index scan each).
  index("execution_patterns_user_created_idx").on(t.userId, t.createdAt, t.id),
  index("execution_patterns_user_intent_created_idx").on(t.userId, t.intent, t.createdAt, t.id),
]);

export const toolStats = pgTable("tool_stats", {
  /** a user id, or "global" */
  scope: text("scope").notNull(),
  tool: text("tool").notNull(),
  intent: text("intent").notNull(),
  successRate: doublePrecision("success_rate").notNull().default(0.5),
  avgLatencyMs: doublePrecision("avg_latency_ms").notNull().default(0),
  count: integer("count").notNull().default(0),
  lastError: text("last_error"),
  lastErrorAt: timestamp("last_error_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  // (scope, intent, tool): loadMemory reads scope user + global, optionally of one intent.
  primaryKey({ columns: [t.scope, t.intent, t.tool] }),
]);

export const toolStatHistory = pgTable("tool_stat_history", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  scope: text("scope").notNull(),
  tool: text("tool").notNull(),
  intent: text("intent").notNull(),
  /** The statistics right after the update, so a chart reads them as they were. */
  successRate: doublePrecision("success_rate").notNull(),
  avgLatencyMs: doublePrecision("avg_latency_ms").notNull(),
  count: integer("count").notNull(),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index("tool_stat_history_idx").on(t.scope, t.tool, t.at)]);

export const strategyCache = pgTable("strategy_cache", {
  key: text("key").primaryKey(),
  userId: uuid("user_id").notNull(),
  queryPattern: text("query_pattern").notNull(),
  flagsHash: text("flags_hash").notNull(),
  prefsVersion: text("prefs_version").notNull(),
  decision: jsonb("decision").notNull(),
  hits: integer("hits").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
}, (t) => [
  index("strategy_cache_user_pattern_idx").on(t.userId, t.queryPattern),
  index("strategy_cache_created_idx").on(t.createdAt),
  index("strategy_cache_expires_idx").on(t.expiresAt),
]);
