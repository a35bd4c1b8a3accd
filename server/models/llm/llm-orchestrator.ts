// The LLM orchestrator: one batched decision (strategy + every team's calls + per-call policy) from
// prompts/orchestrate.md, validated and passed through the same tool-plan merge/keying as the rules.
import { z } from "zod";
import type { ToolDefinition, ToolRequest } from "../../tools/types";
import type { OrchestrationDecision, PlannedCall } from "../../orchestrator/types";
import { buildToolPlan } from "../../orchestrator/tool-plan";
import { canonicalJson } from "../../orchestrator/canonical";
import type { LlmUsage, OrchestrationInput, Orchestrator } from "../types";
import { loadPrompt, renderPrompt } from "../prompts";
import type { LlmConfig } from "./config";
import { decideStructured, InvalidOutputError, llmElseRules } from "./call";
import { ORCHESTRATION_BOUNDS, orchestrateOutputSchema, type OrchestrateOutput } from "./schemas";

export function requestId(index: number): string {
  return `r${index + 1}`;
}

function inputJsonSchema(tool: ToolDefinition): unknown {
  try {
    return z.toJSONSchema(tool.inputSchema, { io: "input", unrepresentable: "any" });
  } catch {
    return { description: "schema not expressible as JSON Schema; pass the args the teams use" };
  }
}

/** Long strings (a pasted contract) are cut in the prompt: the model refers to requests by id. */
function forPrompt(args: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(args, (_, v) => (typeof v === "string" && v.length > 300 ? `${v.slice(0, 300)}…(${v.length} chars)` : v)));
}

/** The prompt's variables: the catalogue as JSON Schema, the plan, the requests with ids, and memory. */
export function orchestrationPromptValues(input: OrchestrationInput): Record<string, string> {
  const plan = {
    intent: input.planning.intent,
    entities: forPrompt(input.planning.entities as Record<string, unknown>),
    steps: input.planning.execution_steps.map((s) => ({ step_id: s.step_id, team: s.team, description: s.description, tools: s.tools, depends_on: s.depends_on })),
  };
  const requests = input.requests.map((r, i) =>
    `${requestId(i)}: ${JSON.stringify({ team: r.team, tool: r.tool, args: forPrompt(r.args), inputsFrom: r.inputsFrom ?? {}, required: Boolean(r.required) })}`);
  const catalogue = input.catalogue.map((t) => ({
    name: t.name, description: t.description, inputSchema: inputJsonSchema(t),
    readOnly: t.readOnly, timeoutMs: t.timeoutMs, fallbacks: t.fallbacks,
  }));
  const statistics = input.preferences.map((p) =>
    `- ${p.tool} (${p.scope}, intent ${p.intent}): success ${(p.successRate * 100).toFixed(0)}%, avg ${Math.round(p.avgLatencyMs)} ms over ${p.count} runs${p.lastError ? `, last error: ${p.lastError.slice(0, 120)}` : ""}`);
  const patterns = input.patterns.slice(0, 8).map((p) =>
    `- ${p.intent} "${p.queryPattern}": ${p.strategy}, ${p.success ? "succeeded" : "failed"} in ${p.durationMs} ms; tools: ${p.tools.map((t) => `${t.tool}=${t.outcome}`).join(", ") || "none"}`);
  return {
    query: input.query,
    plan: JSON.stringify(plan, null, 1),
    requests: requests.join("\n") || "(none)",
    catalogue: JSON.stringify(catalogue, null, 1),
    statistics: statistics.join("\n") || "(no statistics yet)",
    patterns: patterns.join("\n") || "(no past runs)",
    concurrency: String(input.concurrencyLimit),
    bounds: JSON.stringify({ retries: ORCHESTRATION_BOUNDS.retries, timeoutMs: ORCHESTRATION_BOUNDS.timeoutMs }),
  };
}

interface ChosenCall {
  request: ToolRequest;
  added: boolean;
  retries?: number;
  timeoutMs?: number;
  reasoning?: string;
}

/** Checks the model's choices against the requests and the catalogue; every problem is InvalidOutputError. */
function chooseCalls(output: OrchestrateOutput, input: OrchestrationInput): ChosenCall[] {
  const tools = new Map(input.catalogue.map((t) => [t.name, t]));
  const stepByTeam = new Map(input.planning.execution_steps.map((s) => [s.team, s.step_id]));
  const chosen: ChosenCall[] = [];
  const usedIds = new Set<string>();
  output.calls.forEach((c, i) => {
    const where = `calls[${i}]`;
    const policy = { retries: c.retries ?? undefined, timeoutMs: c.timeoutMs ?? undefined, reasoning: c.reasoning ?? undefined };
    if (c.request) {
      const index = Number(/^r(\d+)$/.exec(c.request)?.[1]) - 1;
      const request = input.requests[index];
      if (!request) throw new InvalidOutputError(`${where}: unknown request id "${c.request}" (ids r1…r${input.requests.length})`);
      if (usedIds.has(c.request)) throw new InvalidOutputError(`${where}: request ${c.request} listed twice`);
      usedIds.add(c.request);
      chosen.push({ request, added: false, ...policy });
      return;
    }
    if (!c.tool) throw new InvalidOutputError(`${where}: give either "request" or "tool"`);
    const tool = tools.get(c.tool);
    if (!tool) throw new InvalidOutputError(`${where}: unknown tool "${c.tool}" (catalogue: ${[...tools.keys()].join(", ")})`);
    if (!c.team || !stepByTeam.has(c.team)) throw new InvalidOutputError(`${where}: "team" must be one of the plan's teams (${[...stepByTeam.keys()].join(", ")})`);
    const args = tool.inputSchema.safeParse(c.args ?? {});
    if (!args.success) throw new InvalidOutputError(`${where}: invalid args for ${c.tool}: ${z.prettifyError(args.error)}`);
    const parsed = args.data && typeof args.data === "object" && !Array.isArray(args.data) ? args.data as Record<string, unknown> : {};
    chosen.push({ request: { tool: c.tool, args: parsed, team: c.team, stepId: stepByTeam.get(c.team)! }, added: true, ...policy });
  });
  const missingRequired = input.requests.map((r, i) => ({ r, id: requestId(i) })).filter(({ r, id }) => r.required && !usedIds.has(id));
  if (missingRequired.length) {
    throw new InvalidOutputError(`required requests left out: ${missingRequired.map(({ r, id }) => `${id} (${r.team}/${r.tool})`).join(", ")}`);
  }
  if (input.requests.length > 0 && chosen.length === 0) throw new InvalidOutputError("no calls chosen although teams requested some");
  return chosen;
}

