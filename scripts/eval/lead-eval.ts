// Runs labelled questions through the real pipeline (rules planner → teams and tools on PostgreSQL → rules
// responder) and scores each answer's lead with lead-checks. `npx tsx --conditions=react-server scripts/eval/lead-eval.ts [--json]`.
import type { Db } from "../../server/db/client";
import { planQuestion } from "../../server/apps/housing/rules/planner";
import { RulesResponder } from "../../server/apps/housing/rules/responder";
import { createHousingToolRegistry } from "../../server/apps/housing/tools";
import { createHousingTeamRegistry, housingTeams } from "../../server/apps/housing/teams";
import { runStepsSequentially } from "../../server/apps/housing/teams/run-steps";
import { allowedNumbers, unexplained } from "../../server/apps/housing/rules/answer-numbers";
import { checkLead, type LeadCheckResult } from "./lead-checks";
import { LEAD_QUESTIONS, type LeadQuestion } from "./lead-questions";

export interface LeadEvalRow extends LeadQuestion, LeadCheckResult { answer: string; intent: string; unexplainedNumbers: string[] }

/** One question through the pipeline: the answer, the intent, and any figure no tool output or entity explains. */
export async function answerQuestion(db: Db, q: string, now = new Date()): Promise<{ answer: string; intent: string; unexplainedNumbers: string[] }> {
  const tools = createHousingToolRegistry();
  const teams = createHousingTeamRegistry();
  const planning = planQuestion(q, housingTeams.map((t) => ({ name: t.name, tools: t.tools })), now);
  const run = planning.execution_steps.length > 0 ? await runStepsSequentially(planning, q, tools, teams, db) : null;
  const answer = await new RulesResponder().respond({ query: q, planning, aggregated: run?.aggregated ?? null });
  const allowed = allowedNumbers([run?.aggregated.outputs ?? {}, run?.aggregated.entities ?? planning.entities]);
  return { answer: answer.answer, intent: planning.intent, unexplainedNumbers: unexplained(answer.answer, allowed) };
}

export async function runLeadEval(db: Db, questions: LeadQuestion[] = LEAD_QUESTIONS): Promise<{ rows: LeadEvalRow[]; passRate: number }> {
  const rows: LeadEvalRow[] = [];
  for (const item of questions) {
    const { answer, intent, unexplainedNumbers } = await answerQuestion(db, item.q);
    rows.push({ ...item, ...checkLead(item.q, item.type, item.lang, answer), answer, intent, unexplainedNumbers });
  }
  return { rows, passRate: rows.filter((r) => r.pass).length / Math.max(1, rows.length) };
}

async function main(): Promise<void> {
  const { ensureReady } = await import("../../server/boot");
  const { shutdownDatabase } = await import("../../server/db/client");
  const database = await ensureReady();
  const { rows, passRate } = await runLeadEval(database.db);
  if (process.argv.includes("--json")) process.stdout.write(`${JSON.stringify({ passRate, rows: rows.map(({ answer: _a, ...r }) => r) }, null, 2)}\n`);
  else {
    for (const r of rows.filter((x) => !x.pass)) process.stdout.write(`FAIL [${r.type}/${r.lang}] ${r.q}\n  ${r.reason}\n  lead: ${r.lead.slice(0, 160).replace(/\n/g, " ")}\n`);
    process.stdout.write(`lead pass rate: ${rows.filter((r) => r.pass).length}/${rows.length} (${(passRate * 100).toFixed(1)}%)\n`);
  }
  await shutdownDatabase();
}

if (process.argv[1]?.endsWith("lead-eval.ts")) main().catch((e) => { console.error(e); process.exit(1); });
