// What the housing teams share: turning a step's tool outputs into a TeamResult, choosing the step's
// core tool, and copying only the entities a tool's input accepts.
import type { ExecutionStep, PlanningState, TeamResult } from "../types";
import type { ToolRequest } from "../../../tools/types";

/**
 * quality = share of the step's tools that produced an output; missing = the calls that ran and failed.
 * A planned tool the team never called (its input was not in the question, e.g. no amounts for an increase
 * check) is not "missing": nothing was lost, and the answer asks for the input instead of apologising.
 */
export function summarizeStep(team: string, step: ExecutionStep, outputs: Record<string, unknown>, missing: string[]): TeamResult {
  const wanted = step.tools.length > 0 ? step.tools : Object.keys(outputs);
  const obtained = wanted.filter((t) => t in outputs);
  const notObtained = [...new Set(missing)].filter((t) => !(t in outputs));
  return {
    team, stepId: step.step_id, outputs: { ...outputs },
    quality: wanted.length === 0 ? 0 : Math.round((obtained.length / wanted.length) * 100) / 100,
    missing: notObtained,
  };
}

/** Drops undefined values so call keys (a hash of the args) do not depend on absent fields. */
export function definedArgs(args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));
}

/** The first tool of `preference` the step asks for, else the step's first tool. */
export function coreTool(step: ExecutionStep, preference: string[]): string | undefined {
  return preference.find((t) => step.tools.includes(t)) ?? step.tools[0];
}

export function request(tool: string, args: Record<string, unknown>, team: string, step: ExecutionStep, core: string | undefined,
  inputsFrom?: Record<string, string>): ToolRequest {
  return { tool, args: definedArgs(args), ...(inputsFrom ? { inputsFrom } : {}), team, stepId: step.step_id, required: tool === core };
}

/** True when some step of the plan asks for the tool. */
export function planned(planning: PlanningState, tool: string): boolean {
  return planning.execution_steps.some((s) => s.tools.includes(tool));
}
