import { describe, expect, it } from "vitest";
import { getDatabase } from "../../../db/client";
import { loanSearchTool } from "./loan-search";
import { loanSimulatorTool, paymentsFor } from "./loan-simulator";
import type { ToolRunContext } from "../../../tools/types";

async function ctx(): Promise<ToolRunContext> {
  const { db } = await getDatabase();
  return { db, signal: new AbortController().signal, language: "en", runId: "test" };
}
const simulate = async (input: unknown) => loanSimulatorTool.run(loanSimulatorTool.inputSchema.parse(input), await ctx());
const search = async (input: unknown) => loanSearchTool.run(loanSearchTool.inputSchema.parse(input), await ctx());

describe("loan_simulator", () => {
  it("limits a purchase loan in a regulated district by LTV and prices payments at a searched product's rate", async () => {
    const loans = await search({ loanType: "purchase", annualIncome: 60_000_000, price: 500_000_000 });
    expect(loans.products.length).toBeGreaterThan(0);
    const out = await simulate({ loans, purpose: "purchase", price: 500_000_000, annualIncome: 60_000_000, region: "마포구" });
    loanSimulatorTool.outputSchema.parse(out);
    expect(out.regionClass).toBe("regulated");
    expect(out.rule.ltvPercent).toBe(40);
    expect(out.limits.find((l) => l.rule === "ltv")?.amount).toBe(200_000_000);
    expect(out.maxLoan).toBe(Math.min(...out.limits.map((l) => l.amount)));
    expect(out.product).not.toBeNull();
    expect(loans.products.map((p) => p.code)).toContain(out.product!.code);
    expect(out.ratePercent).toBe(out.product!.rateMin);
    expect(out.payments.map((p) => p.method)).toEqual(["equal_payment", "equal_principal", "bullet"]);
    const annuity = out.payments[0];
    expect(annuity.firstMonthlyPayment).toBe(annuity.lastMonthlyPayment);
    // Equal principal starts higher and costs less interest than equal payments.
    expect(out.payments[1].firstMonthlyPayment).toBeGreaterThan(annuity.firstMonthlyPayment);
    expect(out.payments[1].totalInterest).toBeLessThan(annuity.totalInterest);
    expect(out.sample).toBe(loans.sample);
  });

  it("computes the annuity payment correctly", () => {
    const [annuity, principal, bullet] = paymentsFor(200_000_000, 2.85, 360);
    expect(annuity.firstMonthlyPayment).toBe(827_115);
    expect(principal.firstMonthlyPayment).toBe(Math.round(200_000_000 / 360 + 200_000_000 * 0.0285 / 12));
    expect(bullet.firstMonthlyPayment).toBe(475_000);
    expect(bullet.lastMonthlyPayment).toBe(200_475_000);
  });

  it("applies first-home rules outside regulated areas and the DSR limit from income", async () => {
    const out = await simulate({ purpose: "purchase", price: 300_000_000, annualIncome: 20_000_000, region: "부산 해운대구", buyerType: "first_home", ratePercent: 4 });
    expect(out.regionClass).toBe("other");
    expect(out.limits.find((l) => l.rule === "ltv")?.amount).toBe(240_000_000);
    const dsr = out.limits.find((l) => l.rule === "dsr")!;
    expect(dsr.amount).toBeLessThan(240_000_000);
    expect(out.bindingLimit).toBe("dsr");
    expect(out.rateSource).toBe("user");
    expect(out.missing.join(" ")).toMatch(/loan products were not available/);
  });

  it("simulates a jeonse loan from the deposit", async () => {
    const loans = await search({ loanType: "jeonse", deposit: 300_000_000, annualIncome: 45_000_000 });
    const out = await simulate({ loans, purpose: "jeonse", deposit: 300_000_000, annualIncome: 45_000_000, region: "마포구" });
    expect(out.limits.find((l) => l.rule === "ltv")?.amount).toBe(240_000_000);
    expect(out.termYears).toBe(2);
    if (out.product) expect(["jeonse", "monthly_rent"]).toContain(out.product.loanType);
  });

  it("repays a jeonse loan interest-only and says how much of the deposit is the tenant's own", async () => {
    const loans = await search({ loanType: "jeonse", deposit: 400_000_000 });
    const out = await simulate({ loans, purpose: "jeonse", deposit: 400_000_000, region: "마포구" });
    expect(out.repaymentMethod).toBe("bullet");
    expect(out.payments.map((p) => p.method)).toEqual(["bullet"]);
    const amount = out.simulatedAmount!;
    expect(out.payments[0].firstMonthlyPayment).toBe(Math.round((amount * out.ratePercent!) / 100 / 12));
    expect(out.payments[0].totalInterest).toBe(Math.round((amount * out.ratePercent!) / 100 / 12 * 24));
    expect(out.ownFunds).toBe(400_000_000 - amount);
    // The cheapest product's own limit binds; another fitting product lends up to the 80%-of-deposit rule.
    expect(out.bindingLimit).toBe("product");
    expect(out.largerLoan).not.toBeNull();
    expect(out.largerLoan!.amount).toBeGreaterThan(amount);
    expect(out.largerLoan!.amount).toBeLessThanOrEqual(out.limits.find((l) => l.rule === "ltv")!.amount);
    expect(out.largerLoan!.product.code).not.toBe(out.product!.code);
    loanSimulatorTool.outputSchema.parse(out);
  });

  it("leads a purchase loan with equal payments and keeps the other methods for comparison", async () => {
    const out = await simulate({ purpose: "purchase", price: 500_000_000, region: "마포구", ratePercent: 4 });
    expect(out.repaymentMethod).toBe("equal_payment");
    expect(out.payments.map((p) => p.method)).toEqual(["equal_payment", "equal_principal", "bullet"]);
    expect(out.ownFunds).toBeNull();
  });

  it("says what is missing without a price, products or rate, and applies the stricter rules without a region", async () => {
    const out = await simulate({});
    expect(out.maxLoan).toBeNull();
    expect(out.payments).toEqual([]);
    expect(out.regionKnown).toBe(false);
    expect(out.regionClass).toBe("regulated");
    expect(out.missing.join(" ")).toMatch(/no house price/);
    expect(out.missing.join(" ")).toMatch(/no interest rate/);
    expect(loanSimulatorTool.quality!(out)).toBe(0);
    const { db } = await getDatabase();
    const korean = await loanSimulatorTool.run(loanSimulatorTool.inputSchema.parse({}), { db, signal: new AbortController().signal, language: "ko", runId: "test" });
    expect(korean.missing.join(" ")).toMatch(/주택 가격이 없어/);
  });

  it("rejects bad input", () => {
    expect(loanSimulatorTool.inputSchema.safeParse({ purpose: "car" }).success).toBe(false);
    expect(loanSimulatorTool.inputSchema.safeParse({ price: -1 }).success).toBe(false);
    expect(loanSimulatorTool.inputSchema.safeParse({ buyerType: "investor" }).success).toBe(false);
    expect(loanSimulatorTool.inputSchema.safeParse({ loans: { products: [{ code: 1 }] } }).success).toBe(false);
  });
});
