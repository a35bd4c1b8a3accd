// The shipped application: the housing and real-estate assistant's tools, teams and built-in deciders.
import { RulesOrchestrator } from "../../orchestrator/rules-orchestrator";
import { RulesPlanner } from "./rules/planner";
import { loadIntentModel } from "./understanding/linear-model";
import { RulesResponder } from "./rules/responder";
import { createHousingTeamRegistry } from "./teams";
import { createHousingToolRegistry } from "./tools";
import type { AppDefinition } from "../../supervisor/app";
import { getDatabase } from "../../db/client";
import { withEvidenceRouting } from "./laws/evidence-routing";
import { lawCitations } from "./laws/citations";

export function createHousingApp(): AppDefinition {
  // Read the understanding model once, now, so the first question pays nothing for it.
  loadIntentModel();
  return {
    name: "housing",
    tools: createHousingToolRegistry(),
    teams: createHousingTeamRegistry(),
    rules: {
      // A question the intent rules miss still reaches the statutes when retrieval finds a strong match.
      planner: withEvidenceRouting(new RulesPlanner(), async () => (await getDatabase()).db),
      orchestrator: new RulesOrchestrator(), responder: new RulesResponder(),
    },
    citations: lawCitations,
  };
}

const g = globalThis as unknown as { __ensembleApp?: AppDefinition };

/** The app runs use unless told otherwise (the resume sweeper has no one to tell it). */
export function getDefaultApp(): AppDefinition {
  return (g.__ensembleApp ??= createHousingApp());
}

export function setDefaultApp(app: AppDefinition): void {
  g.__ensembleApp = app;
}
