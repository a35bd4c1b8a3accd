// English → statute words: phrases before words, plurals matched, and no word of a question reaching
// Object.prototype (a user typing "constructor" once failed a run: found by `npm run fuzz`).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { englishExpansionParts, englishExpansions } from "./english";

describe("englishExpansions", () => {
  it("maps English legal words and phrases to the statutes' Korean", () => {
    expect(englishExpansions("can my landlord keep the deposit")).toEqual(expect.arrayContaining(["임대인", "보증금"]));
  });

  it("ignores words that are names on Object.prototype", () => {
    const words = Object.getOwnPropertyNames(Object.prototype).join(" ");
    expect(() => englishExpansionParts(`${words} __proto__ prototype`)).not.toThrow();
    expect(englishExpansionParts("constructor toString valueOf").fromWords).toEqual([]);
  });

  it("never throws on any text", () => {
    const protoWords = fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype), "__proto__", "prototype");
    fc.assert(fc.property(fc.array(fc.oneof(fc.string(), protoWords), { maxLength: 8 }), (parts) => {
      expect(Array.isArray(englishExpansions(parts.join(" ").toLowerCase()))).toBe(true);
    }), { seed: 20261126, numRuns: 300 });
  });
});
