import { planQuestion } from "../server/apps/housing/rules/planner";
import { housingTeams } from "../server/apps/housing/teams";
for (const q of process.argv.slice(2)) {
  const p = planQuestion(q, housingTeams.map((t) => ({ name: t.name, tools: t.tools })));
  console.log(q, JSON.stringify({ intent: p.intent, qt: p.questionType, aspects: p.aspects, steps: p.execution_steps.map((s) => `${s.team}:${s.tools.join("+")}`) }));
}
