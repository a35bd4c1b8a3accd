// The question-kind helpers: the fallback question type and the details a lead or a tool needs from wording.
import { describe, expect, it } from "vitest";
import {
  asksTrend, calculationKindOf, complexNameIn, conversionDirectionOf, dealOf, downPaymentIn, effectiveQuestionType,
  loanAmountIn, loanProgrammeIn, questionTypeFromText, unplacedPrice,
} from "./question-kind";

describe("questionTypeFromText", () => {
  it.each([
    ["LTV가 무엇인가요?", "definition"], ["What is DSR?", "definition"], ["중개보수가 무엇인가요?", "definition"],
    ["집주인이 월세를 10% 올리겠다는데 법적으로 가능한가요?", "permissibility"], ["Can my landlord refuse to renew?", "permissibility"],
    ["마포구 아파트 월세 시세는?", "amount"], ["What's the median jeonse deposit in Seocho-gu?", "amount"],
    ["보증금 돌려받으려면 어떻게 해야 하나요?", "procedure"], ["What are the steps to apply for a jeonse loan?", "procedure"],
    ["신혼부부 디딤돌 대출 자격이 어떻게 되나요?", "eligibility"], ["디딤돌이랑 보금자리론 뭐가 나아요?", "comparison"],
    ["보증금 1억을 월세로 전환하면 얼마인가요? 계산해줘", "calculation"], ["8억 아파트 매매 중개보수 계산해줘", "calculation"],
    ["이 계약서 검토하고 위험 요소 분석해줘", "review"], ["전세 계약서 초안 작성해줘", "drafting"], ["집이 경매로 넘어가면 어떻게 돼요", "other"],
  ])("%s → %s", (q, type) => expect(questionTypeFromText(q)).toBe(type));

  it("keeps the planner's type unless the wording settles another", () => {
    expect(effectiveQuestionType({ questionType: "permissibility" }, "전세 계약 중에 집이 팔리면 계속 살 수 있나요?")).toBe("permissibility");
    expect(effectiveQuestionType({ questionType: "other" }, "LTV가 무엇인가요?")).toBe("definition");
    // A classifier's wrong type loses to wording that can only mean one thing.
    expect(effectiveQuestionType({ questionType: "procedure" }, "LTV가 무엇인가요?")).toBe("definition");
    expect(effectiveQuestionType({ questionType: "eligibility" }, "최우선변제권 뜻")).toBe("definition");
    expect(effectiveQuestionType({ questionType: "amount" }, "6억 아파트 살 때 중개보수 얼마예요?")).toBe("calculation");
    expect(effectiveQuestionType({ questionType: "permissibility" }, "계약갱신요구권 행사하려면 절차가 어떻게 되나요?")).toBe("procedure");
    expect(effectiveQuestionType({ questionType: "review" }, "계약서 검토 절차가 어떻게 되나요?")).toBe("review");
    // Words of a sum without asking for one stay the planner's.
    expect(effectiveQuestionType({ questionType: "permissibility" }, "위약금 규정이 법에 있나요?")).toBe("permissibility");
  });
});

describe("wording details", () => {
  it("reads the calculation, its direction and the down payment", () => {
    expect(calculationKindOf("복비 얼마예요")).toBe("brokerage_fee");
    expect(calculationKindOf("계약금 5천만원 넣었는데 파기하면")).toBe("down_payment");
    expect(calculationKindOf("수익률 계산해줘")).toBe("yield");
    expect(calculationKindOf("보증금 1억을 월세로 전환")).toBe("conversion");
    expect(conversionDirectionOf("월세 100만원을 보증금으로 바꾸면")).toBe("rent_to_deposit");
    expect(downPaymentIn("계약금 5천만원 넣었는데 집주인이 파기하면?")).toBe(50_000_000);
  });

  it("reads the deal, trend wording and named complexes", () => {
    expect(dealOf("I want to buy in Mapo-gu", {})).toBe("sale");
    expect(dealOf("마포구 아파트 월세 시세는?", {})).toBe("monthly");
    expect(dealOf("시세 알려줘", { transactionType: "jeonse" })).toBe("jeonse");
    expect(asksTrend("송파구 아파트 매매가 최근 상승률은?")).toBe(true);
    expect(asksTrend("송파구 아파트 매매가는?")).toBe(false);
    expect(complexNameIn("헬리오시티 전세가는?", {})).toBe("헬리오시티");
    expect(complexNameIn("마포구 아파트 전세가는?", {})).toBeUndefined();
    expect(complexNameIn("반포자이 매매가 얼마?", {})).toBe("반포자이");
    expect(complexNameIn("헬리오시티 전세가는?", {})).toBe("헬리오시티");
  });

  it("reads loan wording: a named programme, the amount to borrow and an unplaced price", () => {
    expect(loanProgrammeIn("디딤돌 대출 금리가 어떻게 돼요?")).toBe("디딤돌");
    expect(loanProgrammeIn("디딤돌이랑 보금자리론 뭐가 나아요?")).toBeUndefined();
    expect(loanAmountIn("대출 2억 받으면 매달 얼마?", {})).toBe(200_000_000);
    expect(loanAmountIn("What would the monthly payment be on a 250 million won mortgage?", {})).toBe(250_000_000);
    expect(loanAmountIn("4억 아파트 사려는데", { price: 400_000_000 })).toBeUndefined();
    expect(unplacedPrice({ amounts: [900_000_000] })).toBe(900_000_000);
    expect(unplacedPrice({ amounts: [900_000_000], transactionType: "jeonse" })).toBeUndefined();
    expect(unplacedPrice({ amounts: [400_000_000, 300_000_000] })).toBeUndefined();
  });
});
