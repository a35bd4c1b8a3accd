// Market leads: the figure for the deal asked about (buy → sale median, jeonse → deposit median, monthly →
// the rent with its deposit beside it), or for a trend question the movement over the period (change %, volume).
import type { MarketMovement, MarketOutput, MarketStatsRow } from "../../tools/market-schema";
import { asksTrend, dealOf, dealsNamed, type Deal } from "../question-kind";
import { NO_LEAD, outputOf, pct, say, won, type Lead, type LeadInput } from "./lead-types";

const DEAL = { sale: { ko: "매매가", en: "sale price" }, jeonse: { ko: "전세 보증금", en: "jeonse deposit" }, monthly: { ko: "월세", en: "monthly rent" } };
const PROPERTY: Record<string, { ko: string; en: string }> = {
  apartment: { ko: "아파트", en: "apartment" }, officetel: { ko: "오피스텔", en: "officetel" }, villa: { ko: "빌라", en: "villa" },
  house: { ko: "주택", en: "house" }, commercial: { ko: "상가", en: "commercial" },
};

/** "마포구 아파트" / "Mapo-gu apartment"; without a district, Seoul, said once and plainly. */
export function placeOf(o: MarketOutput, l: LeadInput["language"]): string {
  const where = o.region ? (l === "ko" ? o.region.nameKo : o.region.nameEn) : say(l, "서울", "Seoul");
  const what = o.propertyType ? PROPERTY[o.propertyType]?.[l] : undefined;
  return l === "ko" ? [where, what].filter(Boolean).join(" ") : what ? `${what}s in ${where}` : where;
}

function rowLine(r: MarketStatsRow, deal: Deal, l: LeadInput["language"]): string {
  if (deal === "monthly" && r.monthlyRent) {
    return say(l, `월세 중앙값은 월 ${won(r.monthlyRent.median, l)}(보증금 중앙값 ${won(r.amount.median, l)})`,
      `the median monthly rent is ${won(r.monthlyRent.median, l)} a month (median deposit ${won(r.amount.median, l)})`);
  }
  return say(l, `${DEAL[deal].ko} 중앙값은 ${won(r.amount.median, l)}`, `the median ${DEAL[deal].en} is ${won(r.amount.median, l)}`);
}

function movementLine(m: MarketMovement, place: string, l: LeadInput["language"]): string {
  const up = m.changePercent >= 0;
  const deal = DEAL[m.transactionType];
  const value = (v: number) => won(v, l);
  const rent = m.transactionType === "monthly" && m.fromMonthlyRent !== null && m.toMonthlyRent !== null
    ? say(l, ` 월세 평균은 ${value(m.fromMonthlyRent)} → ${value(m.toMonthlyRent)}입니다.`, ` Average rent went from ${value(m.fromMonthlyRent)} to ${value(m.toMonthlyRent)}.`) : "";
  return say(l,
    `${place} ${deal.ko} 중앙값은 ${m.fromMonths.from}~${m.fromMonths.to} ${value(m.fromMedian)}에서 ${m.toMonths.from}~${m.toMonths.to} ${value(m.toMedian)}으로 ${pct(Math.abs(m.changePercent))} ${up ? "상승" : "하락"}했습니다. 거래량은 ${m.fromCount}건 → ${m.toCount}건(${m.volumeChangePercent >= 0 ? "+" : ""}${pct(m.volumeChangePercent)})입니다.${rent}`,
    `In ${place}, the median ${deal.en} went from ${value(m.fromMedian)} (${m.fromMonths.from} to ${m.fromMonths.to}) to ${value(m.toMedian)} (${m.toMonths.from} to ${m.toMonths.to}): ${up ? "up" : "down"} ${pct(Math.abs(m.changePercent))}. Deals went from ${m.fromCount} to ${m.toCount} (${m.volumeChangePercent >= 0 ? "+" : ""}${pct(m.volumeChangePercent)}).${rent}`);
}

