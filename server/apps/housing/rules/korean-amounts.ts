// Money and floor-area quantities written the Korean or English way ("2억8천", "5천만원", "60 million won",
// "25평", "84㎡"), found in free text and turned into whole KRW and square metres.

export type Currency = "KRW" | "USD";

export interface AmountMatch {
  /** Whole won for KRW, dollars for USD. */
  value: number;
  currency: Currency;
  /** Offsets into the searched text: text.slice(start, end) is the matched expression. */
  start: number;
  end: number;
  text: string;
}

export interface AreaMatch {
  areaM2: number;
  start: number;
  end: number;
  text: string;
}

/** 1평 in m² (the statutory 400/121 m², rounded as Korean listings round it). */
export const PYEONG_M2 = 3.3058;

const EOK = 100_000_000;
const MAN = 10_000;
const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y;

function toNumber(raw: string): number {
  return Number(raw.replace(/,/g, ""));
}

function skipSpaces(text: string, pos: number): number {
  while (pos < text.length && (text[pos] === " " || text[pos] === "\u00a0")) pos++;
  return pos;
}

/** 원 the currency, not the 원 of 원룸 (a studio). */
function isWon(text: string, pos: number): boolean {
  return text[pos] === "원" && text[pos + 1] !== "룸";
}

interface SmallGroup {
  value: number;
  end: number;
  /** The group used 천/백 (e.g. "8천5백") rather than being one plain number. */
  hadUnitWord: boolean;
  /** The last unit word was 천 — "3천" alone means 3천만원 in housing talk. */
  endsWithThousand: boolean;
}

/** Reads a number below 만 in Korean notation at pos: "8천5백", "1,500", "5천", "2.5". */
function readSmallGroup(text: string, pos: number): SmallGroup | null {
  let value = 0;
  let cursor = pos;
  let hadUnitWord = false;
  let endsWithThousand = false;
  let readAny = false;
  for (;;) {
    NUMBER.lastIndex = cursor;
    const number = NUMBER.exec(text);
    if (!number) break;
    const amount = toNumber(number[0]);
    const after = cursor + number[0].length;
    const unit = text[after];
    if (unit === "천" || unit === "백") {
      value += amount * (unit === "천" ? 1000 : 100);
      cursor = after + 1;
      hadUnitWord = true;
      endsWithThousand = unit === "천";
      readAny = true;
      continue;
    }
    if (hadUnitWord && readAny) {
      // "8천5" is not a notation anyone uses; stop before the stray digits.
      break;
    }
    value += amount;
    cursor = after;
    readAny = true;
    endsWithThousand = false;
    break;
  }
  return readAny ? { value, end: cursor, hadUnitWord, endsWithThousand } : null;
}

/** Parses the Korean amount expression starting at pos (a digit), or null when none starts there. */
function readKoreanAmountAt(text: string, pos: number): { value: number; end: number } | null {
  const head = readSmallGroup(text, pos);
  if (!head) return null;
  let cursor = skipSpaces(text, head.end);
  const wonAt = (at: number) => {
    const p = skipSpaces(text, at);
    return isWon(text, p) ? p + 1 : at;
  };

  if (text[cursor] === "억") {
    let value = head.value * EOK;
    cursor += 1;
    const afterEok = cursor;
    const restStart = skipSpaces(text, cursor);
    const rest = readSmallGroup(text, restStart);
    if (rest) {
      const next = skipSpaces(text, rest.end);
      const spaced = restStart > afterEok;
      if (text[next] === "만") {
        value += rest.value * MAN;
        cursor = wonAt(next + 1);
      } else if (isWon(text, next) && !rest.hadUnitWord && !spaced) {
        value += rest.value * MAN;
        cursor = next + 1;
      } else if (rest.hadUnitWord || !spaced) {
        // After 억 the remainder counts in 만: "2억8천" is 2억 8천만, "3억5000" is 3억 5000만.
        value += rest.value * MAN;
        cursor = wonAt(rest.end);
      } else {
        cursor = wonAt(afterEok);
      }
    } else {
      cursor = wonAt(afterEok);
    }
    return { value: Math.round(value), end: cursor };
  }
  if (text[cursor] === "만") {
    let value = head.value * MAN;
    cursor += 1;
    const restStart = skipSpaces(text, cursor);
    const rest = readSmallGroup(text, restStart);
    if (rest && isWon(text, skipSpaces(text, rest.end))) {
      value += rest.value;
      cursor = skipSpaces(text, rest.end) + 1;
    } else {
      cursor = wonAt(cursor);
    }
    return { value: Math.round(value), end: cursor };
  }
  if (isWon(text, cursor)) {
    return { value: Math.round(head.value), end: cursor + 1 };
  }
  if (head.endsWithThousand) {
    // "보증금 3천에 월세 50" — a bare 천 in housing talk is 천만원.
    return { value: Math.round(head.value * MAN), end: head.end };
  }
  return null;
}

const ENGLISH_SCALE: Record<string, number> = {
  thousand: 1_000, k: 1_000, million: 1_000_000, mn: 1_000_000, mil: 1_000_000,
  billion: 1_000_000_000, bn: 1_000_000_000, eok: EOK, man: MAN, manwon: MAN,
};

