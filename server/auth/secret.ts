// The key that signs cookies: ENSEMBLE_SECRET, or one generated once and kept in the
// database so every instance sharing it accepts the same cookies.
import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { appMeta } from "../db/schema";

const g = globalThis as unknown as { __ensembleSecret?: Promise<string> };

export function signingSecret(db: Db): Promise<string> {
  if (process.env.ENSEMBLE_SECRET) return Promise.resolve(process.env.ENSEMBLE_SECRET);
  if (!g.__ensembleSecret) {
    const lookup = (async () => {
      await db.insert(appMeta).values({ key: "cookie_secret", value: randomBytes(32).toString("hex") }).onConflictDoNothing();
      const [row] = await db.select().from(appMeta).where(eq(appMeta.key, "cookie_secret"));
      return row.value;
    })();
    g.__ensembleSecret = lookup;
    // A failed lookup (the database was down) must not stick: the next request tries again.
    lookup.catch(() => {
      if (g.__ensembleSecret === lookup) g.__ensembleSecret = undefined;
    });
  }
  return g.__ensembleSecret;
}
