// The built-in rules planner: intent, entities and execution steps for a housing question, deterministic
// and offline — the default when no model is configured and the fallback when the LLM planner fails.
//
// Exported names others call (keep stable):
//   class RulesPlanner implements Planner       — kind "rules"; plan(input) → PlanningState (source "rules")
//   planQuestion(query, teams, today?)          — the same, synchronous, for scripts and tests
//   classifyIntent(request, { hasContractText }) from ./intent         — rules intent, confidence, keywords, needs
//   understandQuestion(query, entities, model) from ../understanding/understand — model + rules: intent, aspects, qtype
//   extractEntities(text, today?)               from ./entities        — Entities (KRW, m², "마포구", ISO dates)
//   buildExecutionSteps(understanding, entities, language, teams) from ./plan-steps
//   findAmounts / findKrwAmounts / parseKoreanAmount / findAreas from ./korean-amounts
//   findRegion / normalizeDistrict / districtEnglishName / SEOUL_DISTRICTS from ./regions
//   findDates from ./dates, findBuyerProfile from ./profile
import { languageOf, type PlanInput, type Planner } from "../../../models/types";
import type { Entities, Language, PlanningState } from "../types";
import type { Aspect } from "../understanding/corpus";
import { loadIntentModel, type LinearModel } from "../understanding/linear-model";
import { understandQuestion, type Understanding } from "../understanding/understand";
import { extractEntities } from "./entities";
import { buildExecutionSteps } from "./plan-steps";

export class PlanInputError extends Error {
  constructor(message: string) {
    super(`planner: ${message}`);
    this.name = "PlanInputError";
  }
}

const ASPECT_NAMES: Record<Aspect, { ko: string; en: string }> = {
  legal: { ko: "법률", en: "legal" },
  market: { ko: "시세", en: "market" },
  loan: { ko: "대출", en: "loan" },
  contract: { ko: "계약서", en: "contract" },
  risk: { ko: "위험 분석", en: "risk" },
};

function reasoningFor(u: Understanding, entities: Entities, language: Language): string {
  const { intent } = u;
  const c = u.rules;
  const cues = c.keywords.slice(0, 4);
  const needs = u.aspects.map((aspect) => ASPECT_NAMES[aspect][language]);
  const by = u.source === "model" ? (language === "ko" ? "학습된 분류기" : "the trained classifier") : (language === "ko" ? "규칙" : "the rules");
  if (language === "ko") {
    if (intent === "IRRELEVANT") return "주거·부동산과 관련된 표현이 없어 상담 범위 밖의 질문으로 판단했습니다.";
    if (intent === "UNCLEAR") return "주거 관련 질문이지만 무엇을 원하는지 알 수 있는 구체적인 내용이 없어 추가 정보가 필요합니다.";
    if (intent === "COMPREHENSIVE") return `한 질문에 ${needs.join("·")} 요청이 함께 있어 종합 상담으로 분류했습니다 (${by}, 단서: ${cues.join(", ")}).`;
    if (intent === "CONTRACT_REVIEW" && entities.contractText) return "붙여 넣은 계약서 내용이 있어 계약서 검토로 분류했습니다.";
    return `${needs.join("·")} 질문(${u.qtype})으로 보고 ${intent}로 분류했습니다 (${by}${cues.length ? `, 단서: ${cues.join(", ")}` : ""}).`;
  }
  if (intent === "IRRELEVANT") return "The question has nothing about housing or real estate, so it is outside this assistant's scope.";
  if (intent === "UNCLEAR") return "The question is about housing but says too little to act on, so more detail is needed.";
  if (intent === "COMPREHENSIVE") return `The question asks for several things at once (${needs.join(", ")}), per ${by}; cues: ${cues.join(", ")}.`;
  if (intent === "CONTRACT_REVIEW" && entities.contractText) return "The question carries pasted contract text, so it is a contract review.";
  return `Classified as ${intent}, a ${needs.join(" + ")} question (${u.qtype}), per ${by}${cues.length ? `; cues: ${cues.join(", ")}` : ""}.`;
}

/**
 * Plans one question synchronously. `today` resolves dates written without a year; `model` is the
 * trained understanding model (the committed one by default; null plans on rules alone).
 */
export function planQuestion(
  query: string,
  teams: PlanInput["teams"],
  today: Date = new Date(),
  model: LinearModel | null = loadIntentModel(),
): PlanningState {
  if (typeof query !== "string" || query.trim() === "") throw new PlanInputError("the question is empty");
  if (!Array.isArray(teams)) throw new PlanInputError("teams must be a list of { name, tools }");
  const language = languageOf(query);
  const entities = extractEntities(query, today);
  const understanding = understandQuestion(query, entities, model);
  const { intent } = understanding;
  const keywords = [...understanding.rules.keywords];
  if (entities.region && !keywords.includes(entities.region)) keywords.push(entities.region);
  return {
    intent,
    intent_confidence: understanding.confidence,
    keywords,
    aspects: understanding.aspects,
    questionType: understanding.qtype,
    entities,
    language,
    execution_steps: buildExecutionSteps(understanding, entities, language, teams, query),
    source: "rules",
    reasoning: reasoningFor(understanding, entities, language),
  };
}

export class RulesPlanner implements Planner {
  readonly kind = "rules" as const;

  async plan(input: PlanInput): Promise<PlanningState> {
    input.signal?.throwIfAborted();
    return planQuestion(input.query, input.teams);
  }
}
