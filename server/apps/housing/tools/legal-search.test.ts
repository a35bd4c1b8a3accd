// legal_search and legal_search_keyword against the seeded law articles: Korean and English questions
// find the same articles, filters and broadening work, bad input is rejected, no match is empty.
import { describe, it, expect } from "vitest";
import { getDatabase } from "../../../db/client";
import type { ToolRunContext } from "../../../tools/types";
import { legalSearchTool, legalSearchKeywordTool, legalSearchInputSchema, legalSearchOutputSchema, type LegalSearchOutput } from "./legal-search";
import { parseArticleNumber, termOccursIn } from "./legal-search-query";

async function ctx(language: "ko" | "en" = "ko"): Promise<ToolRunContext> {
  const { db } = await getDatabase();
  return { db, language, runId: "legal-search-test", signal: new AbortController().signal };
}

async function search(tool: typeof legalSearchTool, query: string, language: "ko" | "en" = "ko", extra: Record<string, unknown> = {}): Promise<LegalSearchOutput> {
  const input = tool.inputSchema.parse({ query, ...extra });
  const output = await tool.run(input, await ctx(language));
  return legalSearchOutputSchema.parse(output);
}

const top = (o: LegalSearchOutput, n = 1) => o.articles.slice(0, n).map((a) => a.citation);

describe.each([
  ["legal_search", legalSearchTool],
  ["legal_search_keyword", legalSearchKeywordTool],
])("%s", (_name, tool) => {
  it("finds the renewal-request article from Korean and from English", async () => {
    const ko = await search(tool, "계약갱신요구권");
    const en = await search(tool, "renewal request right", "en");
    expect(top(ko)).toEqual(["주택임대차보호법 제6조의3"]);
    expect(top(en)).toEqual(["주택임대차보호법 제6조의3"]);
    expect(ko.matchedConcepts).toContain("renewal_right");
    expect(en.articles[0].summary).toMatch(/renewal/i);
    expect(ko.articles[0].summary).toMatch(/갱신/);
    expect(ko.sources[0]).toBe("주택임대차보호법 제6조의3");
  });

  it("finds deposit-return articles in both languages", async () => {
    const ko = await search(tool, "보증금 반환");
    const en = await search(tool, "deposit return", "en");
    // The remedy (lease registration order) and "the lease lasts until the deposit is back" lead in both languages.
    for (const o of [ko, en]) {
      expect(o.matchedConcepts).toContain("deposit_return");
      expect(top(o, 3)).toEqual(expect.arrayContaining(["주택임대차보호법 제3조의3", "주택임대차보호법 제4조"]));
    }
    expect(new Set(top(ko, 3))).toEqual(new Set(top(en, 3)));
  });

  it.each([
    ["마포구 아파트 전세 4억이면 적정한가요? 대출은 얼마나 되고 보증금은 어떻게 지키나요?", "ko"],
    ["Is a 400 million won jeonse for an apartment in Mapo-gu fair? How much can I borrow, and how do I protect my deposit?", "en"],
    ["보증금은 어떻게 지키나요", "ko"],
    ["전세금 안 떼이려면 뭘 해야 하나요?", "ko"],
    ["how do I protect my deposit", "en"],
    ["How can I keep my deposit safe?", "en"],
  ] as const)("answers how to protect a deposit with the core articles: %s", async (q, lang) => {
    const o = await search(tool, q, lang);
    expect(o.matchedConcepts).toContain("deposit_protection");
    // 대항력 (제3조), 확정일자·우선변제 (제3조의2), 임차권등기명령 (제3조의3), 최우선변제 (제8조).
    expect(top(o, 5)).toEqual(expect.arrayContaining([
      "주택임대차보호법 제3조", "주택임대차보호법 제3조의2", "주택임대차보호법 제3조의3", "주택임대차보호법 제8조",
    ]));
    expect(top(o)).toEqual(["주택임대차보호법 제3조"]);
    expect(top(o, 5)).not.toContain("주택임대차보호법 제12조");
  });

  it("finds fixed-date priority in both languages", async () => {
    for (const [q, lang] of [["확정일자", "ko"], ["fixed date", "en"]] as const) {
      const o = await search(tool, q, lang);
      expect(top(o, 3)).toEqual(expect.arrayContaining(["주택임대차보호법 제3조의6", "주택임대차보호법 제3조의2"]));
    }
  });

  it("answers sentence-style questions", async () => {
    expect(top(await search(tool, "집주인이 월세를 5% 넘게 올리려고 해요", "ko", { limit: 3 }), 3))
      .toContain("주택임대차보호법 제7조");
    expect(top(await search(tool, "Can my landlord raise the rent by more than 5 percent?", "en", { limit: 3 }), 3))
      .toContain("주택임대차보호법 제7조");
    expect(top(await search(tool, "who pays for restoration to the original condition when I move out?", "en")))
      .toEqual(["민법 제615조"]);
    expect(top(await search(tool, "소액임차인 최우선변제 금액"), 2)).toContain("주택임대차보호법 제8조");
    expect(top(await search(tool, "lease registration order", "en"))).toEqual(["주택임대차보호법 제3조의3"]);
    expect(top(await search(tool, "임차권등기명령 신청"))).toEqual(["주택임대차보호법 제3조의3"]);
  });

  it("prefers the commercial act when the question is about a shop", async () => {
    expect(top(await search(tool, "상가 계약갱신요구권 10년"))).toEqual(["상가건물 임대차보호법 제10조"]);
    expect(top(await search(tool, "key money for my shop", "en"))).toEqual(expect.arrayContaining([expect.stringMatching(/^상가건물 임대차보호법 제10조의[34]$/)]));
  });

  it("finds an article by its number", async () => {
    expect(top(await search(tool, "주택임대차보호법 6조의3"))).toEqual(["주택임대차보호법 제6조의3"]);
  });

  it("applies filters and broadens by dropping them", async () => {
    const taxOnly = await search(tool, "월세 세액공제", "ko", { taxOnly: true });
    expect(taxOnly.articles.length).toBeGreaterThan(0);
    expect(taxOnly.articles.every((a) => a.taxTags.length > 0)).toBe(true);
    expect(top(taxOnly)).toEqual(["조세특례제한법 제95조의2"]);

    const filtered = legalSearchInputSchema.parse({ query: "계약갱신요구권", category: "tax" });
    const none = await tool.run(filtered, await ctx());
    expect(none.articles).toEqual([]);
    expect(tool.quality!(none)).toBe(0);
    const broader = tool.broaden!(filtered);
    expect(broader).toEqual({ query: "계약갱신요구권", limit: 5 });
    expect(tool.broaden!(broader!)).toBeNull();
    expect(top(await tool.run(broader!, await ctx()))).toEqual(["주택임대차보호법 제6조의3"]);
  });

  it("returns an empty result with quality 0 when nothing matches", async () => {
    const o = await search(tool, "zebra quantum xylophone");
    expect(o.articles).toEqual([]);
    expect(o.sources).toEqual([]);
    expect(tool.quality!(o)).toBe(0);
  });

  it("rejects bad input through its schema", () => {
    expect(tool.inputSchema.safeParse({}).success).toBe(false);
    expect(tool.inputSchema.safeParse({ query: "   " }).success).toBe(false);
    expect(tool.inputSchema.safeParse({ query: "x".repeat(501) }).success).toBe(false);
    expect(tool.inputSchema.safeParse({ query: "확정일자", limit: 0 }).success).toBe(false);
    expect(tool.inputSchema.safeParse({ query: "확정일자", category: "nonsense" }).success).toBe(false);
  });
});

