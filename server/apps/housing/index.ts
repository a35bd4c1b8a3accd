// The shipped application: the housing and real-estate assistant's vocabulary, tools, teams,
// built-in deciders and seed data.
import { RulesOrchestrator } from "../../orchestrator/rules-orchestrator";
import type { AppDefinition } from "../../supervisor/app";
import { RulesPlanner } from "./rules/planner";
import { RulesResponder } from "./rules/responder";
import { seedDomain } from "./seed/domain";
import { seedRules } from "./seed/rules";
import { createHousingTeamRegistry } from "./teams";
import { createHousingToolRegistry } from "./tools";
import { housingVocabulary } from "./types";

export function createHousingApp(): AppDefinition {
  return {
    name: "housing",
    tools: createHousingToolRegistry(),
    teams: createHousingTeamRegistry(),
    vocabulary: housingVocabulary,
    rules: { planner: new RulesPlanner(), orchestrator: new RulesOrchestrator(), responder: new RulesResponder() },
    // Rule tables read the domain tables: domain first.
    seed: async (db) => {
      await seedDomain(db);
      await seedRules(db);
    },
  };
}