function callOf(calls: PlannedCall[], req: ToolRequest): PlannedCall | undefined {
  const args = canonicalJson(req.args);
  return calls.find((c) => c.tool === req.tool && c.teams.includes(req.team) && c.stepIds.includes(req.stepId) && canonicalJson(c.args) === args);
}

/** A schema-valid model answer → a full OrchestrationDecision through buildToolPlan (same keys and default policies as the rules). */
export function decisionFromOutput(output: OrchestrateOutput, input: OrchestrationInput, prompt: { name: string; version: string }): OrchestrationDecision {
  const chosen = chooseCalls(output, input);
  const plan = buildToolPlan(chosen.map((c) => c.request), input.catalogue);
  const tools = new Map(input.catalogue.map((t) => [t.name, t]));
  const notes: string[] = [];
  const dropped = input.requests.filter((r) => !chosen.some((c) => !c.added && c.request === r));
  for (const r of dropped) notes.push(`LLM left out ${r.tool} for ${r.team}`);
  const overridden = new Set<string>();

  for (const c of chosen) {
    const call = callOf(plan.calls, c.request);
    if (!call) continue;
    if (c.retries !== undefined) {
      // Only read-only tools are safe to repeat, whatever the model says. Several entries that
      // merged into one call: the most generous setting wins.
      const retries = tools.get(call.tool)?.readOnly ? c.retries : 0;
      call.policy.retries = overridden.has(call.key) ? Math.max(call.policy.retries, retries) : retries;
    }
    if (c.timeoutMs !== undefined) {
      call.policy.timeoutMs = overridden.has(call.key) ? Math.max(call.policy.timeoutMs, c.timeoutMs) : c.timeoutMs;
    }
    if (c.retries !== undefined || c.timeoutMs !== undefined) overridden.add(call.key);
    if (c.reasoning) call.reasoning = c.reasoning;
    if (c.added) {
      const replaced = dropped.find((r) => r.team === c.request.team && tools.get(r.tool)?.fallbacks.includes(c.request.tool));
      if (replaced) call.substitutedFor = replaced.tool;
      notes.push(`LLM added ${c.request.tool} for ${c.request.team}${replaced ? ` in place of ${replaced.tool}` : ""}${c.reasoning ? `: ${c.reasoning}` : ""}`);
    }
  }
  let strategy = output.strategy;
  if (strategy !== "sequential" && input.flags.parallel_execution?.value === false) {
    // The flag is an operator's switch; the model may not overrule it.
    notes.push(`LLM chose ${strategy}, but parallel execution is switched off (flag parallel_execution): sequential`);
    strategy = "sequential";
  }
  return {
    strategy,
    confidence: output.confidence,
    reasoning: output.reasoning,
    calls: plan.calls,
    conflicts: plan.conflicts,
    duplicatesAvoided: plan.duplicatesAvoided,
    concurrencyLimit: strategy === "sequential" ? 1 : input.concurrencyLimit,
    memoryNotes: notes,
    source: "llm",
    prompt,
  };
}

export class LlmOrchestrator implements Orchestrator {
  readonly kind = "llm" as const;

  constructor(
    private readonly config: LlmConfig,
    private readonly rules: Orchestrator,
    private readonly onUsage?: (u: LlmUsage) => void,
    /** The run this decider serves, for tracing its model requests. */
    private readonly runId?: string,
  ) {}

  async orchestrate(input: OrchestrationInput): Promise<OrchestrationDecision> {
    return llmElseRules(input.signal, () => {
      const prompt = renderPrompt(loadPrompt("orchestrate"), orchestrationPromptValues(input));
      const promptRef = { name: prompt.name, version: prompt.version };
      return decideStructured(
        { config: this.config, decision: "orchestrate", signal: input.signal, onUsage: this.onUsage, runId: this.runId },
        { prompt, schema: orchestrateOutputSchema, schemaName: "orchestration", validate: (out) => decisionFromOutput(out, input, promptRef) },
      );
    }, () => this.rules.orchestrate(input), (decided, message) => ({ ...decided, reasoning: `${decided.reasoning} (LLM: ${message})` }));
  }
}
