// The statute eval's pure parts: name/article normalisation, per-question scoring, aggregation,
// source extraction from citations and tool output, and the shape of the shipped question set.
import { describe, expect, it } from "vitest";
import {
  fnv1a32, loadLegalQuestions, parseLegalQuestions, QuestionFileError, splitForId, type LegalQuestion,
} from "./legal-questions";
import {
  aggregate, aggregateBy, formatTable, normalizeArticle, normalizeLawName, scoreQuestion, type RunObservation,
} from "./legal-score";
import { mergeToolArticles, sourcesFromCitations } from "./legal-sources";
import { parseLegalArgs } from "./legal";
import type { RunSummary } from "../../server/supervisor/summary";

const question: LegalQuestion = {
  id: "lg-9001", q: "서울 소액임차인 기준이 얼마예요?", lang: "ko", law: "주택임대차보호법 시행령",
  articles: ["제10조", "제11조"], alsoLaws: ["주택임대차보호법"], category: "lease", split: "test",
};

function run(sources: [string, string | null][], extra: Partial<RunObservation> = {}): RunObservation {
  return { sources: sources.map(([law, article]) => ({ law, article })), origin: "tool", reachedLegalSearch: true, ms: 10, status: "completed", ...extra };
}

describe("normalisation", () => {
  it("treats spacing, middle dots and a parenthesised kind as the same law", () => {
    expect(normalizeLawName("주택임대차보호법 시행령")).toBe(normalizeLawName("주택임대차보호법시행령"));
    expect(normalizeLawName("공인중개사법(예정_법률)")).toBe("공인중개사법");
    expect(normalizeLawName("부동산 거래신고 등에 관한 법률")).not.toBe(normalizeLawName("부동산 거래신고 등에 관한 법률 시행령"));
  });

  it("reduces article spellings to 제N조(의M) and drops paragraphs", () => {
    expect(normalizeArticle("제3조의2")).toBe("제3조의2");
    expect(normalizeArticle("3조의 2")).toBe("제3조의2");
    expect(normalizeArticle("제6조의3제2항")).toBe("제6조의3");
    expect(normalizeArticle("Article 7-2")).toBe("제7조의2");
    expect(normalizeArticle("제30조")).toBe("제30조");
    expect(normalizeArticle(null)).toBeNull();
    expect(normalizeArticle("별표 1")).toBeNull();
  });
});

describe("scoreQuestion", () => {
  it("scores a labelled article at rank 1 as a hit everywhere", () => {
    const o = scoreQuestion(question, run([["주택임대차보호법 시행령", "제11조"], ["주택임대차보호법", "제8조"]]));
    expect(o).toMatchObject({ top1Law: true, top3Law: true, articleHit3: true, reciprocalRank: 1 });
  });

  it("accepts an alsoLaws law for the law metrics but not for the article metrics", () => {
    const o = scoreQuestion(question, run([["주택임대차보호법", "제8조"], ["민법", "제618조"]]));
    expect(o).toMatchObject({ top1Law: true, top3Law: true, articleHit3: false, reciprocalRank: 0 });
  });

  it("counts the law only within the first three and the article rank over all sources", () => {
    const o = scoreQuestion(question, run([
      ["민법", "제618조"], ["상가건물 임대차보호법", "제14조"], ["소득세법", "제12조"], ["주택임대차보호법 시행령", "제10조"],
    ]));
    expect(o).toMatchObject({ top1Law: false, top3Law: false, articleHit3: false, reciprocalRank: 0.25 });
  });

  it("misses a labelled article number in the wrong law", () => {
    const o = scoreQuestion(question, run([["공동주택관리법 시행령", "제10조"]]));
    expect(o).toMatchObject({ top3Law: false, articleHit3: false, reciprocalRank: 0 });
  });

  it("scores a run without legal sources as a miss", () => {
    const o = scoreQuestion(question, run([], { origin: "none", reachedLegalSearch: false }));
    expect(o).toMatchObject({ top1Law: false, top3Law: false, articleHit3: false, reciprocalRank: 0, reachedLegalSearch: false });
  });
});

describe("aggregate", () => {
  it("averages hits, MRR and reach, and takes nearest-rank percentiles of the times", () => {
    const outcomes = [
      scoreQuestion(question, run([["주택임대차보호법 시행령", "제10조"]], { ms: 10 })),
      scoreQuestion(question, run([["민법", null], ["주택임대차보호법 시행령", "제11조"]], { ms: 20 })),
      scoreQuestion({ ...question, id: "lg-9002", category: "other" }, run([], { ms: 30, reachedLegalSearch: false })),
      scoreQuestion({ ...question, id: "lg-9003", category: "other" }, run([["민법", null]], { ms: 40 })),
    ];
    const m = aggregate(outcomes);
    expect(m).toEqual({ n: 4, top1Law: 0.25, top3Law: 0.5, articleHit3: 0.5, mrr: 0.375, reachedLegalSearch: 0.75, p50Ms: 20, p95Ms: 40 });
    const byCategory = aggregateBy(outcomes, (o) => o.category);
    expect(Object.keys(byCategory)).toEqual(["lease", "other"]);
    expect(byCategory.other.top3Law).toBe(0);
    expect(formatTable("category", byCategory).split("\n")).toHaveLength(3);
  });

  it("gives zeros, not NaN, for an empty group", () => {
    expect(aggregate([])).toEqual({ n: 0, top1Law: 0, top3Law: 0, articleHit3: 0, mrr: 0, reachedLegalSearch: 0, p50Ms: 0, p95Ms: 0 });
  });
});

