// Feature flags: definitions, per-user overrides and the audit trail of every change.
import { pgTable, uuid, text, timestamp, integer, jsonb, boolean, primaryKey, index, bigserial } from "drizzle-orm/pg-core";

export const featureFlags = pgTable("feature_flags", {
  key: text("key").primaryKey(),
  description: text("description").notNull(),
  /** release | operational | kill_switch */
  kind: text("kind").notNull(),
  /** The admin's switch: true = on (subject to the rollout), false = off, null = follow the default (env or definition). */
  enabled: boolean("enabled"),
  /** 0..100: share of users (sticky by hash of flag and user id) who get it when switched on. */
  rolloutPercent: integer("rollout_percent").notNull().default(100),
  /** Kill switch engaged: everyone gets the default value, overrides included. */
  killed: boolean("killed").notNull().default(false),
  defaultValue: boolean("default_value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text("updated_by"),
});

export const flagOverrides = pgTable("flag_overrides", {
  flagKey: text("flag_key").notNull().references(() => featureFlags.key, { onDelete: "cascade" }),
  userId: uuid("user_id").notNull(),
  value: boolean("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.flagKey, t.userId] }), index("flag_overrides_user_idx").on(t.userId)]);

export const flagAudit = pgTable("flag_audit", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  resourceType: text("resource_type").notNull(),
  resourceId: text("resource_id").notNull(),
  action: text("action").notNull(),
  before: jsonb("before"),
  after: jsonb("after"),
  actor: text("actor").notNull(),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index("flag_audit_resource_idx").on(t.resourceId, t.at), index("flag_audit_at_idx").on(t.at)]);
