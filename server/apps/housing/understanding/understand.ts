// Understanding one question: the trained model's intent, aspects and question type, reconciled with
// each other and with the rules, so a housing question always gets a topic to plan (never a dead end).
import { INTENTS, type Entities, type Intent } from "../types";
import { classifyIntent, HOUSING, type Classification } from "../rules/intent";
import { questionTypeCues, QUESTION_TYPES, type QuestionType } from "../rules/question-type";
import { ASPECTS, type Aspect } from "./corpus";
import { questionFeatures } from "./features";
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
export function understandByRules(request: string, c: Classification): Understanding {
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
  return { intent, confidence: c.confidence, aspects, qtype, rules: c, source: "rules" };
}

/** Housing words that also live outside housing (student loans, car leases, job contracts, moving house). */
const SHARED_WORDS = /대출|융자|계약|이사|\bloans?\b|\bleas(?:e|ing)\b|\bcontracts?\b|\brent\w*|\bdeposits?\b|\bhomes?\b|\bflat\b|\bpropert(?:y|ies)\b|\bmov(?:e|ing)\b/gi;
/** How sure the model must be to call text off-topic when its only housing words are shared ones. */
const OFF_TOPIC_WITH_SHARED_WORDS = 0.75;

/**
 * How much the text is about housing: "clearly" (a housing-only word: 전세, 집주인, 아파트, LTV…),
 * "maybe" (only words shared with other topics) or "no". A place name alone is not housing ("sushi in Gangnam").
 */
function housingEvidence(request: string): "clearly" | "maybe" | "no" {
  if (HOUSING.test(request.replace(SHARED_WORDS, " "))) return "clearly";
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
  if (!model) return understandByRules(request, rules);

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
  const vague = rules.needs.length === 0 && prob("UNCLEAR") >= UNCLEAR_MIN_PROBABILITY && isShort(request);
  if (intent === "UNCLEAR" && housing && !vague) {
    intent = ranked.find((i) => !NO_TOPIC.has(i)) ?? intent;
  }
  if (intent === "UNCLEAR" && !housing) intent = "IRRELEVANT";

  const qtypeScores = model.score("qtype", features);
  let qtype = QUESTION_TYPES[argmax(qtypeScores.probs)] ?? "other";
  if (NO_TOPIC.has(intent)) return { intent, confidence: round(prob(intent)), aspects: [], qtype: "other", rules, source: "model" };

  const aspectScores = model.score("aspects", features);
  const aspectProb = (a: Aspect) => aspectScores.probs[aspectScores.classes.indexOf(a)] ?? 0;
  const own = ASPECT_OF_INTENT[intent];
  // A single-topic question asks for another aspect only on clearer evidence than a compound one.
  const threshold = own ? model.secondaryAspectThreshold : model.aspectThreshold;
  const aspects = new Set<Aspect>(ASPECTS.filter((a) => aspectProb(a) >= threshold));
  if (own) aspects.add(own);
  // A several-part question has at least two parts: take the likeliest ones the threshold missed.
  if (intent === "COMPREHENSIVE") {
    for (const a of [...ASPECTS].sort((x, y) => aspectProb(y) - aspectProb(x))) {
      if (aspects.size >= 2) break;
      aspects.add(a);
    }
  }
  if (intent === "CONTRACT_CREATION") qtype = "drafting";
  else if (intent === "CONTRACT_REVIEW") qtype = "review";
  return {
    intent, confidence: round(prob(intent)),
    aspects: ASPECTS.filter((a) => aspects.has(a)), qtype, rules, source: "model",
  };
}

function argmax(values: number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

const round = (v: number) => Math.round(v * 100) / 100;
