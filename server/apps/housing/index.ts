// The shipped application: the housing and real-estate assistant's tools, teams and built-in deciders.
import { RulesOrchestrator } from "../../orchestrator/rules-orchestrator";
import { RulesPlanner } from "./rules/planner";
import { loadIntentModel } from "./understanding/linear-model";
import { RulesResponder } from "./rules/responder";
import { createHousingTeamRegistry } from "./teams";
import { createHousingToolRegistry } from "./tools";
import type { AppDefinition } from "../../supervisor/app";

export function createHousingApp(): AppDefinition {
  // Read the understanding model once, now, so the first question pays nothing for it.
  loadIntentModel();
  return {
    name: "housing",
    tools: createHousingToolRegistry(),
    teams: createHousingTeamRegistry(),
    rules: { planner: new RulesPlanner(), orchestrator: new RulesOrchestrator(), responder: new RulesResponder() },
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
