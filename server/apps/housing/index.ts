// The shipped application: the housing and real-estate assistant's vocabulary, tools, teams,
// built-in deciders, citations and seed data.
import { RulesOrchestrator } from "../../orchestrator/rules-orchestrator";
import type { AppDefinition } from "../../supervisor/app";
import { getDatabase } from "../../db/client";
import { RulesPlanner } from "./rules/planner";
import { loadIntentModel } from "./understanding/linear-model";
import { RulesResponder } from "./rules/responder";
import { seedDomain } from "./seed/domain";
import { seedRules } from "./seed/rules";
import { seedGlossary } from "./seed/glossary";
import { createHousingTeamRegistry } from "./teams";
import { createHousingToolRegistry } from "./tools";
import { withEvidenceRouting } from "./laws/evidence-routing";
import { lawCitations } from "./laws/citations";
import { housingVocabulary } from "./types";

export function createHousingApp(): AppDefinition {
  // Read the understanding model once, now, so the first question pays nothing for it.
  loadIntentModel();
  return {
    name: "housing",
    tools: createHousingToolRegistry(),
    teams: createHousingTeamRegistry(),
    vocabulary: housingVocabulary,
    rules: {
      planner: new RulesPlanner(),
      orchestrator: new RulesOrchestrator(), responder: new RulesResponder(),
    },
    citations: lawCitations,
    // A question the planner (rules, understanding model or LLM) sends elsewhere still reaches the statutes when
    // retrieval finds a strong match: the wrap applies to whichever planner the run uses.
    wrapPlanner: (planner) => withEvidenceRouting(planner, async () => (await getDatabase()).db),
    // Rule tables read the domain tables (and the statutes, imported with them): domain first.
    seed: async (db) => {
      await seedDomain(db);
      await seedRules(db);
      await seedGlossary(db);
    },
  };
}
