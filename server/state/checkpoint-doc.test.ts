// Checkpoints stored as what changed: the fold of a writer's rows is every state it was given, a change made
// in place is refused where tests run, and a chain with a missing link is refused rather than folded wrong.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BASE_KEY, CheckpointEncoder, foldCheckpoints } from "./checkpoint-doc";

const encodeAll = (states: object[]) => {
  const encoder = new CheckpointEncoder();
  return states.map((state, i) => ({ seq: i + 1, state: JSON.parse(encoder.encode(i + 1, state)) as unknown }));
};

describe("checkpoint documents", () => {
  it("stores the first state whole and then only the keys that changed", () => {
    const a = { query: "q", planning: null, timings: {} };
    const b = { ...a, planning: { intent: "X" }, timings: { planning: 1 } };
    const rows = encodeAll([a, b]);
    expect(rows[0].state).toEqual(a);
    expect(rows[1].state).toEqual({ [BASE_KEY]: 1, planning: { intent: "X" }, timings: { planning: 1 } });
    expect(foldCheckpoints(rows)).toEqual(b);
  });

  it("stores a replaced object that changed, and trusts a kept reference without writing it out again", () => {
    const encoder = new CheckpointEncoder();
    const state = { registry: [{ status: "running" }], other: { n: 1 } };
    encoder.encode(1, state);
    const next = { ...state, registry: [{ status: "succeeded" }] };
    expect(JSON.parse(encoder.encode(2, next))).toEqual({ [BASE_KEY]: 1, registry: [{ status: "succeeded" }] });
    // A new object equal to the last one is no change either.
    expect(JSON.parse(encoder.encode(3, { ...next, other: { n: 1 } }))).toEqual({ [BASE_KEY]: 2 });
  });

  it("refuses, where tests run, an object changed in place after its checkpoint", () => {
    expect(process.env.NODE_ENV).toBe("test");
    const encoder = new CheckpointEncoder();
    const state = { registry: [{ status: "running" }], other: 1 };
    encoder.encode(1, state);
    state.registry[0].status = "succeeded";
    expect(() => encoder.encode(2, state)).toThrow(/"registry" was changed in place/);
  });

  it("folds back every state of any sequence (property)", () => {
    const value = fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.boolean(), { maxKeys: 2 }));
    const keys = ["planning", "execution", "teamResults", "timings", "status"];
    const state = fc.record(Object.fromEntries(keys.map((k) => [k, value])) as Record<string, typeof value>);
    fc.assert(fc.property(fc.array(state, { minLength: 1, maxLength: 6 }), (states) => {
      const rows = encodeAll(states);
      for (let i = 0; i < rows.length; i++) expect(foldCheckpoints(rows.slice(0, i + 1))).toEqual(JSON.parse(JSON.stringify(states[i])));
    }));
  });

  it("refuses a delta whose base is missing", () => {
    const rows = encodeAll([{ a: 1 }, { a: 2 }, { a: 3 }]);
    expect(() => foldCheckpoints([rows[0], rows[2]])).toThrow(/applies to 2, not 1/);
    expect(() => foldCheckpoints(rows.slice(1))).toThrow(/no full state/);
  });
});
