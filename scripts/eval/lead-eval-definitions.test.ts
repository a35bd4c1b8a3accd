// The lead eval on questions about glossary terms (lead-questions-definitions.ts): what each term means, and
// other asks about the same terms. Floors sit just under the figures measured when the sets were written.
import { it } from "vitest";
import { expectLeadFloors } from "./lead-floors";
import { DEFINITIONS_FRESH, DEFINITIONS_SEEN } from "./lead-questions-definitions";

it("answers what a glossary term means with its definition, and other asks about the terms as before", async () => {
  await expectLeadFloors("definitions", [["seen", DEFINITIONS_SEEN, 0.9], ["fresh", DEFINITIONS_FRESH, 0.93]]);
}, 600_000);
