// An application the runtime executes: its vocabulary, tools, teams, built-in deciders, and the data
// it seeds. The runtime is domain-agnostic; the housing assistant and the W1 benchmark are both apps.
import type { Db } from "../db/client";
import type { Deciders, PlanVocabulary, Planner } from "../models/types";
import type { TeamRegistry } from "../teams/types";
import type { ToolRegistry } from "../tools/registry";
import type { RunCitation } from "./types";

export interface AppDefinition {
  name: string;
  tools: ToolRegistry;
  teams: TeamRegistry;
  /** The app's intents and entity schema (what the LLM planner is told and must answer in). */
  vocabulary: PlanVocabulary;
  /** Built-in rules: the default, and the fallback whenever an LLM decision fails. */
  rules: Deciders;
  /**
   * The sources a finished run's answer rests on, best first, read from its tool outputs (call key → validated
   * output). The app knows which outputs are sources; the runtime stores what it returns in runs.citations.
   */
  citations?(outputsByCallKey: Record<string, unknown>): RunCitation[];
  /**
   * Wraps whichever planner a run resolves (the rules, or the LLM planner with the rules as its fallback), so the
   * app's corrections to a plan apply whoever planned it (housing: strong statute evidence adds legal_search).
   */
  wrapPlanner?(planner: Planner): Planner;
  /** Idempotent: fills the app's own tables (its schema module is listed in drizzle.config.ts). */
  seed?: (db: Db) => Promise<void>;
}

const g = globalThis as unknown as { __ensembleApp?: AppDefinition };

/** The app runs use unless told otherwise (the resume sweeper has no one to tell it); set at start-up. */
export function getDefaultApp(): AppDefinition {
  if (!g.__ensembleApp) throw new Error("no app registered: call setDefaultApp at start-up (server/boot.ts does)");
  return g.__ensembleApp;
}

export function hasDefaultApp(): boolean {
  return g.__ensembleApp !== undefined;
}

export function setDefaultApp(app: AppDefinition): void {
  g.__ensembleApp = app;
}
