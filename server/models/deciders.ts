// The small provider switch: which deciders a run uses. Rules unless the llm_decisions flag is on
// AND a model is configured (OPENAI_API_KEY or OPENAI_BASE_URL); then LLM deciders wrapping the rules.
import type { FlagSnapshot } from "../flags/types";
import type { OrchestrationDecision } from "../orchestrator/types";
import type { PlanningState } from "../state/types";
import type { Answer, Deciders, LlmUsage, OrchestrationInput, Orchestrator, PlanInput, Planner, PlanVocabulary, Responder, RespondInput } from "./types";
import { readLlmConfig } from "./llm/config";
import { LlmPlanner } from "./llm/llm-planner";
import { LlmOrchestrator } from "./llm/llm-orchestrator";
import { LlmResponder } from "./llm/llm-responder";

/** One model decision each for plan, orchestrate and respond: a run never makes more than this many. */
export const MAX_MODEL_DECISIONS_PER_RUN = 3;

export interface ResolveDecidersOptions {
  flags: FlagSnapshot;
  onUsage?: (usage: LlmUsage) => void;
  rules: Deciders;
  /** The app's intents and entity schema, for the LLM planner. */
  vocabulary: PlanVocabulary;
  /** The run the deciders serve: its model requests are traced under it. */
  runId?: string;
  /** Defaults to process.env. */
  env?: Record<string, string | undefined>;
}

/**
 * Counts model decisions for one run. A decision (with its transient retries and its one repair
 * request) is one unit; once the budget is spent the rules decide, with fallbackReason
 * "llm_budget_exhausted" (e.g. if a resumed or re-planned run asks again).
 */
class DecisionBudget {
  private used = 0;
  take(): boolean {
    if (this.used >= MAX_MODEL_DECISIONS_PER_RUN) return false;
    this.used++;
    return true;
  }
}

const BUDGET_EXHAUSTED = "llm_budget_exhausted";

export function resolveDeciders(opts: ResolveDecidersOptions): Deciders {
  const { rules } = opts;
  if (!opts.flags.llm_decisions?.value) return rules;
  const config = readLlmConfig(opts.env ?? process.env);
  if (!config) return rules;

  const budget = new DecisionBudget();
  const llmPlanner = new LlmPlanner(config, rules.planner, opts.vocabulary, opts.onUsage, opts.runId);
  const llmOrchestrator = new LlmOrchestrator(config, rules.orchestrator, opts.onUsage, opts.runId);
  const llmResponder = new LlmResponder(config, rules.responder, opts.onUsage, opts.runId);

  /** The model while the run's budget lasts, then the rules (saying why). */
  const withinBudget = async <T extends { source: string; fallbackReason?: string }>(llm: () => Promise<T>, ruled: () => Promise<T>): Promise<T> =>
    budget.take() ? llm() : { ...(await ruled()), source: "rules", fallbackReason: BUDGET_EXHAUSTED };
  const planner: Planner = {
    kind: "llm",
    plan: (input: PlanInput): Promise<PlanningState> => withinBudget(() => llmPlanner.plan(input), () => rules.planner.plan(input)),
  };
  const orchestrator: Orchestrator = {
    kind: "llm",
    orchestrate: (input: OrchestrationInput): Promise<OrchestrationDecision> =>
      withinBudget(() => llmOrchestrator.orchestrate(input), () => rules.orchestrator.orchestrate(input)),
  };
  const responder: Responder = {
    kind: "llm",
    respond: (input: RespondInput): Promise<Answer> => withinBudget(() => llmResponder.respond(input), () => rules.responder.respond(input)),
  };
  return { planner, orchestrator, responder };
}
