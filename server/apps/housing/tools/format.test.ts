// formatKrw: 억/만원 for Korean, ₩ with a short M/B figure for English.
import { describe, it, expect } from "vitest";
import { formatKrw, formatKrwExact, formatPercent } from "./format";

describe("formatKrw", () => {
  it("writes Korean amounts in 억 and 만원", () => {
    expect(formatKrw(420_000_000, "ko")).toBe("4억 2,000만원");
    expect(formatKrw(400_000_000, "ko")).toBe("4억원");
    expect(formatKrw(35_000_000, "ko")).toBe("3,500만원");
    expect(formatKrw(1_234_500_000_000, "ko")).toBe("12,345억원");
    expect(formatKrw(550_000, "ko")).toBe("55만원");
    expect(formatKrw(9_800, "ko")).toBe("9,800원");
    expect(formatKrw(0, "ko")).toBe("0원");
    expect(formatKrw(-25_000_000, "ko")).toBe("-2,500만원");
  });

  it("rounds Korean amounts to 만원", () => {
    expect(formatKrw(420_004_999, "ko")).toBe("4억 2,000만원");
    expect(formatKrw(199_995_000, "ko")).toBe("2억원");
  });

  it("writes English amounts with ₩ and a short figure", () => {
    expect(formatKrw(420_000_000, "en")).toBe("₩420,000,000 (420M KRW)");
    expect(formatKrw(1_250_000_000, "en")).toBe("₩1,250,000,000 (1.25B KRW)");
    expect(formatKrw(500_000, "en")).toBe("₩500,000 (500K KRW)");
    expect(formatKrw(900, "en")).toBe("₩900");
    expect(formatKrw(-3_500_000, "en")).toBe("-₩3,500,000 (-3.5M KRW)");
  });

  it("writes monthly payments to the won", () => {
    expect(formatKrwExact(666_000, "ko")).toBe("66만 6,000원");
    expect(formatKrwExact(9_600_858, "ko")).toBe("960만 858원");
    expect(formatKrwExact(550_000, "ko")).toBe("55만원");
    expect(formatKrwExact(9_800, "ko")).toBe("9,800원");
    expect(formatKrwExact(222_666_000, "ko")).toBe("2억 2,267만원");
    expect(formatKrwExact(666_000, "en")).toBe("₩666,000 (666K KRW)");
    expect(() => formatKrwExact(Number.POSITIVE_INFINITY, "ko")).toThrow(RangeError);
  });

  it("rejects amounts that are not finite", () => {
    expect(() => formatKrw(Number.NaN, "ko")).toThrow(RangeError);
  });

  it("formats rates", () => {
    expect(formatPercent(3.45)).toBe("3.45%");
    expect(formatPercent(4)).toBe("4%");
  });
});
