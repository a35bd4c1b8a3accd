import { describe, expect, it } from "vitest";
import { getDatabase } from "../../../db/client";
import { leaseContractGeneratorTool } from "./lease-contract-generator";
import { documentReviewTool } from "./document-review";
import type { ToolRunContext } from "../../../tools/types";

async function ctx(): Promise<ToolRunContext> {
  const { db } = await getDatabase();
  return { db, signal: new AbortController().signal, language: "en", runId: "test" };
}
const review = async (input: unknown) => documentReviewTool.run(documentReviewTool.inputSchema.parse(input), await ctx());

describe("document_review", () => {
  it("reviews a generated draft: blanks and missing fields, no findings from its own protective clauses", async () => {
    const c = await ctx();
    const draft = await leaseContractGeneratorTool.run(leaseContractGeneratorTool.inputSchema.parse({ deposit: 300_000_000, startDate: "2026-01-01", region: "마포구", language: "ko" }), c);
    const out = await review({ draft });
    documentReviewTool.outputSchema.parse(out);
    expect(out.subject).toBe("draft");
    expect(out.missingFields.map((f) => f.field)).toEqual(["landlordName", "tenantName"]);
    expect(out.blanks).toEqual(expect.arrayContaining(["임대인 성명", "임차인 성명", "계약일"]));
    expect(out.findings).toEqual([]);
    expect(out.ready).toBe(false);
  });

  it("finds risky clauses and missing fields in pasted text with contract_analysis's rules", async () => {
    const out = await review({ text: "임대인: 김철수\n보증금: 2억원\n특약: 임차인은 전입신고를 하지 않기로 한다. 임차인은 계약갱신요구권을 포기한다." });
    expect(out.subject).toBe("text");
    expect(out.findings.map((f) => f.code)).toEqual(expect.arrayContaining(["move_in_report_ban", "renewal_right_waiver"]));
    expect(out.overall).toBe("high");
    expect(out.missingFields.map((f) => f.field)).toEqual(expect.arrayContaining(["tenantName", "address"]));
    expect(out.missingFields.map((f) => f.field)).not.toContain("landlordName");
  });

  it("says there is nothing to review without a draft or text", async () => {
    const out = await review({});
    expect(out.reviewed).toBe(false);
    expect(out.notes[0]).toMatch(/nothing to review/);
  });

  it("rejects bad input", () => {
    expect(documentReviewTool.inputSchema.safeParse({ text: "" }).success).toBe(false);
    expect(documentReviewTool.inputSchema.safeParse({ draft: { markdown: 5 } }).success).toBe(false);
  });
});