const ENGLISH_PATTERNS: { regex: RegExp; read: (m: RegExpExecArray) => { value: number; currency: Currency } }[] = [
  {
    // "$3,000", "$1.2 million", "USD 500"
    regex: /(?:\$|\bUSD\s*)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(thousand|million|billion|k|mn|bn)\b)?/gi,
    read: (m) => ({ value: toNumber(m[1]) * (m[2] ? ENGLISH_SCALE[m[2].toLowerCase()] : 1), currency: "USD" }),
  },
  {
    // "3,000 dollars", "2 million dollars", "500 USD"
    regex: /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(thousand|million|billion|k|mn|bn)?\s*(?:dollars?|USD)\b/gi,
    read: (m) => ({ value: toNumber(m[1]) * (m[2] ? ENGLISH_SCALE[m[2].toLowerCase()] : 1), currency: "USD" }),
  },
  {
    // "₩300,000,000", "KRW 200,000,000", "KRW 3 eok"
    regex: /(?:₩|\bKRW\s*)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(thousand|million|billion|k|mn|bn|eok|man)\b)?/gi,
    read: (m) => ({ value: toNumber(m[1]) * (m[2] ? ENGLISH_SCALE[m[2].toLowerCase()] : 1), currency: "KRW" }),
  },
  {
    // "60 million won", "1.2 billion", "500k won", "3 eok", "80 manwon", "950M won"
    regex: /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(thousand|million|billion|mn|bn|eok|manwon|man(?=\s*won)|k(?=\s*(?:won|KRW))|m(?=\s*(?:won|KRW)))\b(?:\s*(?:won|KRW)\b)?/gi,
    read: (m) => ({ value: toNumber(m[1]) * ENGLISH_SCALE[m[2].toLowerCase() === "m" ? "million" : m[2].toLowerCase()], currency: "KRW" }),
  },
  {
    // "700,000 won", "1500000 KRW"
    regex: /(\d{1,3}(?:,\d{3})+|\d+)\s*(?:won|KRW)\b/gi,
    read: (m) => ({ value: toNumber(m[1]), currency: "KRW" }),
  },
  {
    // A bare grouped figure of a million or more ("a deposit of 300,000,000") is won in this domain.
    regex: /(?<![\d.$₩])(\d{1,3}(?:,\d{3}){2,})(?![\d,])/g,
    read: (m) => ({ value: toNumber(m[1]), currency: "KRW" }),
  },
];

/**
 * Every money amount in the text, in order, without overlaps. KRW amounts are whole won;
 * dollar amounts are reported with currency "USD" so callers can leave them out.
 */
export function findAmounts(text: string): AmountMatch[] {
  const found: AmountMatch[] = [];
  for (const pattern of ENGLISH_PATTERNS) {
    pattern.regex.lastIndex = 0;
    for (let m = pattern.regex.exec(text); m; m = pattern.regex.exec(text)) {
      const { value, currency } = pattern.read(m);
      if (Number.isFinite(value)) {
        found.push({ value: Math.round(value), currency, start: m.index, end: m.index + m[0].length, text: m[0] });
      }
    }
  }
  for (let i = 0; i < text.length; i++) {
    if (!/\d/.test(text[i]) || (i > 0 && /[\d.,]/.test(text[i - 1]))) continue;
    const korean = readKoreanAmountAt(text, i);
    if (korean) {
      found.push({ value: korean.value, currency: "KRW", start: i, end: korean.end, text: text.slice(i, korean.end) });
      i = korean.end - 1;
    }
  }
  // Earlier first; at the same start the longer (more specific) match wins.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: AmountMatch[] = [];
  for (const match of found) {
    const last = kept[kept.length - 1];
    if (last && match.start < last.end) continue;
    kept.push(match);
  }
  return kept;
}

/** Only the KRW amounts of findAmounts. */
export function findKrwAmounts(text: string): AmountMatch[] {
  return findAmounts(text).filter((m) => m.currency === "KRW");
}

/**
 * Parses one expression that is exactly an amount ("2억8천", "5천만원", "60 million won") into KRW.
 * Returns null when the text is not a single KRW amount (e.g. "$300", "84㎡", "hello").
 */
export function parseKoreanAmount(text: string): number | null {
  const trimmed = text.trim();
  const matches = findAmounts(trimmed);
  if (matches.length !== 1) return null;
  const [only] = matches;
  if (only.currency !== "KRW" || only.start !== 0 || only.end !== trimmed.length) return null;
  return only.value;
}

const AREA_PATTERN =
  /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(평형?|pyeong|pyung|py\b|㎡|m²|m2\b|제곱미터|평방미터|sq\.?\s?m\b|sqm\b|square\s+met(?:er|re)s?)/gi;

/** Every floor area in the text, converted to m² (평 × 3.3058), rounded to 0.01 m². */
export function findAreas(text: string): AreaMatch[] {
  const found: AreaMatch[] = [];
  AREA_PATTERN.lastIndex = 0;
  for (let m = AREA_PATTERN.exec(text); m; m = AREA_PATTERN.exec(text)) {
    const amount = toNumber(m[1]);
    const unit = m[2].toLowerCase();
    const isPyeong = unit.startsWith("평") || unit.startsWith("py");
    const areaM2 = Math.round((isPyeong ? amount * PYEONG_M2 : amount) * 100) / 100;
    found.push({ areaM2, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return found;
}
