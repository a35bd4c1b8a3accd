// Memory runs on whichever handle the caller holds: the drizzle db, a drizzle transaction, or a raw
// postgres.js client/transaction (RunWriter.inTransaction hands out one), so a run's final state and memory commit together.
import type { Sql, TransactionSql } from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import type { Db, Tx } from "../db/client";
import * as schema from "../db/schema";

// Any postgres.js client or transaction, whatever its custom types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RawSql = Sql<any> | TransactionSql<any>;
export type MemoryDb = Db | Tx | RawSql;

const wrapped = new WeakMap<object, Db>();

/**
 * postgres.js handles are callable functions; drizzle handles are plain objects. A raw transaction
 * has no `options` (drizzle's driver setup writes there) and no `begin`, so drizzle gets a facade:
 * queries go through the transaction's `unsafe`, a nested transaction becomes a savepoint. The
 * timestamp/json pass-through parsers drizzle needs are already on the shared client, whose
 * connection the transaction uses.
 */
export function asDrizzle(handle: MemoryDb): Db | Tx {
  if (typeof handle !== "function") return handle;
  let db = wrapped.get(handle);
  if (!db) {
    const raw = handle as RawSql & { savepoint?: TransactionSql["savepoint"] };
    const client = "begin" in raw && typeof raw.begin === "function"
      ? raw
      : {
          unsafe: raw.unsafe,
          options: { parsers: {}, serializers: {} },
          begin: (fn: (tx: TransactionSql) => unknown) => raw.savepoint!(fn as never),
        };
    db = drizzle(client as Sql, { schema });
    wrapped.set(handle, db);
  }
  return db;
}
