// Parses one statute text export of 국가법령정보센터 into law metadata, body articles (항/호/목 with their
// amendment notes kept apart) and 부칙 blocks; every line it cannot place is reported, never dropped silently.
import { identityFromFileName, isoFromDotted, parseHeader, type LawIdentity, type LawHeader } from "./parse-header";

export interface ParsedSubItem {
  /** "가" */
  label: string;
  text: string;
}
export interface ParsedItem {
  /** "1", "2의2" */
  number: string;
  text: string;
  subItems: ParsedSubItem[];
}
export interface ParsedParagraph {
  /** 1 for ①; null for an article's text that has no numbered paragraphs. */
  number: number | null;
  /** Verbatim text of the paragraph itself, without its items and without amendment notes. */
  text: string;
  items: ParsedItem[];
  notes: string[];
}
export interface ParsedArticle {
  /** "제3조의2" */
  number: string;
  base: number;
  branch: number;
  title: string | null;
  deleted: boolean;
  chapter: string | null;
  section: string | null;
  paragraphs: ParsedParagraph[];
  /** Article-level notes: "[전문개정 2008. 3. 21.]", "삭제 <2008. 3. 21.>", "[제4조의5로 이동 …]". */
  notes: string[];
  /**
   * Set when the export prints an article twice, the second copy marked "[시행일: 2026. 2. 15.] 제25조": the second
   * copy applies from that date (effectiveFrom), the first until then (effectiveTo, exclusive). Null: the law's dates.
   */
  effectiveFrom: string | null;
  effectiveTo: string | null;
}
export interface ParsedSupplement {
  /** "부칙 <제19520호,2023. 7. 11.>" */
  label: string;
  text: string;
}
export interface UnplacedLine {
  line: number;
  text: string;
}
export interface ParsedLaw extends LawIdentity, LawHeader {
  articles: ParsedArticle[];
  supplements: ParsedSupplement[];
  unplaced: UnplacedLine[];
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
const ARTICLE_RE = /^제(\d+)조(?:의(\d+))?(?=[\s(]|$)/u;
const HEADING_RE = /^제\d+(?:의\d+)?(편|장|절|관)\s*\S/u;
const ITEM_RE = /^(\d+(?:의\d+)?)\.\s*/u;
const SUBITEM_RE = /^([가-힣])\.\s*/u;
/** "<개정 2013. 8. 13.>", "<신설 …>", "<2008. 3. 21.>" (after 삭제): a trailing, dated amendment note. */
const TRAILING_NOTE_RE = /\s*<[^<>]*\d{4}\.\s*\d{1,2}\.[^<>]*>\s*$/u;
/** "[전문개정 …]", "[본조신설 …]", "[제목개정 …]", "[종전 …]", "[… 이동 …]", "[시행일: …] …". */
const BRACKET_NOTE_RE = /^\[(?:전문개정|본조신설|제목개정|종전|시행일|제\d+조(?:의\d+)?(?:에서|로)|[^\]]*이동)[^\]]*\].*$/u;
const FOOTER = new Set(["법제처", "국가법령정보센터"]);

/** BOM, CRLF and bare CR become plain "\n"-separated lines. */
export function splitLines(raw: string): string[] {
  return raw.replace(/^\uFEFF/u, "").split(/\r\n|\r|\n/u);
}

/** Strips every trailing <…> note, returning the text and the notes in reading order. */
export function stripTrailingNotes(line: string): { text: string; notes: string[] } {
  const notes: string[] = [];
  let text = line;
  for (;;) {
    const m = TRAILING_NOTE_RE.exec(text);
    if (!m) break;
    notes.unshift(m[0].trim());
    text = text.slice(0, m.index);
  }
  return { text: text.trimEnd(), notes };
}

/** "(대항력 등) ① …" → title "대항력 등" and the rest; parentheses may nest: "(「민법」에 따른 …)". */
function splitTitle(rest: string): { title: string | null; body: string } {
  if (!rest.startsWith("(")) return { title: null, body: rest.trim() };
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === "(") depth++;
    else if (rest[i] === ")" && --depth === 0) return { title: rest.slice(1, i), body: rest.slice(i + 1).trim() };
  }
  return { title: null, body: rest.trim() };
}

interface Cursor {
  article: ParsedArticle | null;
  paragraph: ParsedParagraph | null;
  item: ParsedItem | null;
  sub: ParsedSubItem | null;
}

function newParagraph(number: number | null, text: string): ParsedParagraph {
  const { text: t, notes } = stripTrailingNotes(text);
  return { number, text: t, items: [], notes };
}

