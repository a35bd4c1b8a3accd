// Exact values for Korean and English money expressions and floor areas.
import { describe, expect, it } from "vitest";
import { findAmounts, findAreas, findKrwAmounts, parseKoreanAmount, PYEONG_M2 } from "./korean-amounts";

describe("parseKoreanAmount", () => {
  it.each([
    ["3억", 300_000_000],
    ["2억8천", 280_000_000],
    ["2억 8천만 원", 280_000_000],
    ["3억 5천만원", 350_000_000],
    ["3억5000", 350_000_000],
    ["3억 5000만원", 350_000_000],
    ["1.5억", 150_000_000],
    ["10억", 1_000_000_000],
    ["5천만원", 50_000_000],
    ["5천만", 50_000_000],
    ["80만원", 800_000],
    ["1,500만원", 15_000_000],
    ["2천5백만원", 25_000_000],
    ["3천", 30_000_000],
    ["3천원", 3_000],
    ["300,000원", 300_000],
    ["60 million won", 60_000_000],
    ["1.2 billion won", 1_200_000_000],
    ["950M won", 950_000_000],
    ["500k won", 500_000],
    ["700,000 won", 700_000],
    ["KRW 200,000,000", 200_000_000],
    ["₩300,000,000", 300_000_000],
    ["3 eok", 300_000_000],
  ])("%s → %d", (text, expected) => {
    expect(parseKoreanAmount(text)).toBe(expected);
  });

  it("does not read dollars, areas, percentages or plain words as won", () => {
    expect(parseKoreanAmount("$3,000")).toBeNull();
    expect(parseKoreanAmount("3,000 dollars")).toBeNull();
    expect(parseKoreanAmount("84㎡")).toBeNull();
    expect(parseKoreanAmount("25평")).toBeNull();
    expect(parseKoreanAmount("5%")).toBeNull();
    expect(parseKoreanAmount("hello")).toBeNull();
    expect(parseKoreanAmount("")).toBeNull();
  });
});

describe("findAmounts", () => {
  it("finds every amount in order with its offsets", () => {
    const text = "전세 3억 2천에 들어가려는 빌라가 매매가 3억 4천이래요";
    const found = findKrwAmounts(text);
    expect(found.map((m) => m.value)).toEqual([320_000_000, 340_000_000]);
    expect(text.slice(found[0].start, found[0].end)).toBe("3억 2천");
  });

  it("reports dollar amounts as USD so they never become won", () => {
    const found = findAmounts("I have $50,000 saved and the deposit is 200 million won");
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ currency: "USD", value: 50_000 });
    expect(found[1]).toMatchObject({ currency: "KRW", value: 200_000_000 });
    expect(findKrwAmounts("$1.2 million").length).toBe(0);
  });

  it("does not run an amount into a following year or count", () => {
    expect(findKrwAmounts("3억 2025년 3월").map((m) => m.value)).toEqual([300_000_000]);
    expect(findKrwAmounts("2년 계약, 5% 인상, 84㎡")).toEqual([]);
  });
});

describe("findAreas", () => {
  it("converts 평 with 1평 = 3.3058㎡ and keeps m² as is", () => {
    expect(findAreas("25평")[0].areaM2).toBeCloseTo(25 * PYEONG_M2, 1);
    expect(findAreas("25평")[0].areaM2).toBeCloseTo(82.65, 2);
    expect(findAreas("34평형 아파트")[0].areaM2).toBeCloseTo(112.4, 1);
    expect(findAreas("전용 84㎡")[0].areaM2).toBe(84);
    expect(findAreas("59m2")[0].areaM2).toBe(59);
    expect(findAreas("84 m²")[0].areaM2).toBe(84);
    expect(findAreas("100 square meters")[0].areaM2).toBe(100);
    expect(findAreas("30 pyeong")[0].areaM2).toBeCloseTo(99.17, 2);
    expect(findAreas("3억")).toEqual([]);
  });
});
