// Renders the analysis team's price and loan verdicts for the rules responder: price fairness and the
// jeonse ratio (market_analysis), loan limits and repayments (loan_simulator), from tool fields only.
import type { Language } from "../types";
import { formatKrwExact, formatPercent, formatPercentRange } from "../tools/format";
import type { MarketAnalysisOutput } from "../tools/market-analysis";
import type { LoanSimulatorOutput } from "../tools/loan-simulator";
import { SAMPLE_MARKET, won, type Sections } from "./responder-sections";

type Fairness = MarketAnalysisOutput["fairness"][number];

/** A plain verdict on where the figure sits among the district's deals (percentile is an estimate). */
function fairnessVerdict(f: Fairness, l: Language): string {
  const ko = l === "ko";
  if (f.position === "below_range") return ko ? "거래된 범위보다도 낮습니다" : "below every recorded deal";
  if (f.position === "above_range") return ko ? "거래된 범위보다 높아 비싼 편입니다" : "above every recorded deal: expensive";
  if (f.percentileEstimate < 25) return ko ? "시세보다 낮은 편입니다" : "below the going rate";
  if (f.percentileEstimate > 75) return ko ? "시세보다 높은 편입니다" : "above the going rate";
  return ko ? "시세 수준입니다" : "in line with the market";
}

const RATIO_BASIS = {
  user: { ko: "입력하신 보증금 / 매매가", en: "your deposit / the price you gave" },
  user_deposit_market_sale: { ko: "입력하신 보증금 / 지역 매매 중앙값", en: "your deposit / the district's median sale price" },
  market: { ko: "지역 전세 중앙값 / 지역 매매 중앙값", en: "district jeonse median / district sale median" },
};

