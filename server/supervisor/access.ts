// Who may see a run: its owner, or an admin.
import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { runs } from "../db/schema";
import type { Viewer } from "./summary";

export async function runVisibleTo(database: Database, runId: string, viewer: Viewer): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(runId)) return false;
  const [run] = await database.db.select({ userId: runs.userId }).from(runs).where(eq(runs.id, runId));
  return Boolean(run && mayRead(viewer, run.userId));
}

/** The one owner-or-admin rule. */
export function mayRead(viewer: Viewer, ownerId: string): boolean {
  return viewer.admin || ownerId === viewer.userId;
}
