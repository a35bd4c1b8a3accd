// The lead eval on district comparisons (lead-questions-comparisons.ts): the lead sets the medians side by side and
// says which is lower, with no figure a tool did not give.
import { it } from "vitest";
import { expectLeadFloors } from "./lead-floors";
import { COMPARISONS_FRESH } from "./lead-questions-comparisons";

it("compares the districts asked about, with their figures", async () => {
  await expectLeadFloors("comparisons", [["fresh", COMPARISONS_FRESH, 1]]);
}, 600_000);
