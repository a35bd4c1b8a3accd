// The domain vocabulary the classifier reads besides n-grams: the glossary's terms (LTV, 확정일자, 복비…)
// and the statute concepts' words in both languages, so a term written in a way no training question used still counts.
import { GLOSSARY_TERMS } from "../seed/data/glossary";
import { LAW_CONCEPT_TERMS } from "../seed/data/law-terms";

interface TermMatcher { name: string; pattern: RegExp }

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * One term as a pattern: Korean parts match with or without the spaces between them ("묵시적갱신"), a hyphen
 * counts as a space ("fixed-date stamp" names "fixed date"), "~" allows a few characters between parts
 * (law-terms.ts), English words match as whole words.
 */
function termPattern(term: string): string {
  const parts = term.toLowerCase().split("~").map((part) => part.trim().split(/[\s-]+/).map(escape).join("[\\s-]*"));
  const body = parts.join(".{0,8}");
  return /^[a-z]/.test(term) ? `\\b${body}${/[a-z]$/.test(term) ? "\\b" : ""}` : body;
}

function matchers(groups: [string, string[]][]): TermMatcher[] {
  return groups.map(([name, terms]) => ({ name, pattern: new RegExp(terms.map(termPattern).join("|"), "i") }));
}

const GLOSSARY = matchers(GLOSSARY_TERMS.map((t) => [t.key, [t.termKo.replace(/\(.*\)/, ""), ...(t.aliases ?? [])]]));
const GLOSSARY_CATEGORY = new Map(GLOSSARY_TERMS.map((t) => [t.key, t.category]));
const CONCEPTS = matchers(Object.entries(LAW_CONCEPT_TERMS).map(([concept, { ko, en }]) => [concept, [...ko, ...en]]));

/** Glossary keys and statute concepts the text names, as classifier features (gl:ltv, gc:finance, lc:renewal_right). */
export function vocabularyFeatures(text: string): string[] {
  const out: string[] = [];
  for (const { name, pattern } of GLOSSARY) {
    if (!pattern.test(text)) continue;
    out.push(`gl:${name}`, `gc:${GLOSSARY_CATEGORY.get(name)}`);
  }
  let concepts = 0;
  for (const { name, pattern } of CONCEPTS) {
    if (pattern.test(text)) { out.push(`lc:${name}`); concepts++; }
  }
  if (concepts >= 2) out.push("lc:several");
  return [...new Set(out)];
}

/** True when the text names a term the glossary defines (glossary_lookup will find it). */
export function namesGlossaryTerm(text: string): boolean {
  return GLOSSARY.some(({ pattern }) => pattern.test(text));
}

/** Glossary terms that only mean something in housing (generic English words like "penalty" left out). */
const HOUSING_ONLY_TERMS = new RegExp(GLOSSARY_TERMS.flatMap((t) => [t.termKo.replace(/\(.*\)/, ""), ...(t.aliases ?? [])])
  .filter((term) => !/^[a-z-]+$/i.test(term) || /^(?:ltv|dsr|dti)$/i.test(term))
  .map(termPattern).join("|"), "i");

/** True when the text names a glossary term that belongs to housing alone. */
export function namesHousingTerm(text: string): boolean {
  return HOUSING_ONLY_TERMS.test(text);
}