export function marketLead(input: LeadInput): Lead {
  const l = input.language;
  const o = outputOf(input.agg, "market_data", "market_summary");
  if (!o) return NO_LEAD;
  const place = placeOf(o, l);
  if (o.totalCount === 0 || !o.period) {
    return { lines: [say(l, `${place}의 거래 자료를 찾지 못했습니다.`, `No transactions were found for ${place}.`)], followUp: regionFollowUp(o, l) };
  }
  // A comparison of deals ("전세랑 월세 중 어느 쪽이 나을까요?") needs every deal type side by side; any other
  // comparison (districts, prices "like", over time) stays on the deal the question names ("I want to buy…").
  const deal = input.type === "comparison" && dealsNamed(input.query).length >= 2 ? undefined : dealOf(input.query, input.agg.entities);
  const complex = complexNote(o, l);
  const period = say(l, `${o.period.from}~${o.period.to}`, `${o.period.from} to ${o.period.to}`);
  const across = districtsLead(o, input, period);
  if (across) return { lines: [...complex, across], followUp: null };
  if (asksTrend(input.query)) {
    // A trend of one deal ("매매 거래량 늘었어?", "are rents going up?") stays on that deal even in a comparison.
    const trendDeal = deal ?? dealOf(input.query, input.agg.entities);
    const moves = o.movement.filter((m) => !trendDeal || m.transactionType === trendDeal);
    if (moves.length > 0) return { lines: [...complex, moves.map((m) => movementLine(m, place, l)).join("\n\n")], followUp: regionFollowUp(o, l) };
  }
  const rows = deal ? o.stats.filter((r) => r.transactionType === deal) : ["sale", "jeonse", "monthly"].map((t) => o.stats.find((r) => r.transactionType === t)).filter((r): r is MarketStatsRow => !!r);
  if (rows.length === 0) {
    return { lines: [...complex, say(l, `${place}에서 ${period} ${DEAL[deal!].ko} 거래를 찾지 못했습니다.`, `No ${DEAL[deal!].en} deals were found in ${place} for ${period}.`)], followUp: null };
  }
  if (input.type === "comparison") {
    const jeonse = rows.find((r) => r.transactionType === "jeonse"), monthly = rows.find((r) => r.transactionType === "monthly");
    if (jeonse && monthly?.monthlyRent) {
      return { lines: [...complex, say(l,
        `${place}에서 전세는 보증금 중앙값 ${won(jeonse.amount.median, l)}을 맡기는 반면, 월세는 보증금 중앙값 ${won(monthly.amount.median, l)}에 월 ${won(monthly.monthlyRent.median, l)}(중앙값)을 냅니다 (${period}${o.sample ? ", 샘플 데이터" : ""}).`,
        `In ${place}, a jeonse ties up a median deposit of ${won(jeonse.amount.median, l)}, whereas monthly rent means a median deposit of ${won(monthly.amount.median, l)} plus ${won(monthly.monthlyRent.median, l)} a month (${period}${o.sample ? ", sample data" : ""}).`)], followUp: regionFollowUp(o, l) };
    }
  }
  const body = rows.map((r) => rowLine(r, r.transactionType, l));
  const count = rows.reduce((n, r) => n + r.count, 0);
  const sample = o.sample ? say(l, ", 샘플 데이터", ", sample data") : "";
  const lead = l === "ko"
    ? `${place} ${body.join(", ")}입니다 (${period}, 거래 ${count}건${sample}).`
    : `For ${place}, ${body.join("; ")} (${period}, ${count} deals${sample}).`;
  return { lines: [...complex, lead], followUp: regionFollowUp(o, l) };
}