/** `areaGiven`: whether the user named a floor area, so the comparison was among similar homes. */
export function renderMarketAnalysis(o: MarketAnalysisOutput, l: Language, s: Sections, areaGiven = false, ratioVerdict = true): void {
  const ko = l === "ko";
  const subject = { price: { ko: "매매가", en: "price" }, deposit: { ko: "보증금", en: "deposit" }, monthlyRent: { ko: "월세", en: "monthly rent" } };
  const position = {
    below_range: { ko: "거래 범위보다 낮음", en: "below the traded range" }, lower_half: { ko: "중앙값 이하", en: "at or below the median" },
    upper_half: { ko: "중앙값 초과", en: "above the median" }, above_range: { ko: "거래 범위보다 높음", en: "above the traded range" },
  };
  for (const f of o.fairness) {
    s.figures.push(ko
      ? `- 제시된 ${subject[f.subject].ko} ${won(f.amount, l)}은 중앙값 ${won(f.median, l)} 대비 ${formatPercent(f.deviationFromMedianPercent)}, 평균 대비 ${formatPercent(f.deviationFromAvgPercent)} 차이로 ${position[f.position].ko}입니다 (추정 백분위 ${f.percentileEstimate}).`
      : `- The ${subject[f.subject].en} of ${won(f.amount, l)} is ${formatPercent(f.deviationFromMedianPercent)} from the median of ${won(f.median, l)} and ${formatPercent(f.deviationFromAvgPercent)} from the average — ${position[f.position].en} (estimated percentile ${f.percentileEstimate}).`);
    const gap = formatPercent(Math.abs(f.deviationFromMedianPercent));
    const direction = f.deviationFromMedianPercent < 0 ? (ko ? "낮아" : "below") : (ko ? "높아" : "above");
    s.summary.push(ko
      ? `${subject[f.subject].ko} ${won(f.amount, l)}은 중앙값 ${won(f.median, l)}보다 ${gap} ${direction} ${fairnessVerdict(f, l)} (추정 백분위 ${f.percentileEstimate}).`
      : `The ${subject[f.subject].en} of ${won(f.amount, l)} is ${gap} ${direction} the median of ${won(f.median, l)}: ${fairnessVerdict(f, l)} (estimated percentile ${f.percentileEstimate}).`);
    // A deposit far under the going rate is either a smaller or older home or a warning sign.
    if (f.subject === "deposit" && (f.position === "below_range" || f.percentileEstimate < 25)) {
      s.risks.push(ko
        ? `시세보다 크게 낮은 전세는 면적·연식·층이 다르거나 권리관계(근저당·압류·세금 체납)에 문제가 있을 수 있습니다.${areaGiven ? "" : " 면적을 알려주지 않아 구 전체 거래와 비교했으니, 같은 단지·면적의 실거래가와 다시 비교하세요."}`
        : `A deposit far below the going rate means a smaller or older home, or a problem with the title (mortgages, seizures, unpaid taxes).${areaGiven ? "" : " No floor area was given, so it was compared with every deal in the district: compare with the same complex and size."}`);
    }
  }
  for (const [label, r] of [[ko ? "입력하신 보증금의 전세가율" : "Jeonse ratio of your deposit", o.jeonseRatio], [ko ? "지역 전세가율" : "District jeonse ratio", o.marketJeonseRatio]] as const) {
    if (!r) continue;
    const band = ko ? r.risk.labelKo : r.risk.labelEn;
    s.figures.push(ko
      ? `- ${label}: ${formatPercent(r.ratioPercent)} (${RATIO_BASIS[r.basis].ko}: ${won(r.deposit, l)} / ${won(r.salePrice, l)}) → **${band}**`
      : `- ${label}: ${formatPercent(r.ratioPercent)} (${RATIO_BASIS[r.basis].en}: ${won(r.deposit, l)} / ${won(r.salePrice, l)}) → **${band}**`);
  }
  const own = o.jeonseRatio ?? (ratioVerdict ? o.marketJeonseRatio : null);
  if (own) {
    const estimated = own.basis !== "user";
    s.summary.push(ko
      ? `전세가율 ${formatPercent(own.ratioPercent)}(보증금 ÷ ${estimated ? "지역 매매 중앙값" : "매매가"})로 깡통전세 위험도는 **${own.risk.labelKo}**입니다.`
      : `Jeonse ratio (deposit ÷ sale price)${estimated ? ", against the district's median sale price," : ""} is ${formatPercent(own.ratioPercent)}: the deposit ("hollow jeonse") risk level is **${own.risk.labelEn}**.`);
    if (estimated) {
      s.risks.push(ko
        ? "전세가율은 이 집의 매매가가 아니라 지역 매매 중앙값으로 계산했습니다. 계약할 집의 매매 시세를 확인해 다시 계산하고, 선순위 근저당이 있으면 그 금액도 보증금에 더해 보세요."
        : "The ratio uses the district's median sale price, not this home's: recompute it with the home's own sale value, adding any senior mortgage to the deposit.");
    }
    if (own.risk.level !== "safe") s.risks.push(ko ? own.risk.adviceKo : own.risk.adviceEn);
    const bands = o.riskBands.map((b) => `${ko ? b.labelKo : b.labelEn} ${b.maxRatio === null ? `≥ ${b.minRatio}%` : `${b.minRatio}–${b.maxRatio}%`}`).join(", ");
    s.figures.push(ko ? `- 위험 구간: ${bands}` : `- Risk bands: ${bands}`);
  }
  if (o.sample && o.fairness.length + (o.marketJeonseRatio ? 1 : 0) > 0) s.caveats.push(SAMPLE_MARKET[l]);
  s.figures.push("");
  for (const m of o.missing) s.notes.push(m);
}

const METHOD_LABEL = {
  equal_payment: { ko: "원리금균등", en: "equal payments (annuity)" },
  equal_principal: { ko: "원금균등", en: "equal principal" },
  bullet: { ko: "만기일시", en: "interest-only (bullet)" },
};
const LIMIT_LABEL = { ltv: "LTV", dsr: "DSR", dti: "DTI", rule_cap: { ko: "규제 한도", en: "regulatory cap" }, product: { ko: "상품 한도", en: "product limit" } };

