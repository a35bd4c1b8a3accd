// Seeds the flag definitions into feature_flags. Idempotent: description, kind and built-in default
// follow the code; the admin's switch, rollout and kill state are never touched by a re-seed.
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { featureFlags } from "../db/schema";
import { FLAG_DEFINITIONS } from "./definitions";

export async function seedFlags(db: Db): Promise<void> {
  await db
    .insert(featureFlags)
    .values(FLAG_DEFINITIONS.map((d) => ({ key: d.key, description: d.description, kind: d.kind, defaultValue: d.default, enabled: null })))
    .onConflictDoUpdate({
      target: featureFlags.key,
      set: { description: sql`excluded.description`, kind: sql`excluded.kind`, defaultValue: sql`excluded.default_value` },
    });
}
