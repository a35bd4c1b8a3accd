import { describe, expect, it } from "vitest";
import { getDatabase } from "../../../db/client";
import { policyPrograms } from "../schema/domain-rules";
import { policyMatcherTool, isCapitalArea } from "./policy-matcher";
import type { ToolRunContext } from "../../../tools/types";

async function ctx(): Promise<ToolRunContext> {
  const { db } = await getDatabase();
  return { db, signal: new AbortController().signal, language: "ko", runId: "test" };
}
const run = async (input: unknown) => policyMatcherTool.run(policyMatcherTool.inputSchema.parse(input), await ctx());
const byCode = (out: Awaited<ReturnType<typeof run>>, code: string) => out.matches.find((m) => m.code === code)!;

describe("policy_matcher", () => {
  it("matches a young homeless renter in Seoul to the youth jeonse loan with reasons", async () => {
    const out = await run({ annualIncome: 42_000_000, age: 29, homeless: true, region: "마포구", deposit: 200_000_000, areaM2: 40 });
    policyMatcherTool.outputSchema.parse(out);
    const { db } = await getDatabase();
    expect(out.matches).toHaveLength((await db.select().from(policyPrograms)).length);
    expect(out.capitalArea).toBe(true);
    const youth = byCode(out, "youth_beotimmok");
    expect(youth.status).toBe("eligible");
    expect(youth.checks.every((c) => c.result === "pass")).toBe(true);
    const newlywed = byCode(out, "newlywed_beotimmok");
    expect(newlywed.status).not.toBe("eligible");
    expect(newlywed.checks.find((c) => c.criterion === "newlywed")?.result).toBe("unknown");
    expect(out.matches[0].status).toBe("eligible");
  });

  it("says why a programme does not fit: income, age and price limits", async () => {
    const out = await run({ annualIncome: 90_000_000, age: 40, homeless: true, price: 700_000_000, firstHome: true });
    const didimdol = byCode(out, "didimdol");
    expect(didimdol.status).toBe("ineligible");
    const income = didimdol.checks.find((c) => c.criterion === "income")!;
    expect(income).toMatchObject({ result: "fail", value: 90_000_000, limit: 70_000_000 });
    expect(income.ko).toMatch(/7,000만원/);
    expect(byCode(out, "youth_beotimmok").checks.find((c) => c.criterion === "max_age")?.result).toBe("fail");
    expect(out.counts.eligible + out.counts.possible + out.counts.ineligible).toBe(out.matches.length);
  });

  it("with an empty profile everything is 'possible' or needs no condition, and missing fields are listed", async () => {
    const out = await run({});
    expect(out.counts.ineligible).toBe(0);
    expect(out.missingProfile).toEqual(expect.arrayContaining(["annualIncome", "age", "region"]));
    expect(out.capitalArea).toBeNull();
    const filtered = await run({ purposes: ["guarantee"] });
    expect(filtered.matches.every((m) => m.purpose === "guarantee")).toBe(true);
  });

  it("knows the capital area from names and the regions table", async () => {
    const { db } = await getDatabase();
    expect(await isCapitalArea(db, "부산 해운대구")).toBe(false);
    expect(await isCapitalArea(db, "Mapo-gu")).toBe(true);
    expect(await isCapitalArea(db, "과천시")).toBe(true);
  });

  it("rejects bad input", () => {
    expect(policyMatcherTool.inputSchema.safeParse({ age: -3 }).success).toBe(false);
    expect(policyMatcherTool.inputSchema.safeParse({ annualIncome: "많음" }).success).toBe(false);
    expect(policyMatcherTool.inputSchema.safeParse({ purposes: ["casino"] }).success).toBe(false);
  });
});
