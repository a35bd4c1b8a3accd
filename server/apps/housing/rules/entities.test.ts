// Entity extraction with exact values: amounts placed by role, income, area, dates, profile, contract text.
import { describe, expect, it } from "vitest";
import { extractEntities, findContractText, findIncrease, findIncreasePercent } from "./entities";
import { findDates } from "./dates";
import { findBuyerProfile } from "./profile";

const TODAY = new Date("2026-11-24T00:00:00Z");
const entitiesOf = (text: string) => extractEntities(text, TODAY);

describe("an increase given as a percentage", () => {
  it("reads the percentage next to an increase word, not rates, fees or taxes", () => {
    expect(findIncreasePercent("집주인이 재계약 때 보증금을 10% 올려달라는데 가능한가요?")).toBe(10);
    expect(findIncreasePercent("월세 7프로 인상 통보 받았어요")).toBe(7);
    expect(findIncreasePercent("My landlord wants to raise the rent by 8% at renewal")).toBe(8);
    expect(findIncreasePercent("전세대출 금리가 4.5% 올랐는데 이자 얼마 늘어요?")).toBeUndefined();
    expect(findIncreasePercent("중개수수료 요율 0.4% 맞나요?")).toBeUndefined();
    expect(findIncreasePercent("청약 가점 프로그램 5개 추천")).toBeUndefined();
    expect(extractEntities("보증금 5% 인상은 가능한가요").increasePercent).toBe(5);
  });

  it("tells 'more than 5%' from '5%'", () => {
    expect(findIncrease("전세 재계약 때 집주인이 보증금을 5% 넘게 올려도 되나요?")).toEqual({ percent: 5, above: true });
    expect(findIncrease("월세를 5%를 초과해서 인상할 수 있나요")).toEqual({ percent: 5, above: true });
    expect(findIncrease("Can my landlord raise the rent by more than 5% when I renew?")).toEqual({ percent: 5, above: true });
    expect(findIncrease("보증금 5% 인상은 가능한가요")).toEqual({ percent: 5, above: false });
    expect(findIncrease("raise the rent by 8% at renewal")).toEqual({ percent: 8, above: false });
    expect(extractEntities("보증금을 5% 넘게 올려도 되나요").increaseAbove).toBe(true);
    expect(extractEntities("보증금 5% 인상은 가능한가요").increaseAbove).toBeUndefined();
  });
});

describe("amount roles", () => {
  it("reads deposit and monthly rent, including bare 만원 figures", () => {
    expect(entitiesOf("보증금 1억에 월세 80만원")).toMatchObject({ deposit: 100_000_000, monthlyRent: 800_000, transactionType: "monthly" });
    expect(entitiesOf("월세 80만원")).toMatchObject({ monthlyRent: 800_000 });
    expect(entitiesOf("보증금 500에 월세 45면 괜찮나요")).toMatchObject({ deposit: 5_000_000, monthlyRent: 450_000 });
    expect(entitiesOf("월세 1000/50 원룸")).toMatchObject({ deposit: 10_000_000, monthlyRent: 500_000 });
    expect(entitiesOf("a deposit of 50 million won and monthly rent of 900,000 won")).toMatchObject({ deposit: 50_000_000, monthlyRent: 900_000 });
  });

  it("tells sale price from jeonse deposit", () => {
    expect(entitiesOf("전세 3억 2천에 들어가려는 빌라가 매매가 3억 4천이래요")).toMatchObject({
      deposit: 320_000_000, price: 340_000_000, transactionType: "jeonse", propertyType: "villa",
    });
    expect(entitiesOf("노원구 25평 아파트를 6억에 사려는데")).toMatchObject({ price: 600_000_000, transactionType: "sale" });
    expect(entitiesOf("jeonse villa for 280 million won when the sale price is about 300 million")).toMatchObject({
      deposit: 280_000_000, price: 300_000_000,
    });
  });

  it("turns an increase into the proposed new deposit or rent", () => {
    expect(entitiesOf("집주인이 월세를 50만원에서 60만원으로 올리겠대요")).toMatchObject({ monthlyRent: 500_000, proposedMonthlyRent: 600_000 });
    expect(entitiesOf("전세 3억인데 집주인이 3천만원 더 달라고 합니다")).toMatchObject({ deposit: 300_000_000, proposedDeposit: 330_000_000 });
    expect(entitiesOf("raise my monthly rent from 700,000 won to 800,000 won")).toMatchObject({ monthlyRent: 700_000, proposedMonthlyRent: 800_000 });
  });

  it("reads annual income from 연봉, 연소득, monthly pay and English", () => {
    expect(entitiesOf("연봉 6천만원인데 대출 얼마나 되나요").annualIncome).toBe(60_000_000);
    expect(entitiesOf("연소득 6천만원").annualIncome).toBe(60_000_000);
    expect(entitiesOf("월급 300만원 받아요").annualIncome).toBe(36_000_000);
    expect(entitiesOf("I have an income of 60 million won").annualIncome).toBe(60_000_000);
    expect(entitiesOf("I earn 42 million won a year").annualIncome).toBe(42_000_000);
  });

  it("keeps loans, liens and fees out of price and deposit", () => {
    const liens = entitiesOf("등기부등본에 근저당이 2억 잡혀 있는 집에 전세 들어가도 안전할까요?");
    expect(liens.deposit).toBeUndefined();
    expect(liens.amounts).toEqual([200_000_000]);
    const loan = entitiesOf("How much would my monthly payment be on a 300 million won loan?");
    expect(loan.monthlyRent).toBeUndefined();
    expect(loan.amounts).toEqual([300_000_000]);
  });

  it("never reads dollars as won", () => {
    const e = entitiesOf("The apartment is listed at $500,000");
    expect(e.price).toBeUndefined();
    expect(e.amounts).toBeUndefined();
  });
});