/** A limit's name; a jeonse loan's "LTV" is a share of the deposit, not of a price, and is named so. */
function limitName(k: keyof typeof LIMIT_LABEL, o: LoanSimulatorOutput, l: Language): string {
  if (k === "ltv" && o.purpose === "jeonse") return l === "ko" ? `보증금의 ${formatPercent(o.rule.ltvPercent)}` : `${formatPercent(o.rule.ltvPercent)} of the deposit`;
  if (k === "product" && o.product) return l === "ko" ? `${o.product.productName} 상품 한도` : `the product limit of ${o.product.productNameEn}`;
  const v = LIMIT_LABEL[k];
  return typeof v === "string" ? v : v[l];
}

/** Jeonse: interest each month, the principal at the end of the lease, and the tenant's own share. */
function renderJeonsePayments(o: LoanSimulatorOutput, amount: number, rate: number, l: Language, s: Sections): void {
  const ko = l === "ko";
  const bullet = o.payments.find((p) => p.method === "bullet");
  if (!bullet) return;
  const monthly = formatKrwExact(bullet.firstMonthlyPayment, l);
  s.figures.push("", ko ? `**상환** — ${won(amount, l)}, 연 ${formatPercent(rate)}, ${o.termYears}년 만기일시 상환` : `**Repayment** — ${won(amount, l)} at ${formatPercent(rate)}, interest-only for ${o.termYears} years`, "");
  s.figures.push(
    ko ? `- 매월 이자: ${monthly}` : `- Interest each month: ${monthly}`,
    ko ? `- 만기(${o.termYears}년 후) 원금 ${won(amount, l)} 상환 — 보통 돌려받는 보증금으로 갚거나 재계약 때 연장합니다`
      : `- At the end (${o.termYears} years): repay the ${won(amount, l)} principal — usually from the returned deposit, or extend it when the lease is renewed`,
    ko ? `- ${o.termYears}년간 총 이자: ${won(bullet.totalInterest, l)}` : `- Total interest over ${o.termYears} years: ${won(bullet.totalInterest, l)}`,
  );
  s.summary.push(ko
    ? `전세자금대출은 보통 만기일시 상환이라 매월 이자 ${monthly}(연 ${formatPercent(rate)})만 내고, 원금은 ${o.termYears}년 뒤 만기에 갚거나 연장합니다.`
    : `Jeonse loans are normally interest-only: about ${monthly} a month at ${formatPercent(rate)}, with the principal repaid or rolled over when the lease ends in ${o.termYears} years.`);
}

