// The lead eval on district comparisons (lead-questions-comparisons.ts): the lead sets the medians side by side and
// says which is lower, with no figure a tool did not give.
import { expect, it } from "vitest";
import { getDatabase } from "../../server/db/client";
import { runLeadEval } from "./lead-eval";
import { COMPARISONS_FRESH } from "./lead-questions-comparisons";

it("compares the districts asked about, with their figures", async () => {
  const { db } = await getDatabase();
  const { rows } = await runLeadEval(db, COMPARISONS_FRESH);
  const failures = rows.filter((r) => !r.pass).map((r) => `[${r.lang}] ${r.q} — ${r.reason} — lead: ${r.lead.slice(0, 140).replace(/\n/g, " ")}`);
  console.log(`comparisons lead pass rate ${rows.length - failures.length}/${rows.length}\n${failures.join("\n")}`);
  expect(failures).toEqual([]);
  expect(rows.filter((r) => r.unexplainedNumbers.length > 0).map((r) => `${r.q}: ${r.unexplainedNumbers.join(", ")}`)).toEqual([]);
}, 600_000);
