// The lead eval on "how do I …" questions (lead-questions-procedures.ts): their answers lead with numbered steps;
// "어떻게 되나요" (what happens, how much) keeps its own reading. Floors sit just under the figures measured.
import { it } from "vitest";
import { expectLeadFloors } from "./lead-floors";
import { PROCEDURES_FRESH, PROCEDURES_SEEN } from "./lead-questions-procedures";

it("answers how to do something with steps, and what happens with the rule", async () => {
  await expectLeadFloors("procedures", [["seen", PROCEDURES_SEEN, 0.9], ["fresh", PROCEDURES_FRESH, 0.9]]);
}, 600_000);