/** Two or more districts side by side ("마포구랑 성동구 전세 비교"): the deal's median in each, and which is lower. */
function districtsLead(o: MarketOutput, input: LeadInput, period: string): string | null {
  // Outputs built before the comparison existed (stored runs, fixtures) have none.
  const comparison = o.comparison ?? [];
  if (comparison.length === 0 || !o.region) return null;
  const l = input.language;
  const deal: Deal | undefined = dealOf(input.query, input.agg.entities)
    ?? (["jeonse", "sale", "monthly"] as const).find((t) => o.stats.some((r) => r.transactionType === t));
  if (!deal) return null;
  const figure = (r: MarketStatsRow) => (deal === "monthly" && r.monthlyRent ? r.monthlyRent.median : r.amount.median);
  const sides = [{ name: l === "ko" ? o.region.nameKo : o.region.nameEn, stats: o.stats }, ...comparison.map((c) => ({ name: l === "ko" ? c.region.nameKo : c.region.nameEn, stats: c.stats }))]
    .map((side) => ({ name: side.name, row: side.stats.find((r) => r.transactionType === deal) }))
    .filter((side): side is { name: string; row: MarketStatsRow } => !!side.row);
  if (sides.length < 2) return null;
  const what = o.propertyType ? PROPERTY[o.propertyType]?.[l] : undefined;
  const sample = o.sample ? say(l, ", 샘플 데이터", ", sample data") : "";
  const verdict = comparedVerdict(sides.map((x) => ({ name: x.name, value: figure(x.row) })), l);
  return l === "ko"
    ? `${what ? `${what} ` : ""}${DEAL[deal].ko} 중앙값은 ${sides.map((x) => `${x.name} ${won(figure(x.row), l)}`).join(", ")}입니다. ${verdict} (${period}, 거래 ${sides.map((x) => `${x.row.count}건`).join("·")}${sample}).`
    : `Median ${what ? `${what} ` : ""}${DEAL[deal].en}: ${sides.map((x) => `${x.name} ${won(figure(x.row), l)}`).join(", ")}; ${verdict} (${period}, ${sides.map((x) => x.row.count).join("/")} deals${sample}).`;
}

/**
 * Which side is lower, said as a comparison ("마포구 쪽이 성동구보다 낮습니다"), with no figure of its own: every number in
 * an answer comes from a tool's output (answer-numbers.ts), and the medians are already in the sentence before it.
 * "쪽이" spares choosing 이/가 after a place name.
 */
function comparedVerdict(sides: { name: string; value: number }[], l: LeadInput["language"]): string {
  const sorted = [...sides].sort((a, b) => a.value - b.value);
  const low = sorted[0];
  const high = sorted[sorted.length - 1];
  if (low.value === high.value) return say(l, "모두 같습니다", "the same everywhere asked about");
  if (sides.length === 2) return say(l, `${low.name} 쪽이 ${high.name}보다 낮습니다`, `${low.name} is lower than ${high.name}`);
  return say(l, `${low.name} 쪽이 가장 낮고, ${high.name} 쪽이 가장 높습니다`,
    `${low.name} is lower than every other district asked about, and ${high.name} is the highest`);
}

/** A named complex: found → its own figures; not in the data → said, and the district figures follow. */
function complexNote(o: MarketOutput, l: LeadInput["language"]): string[] {
  if (!o.complex) return [];
  return o.complex.matched ? [] : [say(l, `'${o.complex.name}' 단지는 거래 자료에 없어 ${placeOf(o, l)} 전체 거래로 답합니다.`,
    `'${o.complex.name}' is not in the transaction data, so these figures cover all of ${placeOf(o, l)}.`)];
}

function regionFollowUp(o: MarketOutput, l: LeadInput["language"]): string | null {
  if (o.region) return null;
  return say(l, "어느 구(예: 마포구, 송파구)를 보고 계신가요? 구마다 시세 차이가 커서 서울 전체 중앙값으로는 판단하기 어렵습니다.",
    "Which district (e.g. Mapo-gu, Songpa-gu) are you looking at? Prices differ widely between districts, so the Seoul-wide median says little.");
}
