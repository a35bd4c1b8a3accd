// legal_search and legal_search_keyword against the imported statutes: citations first, Korean and English
// questions, synonyms, verbatim quotes, delegations, versions "as of" a date, filters, bad input, no match.
import { describe, it, expect } from "vitest";
import { getDatabase } from "../../../db/client";
import type { ToolRunContext } from "../../../tools/types";
import { legalSearchTool, legalSearchKeywordTool, legalSearchOutputSchema, type LegalSearchOutput } from "./legal-search";
import { lawCitations } from "../laws/citations";
import { rentIncreaseCheckTool } from "./rent-increase-check";

async function ctx(language: "ko" | "en" = "ko"): Promise<ToolRunContext> {
  const { db } = await getDatabase();
  return { db, language, runId: "legal-search-test", signal: new AbortController().signal };
}

async function search(tool: typeof legalSearchTool | typeof legalSearchKeywordTool, query: string, extra: Record<string, unknown> = {}): Promise<LegalSearchOutput> {
  const input = tool.inputSchema.parse({ query, ...extra });
  return legalSearchOutputSchema.parse(await tool.run(input, await ctx(/[a-z]/i.test(query) ? "en" : "ko")));
}

const top = (o: LegalSearchOutput, n = 1) => o.articles.slice(0, n).map((a) => a.citation);

describe("legal_search", () => {
  it.each([
    ["주택임대차법 7조", "주택임대차보호법 제7조 제1항"],
    ["임대차보호법 제3조의2 2항", "주택임대차보호법 제3조의2 제2항"],
    ["Housing Lease Protection Act article 3", "주택임대차보호법 제3조 제1항"],
    ["주택임대차보호법 시행령 10조", "주택임대차보호법 시행령 제10조 제1항"],
  ])("puts the cited article first: %s", async (query, key) => {
    const o = await search(legalSearchTool, query);
    expect(o.articles[0]).toMatchObject({ key, matchedBy: "citation" });
    expect(o.evidence).toBe(100);
  });

  it("quotes the best paragraph verbatim with the version's date and kind", async () => {
    const o = await search(legalSearchTool, "임대차보호법 제3조의2 2항");
    const a = o.articles[0];
    expect(a).toMatchObject({ lawName: "주택임대차보호법", articleNumber: "제3조의2", title: "보증금의 회수", paragraph: 2, kind: "법률",
      effectiveFrom: "2023-07-19", lawNameEn: "Housing Lease Protection Act" });
    expect(a.quote.startsWith("제3조제1항ㆍ제2항 또는 제3항의 대항요건(對抗要件)과 임대차계약증서")).toBe(true);
    expect(a.quote.length).toBeLessThanOrEqual(300);
    expect(a.summary.length).toBeLessThanOrEqual(160);
    expect(a.quote).not.toContain("<개정");
  });

  it("carries the decree articles that carry out a delegating article", async () => {
    const o = await search(legalSearchTool, "주택임대차보호법 제8조");
    const citations = o.articles[0].delegations.map((d) => d.citation);
    expect(citations).toEqual(expect.arrayContaining(["주택임대차보호법 시행령 제10조", "주택임대차보호법 시행령 제11조"]));
    expect(o.articles[0].delegations[0].quote.length).toBeGreaterThan(10);
  });

  it.each([
    ["중개수수료는 얼마인가요?", "공인중개사법"],
    ["표준지공시지가란 무엇인가요?", "부동산 가격공시에 관한 법률"],
    ["층간소음 기준이 어떻게 되나요?", "공동주택"],
    ["등기부등본은 어떻게 떼나요?", "부동산등기"],
    ["계약갱신요구권은 몇 번 쓸 수 있나요", "주택임대차보호법"],
    ["How many times can a tenant use the right to request renewal of a lease?", "주택임대차보호법"],
  ])("finds the law of an everyday question: %s", async (query, law) => {
    const o = await search(legalSearchTool, query);
    expect(o.articles.slice(0, 3).some((a) => a.lawName.startsWith(law))).toBe(true);
  });

  it("reads synonyms: 집주인·세입자 are 임대인·임차인, 계약갱신요구권 is 제6조의3", async () => {
    expect(top(await search(legalSearchTool, "계약갱신요구권 몇번 쓸 수 있어요?"))).toEqual(["주택임대차보호법 제6조의3"]);
    const o = await search(legalSearchTool, "세입자가 집주인한테 보증금 돌려받으려면");
    expect(o.articles[0].lawName).toBe("주택임대차보호법");
  });

  it("searches the version in force on the given date", async () => {
    // 공인중개사법: the 2024-12-27 version until 2026-02-15, the amendment (법률 제21024호) from then on.
    const before = await search(legalSearchTool, "공인중개사법 제25조", { asOf: "2025-06-01" });
    const after = await search(legalSearchTool, "공인중개사법 제25조", { asOf: "2026-11-25" });
    expect(before.articles[0].effectiveFrom).toBe("2024-12-27");
    expect(after.articles[0].effectiveFrom).toBe("2026-02-15");
    expect(after.articles[0].effectiveNote).toContain("제21024호");
    expect(before.asOf).toBe("2025-06-01");
    // Before the law existed there is nothing to find.
    expect((await search(legalSearchTool, "공인중개사법 제25조", { asOf: "1990-01-01" })).articles).toEqual([]);
  });

  it("filters by law name and broadens by dropping the filter", async () => {
    const o = await search(legalSearchTool, "보증금", { law: "민간임대주택" });
    expect(o.articles.length).toBeGreaterThan(0);
    expect(o.articles.every((a) => a.lawName.startsWith("민간임대주택"))).toBe(true);
    const input = legalSearchTool.inputSchema.parse({ query: "보증금", law: "민간임대주택" });
    expect(legalSearchTool.broaden!(input)).toEqual({ query: "보증금", limit: 5 });
    expect(legalSearchTool.broaden!({ query: "보증금", limit: 5 })).toBeNull();
  });

  it("returns an empty result with quality 0 when nothing matches", async () => {
    for (const tool of [legalSearchTool, legalSearchKeywordTool]) {
      const o = await search(tool, "zebra quantum xylophone");
      expect(o.articles).toEqual([]);
      expect(tool.quality!(o)).toBe(0);
    }
  });

  it("rejects bad input through its schema", () => {
    const schema = legalSearchTool.inputSchema;
    expect(schema.safeParse({}).success).toBe(false);
    expect(schema.safeParse({ query: "   " }).success).toBe(false);
    expect(schema.safeParse({ query: "x".repeat(501) }).success).toBe(false);
    expect(schema.safeParse({ query: "확정일자", limit: 0 }).success).toBe(false);
    expect(schema.safeParse({ query: "확정일자", asOf: "2026-13-01" }).success).toBe(false);
    expect(schema.safeParse({ query: "확정일자", category: "nonsense" }).success).toBe(false);
  });
});

