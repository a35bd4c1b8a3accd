// The lead of a calculation request ("…계산해줘"): the computed figure with its inputs and formula shown,
// or — when an input is missing — exactly which one, asked as the follow-up.
import type { CalculatorOutput } from "../../tools/housing-calculator";
import { calculationKindOf } from "../question-kind";
import { NO_LEAD, outputOf, pct, say, won, type Lead, type LeadInput } from "./lead-types";

const NEEDS: Record<string, { ko: string; en: string }> = {
  price: { ko: "매매가(집값)가 얼마인가요? 수익률과 매매 중개보수는 매매가를 기준으로 계산합니다.", en: "What is the purchase price? Yield and the sale brokerage fee are computed from it." },
  deposit: { ko: "보증금이 얼마인가요(월세로 바꿀 금액 또는 임대차 보증금)? 그 금액에 법정 전환율이나 요율을 곱해 계산합니다.", en: "How large is the deposit (the amount to convert, or the lease deposit)? The legal rate is applied to it." },
  monthlyRent: { ko: "월세가 얼마인가요? 연간 월세 합계가 계산의 기준입니다.", en: "What is the monthly rent? A year's rent is what the calculation rests on." },
  downPayment: { ko: "계약금이 얼마였나요? 해제할 때 포기하거나 두 배로 돌려줄 금액이 계약금을 기준으로 정해집니다.", en: "How much was the down payment? What is forfeited, or paid back double, is based on it." },
};

const KIND_LABEL = {
  conversion: { ko: "전월세 전환", en: "Deposit-to-rent conversion" },
  yield: { ko: "임대 수익률", en: "Rental yield" },
  brokerage_fee: { ko: "중개보수", en: "Brokerage fee" },
  down_payment: { ko: "계약 해제 시 계약금", en: "Down payment on cancelling" },
};

function line(l: LeadInput["language"], x: CalculatorOutput["results"][number]): string {
  return `${x.label} ${x.unit === "krw" ? won(x.value, l) : pct(x.value)}`;
}

export function calculationLead(input: LeadInput): Lead {
  const l = input.language;
  const calc = outputOf(input.agg, "housing_calculator");
  if (calc) {
    const label = KIND_LABEL[calc.kind][l];
    const law = calc.lawReference ? ` (${calc.lawReference})` : "";
    if (!calc.computed) {
      const known = calc.inputs.length > 0 ? say(l, ` 지금 알고 있는 값: ${calc.inputs.map((x) => line(l, x)).join(", ")}.`, ` Known so far: ${calc.inputs.map((x) => line(l, x)).join(", ")}.`) : "";
      return {
        lines: [say(l, `${label}을 계산하려면 값이 하나 더 필요합니다. 계산식: ${calc.formula}${law}.${known}`, `${label}: one more figure is needed. Formula: ${calc.formula}${law}.${known}`)],
        followUp: NEEDS[calc.missing[0]]?.[l] ?? null,
      };
    }
    const [head, ...rest] = calc.results;
    const lines = [
      say(l, `**${line(l, head)}**입니다.`, `**${line(l, head)}**.`) + (rest.length ? ` ${rest.map((x) => line(l, x)).join(", ")}.` : ""),
      say(l, `입력값: ${calc.inputs.map((x) => line(l, x)).join(", ")} · 계산식: ${calc.formula}${law}`, `Inputs: ${calc.inputs.map((x) => line(l, x)).join(", ")} · Formula: ${calc.formula}${law}`),
    ];
    return { lines, followUp: null };
  }
  // A rent-increase check is a calculation too (전월세 전환, 인상 한도).
  const increase = outputOf(input.agg, "rent_increase_check");
  if (increase && increase.basis === "amounts") {
    const r = increase.rates;
    return {
      lines: [say(l,
        `갱신 시 올릴 수 있는 최대치는 월세를 그대로 두면 보증금 ${won(increase.maxDepositIfRentUnchanged, l)}, 보증금을 그대로 두면 월세 ${won(increase.maxMonthlyRentIfDepositUnchanged, l)}입니다.`,
        `At renewal the most allowed is a deposit of ${won(increase.maxDepositIfRentUnchanged, l)} with the same rent, or rent of ${won(increase.maxMonthlyRentIfDepositUnchanged, l)} with the same deposit.`),
      say(l, `입력값: 보증금 ${won(increase.current.deposit, l)}, 월세 ${won(increase.current.monthlyRent, l)} · 증액 상한 ${pct(r.renewalCapPercent)}, 전환율 ${pct(r.conversionRatePercent)}`,
        `Inputs: deposit ${won(increase.current.deposit, l)}, rent ${won(increase.current.monthlyRent, l)} · cap ${pct(r.renewalCapPercent)}, conversion rate ${pct(r.conversionRatePercent)}`)],
      followUp: null,
    };
  }
  // A sum the calculator does not know: the other composers answer from what ran (a list of what could be
  // computed answers no one), and the follow-up asks which sum.
  if (!calculationKindOf(input.query)) {
    return { lines: [], followUp: say(l, "무엇을 계산할지와 그 금액(예: 월세로 바꿀 보증금 액수)을 알려주시겠어요? 전월세 전환, 임대 수익률, 중개보수, 계약금(위약금), 대출 상환액을 계산할 수 있습니다.",
      "Which calculation, and with which amounts (e.g. how much deposit to convert to rent)? I can compute deposit-to-rent conversion, rental yield, brokerage fees, down-payment forfeits and loan repayments.") };
  }
  return NO_LEAD;
}
