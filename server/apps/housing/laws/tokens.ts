// Korean-aware search terms, the same for statute text and questions: Hangul syllable bigrams, whole Hangul
// words (and the word without a trailing particle), English words. PostgreSQL's text search has no Korean parser.

/** Particles and endings stripped from a word's end to get its stem ("임차인은" → "임차인"), longest first. */
const PARTICLES = [
  "에서는", "으로는", "에게는", "이라는", "에서", "으로", "에게", "부터", "까지", "이나", "보다", "와의", "과의", "라는",
  "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만", "란",
];

export interface Terms {
  /** Distinct terms in first-seen order. */
  terms: string[];
  /** How many tokens the text had: BM25's document length. */
  count: number;
  /** term → 1-based positions (first 8). */
  positions: Map<string, number[]>;
}

export function stem(word: string): string | null {
  for (const p of PARTICLES) {
    if (word.length - p.length >= 2 && word.endsWith(p)) return word.slice(0, -p.length);
  }
  return null;
}

/** Every search term of a text, in order, with repeats. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const normal = text.normalize("NFC").toLowerCase();
  for (const m of normal.matchAll(/[\p{Script=Hangul}]+|[a-z]+/gu)) {
    const w = m[0];
    if (/^[a-z]/u.test(w)) {
      if (w.length >= 2) out.push(w);
      continue;
    }
    if (w.length < 2) continue;
    for (let i = 0; i + 2 <= w.length; i++) out.push(w.slice(i, i + 2));
    if (w.length > 2) out.push(w);
    const s = stem(w);
    if (s && s.length > 2) out.push(s);
  }
  return out;
}

export function termsOf(text: string, startAt = 1): Terms {
  const tokens = tokenize(text);
  const positions = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    const list = positions.get(t);
    if (!list) positions.set(t, [startAt + i]);
    else if (list.length < 8) list.push(startAt + i);
  });
  return { terms: [...positions.keys()], count: tokens.length, positions };
}

function quoteLexeme(term: string): string {
  return `'${term.replace(/\\/gu, "\\\\").replace(/'/gu, "''")}'`;
}

/**
 * A tsvector literal of weighted parts: title terms 'A', headings 'B', text 'D' (the default, unmarked).
 * Positions keep each part's terms apart; PostgreSQL caps positions at 16383.
 */
export function tsvectorLiteral(parts: { text: string; weight: "A" | "B" | "D" }[]): { literal: string; count: number } {
  const lexemes = new Map<string, string[]>();
  let offset = 1;
  let count = 0;
  for (const part of parts) {
    const t = termsOf(part.text, offset);
    offset += t.count + 1;
    if (part.weight === "D") count += t.count;
    for (const [term, pos] of t.positions) {
      const list = lexemes.get(term) ?? [];
      for (const p of pos) list.push(`${Math.min(p, 16383)}${part.weight === "D" ? "" : part.weight}`);
      lexemes.set(term, list);
    }
  }
  const literal = [...lexemes].map(([term, pos]) => `${quoteLexeme(term)}:${pos.join(",")}`).join(" ");
  return { literal, count };
}

/** A tsquery literal that matches one term (optionally only in weight A or B). */
export function tsqueryTerm(term: string, weight?: "A" | "B" | "AB"): string {
  return `${quoteLexeme(term)}${weight ? `:${weight}` : ""}`;
}
