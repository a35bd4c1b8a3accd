// Understanding one question: the trained model's intent, aspects and question type, reconciled with
// each other and with the rules, so a housing question always gets a topic to plan (never a dead end).
import { INTENTS, type Entities, type Intent } from "../types";
import { classifyIntent, HOUSING, type Classification } from "../rules/intent";
import { asksForSteps, asksWhatItMeans, questionTypeCues, QUESTION_TYPES, type QuestionType } from "../rules/question-type";
import { ASPECTS, type Aspect } from "./corpus";
import { questionFeatures } from "./features";
import { namesGlossaryTerm, namesHousingTerm } from "./vocabulary";
import type { LinearModel } from "./linear-model";

export interface Understanding {
  intent: Intent;
  confidence: number;
  aspects: Aspect[];
  qtype: QuestionType;
  /** The rules' reading of the same request: flags (increase, listings, …) the step builder uses. */
  rules: Classification;
  source: "model" | "rules";
}

const ASPECT_OF_INTENT: Partial<Record<Intent, Aspect>> = {
  LEGAL_CONSULT: "legal", MARKET_INQUIRY: "market", LOAN_CONSULT: "loan",
  CONTRACT_CREATION: "contract", CONTRACT_REVIEW: "contract", RISK_ANALYSIS: "risk",
};
const NO_TOPIC = new Set<Intent>(["UNCLEAR", "IRRELEVANT"]);

function rulesAspects(c: Classification): Aspect[] {
  return [...new Set(c.needs.map((n): Aspect => (n === "creation" || n === "review" ? "contract" : n)))];
}

/**
 * The rules alone, when the model file is missing. They keep the same promise: clear housing text
 * the cues cannot place is planned as a question of law (retrieval decides what applies), not a dead end.
 */
export function understandByRules(request: string, c: Classification, context: { contractText: boolean; placeOrFigure: boolean }): Understanding {
  let intent = c.intent;
  let aspects = rulesAspects(c);
  if (NO_TOPIC.has(intent) && housingEvidence(request) === "clearly" && !isShort(request)) {
    intent = "LEGAL_CONSULT";
    aspects = ["legal"];
  }
  let qtype = questionTypeCues(request).type;
  if (intent === "CONTRACT_CREATION") qtype = "drafting";
  else if (intent === "CONTRACT_REVIEW") qtype = "review";
  else if (NO_TOPIC.has(intent)) qtype = "other";
  const reading = asksOnlyWhatTermMeans(request, context) ? asDefinition({ intent, aspects, qtype }) : { intent, aspects, qtype };
  return { ...reading, qtype: howToReading(request, reading), confidence: c.confidence, rules: c, source: "rules" };
}

/** Kinds of ask a how-to question may carry besides its own: its "되나요" reads as permissibility, its object as eligibility or a term. */
const HOW_TO_COMPANIONS = new Set<QuestionType>(["procedure", "permissibility", "eligibility", "definition"]);

/**
 * "전입신고는 어떻게 하면 되나요?", "디딤돌 대출 어떻게 신청하면 되나요?": how to do something, with no other kind of ask
 * (an amount, a comparison, a draft…), is a procedure, whose answer is steps. The model read many as permissibility
 * (the "되나요") or eligibility. Contract work keeps its own type, and text with no topic keeps "other".
 */
function howToReading(request: string, r: { intent: Intent; qtype: QuestionType }): QuestionType {
  if (NO_TOPIC.has(r.intent) || r.intent === "CONTRACT_CREATION" || r.intent === "CONTRACT_REVIEW" || !asksForSteps(request)) return r.qtype;
  return questionTypeCues(request).matched.every((t) => HOW_TO_COMPANIONS.has(t)) ? "procedure" : r.qtype;
}

/**
 * "위약금이란?", "특약사항이란 무엇입니까", "What does fixed-date stamp mean?": the question only asks what a term the
 * glossary defines means. No other kind of ask is in it (an amount, a procedure, drafting or review…), it names no
 * place or figure, and no contract is pasted. The model read some of these as contract work (most of its training
 * questions that name 특약 or 위약금 ask for a draft or a review), as a rule to apply, or as too vague to plan. The
 * answer they want is the glossary's definition. The confidence reported is the model's for the intent kept.
 */
export function asksOnlyWhatTermMeans(request: string, context: { contractText: boolean; placeOrFigure: boolean }): boolean {
  // A place or a figure asks for the term's value there ("What's the DSR for a 500 million won loan?").
  if (context.contractText || context.placeOrFigure || !asksWhatItMeans(request) || !namesGlossaryTerm(request)) return false;
  return questionTypeCues(request).matched.every((t) => t === "definition");
}

