// Features the intent/aspect/question-type classifier reads: syllable and character n-grams of the
// question with spacing removed (robust to typos and missing spaces), word tokens, domain terms and the rules' cues.
import type { Entities } from "../types";
import { classifyIntent, NEEDS } from "../rules/intent";
import { questionTypeCues } from "../rules/question-type";
import { vocabularyFeatures } from "./vocabulary";

/** Lower-cased NFKC text with digits folded to 0, so "3억" and "5억" share their n-grams. */
export function normaliseQuestion(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\d+(?:[.,]\d+)*/g, "0").replace(/\s+/g, " ").trim();
}

const WORD = /[a-z]+|[\uac00-\ud7a3]+/g;

/** Crude English stem: enough to let "landlords"/"landlord", "renewing"/"renew" share a feature. */
function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s)$/, "").slice(0, 8);
}

/** The n-gram and word features of a question (a set: presence, not counts). */
export function textFeatures(question: string): Set<string> {
  const text = normaliseQuestion(question);
  const out = new Set<string>();
  const compact = text.replace(/\s+/g, "");
  // Syllables/characters in runs of 1–3 over the spaceless text: "전세금반환" and "전세금 반환" agree.
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + n <= compact.length; i++) {
      const gram = compact.slice(i, i + n);
      if (n === 1 && !/[\uac00-\ud7a3]/.test(gram)) continue; // lone latin letters and digits carry nothing
      out.add(`c:${gram}`);
    }
  }
  // How each sentence ends (Korean: "가능한가요", "어떻게 해요", "얼마예요") and starts (English: "how do",
  // "can my", "what is") says what kind of question it is, wherever the topic words sit.
  for (const sentence of text.split(/[?!.。？\n]+/).map((x) => x.trim()).filter(Boolean)) {
    const tail = sentence.replace(/\s+/g, "").slice(-6);
    for (let n = 2; n <= 4; n++) for (let i = 0; i + n <= tail.length; i++) out.add(`t:${tail.slice(i, i + n)}`);
    const head = sentence.match(WORD)?.slice(0, 2) ?? [];
    if (head.length && /^[a-z]/.test(head[0])) out.add(`h:${head.join("_")}`);
  }
  const words = text.match(WORD) ?? [];
  for (let i = 0; i < words.length; i++) {
    const w = /^[a-z]/.test(words[i]) ? stem(words[i]) : words[i];
    out.add(`w:${w}`);
    if (i + 1 < words.length && /^[a-z]/.test(words[i]) && /^[a-z]/.test(words[i + 1])) out.add(`b:${w}_${stem(words[i + 1])}`);
  }
  return out;
}

/** What the rules see: need scores (weak/strong), flags, question-type cues, domain terms and entity presence. */
export function ruleFeatures(question: string, entities: Entities): Set<string> {
  const out = new Set<string>();
  const request = entities.contractText ? question.replace(entities.contractText, " ") : question;
  const namesPlaceOrFigure = entities.region !== undefined || entities.price !== undefined
    || entities.deposit !== undefined || entities.monthlyRent !== undefined;
  const c = classifyIntent(request, { hasContractText: entities.contractText !== undefined, namesPlaceOrFigure });
  for (const need of NEEDS) {
    if (c.scores[need] > 0) out.add(`r:${need}`);
    if (c.scores[need] >= 3) out.add(`r:${need}:3`);
    if (c.scores[need] >= 6) out.add(`r:${need}:6`);
  }
  if (c.needs.length >= 2) out.add("r:multi");
  out.add(`r:intent:${c.intent}`);
  for (const [flag, on] of Object.entries({
    increase: c.wantsIncreaseCheck, listings: c.wantsListings, fixes: c.wantsFixes,
    judgement: c.wantsJudgement, policy: c.wantsPolicy, protect: c.wantsDepositProtection,
  })) if (on) out.add(`r:${flag}`);
  for (const type of questionTypeCues(request).matched) out.add(`q:${type}`);
  // Glossary terms and statute concepts, however spelled: features shared by Korean and English wording.
  for (const term of vocabularyFeatures(request)) out.add(term);
  if (entities.region) out.add("e:region");
  if (entities.price !== undefined || entities.deposit !== undefined || entities.monthlyRent !== undefined) out.add("e:amount");
  if (entities.amounts?.length) out.add("e:amounts");
  if (entities.contractText) out.add("e:contract_text");
  if (entities.annualIncome !== undefined || entities.buyerProfile) out.add("e:profile");
  const length = question.replace(/\s/g, "").length;
  out.add(length < 8 ? "len:xs" : length < 20 ? "len:s" : length < 60 ? "len:m" : "len:l");
  if ((question.match(/[?？]/g) ?? []).length >= 2) out.add("p:many_q");
  return out;
}

export function questionFeatures(question: string, entities: Entities): string[] {
  // A pasted contract is read by the rules (e:contract_text) but not as n-grams: its clauses would drown the ask.
  const request = entities.contractText ? question.replace(entities.contractText, " ") : question;
  return [...textFeatures(request), ...ruleFeatures(question, entities)];
}
