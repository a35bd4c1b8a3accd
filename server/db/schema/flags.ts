// Feature flags: definitions and per-user overrides (their changes are audited in admin_audit, schema/audit.ts).
import { pgTable, uuid, text, timestamp, integer, boolean, primaryKey, index } from "drizzle-orm/pg-core";

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
