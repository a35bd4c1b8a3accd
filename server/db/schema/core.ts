// Tables of the runtime itself: users, chat, runs and everything a run writes.
// Domain, memory and flag tables live in their own files beside this one.
import { sql } from "drizzle-orm";
import type { Decision } from "../../state/decision";
import type { RunCitation } from "../../state/run-summary";
import type { AttemptRecord } from "../../state/tool-call";
import type { ExecutionStep, FlagSnapshot } from "../../state/types";
import {
  pgTable, uuid, text, timestamp, integer, jsonb, boolean, primaryKey, index, uniqueIndex, bigserial,
} from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  kind: text("kind").notNull().default("anonymous"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const chatSessions = pgTable("chat_sessions", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index("chat_sessions_user_updated_idx").on(t.userId, t.updatedAt)]);

export const runs = pgTable("runs", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  sessionId: uuid("session_id").references(() => chatSessions.id, { onDelete: "cascade" }),
  question: text("question").notNull(),
  status: text("status").notNull().default("running"),
  intent: text("intent"),
  /** Every domain aspect the question asks about (the app's vocabulary), primary first. */
  aspects: text("aspects").array().notNull().default(sql`'{}'::text[]`),
  /** The kind of question (definition, permissibility, amount, …), from the app's planner. */
  questionType: text("question_type"),
  /** The sources the answer rests on, best first. */
  citations: jsonb("citations").$type<RunCitation[]>().notNull().default([]),
  teams: text("teams").array().notNull().default(sql`'{}'::text[]`),
  strategy: text("strategy"),
  orchestrated: boolean("orchestrated").notNull().default(false),
  degraded: boolean("degraded").notNull().default(false),
  /** Every flag the run evaluated, with its value and why (default, rollout, override, kill). */
  flags: jsonb("flags").$type<FlagSnapshot>().notNull().default({}),
  /** Decisions in order (state/decision.ts). */
  decisions: jsonb("decisions").$type<Decision[]>().notNull().default([]),
  /** The orchestration decision (strategy + tool plan + policies), stored with the run. */
  orchestration: jsonb("orchestration"),
  steps: jsonb("steps").$type<ExecutionStep[]>().notNull().default([]),
  answer: text("answer"),
  error: text("error"),
  toolCallCount: integer("tool_call_count").notNull().default(0),
  retries: integer("retries").notNull().default(0),
  duplicatesAvoided: integer("duplicates_avoided").notNull().default(0),
  llmCalls: integer("llm_calls").notNull().default(0),
  llmTokens: integer("llm_tokens").notNull().default(0),
  decisionSources: text("decision_sources").array().notNull().default(sql`'{}'::text[]`),
  durationMs: integer("duration_ms"),
  /** Lease: the instance executing the run and until when it is presumed alive. */
  ownerId: text("owner_id"),
  leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
  lastSeq: integer("last_seq").notNull().default(0),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
}, (t) => [
  index("runs_started_idx").on(t.startedAt, t.id),
  index("runs_user_started_idx").on(t.userId, t.startedAt),
  index("runs_session_idx").on(t.sessionId, t.startedAt),
  index("runs_status_started_idx").on(t.status, t.startedAt),
  index("runs_intent_started_idx").on(t.intent, t.startedAt),
  index("runs_strategy_started_idx").on(t.strategy, t.startedAt),
  index("runs_orchestrated_started_idx").on(t.orchestrated, t.startedAt),
  index("runs_running_lease_idx").on(t.leaseExpiresAt).where(sql`status = 'running'`),
  // Admin history sorts by these metrics and filters by decision source and question text.
  index("runs_duration_idx").on(t.durationMs, t.id),
  index("runs_tool_calls_idx").on(t.toolCallCount, t.id),
  index("runs_retries_idx").on(t.retries, t.id),
  index("runs_llm_tokens_idx").on(t.llmTokens, t.id),
  index("runs_decision_sources_idx").using("gin", t.decisionSources),
  // No trigram index on question here: every non-HOT update of a run (one per node) re-inserted its ~1,000
  // trigrams (W1: 36 of a flush's 48 KB of WAL). Question search goes through the user's message, insert-only.
]);

export const messages = pgTable("messages", {
  id: uuid("id").primaryKey().defaultRandom(),
  sessionId: uuid("session_id").notNull().references(() => chatSessions.id, { onDelete: "cascade" }),
  runId: uuid("run_id").references(() => runs.id, { onDelete: "cascade" }),
  role: text("role").notNull(),
  content: text("content").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index("messages_session_idx").on(t.sessionId, t.createdAt),
  // Admin history's question search (a run's question is its user message); never updated, so indexed once.
  index("messages_user_content_trgm_idx").using("gin", sql`${t.content} gin_trgm_ops`).where(sql`${t.role} = 'user'`),
]);

/** Append-only: one row per event, seq gap-free per run. */
export const runEvents = pgTable("run_events", {
  // No foreign key: the writer's statements lock the run once per statement, and deleting runs deletes these
  // rows (migration 0011; events/run-statements.ts LOCKED_RUN).
  runId: uuid("run_id").notNull(),
  seq: integer("seq").notNull(),
  type: text("type").notNull(),
  /** The event minus runId, seq, type and at (see state/run-event.ts). */
  payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.runId, t.seq] })]);

/** The whole supervisor state after a node: resume starts from the newest row. */
export const checkpoints = pgTable("checkpoints", {
  // No foreign key: the writer's statements lock the run once per statement, and deleting runs deletes these
  // rows (migration 0011; events/run-statements.ts LOCKED_RUN).
  runId: uuid("run_id").notNull(),
  seq: integer("seq").notNull(),
  node: text("node").notNull(),
  state: jsonb("state").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.runId, t.seq] })]);

export const toolCalls = pgTable("tool_calls", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  // No foreign key: the writer's statements lock the run once per statement, and deleting runs deletes these
  // rows (migration 0011; events/run-statements.ts LOCKED_RUN).
  runId: uuid("run_id").notNull(),
  callKey: text("call_key").notNull(),
  tool: text("tool").notNull(),
  args: jsonb("args").notNull(),
  teams: text("teams").array().notNull(),
  status: text("status").notNull(),
  attempt: integer("attempt").notNull().default(0),
  /** One entry per attempt: { attempt, startedAt, finishedAt, ok, error? } — the timeline's segments. */
  attempts: jsonb("attempts").$type<AttemptRecord[]>().notNull().default([]),
  fallbackFor: text("fallback_for"),
  startedAt: timestamp("started_at", { withTimezone: true }),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  durationMs: integer("duration_ms"),
  result: jsonb("result"),
  error: text("error"),
}, (t) => [uniqueIndex("tool_calls_run_key_idx").on(t.runId, t.callKey)]);

/** Small process-wide settings shared by every instance (e.g. the cookie-signing secret). */
export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