describe("query analysis", () => {
  it("matches English terms as whole words and Korean terms inside words", () => {
    expect(termOccursIn("rent", "en", "my current lease")).toBe(false);
    expect(termOccursIn("rent", "en", "the rent is late")).toBe(true);
    expect(termOccursIn("5%", "en", "more than 5% a year")).toBe(true);
    expect(termOccursIn("갱신요구", "ko", "갱신 요구를 했는데")).toBe(true);
    // "~" allows a short gap between the parts of a Korean term, not a whole sentence.
    expect(termOccursIn("보증금~지키", "ko", "보증금은 어떻게 지키나요")).toBe(true);
    expect(termOccursIn("보증금~지키", "ko", "보증금은 4억이고 집주인이 약속을 잘 지키는 편이라는데")).toBe(false);
  });

  it("parses article numbers in Korean and English", () => {
    expect(parseArticleNumber("제6조의3")).toBe("제6조의3");
    expect(parseArticleNumber("6조 의 3 내용")).toBe("제6조의3");
    expect(parseArticleNumber("Article 3-2 of the act")).toBe("제3조의2");
    expect(parseArticleNumber("Article 7")).toBe("제7조");
    expect(parseArticleNumber("보증금")).toBeNull();
  });

  it("has the articles the brief asks for (about 40 or more)", async () => {
    const { sql: raw } = await getDatabase();
    const [{ n }] = await raw`SELECT count(*)::int AS n FROM law_articles`;
    expect(n).toBeGreaterThanOrEqual(40);
  });
});

describe("everyday phrasing", () => {
  it.each([
    ["전세 계약이 끝났는데 집주인이 보증금을 안 돌려줘요", "ko", "deposit_return"],
    ["집주인이 월세를 올려달라고 해요", "ko", "rent_increase"],
    ["집주인이 나가라고 하는데 갱신 요구할 수 있나요?", "ko", "renewal_right"],
    ["How do I protect my deposit when I move in?", "en", "deposit_protection"],
    ["My landlord wants to evict me at the end of the lease", "en", "renewal_right"],
    ["월세 2달 밀리면 계약 해지되나요", "ko", "rent_arrears"],
  ] as const)("%s", async (query, language, concept) => {
    const out = await search(legalSearchTool, query, language);
    expect(out.matchedConcepts).toContain(concept);
    expect(out.articles.length).toBeGreaterThan(0);
  });

  it("puts the Civil Act arrears rule first for two months of unpaid rent", async () => {
    expect(top(await search(legalSearchTool, "월세 2달 밀리면 계약 해지되나요"))).toEqual(["민법 제640조"]);
  });
});
