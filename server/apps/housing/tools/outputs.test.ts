// The typed output reader: each name reads as its tool's schema output, the first tool that ran wins, and
// a name the app has no tool for does not compile.
import { describe, expect, expectTypeOf, it } from "vitest";
import { housingOutput } from "./outputs";
import type { MarketOutput } from "./market-schema";
import type { LegalSearchOutput } from "./legal-search";

describe("housingOutput", () => {
  it("types each output by its tool's schema", () => {
    expectTypeOf(housingOutput({}, "market_data", "market_summary")).toEqualTypeOf<MarketOutput | undefined>();
    expectTypeOf(housingOutput({}, "legal_search")).toEqualTypeOf<LegalSearchOutput | undefined>();
    // @ts-expect-error no housing tool has this name
    housingOutput({}, "weather");
  });

  it("reads the first of the named tools that ran", () => {
    const summary = { approximate: true };
    expect(housingOutput({ market_summary: summary }, "market_data", "market_summary")).toBe(summary);
    expect(housingOutput({ market_data: 1, market_summary: 2 }, "market_data", "market_summary")).toBe(1);
    expect(housingOutput({}, "market_data")).toBeUndefined();
  });
});
