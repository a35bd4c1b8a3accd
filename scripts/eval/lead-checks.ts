// "Does the answer's lead address the question?" — pure checks per question type, for the eval and tests:
// (question, question type, language, answer) → pass/fail with the reason. No database, no model.
import { findRegions } from "../../server/apps/housing/rules/regions";

export type LeadCheckType =
  | "definition" | "permissibility" | "amount" | "procedure" | "eligibility" | "comparison"
  | "calculation" | "drafting" | "review" | "other";

export interface LeadCheckResult {
  pass: boolean;
  /** Why it failed, or what it passed on. */
  reason: string;
  /** The lead that was judged. */
  lead: string;
}

/** The opening of an answer: everything before its first markdown heading. */
export function leadOf(answer: string): string {
  const at = answer.search(/^#{1,6}\s/m);
  return (at < 0 ? answer : answer.slice(0, at)).trim();
}

const HANGUL = /[\uac00-\ud7a3]/g;
// Text any question could get: the help text, and the fallbacks that say nothing about what was asked.
const GENERIC = [
  /질문에 답할 수 있는 결과를 얻지 못했습니다/, /No results were obtained that answer the question/, /도와드릴 수 있는 일/, /What I can help with/,
  /질문을 정확히 이해하지 못했습니다/, /I could not tell exactly what you are asking/, /도구에서 이 질문에 직접 답할 결과를 얻지 못했습니다/,
  /The tools returned nothing that answers this directly/, /어떤 계산을 원하시는지 특정하지 못했습니다/, /I could not tell which sum you want/,
];
/** A first line about the answer itself ("cannot judge", "not received") is no verdict, whatever its verb. */
const NO_VERDICT = /판단할 수 없|받지 못|이해하지 못|특정하지 못|cannot judge|not received|could not tell/i;
const FILLER = [/전체 전체/, /서울 전체 전체 유형/, /all property types in all of Seoul/i];
const FOLLOW_UP = /한 가지 여쭤볼게요|One question:/g;
const FIGURE = /(\d[\d,.]*\s*(억|만|원|%)|₩\s?\d)/;
const CITATION = /제\d+조(의\d+)?|Article \d+(-\d+)?|민법|법 제|Act\b/;
const ASK_CONTRACT = /붙여|올려|보내 주|보내주|paste|upload|send (it|the|me)/i;
const CLAIMS_CLEAN = /위험 조항(이|은)? (없|발견되지 않)|위험 조항 패턴이 발견되지 않|No risky clause|nothing to fix|계약서는 안전|contract is safe/i;

function languageOk(lead: string, lang: "ko" | "en"): boolean {
  const letters = lead.replace(/[^A-Za-z\uac00-\ud7a3]/g, "");
  if (letters.length === 0) return false;
  const share = (lead.match(HANGUL)?.length ?? 0) / letters.length;
  return lang === "ko" ? share >= 0.3 : share <= 0.25;
}

/** A question that carries contract wording to review (quoted, after a colon, or pasted over lines). */
export function hasContractText(question: string): boolean {
  return /["“”「『'‘][^"“”」』'’]{10,}["“”」』'’]/u.test(question) || /[:：]\s*.{10,}(조|항|특약|임차인|임대인|tenant|landlord|shall|clause)/isu.test(question) || question.split("\n").length >= 3;
}

/** Words of the question worth finding in a definition (the term), without particles and question words. */
function termsOf(question: string): string[] {
  const stop = /^(what|is|are|does|the|a|an|mean|meaning|of|define|definition|무엇|뭐|뭔가요|뭐예요|무엇인가요|뜻|의미|이란|란|개념|설명|알려|주세요|해줘|좀|에서|in|korea|korean|housing|lease|loan)$/i;
  return question
    .replace(/[?？!.,"“”()]/g, " ")
    .split(/\s+/)
    .map((w) => w.replace(/(이란|란|이|가|은|는|의|을|를|에|이라는|라는|이랑|가요|인가요|예요|이에요|에요|게)$/u, ""))
    .filter((w) => w.length >= 2 && !stop.test(w));
}

/** Words every lease rule shares with every lease question: finding one says nothing about relevance. */
const EVERYWHERE = /^(보증금|전세|월세|계약|임대차|임대인|임차인|집주인|세입자|주택|집|아파트|법|법적|가능|경우|landlord|tenant|deposit|lease|house|home|apartment|rent|law|legal|can|may|my|his|her|their|does|do|if|it|to|for|with|after|before|when|what|happens|allowed|still|get|keep|have|will|be|i|you|me|we|he|she)$/i;

/** A stated condition or a quoted rule that speaks to the question: it shares a word (stem) with it beyond the generic ones. */
function speaksTo(q: string, text: string): boolean {
  const lower = text.toLowerCase();
  const hay = lower.replace(/\s+/g, "");
  return termsOf(q).filter((t) => !EVERYWHERE.test(t)).some((t) => {
    const w = t.toLowerCase();
    if (/[가-힣]/.test(w)) {
      const stem = w.slice(0, Math.max(2, w.length - 1));
      return hay.includes(stem);
    }
    // English: the word's stem at a word start ("renewed" → "renew…"), never inside another word.
    const stem = w.replace(/(ing|ed|es|s)$/, "").replace(/[^a-z0-9]/g, "");
    return stem.length >= 3 && new RegExp(`\\b${stem}`).test(lower);
  });
}

type Check = (q: string, lead: string, answer: string, lang: "ko" | "en") => string | null;

/** Each returns null when the lead does what the type asks, else the reason it does not. */
const BY_TYPE: Record<LeadCheckType, Check> = {
  definition: (q, lead) => {
    const terms = termsOf(q);
    // "묵시적갱신" asked, "묵시적 갱신" defined: spacing is not a different term.
    const bare = (x: string) => x.toLowerCase().replace(/[\s-]+/g, "");
    const named = terms.some((t) => bare(lead).includes(bare(t)));
    if (!named) return `the lead never names the term asked about (${terms.join(", ")})`;
    // A definition sentence, or the glossary's "**term** — explanation" form.
    if (!/입니다|말합니다|뜻합니다|의미합니다|합니다|있습니다|비율|제도|권리|\bis\b|\bare\b|\bmeans\b|\brefers\b|^\*\*[^*]+\*\* — \S/.test(lead)) return "the lead names the term but does not define it";
    return null;
  },
  permissibility: (q, lead) => {
    const first = lead.split(/\n/)[0];
    // A verdict: yes / no / it depends, or a plain modal answer ("you can stay", "계속 살 수 있습니다").
    const verdict = /^(\*\*)?(네|예|아니요|아니오|아니다|가능|불가|조건부|안 됩니다|할 수 (있|없))|달라집니다|가능합니다|(수|필요가?|의무가?|권리가?|한도가|제한이|상한이) (있|없)습니다|^(\*\*)?(yes|no|only|it depends|not)\b|\b(you|they|the landlord|the tenant|a new owner) (can|cannot|can't|may|may not|must|need not|do not have to|don't have to)\b/i;
    if (!verdict.test(first) || NO_VERDICT.test(first)) return "the lead does not open with yes / no / it depends";
    if (!CITATION.test(lead)) return "the lead gives no article for the rule";
    // "It depends" is an answer only with the condition: a rule quoted beside it must be about what was asked.
    if (/달라집니다|it depends/i.test(first) && !speaksTo(q, lead.split("\n").slice(1).join("\n"))) return "the lead says it depends, but the rule it quotes is not about the question";
    return null;
  },
  amount: (_q, lead) => (FIGURE.test(lead) ? null : "the lead states no figure"),
  procedure: (_q, lead) => (/^\s*1\.\s/m.test(lead) && /^\s*2\.\s/m.test(lead) ? null : "the lead gives no numbered steps"),
  eligibility: (_q, lead) => (/받을 수 있|해당|자격|대상|qualify|eligible|to confirm|confirming|추가 확인|가능성|possibl|none of|없습니다|fits/i.test(lead) ? null : "the lead does not say who qualifies"),
  comparison: (_q, lead) => (/보다|반면|더 (낮|높|크|작|많|적)|낮고|높고|크고|cheaper|lends more|than|whereas|while|; /i.test(lead) && FIGURE.test(lead) ? null : "the lead compares nothing with figures"),
  calculation: (_q, lead, answer) => {
    if (FIGURE.test(lead) && /입력값|Inputs|계산식|Formula|기준|×|÷/.test(lead)) return null;
    if ((answer.match(FOLLOW_UP)?.length ?? 0) === 1 && /필요|needed|알려|what is|how (much|large)/i.test(answer)) return null;
    return "the lead neither computes the figure with its inputs nor asks for the missing input";
  },
  drafting: (_q, lead) => (/초안|계약서|draft|contract/i.test(lead) ? null : "the lead does not present the draft"),
  review: (q, lead, answer) => {
    if (!hasContractText(q)) {
      if (CLAIMS_CLEAN.test(answer)) return "no contract was given, yet the answer calls it clean";
      return ASK_CONTRACT.test(lead) || ASK_CONTRACT.test(answer) ? null : "no contract was given and the answer does not ask for it";
    }
    return /위험|risk|조항|clause|pattern|유형/i.test(lead) ? null : "the lead says nothing about the clauses reviewed";
  },
  other: () => null,
};

/** The district names a lead may use for a region the question names (마포구, Mapo, Mapo-gu, or the 동 itself). */
function placeNames(q: string): string[][] {
  return findRegions(q).map((m) => [m.district.ko, m.district.en, m.text]);
}

/**
 * Market wording: a monthly-rent question leads with the rent (deposit beside it), a trend question with the
 * change, and a question about a district (or a 동 in it) with that district, not Seoul or another one.
 */
function marketCheck(q: string, lead: string, type: LeadCheckType): string | null {
  const market = /시세|전세|월세|매매|집값|가격|얼마|price|rent|jeonse|cost|buy|sale/i.test(q);
  if (market && (type === "amount" || type === "comparison")) {
    const missing = placeNames(q).find((names) => !names.some((n) => lead.toLowerCase().includes(n.toLowerCase())));
    if (missing) return `the lead does not speak of the place asked about (${missing[0]})`;
  }
  if (/월세|monthly rent/i.test(q) && /시세|얼마|how much|price|average|median/i.test(q) && !/월세|monthly rent|a month/i.test(lead)) return "a monthly-rent question without the rent in the lead";
  if (/(상승|하락|추이|거래량|trend|going up|rising|volume)/i.test(q) && /(시세|가격|매매|전세|price|market)/i.test(q) && !/%/.test(lead)) return "a trend question without a change in the lead";
  return null;
}

export function checkLead(question: string, type: LeadCheckType, lang: "ko" | "en", answer: string): LeadCheckResult {
  const lead = leadOf(answer);
  const fail = (reason: string): LeadCheckResult => ({ pass: false, reason, lead });
  if (lead.length === 0) return fail("the answer has no lead: it opens with a heading");
  if (!languageOk(lead, lang)) return fail(`the lead is not in ${lang === "ko" ? "Korean" : "English"}`);
  for (const g of GENERIC) if (g.test(answer)) return fail(`generic text instead of an answer (${g.source})`);
  for (const f of FILLER) if (f.test(answer)) return fail(`filler wording (${f.source})`);
  if ((answer.match(FOLLOW_UP)?.length ?? 0) > 1) return fail("more than one follow-up question");
  const market = marketCheck(question, lead, type);
  if (market) return fail(market);
  const reason = BY_TYPE[type](question, lead, answer, lang);
  return reason ? fail(reason) : { pass: true, reason: `${type}: ok`, lead };
}