describe("region, property, area", () => {
  it("normalises the district to its Korean name with 구", () => {
    expect(entitiesOf("마포 아파트 전세").region).toBe("마포구");
    expect(entitiesOf("마포구 아파트 전세").region).toBe("마포구");
    expect(entitiesOf("an apartment in Mapo-gu").region).toBe("마포구");
    expect(entitiesOf("near Hongdae").region).toBe("마포구");
    expect(entitiesOf("잠실 84㎡ 아파트")).toMatchObject({ region: "송파구", areaM2: 84, propertyType: "apartment" });
    expect(entitiesOf("25평 오피스텔").areaM2).toBeCloseTo(82.65, 2);
  });
});

describe("dates", () => {
  it("reads Korean, ISO and English dates", () => {
    expect(findDates("2025년 3월 1일부터 2년", TODAY)).toEqual(["2025-03-01"]);
    expect(findDates("잔금일은 2025.04.30, 입주 2025-05-01", TODAY)).toEqual(["2025-04-30", "2025-05-01"]);
    expect(findDates("starting March 1, 2025 until 28 February 2027", TODAY)).toEqual(["2025-03-01", "2027-02-28"]);
  });

  it("puts a date without a year at its next occurrence and rejects impossible days", () => {
    expect(findDates("3월 1일 입주", TODAY)).toEqual(["2027-03-01"]);
    expect(findDates("12월 24일", TODAY)).toEqual(["2026-12-24"]);
    expect(findDates("2025년 2월 30일", TODAY)).toEqual([]);
    expect(findDates("다음 달에 이사", TODAY)).toEqual([]);
  });
});

describe("buyer profile", () => {
  it("reads Korean and English profiles", () => {
    expect(findBuyerProfile("신혼부부이고 생애최초 주택 구입이에요. 만 29세 무주택자")).toEqual({
      newlywed: true, firstHome: true, homeless: true, age: 29,
    });
    expect(findBuyerProfile("청년인데 자녀 2명")).toEqual({ youth: true, children: 2 });
    expect(findBuyerProfile("We're newlyweds buying our first home; I'm 31 and we don't own a home")).toEqual({
      newlywed: true, firstHome: true, homeless: true, age: 31,
    });
    expect(findBuyerProfile("youth, 27 years old")).toEqual({ youth: true, age: 27 });
    expect(findBuyerProfile("마포구 아파트 시세")).toBeUndefined();
  });
});

describe("contract text", () => {
  it("takes a pasted contract from its heading or first clause to the end", () => {
    const text = "아래 계약서 검토 부탁드립니다.\n부동산 임대차 계약서\n제1조 (보증금) 금 삼억원정\n특약사항\n1. 임차인은 전입신고를 하지 않는다.";
    expect(findContractText(text)).toBe("부동산 임대차 계약서\n제1조 (보증금) 금 삼억원정\n특약사항\n1. 임차인은 전입신고를 하지 않는다.");
    const english = "Please review:\nArticle 1. The Lessee shall pay a deposit.\nArticle 2. The Lessor may terminate at any time.";
    expect(findContractText(english)).toBe("Article 1. The Lessee shall pay a deposit.\nArticle 2. The Lessor may terminate at any time.");
  });

  it("takes a quoted clause, and nothing from an ordinary question", () => {
    expect(findContractText("Is this clause fair? 'The tenant shall bear all repair costs regardless of cause.'"))
      .toBe("The tenant shall bear all repair costs regardless of cause.");
    expect(findContractText("전세 계약서 작성해 주세요")).toBeUndefined();
    // Contractions are not quote marks; a clause with a possessive inside still is one.
    expect(findContractText("I've been offered jeonse in a new villa and the landlord's price isn't clear, there's no history")).toBeUndefined();
    expect(findContractText("My lease says: 'The tenant shall not sublet without the landlord's written consent.' Is that normal?"))
      .toBe("The tenant shall not sublet without the landlord's written consent.");
    expect(findContractText("특약에 '임차인은 계약기간 중 중도해지 할 수 없다'라고 돼 있어요")).toBe("임차인은 계약기간 중 중도해지 할 수 없다");
  });

  it("sets contractType from the transaction when a contract is in play", () => {
    expect(entitiesOf("월세 계약서 초안 만들어 주세요").contractType).toBe("monthly");
    expect(entitiesOf("마포구 아파트 전세 시세").contractType).toBeUndefined();
  });
});
