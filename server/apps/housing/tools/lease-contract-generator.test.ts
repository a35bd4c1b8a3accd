import { describe, expect, it } from "vitest";
import { getDatabase } from "../../../db/client";
import { legalSearchTool } from "./legal-search";
import { marketAnalysisTool } from "./market-analysis";
import { leaseContractGeneratorTool, BLANK_PATTERN } from "./lease-contract-generator";
import type { ToolRunContext } from "../../../tools/types";

async function ctx(language: "ko" | "en" = "ko"): Promise<ToolRunContext> {
  const { db } = await getDatabase();
  return { db, signal: new AbortController().signal, language, runId: "test" };
}
const generate = async (input: unknown, language: "ko" | "en" = "ko") =>
  leaseContractGeneratorTool.run(leaseContractGeneratorTool.inputSchema.parse(input), await ctx(language));

describe("lease_contract_generator", () => {
  it("fills a jeonse draft from entities, cites legal_search articles and adds a guarantee clause for a risky ratio", async () => {
    const c = await ctx();
    const legal = await legalSearchTool.run(legalSearchTool.inputSchema.parse({ query: "전세 계약 보증금 반환 대항력" }), c);
    const analysis = await marketAnalysisTool.run(marketAnalysisTool.inputSchema.parse({ deposit: 400_000_000, price: 500_000_000, transactionType: "jeonse" }), c);
    const out = await generate({ contractType: "jeonse", region: "마포구", deposit: 400_000_000, startDate: "2026-03-01", legal, analysis });
    leaseContractGeneratorTool.outputSchema.parse(out);
    expect(out.markdown).toContain("4억원");
    expect(out.markdown).toContain("2026-03-01");
    expect(out.markdown).toContain("2028-02-29");
    expect(out.markdown).toContain("＿＿＿＿ (미기재: 임대인 성명)");
    expect(out.missingFields.map((f) => f.field)).toEqual(["landlordName", "tenantName"]);
    expect(out.recommendedClauses.map((cl) => cl.code)).toContain("return_guarantee");
    if (legal.articles.length > 0) expect(out.markdown).toContain(legal.articles[0].citation);
    expect(out.filename).toBe("lease-jeonse-2026-03-01.md");
  });

  it("writes an English monthly-rent draft with every missing field marked", async () => {
    const out = await generate({ monthlyRent: 600_000, deposit: 10_000_000 }, "en");
    expect(out.contractType).toBe("monthly");
    expect(out.language).toBe("en");
    expect(out.markdown).toContain("₩600,000");
    const blanks = [...out.markdown.matchAll(BLANK_PATTERN)].map((m) => m[1]);
    expect(blanks).toEqual(expect.arrayContaining(["landlord's name", "property address", "start/hand-over date"]));
    expect(out.recommendedClauses.map((c) => c.code)).toContain("rent_arrears");
    expect(out.notes.join(" ")).toMatch(/no market analysis/);
  });

  it("drafts from nothing, every mandatory field blank", async () => {
    const out = await generate({});
    expect(out.missingFields).toHaveLength(6); // monthly rent reads "none (jeonse)" for a jeonse draft
    expect(out.filledFields).toEqual(["monthlyRent"]);
  });

  it("rejects bad input", () => {
    expect(leaseContractGeneratorTool.inputSchema.safeParse({ startDate: "next spring" }).success).toBe(false);
    expect(leaseContractGeneratorTool.inputSchema.safeParse({ contractType: "sale" }).success).toBe(false);
    expect(leaseContractGeneratorTool.inputSchema.safeParse({ deposit: 1.5 }).success).toBe(false);
  });
});
