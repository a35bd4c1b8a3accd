// A planner decorator: when the plan has no legal_search but a cheap statute retrieval finds a strong match
// ("중개수수료는 얼마인가요?"), the plan gains the "legal" aspect and a legal_search step (UNCLEAR → LEGAL_CONSULT).
import type { Planner, PlanInput } from "../../../models/types";
import { housingPlanning, type ExecutionStep, type PlanningState } from "../types";
import type { Db } from "../../../db/client";
import { searchStatutes } from "./search";
import { statuteEvidence } from "./evidence";
import { todayIso } from "./article";

/**
 * Evidence at or above this routes a question to legal search. Measured on the legal set's train split against
 * the planner set's market/loan/unclear/irrelevant questions (README, "Statutes"): at 3, 66% of the legal
 * questions pass and 1 of 92 others does.
 */
export const EVIDENCE_THRESHOLD = 3;

const SEARCH_TEAM = "search";
const LEGAL_TOOL = "legal_search";

function withLegalSearch(plan: PlanningState, input: PlanInput, evidence: number): PlanningState {
  const steps = plan.execution_steps.map((s) => ({ ...s, tools: [...s.tools] }));
  const search = steps.find((s) => s.team === SEARCH_TEAM);
  if (search) search.tools.push(LEGAL_TOOL);
  else {
    const step: ExecutionStep = {
      step_id: `step_${SEARCH_TEAM}`, team: SEARCH_TEAM,
      description: plan.language === "ko" ? "관련 법령 검색" : "Search the relevant law",
      tools: [LEGAL_TOOL], depends_on: [], status: "pending", progress_percentage: 0,
      started_at: null, completed_at: null, execution_time_ms: null, result: null, error: null,
    };
    // Independent of the planned steps (their tools never asked for statutes): it runs beside them.
    steps.unshift(step);
  }
  const noIntent = plan.intent === "UNCLEAR" || plan.intent === "IRRELEVANT";
  return {
    ...plan,
    intent: noIntent ? "LEGAL_CONSULT" : plan.intent,
    aspects: plan.aspects.includes("legal") ? plan.aspects : [...plan.aspects, "legal"],
    execution_steps: steps,
    reasoning: `${plan.reasoning} · statute evidence ${evidence} ≥ ${EVIDENCE_THRESHOLD}: legal_search added`,
  };
}

/** Whether the runtime has the search team with legal_search at all (a test runtime may not). */
function canSearchLaw(input: PlanInput): boolean {
  return input.teams.some((t) => t.name === SEARCH_TEAM && t.tools.includes(LEGAL_TOOL));
}

export function withEvidenceRouting(inner: Planner, database: () => Promise<Db>): Planner {
  return {
    kind: inner.kind,
    async plan(input: PlanInput): Promise<PlanningState> {
      const plan = housingPlanning(await inner.plan(input));
      if (!canSearchLaw(input) || plan.execution_steps.some((s) => s.tools.includes(LEGAL_TOOL))) return plan;
      const db = await database();
      const result = await searchStatutes(db, { query: input.query, limit: 3, asOf: todayIso() });
      const evidence = statuteEvidence(result);
      return evidence >= EVIDENCE_THRESHOLD ? withLegalSearch(plan, input, evidence) : plan;
    },
  };
}