/** A definition reading: contract work and "no topic" become a question of law; other topics keep theirs. */
function asDefinition(r: { intent: Intent; aspects: Aspect[]; qtype: QuestionType }): { intent: Intent; aspects: Aspect[]; qtype: QuestionType } {
  const moves = r.intent === "CONTRACT_CREATION" || r.intent === "CONTRACT_REVIEW" || NO_TOPIC.has(r.intent);
  return moves ? { intent: "LEGAL_CONSULT", aspects: ["legal"], qtype: "definition" } : { ...r, qtype: "definition" };
}

/** Housing words that also live outside housing (student loans, car leases, job contracts, moving house). */
const SHARED_WORDS = /대출|융자|계약|이사|\bloans?\b|\bleas(?:e|ing)\b|\bcontracts?\b|\brent\w*|\bdeposits?\b|\bhomes?\b|\bflat\b|\bpropert(?:y|ies)\b|\bmov(?:e|ing)\b/gi;
/**
 * Words of the housing market and home life the rules' HOUSING list lacks (units, deal words, taxes on
 * homes, building types, the tenant's certified letter): questions written with only these are still housing
 * ("국평 무슨 뜻", "59랑 84 차이", "내용증명은 어떻게 보내면 돼요?").
 */
const MARKET_AND_HOME_WORDS = new RegExp([
  "시세", "실거래", "호가", "평당", "평형", "\\d+\\s*평", "국평", "구축", "신축", "신도시", "거래량", "갭\\s*투자", "역세권", "학군", "\\d+\\s*단지", "대단지", "같은\\s*단지",
  "고시원", "투룸", "쓰리룸", "다세대", "다가구", "연립", "입주", "분양권", "입주권", "취득세", "양도세", "종부세", "재산세", "보유세",
  "관리\\s*사무소", "관리\\s*규약", "장기\\s*수선", "하자\\s*보수", "건축물\\s*대장", "토지\\s*거래\\s*허가", "특약", "도배", "세대주", "주거", "갱신\\s*거절", "대위\\s*변제",
  // A certified letter is how a tenant demands the deposit or refuses a renewal: every labelled question naming it is about a lease.
  "내용\\s*증명", "\\bcertified\\s+(?:letter|mail)\\b", "\\bmanagement\\s+fees?\\b",
  "\\bstudios?\\b", "\\bone[-\\s]?room\\b", "\\bgoshiwon\\b", "\\bwolse\\b", "\\bpyeong\\b", "\\bapt\\b", "\\bcondo\\b", "\\bbanjeonse\\b",
  "\\bsublet\\w*", "\\bmove[-\\s]?(?:in|out)\\b", "\\bbuy(?:ing)?\\s+(?:a|my|our|the)\\s+(?:place|house|home|flat|unit)\\b",
].join("|"), "i");
/** How sure the model must be to call text off-topic when its only housing words are shared ones. */
const OFF_TOPIC_WITH_SHARED_WORDS = 0.75;

/**
 * How much the text is about housing: "clearly" (a housing-only word: 전세, 집주인, 아파트, LTV…),
 * "maybe" (only words shared with other topics) or "no". A place name alone is not housing ("sushi in Gangnam").
 */
export function housingEvidence(request: string): "clearly" | "maybe" | "no" {
  if (HOUSING.test(request.replace(SHARED_WORDS, " ")) || MARKET_AND_HOME_WORDS.test(request) || namesHousingTerm(request)) return "clearly";
  return HOUSING.test(request) ? "maybe" : "no";
}

/**
 * UNCLEAR is kept only for a few words about housing with no ask in them ("집 문제 좀 도와줘", "전세"):
 * the model's clear reading, no need the rules found, and short. Anything longer gets a topic to plan.
 */
const UNCLEAR_MIN_PROBABILITY = 0.6;
const UNCLEAR_MAX_CHARS = 12;
const isShort = (text: string) => text.replace(/[\s\p{P}\p{S}]/gu, "").length <= UNCLEAR_MAX_CHARS;

