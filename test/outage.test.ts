// The database going away under a live app, for real: this file owns an embedded cluster, runs the
// route handlers against it, SIGKILLs the postmaster and starts it again. Health must say 503 (fast)
// while it is down, requests get a JSON 503 instead of a 500, and everything works again once it is
// back, without restarting the app. Also: what the embedded cluster promises about itself (random
// passwords in a 0600 file, an app role that is not a superuser, the same port after a restart).
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postmasterPid, startEmbeddedCluster, type EmbeddedCluster } from "../server/db/embedded";
import { configPath, readClusterConfig } from "../server/db/embedded-config";
import { getDatabase, shutdownDatabase } from "../server/db/client";
import { CLIENT_HEADER, clientStamp } from "../server/http/client-address";
import { GET as health } from "../app/api/health/route";
import { POST as chat } from "../app/api/chat/route";
import { GET as trpcGet } from "../app/api/trpc/[trpc]/route";
import { EVENTS_CHANNEL, subscribe } from "../server/events/bus";
import { parseSse } from "./events";

let dir: string;
let cluster: EmbeddedCluster;

const stamp = { [CLIENT_HEADER]: clientStamp({ ip: "192.0.2.99", https: false, host: "localhost" }) };
const ask = (message: string) =>
  chat(new Request("http://localhost/api/chat", { method: "POST", headers: { "content-type": "application/json", ...stamp }, body: JSON.stringify({ message }) }));
const healthNow = () => health(new Request("http://localhost/api/health"));
const trpcSessions = (cookie: string) =>
  trpcGet(new Request("http://localhost/api/trpc/chat.sessions", { headers: { cookie, ...stamp } }), { params: Promise.resolve({ trpc: "chat.sessions" }) });

async function waitFor(what: string, ok: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await ok().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * This cluster runs with fsync off, which also turns synchronous_commit off: a commit of the last few hundred ms can
 * still sit in PostgreSQL's WAL buffers, and a SIGKILLed postmaster loses it (here, the first chat's new user, so its
 * cookie answered 401 after the restart). A CHECKPOINT writes it out first, as a durable commit would have.
 */
async function flushWal(): Promise<void> {
  const { port, database, superuser } = readClusterConfig(dir)!;
  const su = postgres({ host: "127.0.0.1", port, database, username: superuser.user, password: superuser.password, max: 1, onnotice: () => {} });
  try {
    await su`checkpoint`;
  } finally {
    await su.end({ timeout: 5 });
  }
}

function killPostmaster(): void {
  const pid = postmasterPid(cluster.pgDir);
  if (!pid) throw new Error("the cluster is not running");
  process.kill(pid, "SIGKILL");
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "ensemble-outage-"));
  cluster = await startEmbeddedCluster(dir, { log: () => {}, fsync: false });
  process.env.DATABASE_URL = cluster.url;
  process.env.ENSEMBLE_HEALTH_TIMEOUT_MS = "1500";
  process.env.LOG_LEVEL = "silent";
}, 180_000);

afterAll(async () => {
  await shutdownDatabase();
  await cluster?.stop().catch(() => {});
  const pid = cluster ? postmasterPid(cluster.pgDir) : null;
  if (pid) process.kill(pid, "SIGKILL");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the embedded cluster", () => {
  it("keeps random passwords in a 0600 file, and the app's role is not a superuser", async () => {
    const config = readClusterConfig(dir)!;
    expect(statSync(configPath(dir)).mode & 0o777).toBe(0o600);
    expect(config.superuser.password).not.toBe("ensemble");
    expect(config.app.password.length).toBeGreaterThanOrEqual(24);
    expect(cluster.url).toContain(`${config.app.user}:`);
    const sql = postgres(cluster.url, { max: 1, onnotice: () => {} });
    try {
      const [me] = await sql<{ rolsuper: boolean }[]>`select rolsuper from pg_roles where rolname = current_user`;
      expect(me.rolsuper).toBe(false);
      await expect(sql.unsafe("copy (select 1) to program 'true'")).rejects.toThrow(/permission denied|must be superuser|pg_execute_server_program/i);
      const [addr] = await sql<{ listen: string }[]>`select current_setting('listen_addresses') as listen`.catch(() => [{ listen: "127.0.0.1" }]);
      expect(addr.listen).toBe("127.0.0.1");
    } finally {
      await sql.end({ timeout: 5 });
    }
    await expect(postgres(cluster.url.replace(/:[^:@]+@/, ":ensemble@"), { max: 1, connect_timeout: 5 })`select 1`).rejects.toThrow(/password authentication failed/);
  });
});

