// Drizzle sends every query that has no `.prepare(name)` through postgres.js `unsafe(text, params,
// { prepare: false })`. For an unnamed statement with parameters postgres.js must first ask the server
// for the parameter types (Parse + Describe + Sync, then wait), so each such query costs TWO round
// trips, and the server parses and plans it twice. Under load that was ~12 extra round trips per chat
// (docs/perf/issue-14.md §9). This handle prepares them instead: postgres.js keeps a named statement
// per connection, described once, and later executions are one Bind/Execute.
//
// Prepared statements live per connection on both sides, so the set of texts prepared is bounded: a
// text past the first MAX_PREPARED distinct ones (a query shaped by a variable-length list, say) runs
// unprepared as before.
import type { Sql, TransactionSql } from "postgres";

const MAX_PREPARED = 2000;
const preparedTexts = new Set<string>();

function shouldPrepare(text: string, args: unknown[] | undefined): boolean {
  if (!args || args.length === 0) return false; // no parameters: the simple protocol, one round trip already
  if (preparedTexts.has(text)) return true;
  if (preparedTexts.size >= MAX_PREPARED) return false;
  preparedTexts.add(text);
  return true;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySql = Sql<any> | TransactionSql<any>;
type UnsafeOptions = { prepare?: boolean } & Record<string, unknown>;

const proxies = new WeakMap<object, AnySql>();

/**
 * The same handle, except that `unsafe` prepares parameterised statements, and transactions and
 * savepoints it opens hand out handles that do the same. Tagged-template queries are unchanged
 * (postgres.js prepares those already).
 */
export function preparedByDefault<T extends AnySql>(handle: T): T {
  const known = proxies.get(handle);
  if (known) return known as T;
  const proxy = new Proxy(handle, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === "unsafe") {
        return (text: string, args?: unknown[], options?: UnsafeOptions) =>
          (value as (t: string, a?: unknown[], o?: UnsafeOptions) => unknown).call(target, text, args, { ...options, prepare: shouldPrepare(text, args) });
      }
      if (prop === "begin" || prop === "savepoint") {
        // begin(fn) or begin(mode, fn); savepoint(fn) or savepoint(name, fn): the callback is last.
        return (...a: unknown[]) => {
          const fn = a.at(-1);
          if (typeof fn === "function") a[a.length - 1] = (tx: AnySql) => fn(preparedByDefault(tx));
          return (value as (...x: unknown[]) => unknown).apply(target, a);
        };
      }
      return typeof value === "function" && prop !== "constructor" ? value.bind(target) : value;
    },
  });
  proxies.set(handle, proxy);
  return proxy;
}

/** How many distinct texts this process prepares (for tests and the bench). */
export function preparedTextCount(): number {
  return preparedTexts.size;
}