describe("legal_search_keyword (the fallback)", () => {
  it("finds the same law for a plain question and still honours citations", async () => {
    expect(top(await search(legalSearchKeywordTool, "주택임대차법 7조"))).toEqual(["주택임대차보호법 제7조"]);
    const o = await search(legalSearchKeywordTool, "층간소음 기준");
    expect(o.mode).toBe("keyword");
    expect(o.articles.slice(0, 3).some((a) => a.title.includes("층간소음"))).toBe(true);
  });
});

describe("lawCitations", () => {
  it("turns legal_search outputs into ranked law citations, cited article first, no repeats", async () => {
    const a = await search(legalSearchTool, "계약갱신요구권");
    const b = await search(legalSearchTool, "주택임대차법 7조");
    const citations = lawCitations({ "legal_search#1": a, "legal_search#2": b, "market_data#1": { rows: [] } });
    expect(citations[0]).toEqual({ source: "law", law: "주택임대차보호법", article: "제7조", paragraph: 1, rank: 1, callKey: "legal_search#2" });
    expect(citations.map((c) => c.rank)).toEqual(citations.map((_, i) => i + 1));
    expect(new Set(citations.map((c) => `${c.law} ${c.article} ${c.paragraph}`)).size).toBe(citations.length);
    expect(lawCitations({ "market_data#1": { rows: [] } })).toEqual([]);
  });

  it("puts the cap's own provision first when rent_increase_check decided the increase", async () => {
    const { db } = await getDatabase();
    const legal = await search(legalSearchTool, "전세 재계약 때 집주인이 보증금을 5% 넘게 올려도 되나요?");
    const check = await rentIncreaseCheckTool.run(rentIncreaseCheckTool.inputSchema.parse({ proposedIncreasePercent: 5, proposedIncreaseAbove: true }), { db, signal: new AbortController().signal, language: "ko", runId: "test" });
    const citations = lawCitations({ "legal_search#1": legal, "rent_increase_check#1": check });
    expect(citations[0]).toEqual({ source: "law", law: "주택임대차보호법", article: "제7조", paragraph: 2, rank: 1, callKey: "rent_increase_check#1" });
    expect(citations.map((c) => c.rank)).toEqual(citations.map((_, i) => i + 1));
    // Undecided ("more than 3%?" may or may not pass the cap): the cap is not the answer's footing.
    const open = await rentIncreaseCheckTool.run(rentIncreaseCheckTool.inputSchema.parse({ proposedIncreasePercent: 3, proposedIncreaseAbove: true }), { db, signal: new AbortController().signal, language: "ko", runId: "test" });
    expect(lawCitations({ "rent_increase_check#1": open })).toEqual([]);
  });
});
