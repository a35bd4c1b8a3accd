// The law prior: its rerank (pure), and the shipped model changing what the imported statutes' search puts in the
// top three for situational questions whose words BM25 sends to the wrong law or the wrong level.
import { describe, expect, it } from "vitest";
import { getDatabase } from "../../../db/client";
import { loadLawPrior, OTHER_LAW_FLOOR, rerankByLawPrior } from "./law-prior";
import { DEFAULT_RANK, searchStatutes } from "./search";

const hit = (lawName: string, score: number, via: "text" | "citation" = "text") => ({ lawName, score, via });
const laws = (hits: { lawName: string }[]) => hits.map((h) => h.lawName);

describe("rerankByLawPrior", () => {
  const hits = [hit("규칙", 10), hit("규칙", 9), hit("규칙", 8), hit("법", 7), hit("법", 3)];

  it("lifts the law the prior believes in over higher BM25 scores, in proportion to the weight", () => {
    const prior = new Map([["법", Math.log(0.9)], ["규칙", Math.log(0.01)]]);
    // 규칙 scores 1, 0.9, 0.8 less 0.5 × log(90) ≈ 2.25; 법 scores 0.7 and 0.3: both go first.
    expect(laws(rerankByLawPrior(hits, prior, 0.5))).toEqual(["법", "법", "규칙", "규칙", "규칙"]);
    // A small weight moves only the best 법 article up: 0.7 against 1, 0.9, 0.8 less 0.05 × 4.5.
    expect(laws(rerankByLawPrior(hits, prior, 0.05))).toEqual(["규칙", "법", "규칙", "규칙", "법"]);
  });

  it("makes room in the top three for a second law the prior gives at least OTHER_LAW_FLOOR", () => {
    const likely = new Map([["규칙", Math.log(0.6)], ["법", Math.log(OTHER_LAW_FLOOR + 0.05)]]);
    expect(laws(rerankByLawPrior(hits, likely, 0.01)).slice(0, 3)).toEqual(["규칙", "규칙", "법"]);
    const unlikely = new Map([["규칙", Math.log(0.95)], ["법", Math.log(OTHER_LAW_FLOOR / 2)]]);
    expect(laws(rerankByLawPrior(hits, unlikely, 0.01)).slice(0, 3)).toEqual(["규칙", "규칙", "규칙"]);
  });

  it("keeps a cited article first whatever the prior says", () => {
    const prior = new Map([["법", 0], ["규칙", Math.log(1e-6)]]);
    expect(laws(rerankByLawPrior([hit("규칙", 1000, "citation"), ...hits], prior, 1))[0]).toBe("규칙");
  });
});

describe("the shipped law prior in statute search", () => {
  // Its speed is legal_search's, measured by the bench (`npm run bench -- --only legal-search`), not timed here:
  // a timed assertion failed under the full suite's parallel load.
  it("loads and knows every law it ranks", () => {
    const prior = loadLawPrior();
    expect(prior).not.toBeNull();
    expect(prior!.laws).toEqual(expect.arrayContaining(["주택임대차보호법", "부동산등기법", "공동주택 층간소음의 범위와 기준에 관한 규칙"]));
    expect(prior!.weight).toBeGreaterThan(0);
    const logProbs = prior!.lawLogProbs("잔금 다 줬는데 매도인이 잠수타서 소유권이전등기를 안 해줘요");
    expect(logProbs.get("부동산등기법")).toBeGreaterThan(logProbs.get("주택임대차보호법")!);
  });

  // Situations told without the statute's words, and one where BM25 finds only the rule's forms: BM25 alone puts
  // another law (or level) in all three places; with the prior the labelled law is among them.
  it.each([
    ["우리 아파트 공시가격이 너무 높게 나왔어요. 이의신청은 언제까지 어디에 해요?", "부동산 가격공시에 관한 법률"],
    ["잔금 다 줬는데 매도인이 잠수타서 소유권이전등기를 안 해줘요. 소송에서 이기면 저 혼자 등기신청 할 수 있나요?", "부동산등기법"],
    ["빌라 한 채 가지고 임대사업자 등록하려면 어디서 신청해요? 외국인도 등록 되나요?", "민간임대주택에 관한 특별법"],
  ])("%s → %s", async (query, law) => {
    const { db } = await getDatabase();
    const input = { query, limit: 3, asOf: "2026-11-26" };
    const bm25 = await searchStatutes(db, input, { ...DEFAULT_RANK, lawPrior: 0 });
    const withPrior = await searchStatutes(db, input);
    expect(laws(bm25.hits)).not.toContain(law);
    expect(laws(withPrior.hits)).toContain(law);
  });
});
