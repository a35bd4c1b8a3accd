// Keeps answers' numbers honest: every figure an answer shows must be a number some tool output or the
// question's entities hold (KRW display rounding and percentage decimals allowed). Used by tests and the eval.
const MAN = 10_000;
const EOK = 100_000_000;
const toNumber = (s: string) => Number(s.replace(/,/g, ""));

/**
 * Every figure in a text, normalised: "4억 2,000만원" → 420000000, "3,500만원" → 35000000,
 * "₩420,000,000" → 420000000 (its "(420M KRW)" gloss is dropped), other numbers as written.
 */
export function figuresIn(text: string): { value: number; money: boolean; raw: string }[] {
  const found: { value: number; money: boolean; raw: string }[] = [];
  // Markdown ordered-list markers ("1. ", "2. ") number steps; they are not figures.
  let rest = text.replace(/\((-?[\d.]+[KMB]) KRW\)/g, " ").replace(/^\s*\d+\.\s/gm, " ");
  // "66만 6,000원" (a payment to the won) is one figure, 666,000.
  rest = rest.replace(/(-?[\d,]+(?:\.\d+)?)억(?:\s*([\d,]+)만)?\s*원?|(-?[\d,]+)만(?:\s*([\d,]+)원)?\s*원?/g, (raw, eok, man, onlyMan, won) => {
    const value = eok !== undefined ? toNumber(eok) * EOK + (man ? toNumber(man) * MAN : 0) : toNumber(onlyMan) * MAN + (won ? toNumber(won) : 0);
    found.push({ value, money: true, raw });
    return " ";
  });
  rest = rest.replace(/-?₩([\d,]+)/g, (raw, n) => {
    found.push({ value: toNumber(n), money: true, raw });
    return " ";
  });
  for (const m of rest.matchAll(/\d[\d,]*(?:\.\d+)?/g)) found.push({ value: toNumber(m[0]), money: false, raw: m[0] });
  return found;
}

/** Numbers a tool output or the entities hold: numeric fields, and the figures written inside strings. */
export function allowedNumbers(value: unknown, into: Set<number> = new Set()): Set<number> {
  if (typeof value === "number") into.add(value);
  else if (typeof value === "string") for (const f of figuresIn(value)) into.add(f.value);
  else if (Array.isArray(value)) value.forEach((v) => allowedNumbers(v, into));
  else if (value && typeof value === "object") Object.values(value).forEach((v) => allowedNumbers(v, into));
  return into;
}

export function unexplained(answer: string, allowed: Set<number>): string[] {
  const list = [...allowed];
  // Signs are compared away: "-69%" and "2025-11" read the same in the answer and in the outputs.
  return figuresIn(answer).filter((f) => !list.map(Math.abs).some((a) =>
    a === f.value
    // 만원 display rounds to 10,000 KRW; percentages are shown with up to two decimals.
    || (f.money && Math.round(a / MAN) === Math.round(f.value / MAN))
    || (!f.money && Math.abs(a - f.value) < 0.0051)
    || (!f.money && Math.abs(a) >= 1000 && Math.round(a) === f.value))).map((f) => f.raw);
}