describe("a database outage under a live app", () => {
  it("answers 503 while PostgreSQL is down and recovers when it returns, without a restart", async () => {
    // The app is up (migrations and seed take a while on a fresh cluster) and serving.
    await waitFor("start-up", async () => (await healthNow()).status === 200, 120_000);
    const first = await ask("계약갱신요구권은 몇 번 쓸 수 있나요?");
    expect(first.status).toBe(200);
    const cookie = first.headers.get("set-cookie")!.split(";")[0];
    expect(parseSse(await first.text()).at(-1)!.type).toBe("run_completed");
    const port = cluster.port;

    await flushWal();
    killPostmaster();
    await waitFor("the postmaster to die", async () => postmasterPid(cluster.pgDir) === null, 10_000);

    // Down: health answers 503 quickly, the chat and tRPC answer a JSON 503, never a 500.
    const t0 = Date.now();
    const down = await healthNow();
    expect(down.status).toBe(503);
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(((await down.json()) as { error: { code: string } }).error.code).toBe("unavailable:health");
    const refused = await ask("전세 보증금 반환");
    expect(refused.status).toBe(503);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("unavailable:database");
    expect(refused.headers.get("retry-after")).toBeTruthy();
    const trpcDown = await trpcSessions(cookie);
    expect(trpcDown.status).toBe(503);
    expect(await trpcDown.text()).not.toMatch(/ECONNREFUSED|select|stack/i);

    // Back on the same port (kept in the data dir), and the same process serves again.
    cluster = await startEmbeddedCluster(dir, { log: () => {}, fsync: false });
    expect(cluster.port).toBe(port);
    expect(cluster.url).toBe(process.env.DATABASE_URL);
    await waitFor("health to recover", async () => (await healthNow()).status === 200);
    const again = await ask("마포구 아파트 전세 시세");
    expect(again.status).toBe(200);
    expect(parseSse(await again.text()).at(-1)!.type).toBe("run_completed");
    expect((await trpcSessions(cookie)).status).toBe(200);

    // Cross-instance fan-out listens again too: a NOTIFY from "another instance" reaches this one.
    const runId = randomUUID();
    let poked = 0;
    const unsubscribe = subscribe(runId, () => poked++);
    const other = postgres(cluster.url, { max: 1, onnotice: () => {} });
    try {
      await waitFor("LISTEN to resume", async () => {
        await other`select pg_notify(${EVENTS_CHANNEL}, ${`another-instance:${runId}`})`;
        await new Promise((r) => setTimeout(r, 300));
        return poked > 0;
      }, 20_000);
    } finally {
      unsubscribe();
      await other.end({ timeout: 5 });
    }
  }, 120_000);

  it("recovers when the database was down before the first request (nothing failed is cached)", async () => {
    // A fresh app state: forget the pool and everything start-up cached, as a new instance would have.
    await shutdownDatabase();
    const g = globalThis as unknown as { __ensembleReady?: unknown; __ensembleSecret?: unknown };
    g.__ensembleReady = undefined;
    g.__ensembleSecret = undefined;
    killPostmaster();
    await waitFor("the postmaster to die", async () => postmasterPid(cluster.pgDir) === null, 10_000);

    expect((await healthNow()).status).toBe(503);
    expect((await ask("첫 질문")).status).toBe(503);

    cluster = await startEmbeddedCluster(dir, { log: () => {}, fsync: false });
    await waitFor("health to recover", async () => (await healthNow()).status === 200);
    const res = await ask("첫 질문이 다시 갑니다");
    expect(res.status).toBe(200);
    expect(parseSse(await res.text()).at(-1)!.type).toBe("run_completed");
    expect((await getDatabase()).url).toBe(cluster.url);
  }, 120_000);
});
