// The lead eval on questions about glossary terms (lead-questions-definitions.ts): what each term means, and
// other asks about the same terms. Floors sit just under the figures measured when the sets were written.
import { expect, it } from "vitest";
import { getDatabase } from "../../server/db/client";
import { runLeadEval } from "./lead-eval";
import { DEFINITIONS_FRESH, DEFINITIONS_SEEN } from "./lead-questions-definitions";

it("answers what a glossary term means with its definition, and other asks about the terms as before", async () => {
  const { db } = await getDatabase();
  for (const [name, set, floor] of [["seen", DEFINITIONS_SEEN, 0.9], ["fresh", DEFINITIONS_FRESH, 0.93]] as const) {
    const { rows, passRate } = await runLeadEval(db, set);
    const failures = rows.filter((r) => !r.pass).map((r) => `[${r.type}/${r.lang}] ${r.q} — ${r.reason} — lead: ${r.lead.slice(0, 140).replace(/\n/g, " ")}`);
    console.log(`definitions (${name}) lead pass rate ${rows.length - failures.length}/${rows.length}\n${failures.join("\n")}`);
    expect(passRate, name).toBeGreaterThanOrEqual(floor);
    expect(rows.filter((r) => r.unexplainedNumbers.length > 0).map((r) => `${r.q}: ${r.unexplainedNumbers.join(", ")}`)).toEqual([]);
  }
}, 600_000);
