// The in-process cache of flag configuration (flags + overrides), one per database client, kept
// fresh by LISTEN/NOTIFY: every change notifies FLAG_CHANNEL and every instance drops its cache.
import type { Db, Sql } from "../db/client";
import { featureFlags, flagOverrides } from "../db/schema";
import { log } from "../telemetry/log";

export const FLAG_CHANNEL = "ensemble_flags";

export interface FlagConfig {
  key: string;
  description: string;
  kind: string;
  enabled: boolean | null;
  rolloutPercent: number;
  killed: boolean;
  defaultValue: boolean;
}

export interface FlagConfigSnapshot {
  flags: Map<string, FlagConfig>;
  /** userId → flagKey → forced value. Overrides are set by hand, so the whole table stays small. */
  overrides: Map<string, Map<string, boolean>>;
}

class FlagStore {
  private cached: Promise<FlagConfigSnapshot> | null = null;
  private generation = 0;
  /** Only trusted once LISTEN is in place; until then every read goes to the database. */
  private listening = false;
  private listenStart: Promise<void> | null = null;
  loads = 0;

  constructor(private readonly db: Db, private readonly sql: Sql) {}

  invalidate(): void {
    this.generation++;
    this.cached = null;
  }

  startListening(): Promise<void> {
    this.listenStart ??= this.sql
      .listen(
        FLAG_CHANNEL,
        () => this.invalidate(),
        // Called again after a reconnect: notifications may have been missed in between.
        () => {
          this.invalidate();
          this.listening = true;
        },
      )
      .then(() => undefined)
      .catch((e: unknown) => {
        this.listening = false;
        this.listenStart = null;
        log.warn({ err: e }, "flags LISTEN failed; reading flags uncached");
      });
    return this.listenStart;
  }

  read(): Promise<FlagConfigSnapshot> {
    if (!this.listening) {
      void this.startListening();
      return this.load();
    }
    if (this.cached) return this.cached;
    const gen = this.generation;
    const p = this.load();
    this.cached = p;
    p.then(
      () => {
        // A change arrived while loading: the loaded copy may predate it.
        if (this.generation !== gen && this.cached === p) this.cached = null;
      },
      () => {
        if (this.cached === p) this.cached = null;
      },
    );
    return p;
  }

  private async load(): Promise<FlagConfigSnapshot> {
    this.loads++;
    const [flagRows, overrideRows] = await Promise.all([
      this.db.select().from(featureFlags),
      this.db.select({ flagKey: flagOverrides.flagKey, userId: flagOverrides.userId, value: flagOverrides.value }).from(flagOverrides),
    ]);
    const flags = new Map<string, FlagConfig>();
    for (const r of flagRows) {
      flags.set(r.key, {
        key: r.key, description: r.description, kind: r.kind, enabled: r.enabled,
        rolloutPercent: r.rolloutPercent, killed: r.killed, defaultValue: r.defaultValue,
      });
    }
    const overrides = new Map<string, Map<string, boolean>>();
    for (const o of overrideRows) {
      let m = overrides.get(o.userId);
      if (!m) overrides.set(o.userId, (m = new Map()));
      m.set(o.flagKey, o.value);
    }
    return { flags, overrides };
  }
}

const g = globalThis as unknown as { __ensembleFlagStores?: WeakMap<Sql, FlagStore> };
const stores = (g.__ensembleFlagStores ??= new WeakMap());

function sqlOf(db: Db): Sql {
  return (db as unknown as { $client: Sql }).$client;
}

/** The cache for this database client (one per postgres.js pool, i.e. per app instance). */
export function flagStoreFor(db: Db): FlagStore {
  const sql = sqlOf(db);
  let store = stores.get(sql);
  if (!store) {
    store = new FlagStore(db, sql);
    stores.set(sql, store);
  }
  return store;
}

/** Subscribes this client's flag cache to change notifications; resolves once LISTEN is active. */
export async function startFlagListener(db: Db): Promise<void> {
  await flagStoreFor(db).startListening();
}

export type { FlagStore };
