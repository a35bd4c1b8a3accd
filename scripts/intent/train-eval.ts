// The planner's reading of labelled questions without the pipeline (no database): what training
// compares methods by on dev. The full eval (scripts/eval) runs the same questions through runTurn.
import { planQuestion } from "../../server/apps/housing/rules/planner";
import { housingTeams } from "../../server/apps/housing/teams";
import type { LabelledQuestion } from "../../server/apps/housing/understanding/corpus";
import type { LinearModel } from "../../server/apps/housing/understanding/linear-model";
import type { Scored } from "../eval/metrics";
import { TRAINING_DAY } from "./model-builder";

const RUNTIME = housingTeams.map((t) => ({ name: t.name, tools: t.tools }));

export function planScores(rows: LabelledQuestion[], model: LinearModel | null): Scored[] {
  return rows.map((label) => {
    const plan = planQuestion(label.q, RUNTIME, TRAINING_DAY, model);
    return {
      label,
      predicted: {
        intent: plan.intent, aspects: plan.aspects, qtype: plan.questionType,
        teams: plan.execution_steps.map((s) => s.team), tools: plan.execution_steps.flatMap((s) => s.tools),
      },
    };
  });
}

