// Tables that keep the app's limits and sessions in PostgreSQL, so every instance sharing the database
// enforces the same sign-in limits and honours the same sign-outs.
import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Server-side admin sessions: the cookie carries a random token; its SHA-256 is the key here. */
export const adminSessions = pgTable("admin_sessions", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** Ties the session to the password it was opened with: a password change ends it. */
  passwordTag: text("password_tag").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
}, (t) => [index("admin_sessions_expires_idx").on(t.expiresAt)]);

/** Fixed-window counters (admin sign-in per IP and per account, chat per user and per IP). */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  resetAt: timestamp("reset_at", { withTimezone: true }).notNull(),
}, (t) => [index("rate_limits_reset_idx").on(t.resetAt)]);
