import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDatabase } from "../../../db/client";
import { rateSettings } from "../schema/domain-rules";
import { rentIncreaseCheckTool } from "./rent-increase-check";
import type { ToolRunContext } from "../../../tools/types";

async function ctx(): Promise<ToolRunContext> {
  const { db } = await getDatabase();
  return { db, signal: new AbortController().signal, language: "en", runId: "test" };
}
const run = async (input: unknown) => rentIncreaseCheckTool.run(rentIncreaseCheckTool.inputSchema.parse(input), await ctx());

describe("rent_increase_check", () => {
  it("flags a jeonse increase above 5% and reports the ceiling", async () => {
    const out = await run({ currentDeposit: 300_000_000, proposedDeposit: 330_000_000 });
    rentIncreaseCheckTool.outputSchema.parse(out);
    expect(out.increasePercent).toBe(10);
    expect(out.withinCap).toBe(false);
    expect(out.maxDepositIfRentUnchanged).toBe(315_000_000);
    expect(out.excessEquivalentDeposit).toBe(15_000_000);
    expect(out.lawReferences.join(" ")).toMatch(/주택임대차보호법 제7조/);
    // The provision stating the cap, verbatim from the statutes in force: ② of 제7조, not ①.
    expect(out.capRule).toMatchObject({ citation: "주택임대차보호법 제7조 제2항", lawName: "주택임대차보호법", articleNumber: "제7조", paragraph: 2 });
    expect(out.capRule!.quote).toMatch(/20분의 1의 금액을 초과하지 못한다/);
  });

  it("takes the conversion rate as the lower of the cap and base rate + spread, from the table", async () => {
    const { db } = await getDatabase();
    const [base] = await db.select().from(rateSettings).where(eq(rateSettings.key, "base_rate"));
    const [spread] = await db.select().from(rateSettings).where(eq(rateSettings.key, "conversion_spread"));
    const out = await run({ currentDeposit: 100_000_000, currentMonthlyRent: 500_000, proposedDeposit: 50_000_000, proposedMonthlyRent: 800_000 });
    const rate = Math.min(10, base.valuePercent + spread.valuePercent);
    expect(out.rates.conversionRatePercent).toBeCloseTo(rate, 5);
    expect(out.conversion?.convertedDeposit).toBe(50_000_000);
    expect(out.conversion?.maxAddedMonthlyRent).toBe(Math.round((50_000_000 * rate) / 100 / 12));
    expect(out.conversion?.withinConversionRate).toBe(300_000 <= out.conversion!.maxAddedMonthlyRent);
  });

  it("accepts a rent-only lease and a check without a proposal", async () => {
    const within = await run({ currentMonthlyRent: 500_000, proposedMonthlyRent: 520_000 });
    expect(within.withinCap).toBe(true);
    const ceiling = await run({ currentDeposit: 200_000_000 });
    expect(ceiling.proposed).toBeNull();
    expect(ceiling.withinCap).toBeNull();
    expect(ceiling.notes[0]).toMatch(/no proposed/);
  });

  it("judges a bare percentage against the cap, with no KRW ceilings to report", async () => {
    const over = await run({ proposedIncreasePercent: 10 });
    rentIncreaseCheckTool.outputSchema.parse(over);
    expect(over).toMatchObject({ basis: "percent", increasePercent: 10, withinCap: false, maxEquivalentDeposit: 0 });
    expect((await run({ proposedIncreasePercent: 5 })).withinCap).toBe(true);
    // "More than 5%" is over the cap; "more than 3%" depends on how much more.
    expect(await run({ proposedIncreasePercent: 5, proposedIncreaseAbove: true })).toMatchObject({ increaseAbove: true, withinCap: false });
    expect((await run({ proposedIncreasePercent: 3, proposedIncreaseAbove: true })).withinCap).toBeNull();
    expect((await run({ proposedIncreasePercent: 8, renewal: false })).withinCap).toBeNull();
    expect((await run({ currentDeposit: 300_000_000, proposedIncreasePercent: 10 })).basis).toBe("amounts");
  });

  it("rejects bad input", () => {
    expect(rentIncreaseCheckTool.inputSchema.safeParse({}).success).toBe(false);
    expect(rentIncreaseCheckTool.inputSchema.safeParse({ currentDeposit: -1 }).success).toBe(false);
    expect(rentIncreaseCheckTool.inputSchema.safeParse({ currentDeposit: 0, currentMonthlyRent: 0 }).success).toBe(false);
  });
});
