// All 25 Seoul districts resolve from Korean (with and without 구) and English names.
import { describe, expect, it } from "vitest";
import { districtEnglishName, findRegion, normalizeDistrict, SEOUL_DISTRICTS } from "./regions";

describe("Seoul districts", () => {
  it("has the 25 districts, each named once", () => {
    expect(SEOUL_DISTRICTS).toHaveLength(25);
    expect(new Set(SEOUL_DISTRICTS.map((d) => d.ko)).size).toBe(25);
  });

  it.each(SEOUL_DISTRICTS.map((d) => [d.ko, d.en, d.requiresSuffix === true] as const))(
    "%s resolves from its names",
    (ko, en, requiresSuffix) => {
      expect(normalizeDistrict(ko)).toBe(ko);
      expect(normalizeDistrict(`${en}-gu`)).toBe(ko);
      expect(normalizeDistrict(`${en} gu`)).toBe(ko);
      if (!requiresSuffix) {
        expect(normalizeDistrict(ko.slice(0, -1))).toBe(ko);
        expect(normalizeDistrict(en.toLowerCase())).toBe(ko);
      }
      expect(districtEnglishName(ko)).toBe(`${en}-gu`);
    },
  );

  it("finds districts inside sentences, by neighbourhood too", () => {
    expect(findRegion("마포 아파트 전세 시세")).toBe("마포구");
    expect(findRegion("What's the jeonse price in Mapo?")).toBe("마포구");
    expect(findRegion("서대문구 신촌 원룸")).toBe("서대문구");
    expect(findRegion("동대문 쪽 빌라")).toBe("동대문구");
    expect(findRegion("목동 아파트")).toBe("양천구");
    expect(findRegion("Jamsil apartments")).toBe("송파구");
    expect(findRegion("여의도 오피스텔")).toBe("영등포구");
  });

  it("does not read ambiguous short forms or unknown places as districts", () => {
    expect(findRegion("집중해서 알아보는 중")).toBeUndefined();
    expect(findRegion("Mr Jung's apartment")).toBeUndefined();
    expect(normalizeDistrict("Busan")).toBeUndefined();
    expect(findRegion("서울 아파트 시세")).toBeUndefined();
  });

  it("resolves well-known neighbourhoods and complexes of every district to it", () => {
    for (const d of SEOUL_DISTRICTS) {
      expect(d.koAliases.length, d.ko).toBeGreaterThanOrEqual(3);
      for (const alias of d.koAliases) expect(normalizeDistrict(alias), `${alias} → ${d.ko}`).toBe(d.ko);
    }
    const aliases = SEOUL_DISTRICTS.flatMap((d) => d.koAliases);
    expect(new Set(aliases).size).toBe(aliases.length); // no name belongs to two districts
    expect(findRegion("역삼동 오피스텔 월세")).toBe("강남구");
    expect(findRegion("서초동 아파트 전세 시세")).toBe("서초구");
    expect(findRegion("잠실 84 얼마예요")).toBe("송파구");
    expect(findRegion("성수동 빌라")).toBe("성동구");
    expect(findRegion("헬리오시티 전세가")).toBe("송파구");
    expect(findRegion("은마아파트 재건축")).toBe("강남구");
    expect(findRegion("연남동 투룸")).toBe("마포구");
  });
});