export function understandQuestion(question: string, entities: Entities, model: LinearModel | null): Understanding {
  const request = entities.contractText ? question.replace(entities.contractText, " ") : question;
  const namesPlaceOrFigure = entities.region !== undefined || entities.price !== undefined
    || entities.deposit !== undefined || entities.monthlyRent !== undefined;
  const jeonseRatio = entities.transactionType === "jeonse" && entities.deposit !== undefined && entities.price
    ? entities.deposit / entities.price : undefined;
  const rules = classifyIntent(request, { hasContractText: entities.contractText !== undefined, namesPlaceOrFigure, jeonseRatio });
  const context = { contractText: entities.contractText !== undefined, placeOrFigure: namesPlaceOrFigure };
  if (!model) return understandByRules(request, rules, context);

  const features = questionFeatures(question, entities);
  const intentScores = model.score("intent", features);
  const prob = (intent: Intent) => intentScores.probs[intentScores.classes.indexOf(intent)] ?? 0;
  const ranked = [...INTENTS].sort((a, b) => prob(b) - prob(a));
  let intent = ranked[0];
  const evidence = housingEvidence(request);
  const housing = evidence === "clearly" || (evidence === "maybe" && prob("IRRELEVANT") < OFF_TOPIC_WITH_SHARED_WORDS);
  // Never a dead end: housing text gets its likeliest topic. UNCLEAR stays only for a few words with
  // no ask in them ("집 문제 좀 도와줘"); off-topic text stays IRRELEVANT.
  if (intent === "IRRELEVANT" && housing) intent = ranked.find((i) => i !== "IRRELEVANT") ?? intent;
  const definition = asksOnlyWhatTermMeans(request, context);
  const vague = rules.needs.length === 0 && prob("UNCLEAR") >= UNCLEAR_MIN_PROBABILITY && isShort(request) && !definition;
  if (intent === "UNCLEAR" && housing && !vague) {
    intent = ranked.find((i) => !NO_TOPIC.has(i)) ?? intent;
  }
  if (intent === "UNCLEAR" && !housing) intent = "IRRELEVANT";

  if (NO_TOPIC.has(intent) && definition && housing) {
    const read = asDefinition({ intent, aspects: [], qtype: "other" });
    return { ...read, confidence: round(prob(read.intent)), rules, source: "model" };
  }
  if (NO_TOPIC.has(intent)) return { intent, confidence: round(prob(intent)), aspects: [], qtype: "other", rules, source: "model" };

  const aspectScores = model.score("aspects", features);
  const aspectProb = (a: Aspect) => aspectScores.probs[aspectScores.classes.indexOf(a)] ?? 0;
  // Intent and aspects are read together, so a question with two parts that need different work is
  // COMPREHENSIVE even when the intent head alone leaned to one of them (and the other way round).
  const reading = jointReading(
    INTENTS.filter((i) => !NO_TOPIC.has(i)).map((i) => ({ intent: i, p: prob(i) })), aspectProb, model.aspectThreshold,
  );
  intent = reading.intent;
  const aspects = new Set(reading.aspects);
  const qtypeScores = model.score("qtype", features);
  const qtypeProb = (t: QuestionType) => qtypeScores.probs[qtypeScores.classes.indexOf(t)] ?? 0;
  // Drafting and reviewing are what the contract aspect asks for: without it, the likeliest other type.
  const possible = QUESTION_TYPES.filter((t) => aspects.has("contract") || (t !== "drafting" && t !== "review"));
  let qtype = possible.reduce((best, t) => (qtypeProb(t) > qtypeProb(best) ? t : best), possible[0]);
  if (intent === "CONTRACT_CREATION") qtype = "drafting";
  else if (intent === "CONTRACT_REVIEW") qtype = "review";
  const read = { intent, aspects: ASPECTS.filter((a) => aspects.has(a)), qtype };
  const settled = definition ? asDefinition(read) : read;
  return { ...settled, qtype: howToReading(request, settled), confidence: round(prob(settled.intent)), rules, source: "model" };
}

/** Aspects a single-topic question may carry besides its own without becoming a several-part one (labels.md). */
const COMPANIONS: Partial<Record<Intent, Aspect[]>> = {
  LEGAL_CONSULT: ["contract"], CONTRACT_CREATION: ["legal"], CONTRACT_REVIEW: ["legal", "risk"], RISK_ANALYSIS: ["legal", "market"],
  MARKET_INQUIRY: [], LOAN_CONSULT: [],
};
const logit = (p: number) => Math.log(Math.max(p, 1e-6) / Math.max(1 - p, 1e-6));

/**
 * The intent and aspect set read together: every reading the labels allow (a topic with its own aspect
 * and its companions, or COMPREHENSIVE with two or more aspects) scored by the intent head's
 * log-probability plus each chosen aspect's log-odds over the threshold; the best wins. (Weighting the
 * intent term ×0.5 or ×2 was no better on dev nor across writers.)
 */
export function jointReading(
  intents: { intent: Intent; p: number }[], aspectProb: (a: Aspect) => number, threshold: number,
): { intent: Intent; aspects: Aspect[] } {
  const gain = new Map(ASPECTS.map((a) => [a, logit(aspectProb(a)) - logit(threshold)]));
  let best: { intent: Intent; aspects: Aspect[]; score: number } | null = null;
  for (let mask = 1; mask < 1 << ASPECTS.length; mask++) {
    const set = ASPECTS.filter((_, i) => mask & (1 << i));
    const aspectScore = set.reduce((sum, a) => sum + gain.get(a)!, 0);
    for (const { intent, p } of intents) {
      const own = ASPECT_OF_INTENT[intent];
      const allowed = own
        ? set.includes(own) && set.every((a) => a === own || COMPANIONS[intent]!.includes(a))
        : set.length >= 2;
      if (!allowed) continue;
      const score = Math.log(Math.max(p, 1e-9)) + aspectScore;
      if (!best || score > best.score) best = { intent, aspects: set, score };
    }
  }
  return best!;
}

const round = (v: number) => Math.round(v * 100) / 100;
