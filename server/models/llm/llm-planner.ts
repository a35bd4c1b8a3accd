// The LLM planner: intent, aspects, question type, entities and one execution step per team, decided by
// the model from prompts/plan.md and validated; any failure hands the question to the rules planner.
import type { ExecutionStep, PlanningState } from "../../state/types";
import type { LlmUsage, PlanInput, Planner, PlanVocabulary } from "../types";
import { loadPrompt, renderPrompt } from "../prompts";
import type { LlmConfig } from "./config";
import { decideStructured, InvalidOutputError, llmElseRules } from "./call";
import { cleanEntities, entityFieldList, planOutputSchemaFor, type PlanOutput } from "./schemas";

/** Turns a schema-valid plan into PlanningState, rejecting unknown teams/tools and bad dependencies. */
export function planFromOutput(output: PlanOutput, input: PlanInput, prompt: { name: string; version: string }, vocabulary: PlanVocabulary): PlanningState {
  const NO_STEPS_INTENTS = new Set(vocabulary.noStepIntents);
  const teamTools = new Map(input.teams.map((t) => [t.name, new Set(t.tools)]));
  const steps = NO_STEPS_INTENTS.has(output.intent) ? [] : output.steps;
  if (!NO_STEPS_INTENTS.has(output.intent) && steps.length === 0) {
    throw new InvalidOutputError(`intent ${output.intent} needs at least one step`);
  }
  const aspects = NO_STEPS_INTENTS.has(output.intent) ? [] : [...new Set(output.aspects)];
  if (!NO_STEPS_INTENTS.has(output.intent) && aspects.length === 0) {
    throw new InvalidOutputError(`intent ${output.intent} needs the aspects it asks about (at least one)`);
  }
  if (vocabulary.multiAspectIntents.includes(output.intent) && aspects.length < 2) {
    throw new InvalidOutputError(`intent ${output.intent} needs two or more aspects`);
  }
  const stepIdByTeam = new Map<string, string>();
  const executionSteps: ExecutionStep[] = [];
  steps.forEach((s, i) => {
    const tools = teamTools.get(s.team);
    if (!tools) throw new InvalidOutputError(`steps[${i}]: unknown team "${s.team}" (teams: ${[...teamTools.keys()].join(", ")})`);
    if (stepIdByTeam.has(s.team)) throw new InvalidOutputError(`steps[${i}]: team "${s.team}" appears twice`);
    const unknownTools = s.tools.filter((t) => !tools.has(t));
    if (unknownTools.length) throw new InvalidOutputError(`steps[${i}]: team "${s.team}" has no tools ${unknownTools.join(", ")}`);
    const dependsOn = s.depends_on.map((team) => {
      const id = stepIdByTeam.get(team);
      if (!id) throw new InvalidOutputError(`steps[${i}]: depends_on "${team}" is not an earlier step's team`);
      return id;
    });
    const stepId = `step_${i + 1}`;
    stepIdByTeam.set(s.team, stepId);
    executionSteps.push({
      step_id: stepId, team: s.team, description: s.description, tools: [...new Set(s.tools)],
      depends_on: dependsOn, status: "pending", progress_percentage: 0,
      started_at: null, completed_at: null, execution_time_ms: null, result: null, error: null,
    });
  });
  return {
    intent: output.intent,
    intent_confidence: output.intent_confidence,
    keywords: [...new Set(output.keywords)],
    aspects,
    questionType: NO_STEPS_INTENTS.has(output.intent) ? "other" : output.question_type,
    entities: cleanEntities(output.entities as Record<string, unknown>),
    language: output.language,
    execution_steps: executionSteps,
    source: "llm",
    reasoning: output.reasoning,
    prompt,
  };
}

export class LlmPlanner implements Planner {
  readonly kind = "llm" as const;

  constructor(
    private readonly config: LlmConfig,
    private readonly rules: Planner,
    private readonly vocabulary: PlanVocabulary,
    private readonly onUsage?: (u: LlmUsage) => void,
    /** The run this decider serves, for tracing its model requests. */
    private readonly runId?: string,
  ) {}

  async plan(input: PlanInput): Promise<PlanningState> {
    return llmElseRules(input.signal, () => {
      const prompt = renderPrompt(loadPrompt("plan"), {
        query: input.query,
        teams: JSON.stringify(input.teams),
        intents: this.vocabulary.intents.join(", "),
        aspects: this.vocabulary.aspects.join(", "),
        questionTypes: this.vocabulary.questionTypes.join(", "),
        today: new Date().toISOString().slice(0, 10),
        app: this.vocabulary.description,
        intentGuide: this.vocabulary.intentGuide,
        aspectGuide: this.vocabulary.aspectGuide,
        questionTypeGuide: this.vocabulary.questionTypeGuide,
        entityGuide: this.vocabulary.entityGuide,
        entityFields: entityFieldList(this.vocabulary.entitiesSchema),
      });
      const promptRef = { name: prompt.name, version: prompt.version };
      return decideStructured(
        { config: this.config, decision: "plan", signal: input.signal, onUsage: this.onUsage, runId: this.runId },
        { prompt, schema: planOutputSchemaFor(this.vocabulary), schemaName: "plan", validate: (out) => planFromOutput(out, input, promptRef, this.vocabulary) },
      );
    }, () => this.rules.plan(input), (planned, message) => ({ ...planned, reasoning: `${planned.reasoning} (LLM: ${message})` }));
  }
}