export function parseLaw(fileName: string, raw: string): ParsedLaw {
  const lines = splitLines(raw);
  const identity = identityFromFileName(fileName);
  const { header, bodyStart } = parseHeader(lines);
  const articles: ParsedArticle[] = [];
  const supplements: ParsedSupplement[] = [];
  const unplaced: UnplacedLine[] = [];
  let chapter: string | null = null;
  let section: string | null = null;
  let supplement: ParsedSupplement | null = null;
  const cur: Cursor = { article: null, paragraph: null, item: null, sub: null };

  /** Appends a line that continues the deepest open element (a formula, a "1)" under a 목, …). */
  const continueLast = (text: string): boolean => {
    const { text: t, notes } = stripTrailingNotes(text);
    if (cur.sub) cur.sub.text += `\n${t}`;
    else if (cur.item) cur.item.text += `\n${t}`;
    else if (cur.paragraph) cur.paragraph.text += `\n${t}`;
    else return false;
    (cur.paragraph ?? cur.article!.paragraphs.at(-1))?.notes.push(...notes);
    return true;
  };

  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "") continue;
    // The export's footer: the law name, 법제처, 국가법령정보센터 after the last 부칙.
    if (FOOTER.has(line) || (line === identity.name && i > lines.length - 12)) continue;
    if (line.startsWith("부칙")) {
      supplement = { label: line, text: "" };
      supplements.push(supplement);
      cur.article = null;
      continue;
    }
    if (supplement) {
      // 부칙 keep their own numbering and are stored as text blocks, apart from the body's articles.
      supplement.text += (supplement.text ? "\n" : "") + line;
      continue;
    }
    if (HEADING_RE.test(line)) {
      if (/^제\d+(?:의\d+)?(편|장)/u.test(line)) { chapter = line; section = null; } else section = line;
      cur.article = null; cur.paragraph = null; cur.item = null; cur.sub = null;
      continue;
    }
    const am = ARTICLE_RE.exec(line);
    if (am) {
      const { title, body } = splitTitle(line.slice(am[0].length).trimStart());
      const article: ParsedArticle = {
        number: am[0], base: Number(am[1]), branch: am[2] ? Number(am[2]) : 0, title, deleted: false,
        chapter, section, paragraphs: [], notes: [], effectiveFrom: null, effectiveTo: null,
      };
      articles.push(article);
      cur.article = article; cur.paragraph = null; cur.item = null; cur.sub = null;
      if (/^삭제\s*(<[^>]*>)?\s*$/u.test(body)) {
        article.deleted = true;
        article.notes.push(body);
      } else if (body === "" && title === null) {
        // "제4조" alone, followed by "[제4조의5로 이동 …]": the number is vacant now.
        article.deleted = true;
      } else if (body !== "") {
        const first = body[0];
        const idx = CIRCLED.indexOf(first);
        cur.paragraph = newParagraph(idx >= 0 ? idx + 1 : null, idx >= 0 ? body.slice(1).trim() : body);
        article.paragraphs.push(cur.paragraph);
      }
      continue;
    }
    if (!cur.article) { unplaced.push({ line: i + 1, text: line }); continue; }
    if (BRACKET_NOTE_RE.test(line)) { cur.article.notes.push(line); continue; }
    const pidx = CIRCLED.indexOf(line[0]);
    if (pidx >= 0) {
      cur.paragraph = newParagraph(pidx + 1, line.slice(1).trim());
      cur.article.paragraphs.push(cur.paragraph);
      cur.item = null; cur.sub = null;
      continue;
    }
    const im = ITEM_RE.exec(line);
    if (im) {
      if (!cur.paragraph) {
        // Items straight under a title-only article ("제2조(정의) 이 법에서 … 다음과 같다." always has a lead).
        cur.paragraph = newParagraph(null, "");
        cur.article.paragraphs.push(cur.paragraph);
      }
      const { text, notes } = stripTrailingNotes(line.slice(im[0].length));
      cur.item = { number: im[1], text, subItems: [] };
      cur.paragraph.items.push(cur.item);
      cur.paragraph.notes.push(...notes);
      cur.sub = null;
      continue;
    }
    const sm = SUBITEM_RE.exec(line);
    if (sm && cur.item) {
      const { text, notes } = stripTrailingNotes(line.slice(sm[0].length));
      cur.sub = { label: sm[1], text };
      cur.item.subItems.push(cur.sub);
      cur.paragraph!.notes.push(...notes);
      continue;
    }
    if (!continueLast(line)) unplaced.push({ line: i + 1, text: line });
  }
  datePendingCopies(articles);
  return { ...identity, ...header, articles, supplements, unplaced };
}

/** "[시행일: 2026. 2. 15.] 제25조" on the second copy of 제25조: the copies split the timeline at that date. */
function datePendingCopies(articles: ParsedArticle[]): void {
  const seen = new Map<string, ParsedArticle>();
  for (const a of articles) {
    const earlier = seen.get(a.number);
    seen.set(a.number, a);
    if (!earlier) continue;
    const note = a.notes.map((n) => /^\[시행일:\s*([^\]]+)\]\s*(.*)$/u.exec(n)).find((m) => m && m[2].trim() === a.number);
    const from = note ? isoFromDotted(note[1]) : null;
    if (!from) throw new Error(`law_parse:duplicate_article ${a.number} without a [시행일] note`);
    a.effectiveFrom = from;
    earlier.effectiveTo = from;
  }
}

/** The paragraph as printed: its text, then "1. …" items and "가. …" sub-items, one per line. */
export function paragraphText(p: ParsedParagraph): string {
  const out: string[] = p.text ? [p.text] : [];
  for (const item of p.items) {
    out.push(`${item.number}. ${item.text}`);
    for (const s of item.subItems) out.push(`${s.label}. ${s.text}`);
  }
  return out.join("\n");
}

/** "①" for 1. */
export function circled(n: number): string {
  return CIRCLED[n - 1] ?? `(${n})`;
}
