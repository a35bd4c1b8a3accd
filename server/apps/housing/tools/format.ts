// KRW display helpers for the housing tools and answers: 억/만원 in Korean, ₩ with a
// short M/B figure in English. Amounts are whole KRW.

const MAN = 10_000;
const EOK = 100_000_000;

function groupDigits(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** "4억 2,000만원", "3,500만원", "4억원", "9,800원"; amounts of 1만원 or more are rounded to 만원. */
function formatKrwKo(amount: number): string {
  if (Math.abs(amount) < MAN) return `${groupDigits(amount)}원`;
  const sign = amount < 0 ? "-" : "";
  const totalMan = Math.round(Math.abs(amount) / MAN);
  const eok = Math.floor(totalMan / MAN);
  const man = totalMan % MAN;
  if (eok === 0) return `${sign}${groupDigits(man)}만원`;
  if (man === 0) return `${sign}${groupDigits(eok)}억원`;
  return `${sign}${groupDigits(eok)}억 ${groupDigits(man)}만원`;
}

function shortFigure(value: number, unit: string): string {
  // Up to two decimals, without trailing zeros: 1.25B, 420M, 1.5K.
  return `${Number(value.toFixed(2)).toString()}${unit}`;
}

/** "₩420,000,000 (420M KRW)", "₩1,250,000,000 (1.25B KRW)", "₩500,000 (500K KRW)", "₩900". */
function formatKrwEn(amount: number): string {
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  const full = `${sign}₩${groupDigits(abs)}`;
  if (abs >= 1_000_000_000) return `${full} (${sign}${shortFigure(abs / 1_000_000_000, "B")} KRW)`;
  if (abs >= 1_000_000) return `${full} (${sign}${shortFigure(abs / 1_000_000, "M")} KRW)`;
  if (abs >= 1_000) return `${full} (${sign}${shortFigure(abs / 1_000, "K")} KRW)`;
  return full;
}

export function formatKrw(amount: number, language: "ko" | "en"): string {
  if (!Number.isFinite(amount)) throw new RangeError(`formatKrw: not a finite amount: ${amount}`);
  return language === "ko" ? formatKrwKo(amount) : formatKrwEn(amount);
}

/**
 * A monthly payment to the won: "66만 6,000원", "₩666,000 (666K KRW)". Rounding a repayment to 만원
 * ("67만원") misstates what leaves the account each month; amounts of 1억 or more use formatKrw.
 */
export function formatKrwExact(amount: number, language: "ko" | "en"): string {
  if (!Number.isFinite(amount)) throw new RangeError(`formatKrwExact: not a finite amount: ${amount}`);
  const whole = Math.round(amount);
  if (language === "en" || Math.abs(whole) < MAN || Math.abs(whole) >= EOK) return formatKrw(whole, language);
  const sign = whole < 0 ? "-" : "";
  const man = Math.floor(Math.abs(whole) / MAN);
  const rest = Math.abs(whole) % MAN;
  return rest === 0 ? `${sign}${groupDigits(man)}만원` : `${sign}${groupDigits(man)}만 ${groupDigits(rest)}원`;
}

/** A rate as a percent with up to two decimals: 3.45 → "3.45%", 4 → "4%" (ko and en alike). */
export function formatPercent(value: number): string {
  return `${Number(value.toFixed(2))}%`;
}

/** A rate range, "3.6%~4.8%"; a fixed rate (both ends equal) is one figure, not "1.5%~1.5%". */
export function formatPercentRange(min: number, max: number, separator = "~"): string {
  return formatPercent(min) === formatPercent(max) ? formatPercent(min) : `${formatPercent(min)}${separator}${formatPercent(max)}`;
}
