// housing_calculator: each sum against rates read from PostgreSQL (rate_settings, brokerage_fee_rates),
// its inputs echoed, and a missing input reported instead of a guess.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDatabase } from "../../../db/client";
import type { ToolRunContext } from "../../../tools/types";
import { rateSettings } from "../schema/domain-rules";
import { housingCalculatorTool } from "./housing-calculator";

async function run(input: Record<string, unknown>, language: "ko" | "en" = "ko") {
  const { db } = await getDatabase();
  const ctx: ToolRunContext = { db, language, runId: "calculator-test", signal: new AbortController().signal };
  return housingCalculatorTool.outputSchema.parse(await housingCalculatorTool.run(housingCalculatorTool.inputSchema.parse(input), ctx));
}

async function legalConversionRate(): Promise<number> {
  const { db } = await getDatabase();
  const get = async (key: string) => (await db.select().from(rateSettings).where(eq(rateSettings.key, key)))[0].valuePercent;
  return Math.min(await get("conversion_cap"), (await get("base_rate")) + (await get("conversion_spread")));
}

describe("housing_calculator", () => {
  it("converts a deposit into rent, and rent into a deposit, at the legal rate from rate_settings", async () => {
    const rate = await legalConversionRate();
    const out = await run({ kind: "conversion", deposit: 100_000_000 });
    expect(out.computed).toBe(true);
    expect(out.results[0].value).toBe(Math.round((100_000_000 * rate) / 100 / 12));
    expect(out.inputs.map((x) => x.value)).toEqual([100_000_000, rate]);
    expect(out.lawReference).toMatch(/제7조의2/);
    const back = await run({ kind: "conversion", monthlyRent: 1_000_000, direction: "rent_to_deposit" });
    expect(back.results[0].value).toBe(Math.round((1_000_000 * 12) / (rate / 100)));
  });

  it("computes gross yield on the cash invested", async () => {
    const out = await run({ kind: "yield", price: 500_000_000, deposit: 50_000_000, monthlyRent: 1_500_000 });
    expect(out.results[0]).toMatchObject({ value: 4, unit: "percent" });
    expect(out.results.map((x) => x.value)).toEqual([4, 18_000_000, 450_000_000]);
  });

  it("applies the brokerage-fee bracket and its cap from brokerage_fee_rates", async () => {
    expect((await run({ kind: "brokerage_fee", price: 800_000_000 })).results[0].value).toBe(3_200_000); // 0.4%
    expect((await run({ kind: "brokerage_fee", deposit: 300_000_000, dealKind: "lease" })).results[0].value).toBe(900_000); // 0.3%
    // ₩5M + ₩300K × 100 is under ₩50M, so the deal amount is ₩5M + ₩300K × 70 = ₩26M; 0.5% = ₩130K (cap ₩200K).
    const small = await run({ kind: "brokerage_fee", deposit: 5_000_000, monthlyRent: 300_000 });
    expect(small.inputs[0].value).toBe(26_000_000);
    expect(small.results[0].value).toBe(130_000);
    // A ₩45M sale: 0.6% would be ₩270K, but that bracket is capped at ₩250K.
    expect((await run({ kind: "brokerage_fee", price: 45_000_000 })).results[0].value).toBe(250_000);
  });

  it("states the down-payment forfeit and the double return", async () => {
    const out = await run({ kind: "down_payment", downPayment: 50_000_000 });
    expect(out.results.map((x) => x.value)).toEqual([100_000_000, 50_000_000]);
    expect(out.lawReference).toBe("민법 제565조");
  });

  it("names the missing input instead of guessing", async () => {
    for (const [input, missing] of [
      [{ kind: "yield", price: 500_000_000 }, ["monthlyRent"]],
      [{ kind: "conversion" }, ["deposit"]],
      [{ kind: "down_payment" }, ["downPayment"]],
      [{ kind: "brokerage_fee" }, ["price"]],
    ] as const) {
      const out = await run(input);
      expect(out.computed).toBe(false);
      expect(out.missing).toEqual(missing);
      expect(out.results).toEqual([]);
    }
  });
});
