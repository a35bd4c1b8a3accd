// Drizzle over whichever handle the caller holds: the drizzle db, a drizzle transaction, or a raw
// postgres.js client/transaction (the RunWriter's group commit is one), so typed queries join that transaction.
import type { Sql, TransactionSql } from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import type { Db, Tx } from "./client";
import * as schema from "./schema";
import { preparedByDefault } from "./prepared-by-default";

// Any postgres.js client or transaction, whatever its custom types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RawSql = Sql<any> | TransactionSql<any>;
export type AnyDb = Db | Tx | RawSql;
/** Memory's name for it: memory runs on whatever handle its caller holds. */
export type MemoryDb = AnyDb;

const wrapped = new WeakMap<object, Db>();

/**
 * postgres.js handles are callable functions; drizzle handles are plain objects. A raw transaction
 * has no `options` (drizzle's driver setup writes there) and no `begin`, so drizzle gets a facade:
 * queries go through the transaction's `unsafe`, a nested transaction becomes a savepoint. The
 * timestamp/json pass-through parsers drizzle needs are already on the shared client, whose
 * connection the transaction uses.
 */
export function asDrizzle(handle: AnyDb): Db | Tx {
  if (typeof handle !== "function") return handle;
  let db = wrapped.get(handle);
  if (!db) {
    const raw = preparedByDefault(handle as RawSql) as RawSql & { savepoint?: TransactionSql["savepoint"] };
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