describe("ranked sources", () => {
  const summary = (citations: unknown) => ({ citations } as unknown as RunSummary);

  it("takes law citations by rank and ignores other source kinds", () => {
    const sources = sourcesFromCitations(summary([
      { source: "law", law: "주택임대차보호법", article: "제7조", paragraph: 2, rank: 2, callKey: "k" },
      { source: "market", rank: 1 },
      { source: "law", law: "주택임대차보호법 시행령", article: "제8조", rank: 1, callKey: "k" },
    ]));
    expect(sources).toEqual([{ law: "주택임대차보호법 시행령", article: "제8조" }, { law: "주택임대차보호법", article: "제7조" }]);
  });

  it("returns nothing for a summary without citations (today's contract)", () => {
    expect(sourcesFromCitations({} as RunSummary)).toEqual([]);
    expect(sourcesFromCitations(summary("not a list"))).toEqual([]);
  });

  it("merges legal_search outputs in call order without repeats, skipping malformed ones", () => {
    const sources = mergeToolArticles([
      { articles: [{ lawName: "주택임대차보호법", articleNumber: "제3조" }, { lawName: "민법", articleNumber: "제618조" }] },
      { error: "timeout" },
      { articles: [{ lawName: "주택임대차보호법", articleNumber: "제3조" }, { lawName: "주택임대차보호법", articleNumber: "제3조의2" }] },
    ]);
    expect(sources.map((s) => `${s.law} ${s.article}`)).toEqual(["주택임대차보호법 제3조", "민법 제618조", "주택임대차보호법 제3조의2"]);
  });
});

describe("question file", () => {
  it("reports every bad line with its number", () => {
    const good = JSON.stringify({ ...question });
    const text = [good, "{oops", JSON.stringify({ ...question, id: "lg-9002", articles: ["3조"] }), good].join("\n");
    expect(() => parseLegalQuestions(text, "f.jsonl")).toThrow(QuestionFileError);
    try {
      parseLegalQuestions(text, "f.jsonl");
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain("f.jsonl:2: not JSON");
      expect(message).toContain("f.jsonl:3: articles.0");
      expect(message).toContain("f.jsonl:4: duplicate id lg-9001");
    }
  });

  it("hashes ids with 32-bit FNV-1a", () => {
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
  });

  it("parses the CLI options the README documents", () => {
    expect(parseLegalArgs(["--legal", "--json", "--split", "all", "--file", "x.jsonl", "--concurrency", "3"]))
      .toEqual({ json: true, split: "all", file: "x.jsonl", concurrency: 3 });
    expect(parseLegalArgs([])).toEqual({ json: false, split: "test", file: "data/eval/legal/questions.jsonl", concurrency: 1 });
  });
});

describe("the shipped statute question set", () => {
  const questions = loadLegalQuestions();

  it("has at least 360 questions, about 15% English", () => {
    expect(questions.length).toBeGreaterThanOrEqual(360);
    const english = questions.filter((q) => q.lang === "en").length / questions.length;
    expect(english).toBeGreaterThan(0.12);
    expect(english).toBeLessThan(0.2);
  });

  it("covers all 28 statute texts with at least 6 questions each, and labels law as the statute's name", () => {
    const perStatute = new Map<string, number>();
    for (const q of questions) {
      expect(q.statute, q.id).toBeDefined();
      expect(q.law, q.id).toBe(q.statute!.split("(")[0]);
      perStatute.set(q.statute!, (perStatute.get(q.statute!) ?? 0) + 1);
    }
    expect(perStatute.size).toBe(28);
    for (const [statute, n] of perStatute) expect(n, statute).toBeGreaterThanOrEqual(6);
  });

  it("names only laws of the set in alsoLaws, never the labelled law itself", () => {
    const laws = new Set(questions.map((q) => q.law));
    for (const q of questions) {
      for (const l of q.alsoLaws) {
        expect(laws.has(l), `${q.id} ${l}`).toBe(true);
        expect(l, q.id).not.toBe(q.law);
      }
    }
  });

  it("puts each question in the split its id hashes to, about 40% test, every category in both", () => {
    for (const q of questions) expect(q.split, q.id).toBe(splitForId(q.id));
    const test = questions.filter((q) => q.split === "test");
    expect(test.length / questions.length).toBeGreaterThan(0.35);
    expect(test.length / questions.length).toBeLessThan(0.45);
    for (const c of ["lease", "sale_lease", "supply_management", "other"]) {
      expect(test.filter((q) => q.category === c).length, c).toBeGreaterThanOrEqual(20);
    }
  });
});
