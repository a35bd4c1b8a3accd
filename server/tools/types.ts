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

export interface ToolDefinition<I = unknown, O = unknown> {
  name: string;
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
