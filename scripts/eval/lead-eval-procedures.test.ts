// The lead eval on "how do I …" questions (lead-questions-procedures.ts): their answers lead with numbered steps;
// "어떻게 되나요" (what happens, how much) keeps its own reading. Floors sit just under the figures measured.
import { expect, it } from "vitest";
import { getDatabase } from "../../server/db/client";
import { runLeadEval } from "./lead-eval";
import { PROCEDURES_FRESH, PROCEDURES_SEEN } from "./lead-questions-procedures";

it("answers how to do something with steps, and what happens with the rule", async () => {
  const { db } = await getDatabase();
  for (const [name, set, floor] of [["seen", PROCEDURES_SEEN, 0.9], ["fresh", PROCEDURES_FRESH, 0.9]] as const) {
    const { rows, passRate } = await runLeadEval(db, set);
    const failures = rows.filter((r) => !r.pass).map((r) => `[${r.type}/${r.lang}] ${r.q} — ${r.reason} — lead: ${r.lead.slice(0, 140).replace(/\n/g, " ")}`);
    console.log(`procedures (${name}) lead pass rate ${rows.length - failures.length}/${rows.length}\n${failures.join("\n")}`);
    expect(passRate, name).toBeGreaterThanOrEqual(floor);
    expect(rows.filter((r) => r.unexplainedNumbers.length > 0).map((r) => `${r.q}: ${r.unexplainedNumbers.join(", ")}`)).toEqual([]);
  }
}, 600_000);
