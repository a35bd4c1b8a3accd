// What a tool is: a named, schema-checked async function over the database with a declared policy.
import type { z } from "zod";
import { TransientError, type ErrorKind } from "../retry";
import type { Db } from "../db/client";
import type { Language } from "../state/types";

export interface ToolRunContext {
  db: Db;
  signal: AbortSignal;
  language: Language;
  runId: string;
}

/** `N` is the tool's name as a literal type, so an app can map names to outputs (ToolOutputs below). */
export interface ToolDefinition<I = unknown, O = unknown, N extends string = string> {
  name: N;
  description: string;
  inputSchema: z.ZodType<I>;
  outputSchema: z.ZodType<O>;
  readOnly: boolean;
  /** Per-attempt timeout unless the orchestrator's policy says otherwise. */
  timeoutMs: number;
  /**
   * Tools that may stand in for this one, in order; each takes the same input and declares that it
   * returns the same output by sharing this tool's outputSchema (the registry refuses one that does
   * not), so a team reading the output under this tool's name reads this tool's shape.
   */
  fallbacks: string[];
  run(input: I, ctx: ToolRunContext): Promise<O>;
  /** 0..1: how useful an output is (0 = empty). Adaptive execution broadens a search on 0. */
  quality?(output: O): number;
  /** A broader input to retry with when quality() is 0 (e.g. drop the area filter). */
  broaden?(input: I): I | null;
}

/**
 * Tool name → the output its schema declares, for an app's list of tools declared with literal names.
 * Every output a run holds under a tool's name was parsed with that tool's outputSchema (the executor
 * and the legacy path both parse it; a fallback must share the schema), so the map is what is there.
 */
export type ToolOutputs<T extends readonly { name: string; outputSchema: z.ZodType }[]> = {
  [D in T[number] as D["name"]]: z.output<D["outputSchema"]>;
};

/**
 * A reader of a run's outputs typed by tool name: `read(outputs, "a", "b")` is the output of the first
 * of those tools that ran, as its schema declares it. The one cast from the untyped record lives here.
 */
export function toolOutputReader<M>() {
  return <K extends keyof M & string>(outputs: Readonly<Record<string, unknown>>, ...tools: K[]): M[K] | undefined => {
    for (const tool of tools) if (outputs[tool] !== undefined) return outputs[tool] as M[K];
    return undefined;
  };
}

/**
 * A team's request for a tool. `inputsFrom` names inputs taken from other tools'
 * results (input field → tool name): the orchestrator turns those into DAG edges.
 */
export interface ToolRequest {
  tool: string;
  args: Record<string, unknown>;
  inputsFrom?: Record<string, string>;
  team: string;
  stepId: string;
  /** Without this result the team's part of the answer is missing (policy: fatal for the step). */
  required?: boolean;
}

export class ToolInputError extends Error {
  readonly kind: ErrorKind = "invalid_input";
  constructor(public tool: string, message: string) {
    super(`${tool}: invalid input: ${message}`);
    this.name = "ToolInputError";
  }
}

/** A failure worth retrying (timeouts, connection drops, 5xx-like). */
export class TransientToolError extends TransientError {
  constructor(message: string) {
    super(message);
    this.name = "TransientToolError";
  }
}
