// Hostile values for the fuzzer: the inputs that once broke a route (NUL, lone surrogates, broken
// percent-encoding, non-UUID ids of UUID length, int4 overflow, year 0, crafted cursors) plus random JSON.
import fc from "fast-check";

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
const SOME_UUID = "3f1d2c4b-5a69-4e87-9b0a-1c2d3e4f5a6b";

/** History cursors the server never handed out. */
export const CRAFTED_CURSORS = [
  b64({ v: 1.5, id: SOME_UUID }),
  b64({ v: 2147483648, id: SOME_UUID }),
  b64({ v: 1e20, id: SOME_UUID }),
  b64({ v: "2024-01-01T00:00:00Z", id: "-".repeat(36) }),
  b64({ v: SOME_UUID, id: SOME_UUID }),
  b64({ v: "0000-01-01T00:00:00Z", id: SOME_UUID }),
  b64({ v: "a\u0000b", id: SOME_UUID }),
  b64({ v: -5, id: SOME_UUID, extra: 1 }),
  b64([1, 2]),
  b64(null),
  "%%%not-base64",
];

export const HOSTILE_STRINGS: string[] = [
  "", " ", "a\u0000b", "\u0000", "\udfff", "x\ud800", "\ud800\u0000", "%", "%ZZ", "%00", "%E0%A4%A", "../../etc/passwd",
  "' or 1=1 --", "\"; drop table users; --", "<script>alert(1)</script>", "x".repeat(5000), "가".repeat(4001), "null", "NaN",
  "-".repeat(36), "0".repeat(36), "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
  SOME_UUID.toUpperCase(), "0000-01-01T00:00:00Z", "275760-09-13T00:00:00.000Z", "9999-12-31T23:59:59Z", "2024-02-30T00:00:00Z",
  "1e20", "2147483648", "-1", "1.5", "\r\nSet-Cookie: x=1", "🙂".repeat(100), "global", "orchestrator", "__proto__", "constructor",
  ...CRAFTED_CURSORS,
];

export const HOSTILE_NUMBERS = [-1, 0, 1, 1.5, -0.5, 2 ** 31 - 1, 2 ** 31, 2 ** 32, -(2 ** 31) - 1, 1e20, -1e20, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1e308];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.uuid() },
);

/** Any JSON value, hostile ones much more often than chance would give. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, [], {}) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** A mutation of a valid input: one leaf replaced, a key dropped or added, or the whole input swapped. */
export type Mutation =
  | { kind: "none" }
  | { kind: "leaf"; pick: number; value: unknown }
  | { kind: "drop"; pick: number }
  | { kind: "extra"; key: string; value: unknown }
  | { kind: "whole"; value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: "none" } as const) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("leaf" as const), pick: fc.nat(), value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("drop" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("extra" as const), key: fc.constantFrom("admin", "__proto__", "userId", "x"), value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("whole" as const), value: hostileValue }) },
);

type Json = unknown;

function leafPaths(v: Json, at: (string | number)[] = []): (string | number)[][] {
  if (v && typeof v === "object") {
    const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v as Record<string, Json>);
    const inner = entries.flatMap(([k, x]) => leafPaths(x, [...at, k]));
    return inner.length ? inner : [at];
  }
  return [at];
}

function setAt(v: Json, path: (string | number)[], value: Json): Json {
  if (!path.length) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as Record<string, Json>) }) as Record<string | number, Json>;
  copy[head] = setAt(copy[head], rest, value);
  return copy;
}

function dropAt(v: Json, path: (string | number)[]): Json {
  if (path.length === 0) return undefined;
  if (path.length === 1 && v && typeof v === "object" && !Array.isArray(v)) {
    const { [String(path[0])]: _gone, ...rest } = v as Record<string, Json>;
    return rest;
  }
  const [head, ...tail] = path;
  return setAt(v, [head], dropAt((v as Record<string | number, Json>)[head], tail));
}

export function applyMutation(input: Json, m: Mutation): Json {
  switch (m.kind) {
    case "none":
      return input;
    case "whole":
      return m.value;
    case "extra":
      return input && typeof input === "object" && !Array.isArray(input) ? { ...(input as object), [m.key]: m.value } : input;
    case "leaf": {
      const paths = leafPaths(input);
      return setAt(input, paths[m.pick % paths.length], m.value);
    }
    case "drop": {
      const paths = leafPaths(input).filter((p) => p.length > 0);
      return paths.length ? dropAt(input, paths[m.pick % paths.length]) : input;
    }
  }
}
