// What every node of a run gets besides the state: the app, the database, the run's writer, its deciders.
import type { Database } from "../db/client";
import type { RunWriter } from "../events/run-writer";
import type { Deciders, LlmUsage } from "../models/types";
import type { AppDefinition } from "./app";

export interface DecisionRecord {
  type: "plan" | "strategy" | "tool_selection" | "recovery" | "fallback" | "respond";
  source: "rules" | "llm" | "cache";
  reasoning: string;
  prompt?: { name: string; version: string };
  fallbackReason?: string;
  at: string;
}

export interface RunContext {
  app: AppDefinition;
  database: Database;
  writer: RunWriter;
  deciders: Deciders;
  signal: AbortSignal;
  usage: LlmUsage[];
  decisions: DecisionRecord[];
  /** Whether memory is read and written for this run (flag memory_learning). */
  memory: boolean;
  startedAtMs: number;
  /** This process picked the run up after a crash: finished tool calls may exist to reuse. */
  resumed: boolean;
}

export function recordDecision(ctx: RunContext, d: Omit<DecisionRecord, "at">): void {
  ctx.decisions.push({ ...d, at: new Date().toISOString() });
  ctx.writer.updateRun({ decisions: ctx.decisions, decision_sources: [...new Set(ctx.decisions.map((x) => x.source))] });
}
