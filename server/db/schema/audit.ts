// The audit trail of every admin change, as data (resourceType, resourceId, action, before, after,
// actor, at): flag changes (resourceType "flag"/"flag_override") and memory clears (resourceType "memory").
import { pgTable, text, timestamp, jsonb, index, bigserial } from "drizzle-orm/pg-core";

export const adminAudit = pgTable("admin_audit", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  resourceType: text("resource_type").notNull(),
  resourceId: text("resource_id").notNull(),
  action: text("action").notNull(),
  before: jsonb("before"),
  after: jsonb("after"),
  actor: text("actor").notNull(),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index("admin_audit_resource_idx").on(t.resourceId, t.at), index("admin_audit_at_idx").on(t.at)]);
