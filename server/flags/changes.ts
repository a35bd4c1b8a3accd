// Admin changes to flags: switch, rollout percentage, kill switch and per-user overrides. Each change
// writes an audit row and notifies FLAG_CHANNEL in the same transaction (delivered on commit).
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { featureFlags, adminAudit, flagOverrides } from "../db/schema";
import { AppError } from "../errors";
import { FLAG_CHANNEL, flagStoreFor } from "./store";

/** A refused flag change: an AppError, so routes and tRPC map it like any other (404 / 400). */
export class FlagError extends AppError {
  constructor(code: "not_found:flag" | "bad_request:flag", message: string) {
    super(code, message);
    this.name = "FlagError";
  }
}

export interface FlagPatch {
  /** true = on (within the rollout), false = off, null = back to the default. */
  enabled?: boolean | null;
  rolloutPercent?: number;
  killed?: boolean;
}

type FlagRow = typeof featureFlags.$inferSelect;

function configOf(row: FlagRow) {
  return { enabled: row.enabled, rolloutPercent: row.rolloutPercent, killed: row.killed };
}

async function notifyFlagChange(tx: Tx, key: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${FLAG_CHANNEL}, ${key})`);
}

async function lockFlag(tx: Tx, key: string): Promise<FlagRow> {
  const [row] = await tx.select().from(featureFlags).where(eq(featureFlags.key, key)).for("update");
  if (!row) throw new FlagError("not_found:flag", `no flag "${key}"`);
  return row;
}

/** Changes a flag's switch, rollout or kill state. Returns the updated row; a no-op writes nothing. */
export async function setFlag(db: Db, key: string, patch: FlagPatch, actor: string): Promise<FlagRow> {
  if (patch.rolloutPercent !== undefined) {
    const p = patch.rolloutPercent;
    if (!Number.isInteger(p) || p < 0 || p > 100) throw new FlagError("bad_request:flag", "rolloutPercent must be an integer from 0 to 100");
  }
  if (!actor) throw new FlagError("bad_request:flag", "an actor is required for the audit log");
  const result = await db.transaction(async (tx) => {
    const before = await lockFlag(tx, key);
    const next = { ...configOf(before) };
    if (patch.enabled !== undefined) next.enabled = patch.enabled;
    if (patch.rolloutPercent !== undefined) next.rolloutPercent = patch.rolloutPercent;
    if (patch.killed !== undefined) next.killed = patch.killed;
    const old = configOf(before);
    if (next.enabled === old.enabled && next.rolloutPercent === old.rolloutPercent && next.killed === old.killed) return before;
    const [after] = await tx
      .update(featureFlags)
      .set({ ...next, updatedAt: new Date(), updatedBy: actor })
      .where(eq(featureFlags.key, key))
      .returning();
    const action = patch.killed !== undefined && patch.killed !== old.killed ? (patch.killed ? "kill" : "unkill") : "update";
    await tx.insert(adminAudit).values({ resourceType: "flag", resourceId: key, action, before: old, after: configOf(after), actor });
    await notifyFlagChange(tx, key);
    return after;
  });
  // The notification reaches this instance asynchronously too; its own next read must not be stale.
  flagStoreFor(db).invalidate();
  return result;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Forces a flag for one user (value true/false), or removes the override (null). */
export async function setOverride(db: Db, key: string, userId: string, value: boolean | null, actor: string): Promise<void> {
  if (!UUID.test(userId)) throw new FlagError("bad_request:flag", "userId must be a UUID");
  if (!actor) throw new FlagError("bad_request:flag", "an actor is required for the audit log");
  await db.transaction(async (tx) => {
    await lockFlag(tx, key);
    const where = and(eq(flagOverrides.flagKey, key), eq(flagOverrides.userId, userId));
    const [existing] = await tx.select().from(flagOverrides).where(where);
    const before = existing ? { userId, value: existing.value } : null;
    if ((existing?.value ?? null) === value) return;
    if (value === null) {
      await tx.delete(flagOverrides).where(where);
    } else {
      await tx
        .insert(flagOverrides)
        .values({ flagKey: key, userId, value })
        .onConflictDoUpdate({ target: [flagOverrides.flagKey, flagOverrides.userId], set: { value, createdAt: new Date() } });
    }
    await tx.insert(adminAudit).values({
      resourceType: "flag_override",
      resourceId: key,
      action: value === null ? "delete" : existing ? "update" : "create",
      before,
      after: value === null ? null : { userId, value },
      actor,
    });
    await notifyFlagChange(tx, key);
  });
  flagStoreFor(db).invalidate();
}