export function renderLoanSimulator(o: LoanSimulatorOutput, l: Language, s: Sections): void {
  const ko = l === "ko";
  const jeonse = o.purpose === "jeonse";
  const region = o.regionClass === "regulated" ? (ko ? "규제지역" : "regulated area") : (ko ? "비규제지역" : "non-regulated area");
  const ratios = [
    jeonse ? (ko ? `보증금의 ${formatPercent(o.rule.ltvPercent)} 이내` : `up to ${formatPercent(o.rule.ltvPercent)} of the deposit`) : `LTV ${formatPercent(o.rule.ltvPercent)}`,
    ...(o.rule.dsrPercent !== null ? [`DSR ${formatPercent(o.rule.dsrPercent)}`] : []),
    ...(o.rule.dtiPercent !== null ? [`DTI ${formatPercent(o.rule.dtiPercent)}`] : []),
  ].join(", ");
  const title = jeonse ? (ko ? "전세자금대출 한도" : "Jeonse loan limit") : (ko ? "대출 한도" : "Loan limit");
  s.figures.push(`**${title}** (${region}, ${ratios})`, "");
  for (const lim of o.limits) s.figures.push(`- ${limitName(lim.rule, o, l)}: ${won(lim.amount, l)}`);
  s.figures.push(`- ${ko ? o.rule.noteKo : o.rule.noteEn}`);
  if (o.maxLoan !== null) {
    const binding = o.bindingLimit ? limitName(o.bindingLimit, o, l) : "";
    const larger = o.largerLoan;
    s.summary.push(ko
      ? `예상 최대 대출 가능액은 ${won(o.maxLoan, l)}입니다 (${binding} 기준${larger ? `; ${larger.product.productName}로는 최대 ${won(larger.amount, l)}` : ""}).`
      : `The estimated maximum loan is ${won(o.maxLoan, l)} (limited by ${binding}${larger ? `; up to ${won(larger.amount, l)} with ${larger.product.productNameEn}` : ""}).`);
  }
  if (o.product) {
    const name = ko ? o.product.productName : o.product.productNameEn;
    s.figures.push(ko
      ? `- 적용 상품: ${name} (금리 ${formatPercentRange(o.product.rateMin, o.product.rateMax)}${o.sample ? ", 예시 금리" : ""})`
      : `- Product: ${name} (rate ${formatPercent(o.product.rateMin)}–${formatPercent(o.product.rateMax)}${o.sample ? ", illustrative rates" : ""})`);
  }
  if (o.largerLoan) {
    const other = o.largerLoan.product;
    s.figures.push(ko
      ? `- 한도가 더 필요하면: ${other.productName} (금리 ${formatPercentRange(other.rateMin, other.rateMax)})로는 최대 ${won(o.largerLoan.amount, l)}까지 가능합니다.`
      : `- If you need more: ${other.productNameEn} (rate ${formatPercent(other.rateMin)}–${formatPercent(other.rateMax)}) lends up to ${won(o.largerLoan.amount, l)}.`);
  }
  if (jeonse && o.ownFunds !== null && o.simulatedAmount !== null && o.ownFunds > 0) {
    const line = ko
      ? `대출 ${won(o.simulatedAmount, l)}을 받아도 보증금 중 ${won(o.ownFunds, l)}은 본인 자금으로 마련해야 합니다.`
      : `With a ${won(o.simulatedAmount, l)} loan, ${won(o.ownFunds, l)} of the deposit must come from your own funds.`;
    s.figures.push(`- ${line}`);
    s.summary.push(line);
  }
  if (o.payments.length > 0 && o.simulatedAmount !== null && o.ratePercent !== null) {
    if (jeonse) renderJeonsePayments(o, o.simulatedAmount, o.ratePercent, l, s);
    else {
      s.figures.push("", ko
        ? `**월 상환액** — ${won(o.simulatedAmount, l)}, 연 ${formatPercent(o.ratePercent)}, ${o.termYears}년`
        : `**Monthly repayments** — ${won(o.simulatedAmount, l)} at ${formatPercent(o.ratePercent)} over ${o.termYears} years`, "");
      s.figures.push(ko ? "| 상환 방식 | 첫 달 | 마지막 달 | 총 이자 |" : "| Method | First month | Last month | Total interest |", "|---|---|---|---|");
      for (const p of o.payments) s.figures.push(`| ${METHOD_LABEL[p.method][l]} | ${formatKrwExact(p.firstMonthlyPayment, l)} | ${formatKrwExact(p.lastMonthlyPayment, l)} | ${won(p.totalInterest, l)} |`);
      const lead = o.payments.find((p) => p.method === o.repaymentMethod);
      if (lead) {
        const monthly = formatKrwExact(lead.firstMonthlyPayment, l);
        s.summary.push(ko ? `${METHOD_LABEL[lead.method].ko} 상환 시 월 ${monthly}입니다 (${o.termYears}년, 연 ${formatPercent(o.ratePercent)}).`
          : `Repaid with ${METHOD_LABEL[lead.method].en} that is ${monthly} a month (${o.termYears} years at ${formatPercent(o.ratePercent)}).`);
      }
    }
  }
  s.figures.push("");
  if (o.sample) s.caveats.push(ko ? "대출 금리·한도는 예시(샘플) 상품 기준입니다. 실제 조건은 은행에서 확인하세요." : "Loan rates and limits are illustrative sample products; confirm with the lender.");
  for (const m of o.missing) s.notes.push(m);
}

