// Everyday words reaching the statute's: the most asked lease question ("can the landlord raise it more than 5%?")
// says neither 증액 nor 20분의 1, and without these mappings the 5% cap's article was not in the top three.
import { describe, expect, it } from "vitest";
import { getDatabase } from "../../../db/client";
import { searchStatutes } from "./search";
import { synonymExpansions } from "./synonyms";

describe("statute synonyms", () => {
  it("hears a raise, the 5% cap and 'more than' in everyday Korean and English", () => {
    const ko = synonymExpansions("전세 재계약 때 집주인이 보증금을 5% 넘게 올려도 되나요?");
    expect(ko.replacements).toEqual(expect.arrayContaining(["증액", "20분의 1", "임대인"]));
    expect(ko.additions).toContain("초과");
    expect(synonymExpansions("can my landlord raise it more than five percent?").replacements).toContain("20분의 1");
    expect(synonymExpansions("2년 넘게 살았어요").replacements).not.toContain("20분의 1");
  });

  it.each([
    "전세 재계약 때 집주인이 보증금을 5% 넘게 올려도 되나요?",
    "집주인이 월세를 10만원 올린다는데 이거 한도 있나요",
  ])("ranks the lease act's 제7조 first for %s", async (query) => {
    const { db } = await getDatabase();
    const { hits } = await searchStatutes(db, { query, limit: 3, asOf: "2026-11-26" });
    expect(`${hits[0].lawName} ${hits[0].articleNumber}`).toBe("주택임대차보호법 제7조");
  });

  it.each([
    "월세를 두 달 밀렸는데 집주인이 바로 나가라고 할 수 있나요?",
    "If I pay rent late twice, can my landlord refuse to renew?",
  ])("finds the refusal ground for rent arrears (제6조의3 ①) for %s", async (query) => {
    expect(synonymExpansions(query.toLowerCase()).replacements).toContain("연체");
    // Not every 못 내 or "late" is unpaid rent.
    expect(synonymExpansions("월세를 못 내리게 하나요?").replacements).not.toContain("연체");
    expect(synonymExpansions("can my landlord raise the rent later this year?").replacements).not.toContain("연체");
    const { db } = await getDatabase();
    const { hits } = await searchStatutes(db, { query, limit: 3, asOf: "2026-11-26" });
    expect(hits.map((h) => `${h.lawName} ${h.articleNumber}`)).toContain("주택임대차보호법 제6조의3");
    const renewal = hits.find((h) => h.articleNumber === "제6조의3")!;
    expect(renewal.paragraph).toBe(1);
  });
});
