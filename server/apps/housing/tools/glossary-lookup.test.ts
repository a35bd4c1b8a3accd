// glossary_lookup against the seeded glossary: finds the term a question names in either language, on word
// bounds for Latin terms, with its statute and law_terms synonyms; nothing for a question naming no term.
import { describe, expect, it } from "vitest";
import { getDatabase } from "../../../db/client";
import type { ToolRunContext } from "../../../tools/types";
import { glossaryLookupTool } from "./glossary-lookup";

async function run(query: string, language: "ko" | "en" = "ko") {
  const { db } = await getDatabase();
  const ctx: ToolRunContext = { db, language, runId: "glossary-test", signal: new AbortController().signal };
  return glossaryLookupTool.outputSchema.parse(await glossaryLookupTool.run(glossaryLookupTool.inputSchema.parse({ query }), ctx));
}

describe("glossary_lookup", () => {
  it("defines LTV in Korean and DSR in English", async () => {
    const ko = await run("LTV가 무엇인가요?");
    expect(ko.terms[0]).toMatchObject({ key: "ltv", term: "LTV(주택담보인정비율)" });
    expect(ko.terms[0].definition).toMatch(/주택 가격.*대출금의 비율/);
    const en = await run("What does DSR mean?", "en");
    expect(en.terms[0].key).toBe("dsr");
    expect(en.terms[0].definition).toMatch(/share of annual income/);
  });

  it("prefers the most specific term and carries the statute and synonyms of its concept", async () => {
    const out = await run("스트레스 DSR이 뭔가요?");
    expect(out.terms[0].key).toBe("stress_dsr");
    const fixed = await run("확정일자란?");
    expect(fixed.terms[0]).toMatchObject({ key: "fixed_date", lawReference: "주택임대차보호법 제3조의2" });
    const opposing = await run("What is opposing power?", "en");
    expect(opposing.terms[0].synonyms.length).toBeGreaterThan(0);
    expect(opposing.sources[0]).toMatch(/glossary: 대항력/);
  });

  it("matches Latin terms on word bounds only, and returns nothing when no term is named", async () => {
    expect((await run("What is a saltvault?", "en")).terms).toEqual([]);
    expect((await run("오늘 날씨 어때요?")).terms).toEqual([]);
    expect(glossaryLookupTool.quality!({ query: "x", terms: [], sample: false, sources: [] })).toBe(0);
  });
});
