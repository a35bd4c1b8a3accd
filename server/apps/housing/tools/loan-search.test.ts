// loan_search against the seeded loan products: type filters, eligibility from income, price, deposit
// and buyer profile, broadening, bad input and empty results.
import { describe, it, expect } from "vitest";
import { getDatabase } from "../../../db/client";
import type { ToolRunContext } from "../../../tools/types";
import { loanSearchTool, loanSearchOutputSchema, type LoanSearchOutput } from "./loan-search";

async function ctx(language: "ko" | "en" = "ko"): Promise<ToolRunContext> {
  const { db } = await getDatabase();
  return { db, language, runId: "loan-search-test", signal: new AbortController().signal };
}

async function run(args: Record<string, unknown>, language: "ko" | "en" = "ko"): Promise<LoanSearchOutput> {
  const input = loanSearchTool.inputSchema.parse(args);
  return loanSearchOutputSchema.parse(await loanSearchTool.run(input, await ctx(language)));
}

describe("loan_search", () => {
  it("has about 25 products with government programmes and bank loans", async () => {
    const all = await run({ eligibleOnly: false, limit: 30 });
    expect(all.total).toBeGreaterThanOrEqual(25);
    const names = all.products.map((p) => p.productName).join(" ");
    for (const n of ["디딤돌", "보금자리론", "버팀목", "신혼부부", "청년"]) expect(names).toContain(n);
    expect(all.sample).toBe(true);
  });

  it("lists a young renter's jeonse options with the youth programme eligible", async () => {
    const out = await run({
      loanType: "jeonse", annualIncome: 40_000_000, deposit: 200_000_000,
      buyerProfile: { age: 28, homeless: true, newlywed: false },
    });
    expect(out.products.every((p) => p.loanType === "jeonse")).toBe(true);
    const youth = out.products.find((p) => p.code === "beotimmok-youth");
    expect(youth?.eligible).toBe(true);
    expect(youth?.estimatedMaxLoanKrw).toBe(160_000_000);
    expect(out.products.some((p) => p.code === "beotimmok-newlywed")).toBe(false);
    expect(out.excludedIneligible).toBeGreaterThan(0);
    // Eligible products come before those with unknown conditions.
    const order = out.products.map((p) => (p.eligible === true ? 0 : 1));
    expect(order).toEqual([...order].sort());
  });

  it("rules products out by income, house price and age, with reasons", async () => {
    const out = await run({
      loanType: "purchase", annualIncome: 90_000_000, price: 800_000_000,
      buyerProfile: { firstHome: true, newlywed: true, age: 36 }, eligibleOnly: false, limit: 30,
    }, "en");
    const didimdol = out.products.find((p) => p.code === "didimdol")!;
    expect(didimdol.eligible).toBe(false);
    expect(didimdol.reasons).toEqual(expect.arrayContaining(["income_above_cap", "house_price_above_cap"]));
    const kb = out.products.find((p) => p.code === "kb-mortgage")!;
    expect(kb.eligible).toBe(true);
    expect(kb.estimatedMaxLoanKrw).toBe(560_000_000);
    expect(kb.notes).toMatch(/LTV/);
  });

  it("filters by bank, rate and words", async () => {
    const shinhan = await run({ bank: "Shinhan", eligibleOnly: false });
    expect(shinhan.products.length).toBeGreaterThan(0);
    expect(shinhan.products.every((p) => p.bank === "신한은행")).toBe(true);
    const cheap = await run({ rateMax: 2.5, eligibleOnly: false, limit: 30 });
    expect(cheap.products.every((p) => p.rateMin <= 2.5)).toBe(true);
    const didimdol = await run({ query: "디딤돌", eligibleOnly: false });
    expect(didimdol.products.map((p) => p.code).sort()).toEqual(["didimdol", "didimdol-first-home"]);
  });

  it("returns an empty result with quality 0 and broadens", async () => {
    const input = loanSearchTool.inputSchema.parse({ loanType: "refinance", rateMax: 0.5 });
    const out = await loanSearchTool.run(input, await ctx());
    expect(out.products).toEqual([]);
    expect(out.sources).toEqual([]);
    expect(loanSearchTool.quality!(out)).toBe(0);
    const b1 = loanSearchTool.broaden!(input)!;
    expect(b1.eligibleOnly).toBe(false);
    const b2 = loanSearchTool.broaden!(b1)!;
    expect(b2.rateMax).toBeUndefined();
    expect(loanSearchTool.broaden!(b2)).toBeNull();
    expect((await loanSearchTool.run(b2, await ctx())).products.length).toBeGreaterThan(0);
  });

  it("rejects bad input through its schema", () => {
    const bad = [
      { loanType: "car" }, { rateMax: -1 }, { annualIncome: -5 }, { limit: 0 }, { buyerProfile: { age: "young" } },
      { provider: "friends" }, { price: 1.5 },
    ];
    for (const b of bad) expect(loanSearchTool.inputSchema.safeParse(b).success, JSON.stringify(b)).toBe(false);
  });
});
