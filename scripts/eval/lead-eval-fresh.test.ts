// The lead eval on the fresh set (lead-questions-fresh.ts), written before the leads2 responder changes and
// scored once before and once after them; the floor is the after-figure measured, never tuned on its questions.
import { expect, it } from "vitest";
import { getDatabase } from "../../server/db/client";
import { runLeadEval } from "./lead-eval";
import { FRESH_QUESTIONS } from "./lead-questions-fresh";

it("answers' leads address the question (fresh set)", async () => {
  const { db } = await getDatabase();
  const { rows, passRate } = await runLeadEval(db, FRESH_QUESTIONS);
  const failures = rows.filter((r) => !r.pass).map((r) => `[${r.type}/${r.lang}] ${r.q} — ${r.reason} — lead: ${r.lead.slice(0, 140).replace(/\n/g, " ")}`);
  console.log(`fresh lead pass rate ${rows.length - failures.length}/${rows.length} = ${(passRate * 100).toFixed(1)}%\n${failures.join("\n")}`);
  expect(rows.length).toBeGreaterThanOrEqual(110);
  expect(passRate).toBeGreaterThanOrEqual(Number(process.env.LEAD_EVAL_FLOOR ?? 0.5));
  expect(rows.filter((r) => r.unexplainedNumbers.length > 0).map((r) => `${r.q}: ${r.unexplainedNumbers.join(", ")}`)).toEqual([]);
}, 600_000);
