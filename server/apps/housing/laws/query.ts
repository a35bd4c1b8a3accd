// Reads a statute question: which law it names (name, 약칭, English alias), which article and paragraph it
// cites ("7조", "제3조의2 2항", "article 3"), and the weighted search terms of the rest, synonyms included.
import { tokenize } from "./tokens";
import { synonymExpansions } from "./synonyms";
import { englishExpansionParts, englishExpansions } from "./english";

export interface LawAlias {
  alias: string;
  law: string;
}

export interface StatuteQuery {
  /** Laws the question names, longest alias first; a decree's name wins over its act's. */
  laws: string[];
  /** "제3조의2" */
  article: string | null;
  paragraph: number | null;
  /** term → query weight (1 for the question's own terms, less for expansions). */
  terms: Map<string, number>;
  /**
   * Whole Korean words (3+ syllables) the question itself says, or the statute word that replaced one of its
   * Korean everyday words (집주인 → 임대인), or the statute word an English legal term maps to ("provisional
   * registration" → 가등기) unless it is one every housing question uses (see GENERIC_STATUTE_WORDS): what
   * evidence-based routing trusts.
   */
  keyTerms: string[];
}

/** Weight of a term that comes from a synonym or glossary expansion rather than the question itself. */
export const EXPANSION_WEIGHT = 0.6;

const ARTICLE_KO = /제?\s*(\d+)\s*조(?:\s*의\s*(\d+))?(?:\s*제?\s*(\d+)\s*항)?/u;
const ARTICLE_EN = /\b(?:article|art\.?)\s*(\d+)(?:\s*-\s*(\d+))?(?:\s*(?:paragraph|para\.?|\()\s*(\d+)\)?)?/iu;

export function parseCitation(query: string): { article: string | null; paragraph: number | null; match: string | null } {
  const m = ARTICLE_KO.exec(query) ?? ARTICLE_EN.exec(query);
  if (!m) return { article: null, paragraph: null, match: null };
  return { article: `제${m[1]}조${m[2] ? `의${m[2]}` : ""}`, paragraph: m[3] ? Number(m[3]) : null, match: m[0] };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}

/** English aliases match whole words; Korean ones ignore spaces ("주택임대차 보호법"). Compiled once per alias
 * (not global, so a cached one keeps no lastIndex between uses). */
const aliasPatterns = new Map<string, RegExp>();
function aliasPattern(alias: string): RegExp {
  let re = aliasPatterns.get(alias);
  if (!re) {
    re = /[a-z]/u.test(alias)
      ? new RegExp(`(?<![a-z])${escapeRe(alias)}(?![a-z])`, "u")
      : new RegExp([...alias.replace(/\s+/gu, "")].map(escapeRe).join("\\s*"), "u");
    aliasPatterns.set(alias, re);
  }
  return re;
}

/** Aliases sorted longest first, so "주택임대차보호법 시행령" is taken before "주택임대차보호법". */
export function findLaws(query: string, aliases: LawAlias[]): { laws: string[]; rest: string } {
  let lower = query.toLowerCase();
  const laws: string[] = [];
  for (const a of aliases) {
    const pattern = aliasPattern(a.alias);
    if (!pattern.test(lower)) continue;
    if (!laws.includes(a.law)) laws.push(a.law);
    // Remove the alias so its words do not also count as search terms, and a shorter alias inside it cannot match.
    lower = lower.replace(pattern, " ");
  }
  return { laws, rest: lower };
}

/** Glossary expansion hook: the law_terms concepts found in the question → their Korean terms. */
export type GlossaryExpander = (query: string) => string[];

/**
 * Statute words that English market, loan and risk questions reach through single everyday words ("apartment",
 * "deposit", "landlord", "agent", "mortgage", "explain", "listing"): they say nothing about whether the question
 * asks what the law says. A multi-word legal term ("mandatory rental period") counts unless it maps to one of them.
 */
const GENERIC_STATUTE_WORDS = new Set([
  "임대차", "보증금", "전세금", "임대인", "임차인", "공동주택", "아파트", "건축물", "사무소", "입주자", "개업공인중개사", "중개업",
  "중개보수", "금융기관", "보증보험", "임대료", "소유자", "매수인", "수분양자", "사업주체", "관리주체", "관리사무소장",
  "저당권", "근저당권", "주택가격", "오피스텔", "전산정보처리조직", "인터넷", "확인ㆍ설명", "과태료", "중개대상물",
  "표시ㆍ광고", "보증",
]);

export function analyseStatuteQuery(query: string, aliases: LawAlias[], glossary: GlossaryExpander): StatuteQuery {
  const { laws, rest } = findLaws(query, aliases);
  const citation = parseCitation(rest);
  const withoutCitation = citation.match ? rest.replace(citation.match.toLowerCase(), " ") : rest;
  const synonyms = synonymExpansions(withoutCitation);
  const terms = new Map<string, number>();
  const add = (words: string[], weight: number) => {
    for (const w of words) for (const t of tokenize(w)) if (!terms.has(t)) terms.set(t, weight);
  };
  add([synonyms.text, ...synonyms.replacements, ...englishExpansions(withoutCitation)], 1);
  add([...synonyms.additions, ...glossary(query)], EXPANSION_WEIGHT);
  const korean = withoutCitation.replace(/[a-z]+/gu, " ");
  const keyTerms = [...new Set([synonyms.text, ...synonymExpansions(korean).replacements].flatMap((w) => tokenize(w.replace(/[a-z]+/gu, " "))))]
    .filter((t) => t.length >= 3);
  const english = englishExpansionParts(withoutCitation);
  for (const w of [...english.fromPhrases, ...english.fromWords.filter((k) => !GENERIC_STATUTE_WORDS.has(k))]) {
    for (const t of tokenize(w)) if (t.length >= 3 && !GENERIC_STATUTE_WORDS.has(t) && !keyTerms.includes(t)) keyTerms.push(t);
  }
  // A two-syllable statute word a multi-word English legal term stands for ("officially announced" → 공시) is a
  // deliberate term, not a bigram that happens to match: it counts too.
  for (const w of english.fromPhrases) if (/^[\p{Script=Hangul}]{2}$/u.test(w) && !keyTerms.includes(w)) keyTerms.push(w);
  return { laws, article: citation.article, paragraph: citation.paragraph, terms, keyTerms };
}
