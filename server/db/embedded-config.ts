// The embedded cluster's settings, kept in <data dir>/cluster.json (mode 0600): its port, chosen once so
// other local instances can keep using the same URL, and the random passwords of its superuser and of
// the app's own role (which is not a superuser).
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export interface ClusterConfig {
  port: number;
  database: string;
  /** initdb's bootstrap superuser: used only to create the app role and database. */
  superuser: { user: string; password: string };
  /** What the app connects as: owns the database, may not run programs or read server files. */
  app: { user: string; password: string };
}

export const CONFIG_FILE = "cluster.json";
export const APP_ROLE = "ensemble_app";
export const DATABASE = "ensemble";
/** Clusters made before cluster.json existed: superuser ensemble/ensemble (its password is rotated on start). */
export const LEGACY_SUPERUSER = { user: "ensemble", password: "ensemble" };

export const newPassword = () => randomBytes(24).toString("base64url");

export function configPath(dataDir: string): string {
  return path.join(dataDir, CONFIG_FILE);
}

export function readClusterConfig(dataDir: string): ClusterConfig | null {
  const file = configPath(dataDir);
  if (!existsSync(file)) return null;
  const c = JSON.parse(readFileSync(file, "utf8")) as ClusterConfig;
  if (!Number.isInteger(c.port) || !c.superuser?.password || !c.app?.password) throw new Error(`${file} is incomplete; remove it only together with the cluster`);
  return c;
}

/** Written atomically, readable by the owner only (it holds the passwords). */
export function writeClusterConfig(dataDir: string, c: ClusterConfig): void {
  const file = configPath(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(c, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

export function appUrl(c: ClusterConfig): string {
  return `postgres://${c.app.user}:${encodeURIComponent(c.app.password)}@127.0.0.1:${c.port}/${c.database}`;
}

export function superuserUrl(c: ClusterConfig, database = "postgres"): string {
  return `postgres://${c.superuser.user}:${encodeURIComponent(c.superuser.password)}@127.0.0.1:${c.port}/${database}`;
}

/** ENSEMBLE_PG_PORT when set (1–65535), else null. */
export function configuredPort(): number | null {
  const raw = process.env.ENSEMBLE_PG_PORT;
  if (!raw) return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`ENSEMBLE_PG_PORT must be a port number, got "${raw}"`);
  return n;
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

export async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}
