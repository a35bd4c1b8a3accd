// For the lead eval's smaller sets: score each set, print its failures, and hold its floor. Test-only (vitest's expect).
import { expect } from "vitest";
import { getDatabase } from "../../server/db/client";
import { runLeadEval } from "./lead-eval";
import type { LeadQuestion } from "./lead-questions";

/** Each set's pass rate at or above its floor, and no figure in any answer that no tool output or entity explains. */
export async function expectLeadFloors(label: string, sets: readonly (readonly [name: string, questions: LeadQuestion[], floor: number])[]): Promise<void> {
  const { db } = await getDatabase();
  for (const [name, questions, floor] of sets) {
    const { rows, passRate } = await runLeadEval(db, questions);
    const failures = rows.filter((r) => !r.pass).map((r) => `[${r.type}/${r.lang}] ${r.q} — ${r.reason} — lead: ${r.lead.slice(0, 140).replace(/\n/g, " ")}`);
    console.log(`${label} (${name}) lead pass rate ${rows.length - failures.length}/${rows.length}\n${failures.join("\n")}`);
    expect(passRate, name).toBeGreaterThanOrEqual(floor);
    expect(rows.filter((r) => r.unexplainedNumbers.length > 0).map((r) => `${r.q}: ${r.unexplainedNumbers.join(", ")}`)).toEqual([]);
  }
}
