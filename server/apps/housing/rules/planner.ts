// The built-in rules planner: intent, entities and execution steps for a housing question, deterministic
// and offline — the default when no model is configured and the fallback when the LLM planner fails.
//
// Exported names others call (keep stable):
//   class RulesPlanner implements Planner       — kind "rules"; plan(input) → PlanningState (source "rules")
//   planQuestion(query, teams, today?)          — the same, synchronous, for scripts and tests
//   classifyIntent(request, { hasContractText }) from ./intent         — intent, confidence, keywords, needs
//   extractEntities(text, today?)               from ./entities        — Entities (KRW, m², "마포구", ISO dates)
//   buildExecutionSteps(classification, entities, language, teams) from ./plan-steps
//   findAmounts / findKrwAmounts / parseKoreanAmount / findAreas from ./korean-amounts
//   findRegion / normalizeDistrict / districtEnglishName / SEOUL_DISTRICTS from ./regions
//   findDates from ./dates, findBuyerProfile from ./profile
import { languageOf, type PlanInput, type Planner } from "../../../models/types";
import type { Entities, Intent, Language, PlanningState } from "../types";
import { classifyIntent, type Classification, type Need } from "./intent";
import { extractEntities } from "./entities";
import { buildExecutionSteps } from "./plan-steps";

export class PlanInputError extends Error {
  constructor(message: string) {
    super(`planner: ${message}`);
    this.name = "PlanInputError";
  }
}

const NEED_NAMES: Record<Need, { ko: string; en: string }> = {
  legal: { ko: "법률", en: "legal" },
  market: { ko: "시세", en: "market" },
  loan: { ko: "대출", en: "loan" },
  creation: { ko: "계약서 작성", en: "contract drafting" },
  review: { ko: "계약서 검토", en: "contract review" },
  risk: { ko: "위험 분석", en: "risk" },
};

function reasoningFor(intent: Intent, c: Classification, entities: Entities, language: Language): string {
  const cues = c.keywords.slice(0, 4);
  const needs = c.needs.map((need) => NEED_NAMES[need][language]);
  if (language === "ko") {
    if (intent === "IRRELEVANT") return "주거·부동산과 관련된 표현이 없어 상담 범위 밖의 질문으로 판단했습니다.";
    if (intent === "UNCLEAR") return "주거 관련 질문이지만 무엇을 원하는지 알 수 있는 구체적인 내용이 없어 추가 정보가 필요합니다.";
    if (intent === "COMPREHENSIVE") return `한 질문에 ${needs.join("·")} 요청이 함께 있어 종합 상담으로 분류했습니다 (단서: ${cues.join(", ")}).`;
    if (c.needs[0] === "review" && entities.contractText) return "붙여 넣은 계약서 내용이 있어 계약서 검토로 분류했습니다.";
    return `${needs[0]} 관련 표현(${cues.join(", ")})이 가장 강하게 나타나 ${intent}로 분류했습니다.`;
  }
  if (intent === "IRRELEVANT") return "The question has nothing about housing or real estate, so it is outside this assistant's scope.";
  if (intent === "UNCLEAR") return "The question is about housing but says too little to act on, so more detail is needed.";
  if (intent === "COMPREHENSIVE") return `The question asks for several things at once (${needs.join(", ")}), cued by: ${cues.join(", ")}.`;
  if (c.needs[0] === "review" && entities.contractText) return "The question carries pasted contract text, so it is a contract review.";
  return `Classified as ${intent} because the ${needs[0]} cues (${cues.join(", ")}) are the strongest.`;
}

/** Plans one question synchronously. `today` resolves dates written without a year. */
export function planQuestion(query: string, teams: PlanInput["teams"], today: Date = new Date()): PlanningState {
  if (typeof query !== "string" || query.trim() === "") throw new PlanInputError("the question is empty");
  if (!Array.isArray(teams)) throw new PlanInputError("teams must be a list of { name, tools }");
  const language = languageOf(query);
  const entities = extractEntities(query, today);
  // Classify the request, not the pasted contract: its clauses mention loans, liens and law on their own.
  const request = entities.contractText ? query.replace(entities.contractText, " ") : query;
  const namesPlaceOrFigure = entities.region !== undefined || entities.price !== undefined
    || entities.deposit !== undefined || entities.monthlyRent !== undefined;
  const jeonseRatio = entities.transactionType === "jeonse" && entities.deposit !== undefined && entities.price
    ? entities.deposit / entities.price
    : undefined;
  const classification = classifyIntent(request, {
    hasContractText: entities.contractText !== undefined, namesPlaceOrFigure, jeonseRatio,
  });
  const { intent } = classification;
  const keywords = [...classification.keywords];
  if (entities.region && !keywords.includes(entities.region)) keywords.push(entities.region);
  return {
    intent,
    intent_confidence: classification.confidence,
    keywords,
    // The classifier's needs name the aspects; drafting and review are both the contract aspect.
    aspects: [...new Set(classification.needs.map((need) => (need === "creation" || need === "review" ? "contract" : need)))],
    questionType: "other",
    entities,
    language,
    execution_steps: buildExecutionSteps(classification, entities, language, teams),
    source: "rules",
    reasoning: reasoningFor(intent, classification, entities, language),
  };
}

export class RulesPlanner implements Planner {
  readonly kind = "rules" as const;

  async plan(input: PlanInput): Promise<PlanningState> {
    input.signal?.throwIfAborted();
    return planQuestion(input.query, input.teams);
  }
}
