// Different loan questions get different answers: 100 varied loan questions through the real pipeline must
// yield at least 80 distinct lead paragraphs (the issue measured 10 distinct answers for 83 questions).
import { expect, it } from "vitest";
import { getDatabase } from "../../server/db/client";
import { answerQuestion } from "./lead-eval";
import { leadOf } from "./lead-checks";
import { LOAN_QUESTIONS } from "./loan-questions";

it("100 varied loan questions get at least 80 distinct leads", async () => {
  const { db } = await getDatabase();
  expect(LOAN_QUESTIONS).toHaveLength(100);
  expect(new Set(LOAN_QUESTIONS).size).toBe(100);
  const leads = new Map<string, string[]>();
  const unexplained: string[] = [];
  for (const q of LOAN_QUESTIONS) {
    const result = await answerQuestion(db, q);
    if (result.unexplainedNumbers.length > 0) unexplained.push(`${q}: ${result.unexplainedNumbers.join(", ")}`);
    const lead = leadOf(result.answer);
    leads.set(lead, [...(leads.get(lead) ?? []), q]);
  }
  const shared = [...leads.entries()].filter(([, qs]) => qs.length > 1).map(([lead, qs]) => `${qs.length}× ${lead.slice(0, 100).replace(/\n/g, " ")}\n   ${qs.join(" | ")}`);
  console.log(`distinct leads: ${leads.size}/100\n${shared.join("\n")}`);
  expect(leads.size).toBeGreaterThanOrEqual(80);
  expect(unexplained).toEqual([]);
}, 300_000);
