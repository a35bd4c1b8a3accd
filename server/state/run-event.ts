// The one typed event vocabulary that crosses the wire (SSE) — the server emits it,
// the browser and tests import it. Adding an event type is a change here plus its handling.
import { z } from "zod";
import { DECISION_TYPES, decisionSourceSchema as source, promptRefSchema } from "./decision";
import { stepSchema } from "./run-summary";

const step = stepSchema;

export const eventPayloads = {
  run_started: z.object({ question: z.string(), sessionId: z.string().nullable(), userId: z.string(), resumed: z.boolean().optional() }),
  planning_start: z.object({}),
  plan_ready: z.object({
    intent: z.string(), confidence: z.number(), language: z.enum(["ko", "en"]),
    entities: z.record(z.string(), z.unknown()), keywords: z.array(z.string()),
    teams: z.array(z.string()), steps: z.array(step), source, reasoning: z.string(),
    route: z.enum(["execute", "respond"]),
  }),
  execution_start: z.object({ orchestrated: z.boolean(), stepCount: z.number() }),
  todo_updated: z.object({ steps: z.array(step), overallProgress: z.number() }),
  orchestration_started: z.object({ teams: z.array(z.string()), requests: z.number() }),
  orchestration_decision: z.object({
    decisionType: z.enum(DECISION_TYPES),
    source, reasoning: z.string(),
    strategy: z.string().optional(), confidence: z.number().optional(),
    prompt: promptRefSchema.optional(),
    fallbackReason: z.string().optional(),
    detail: z.record(z.string(), z.unknown()).optional(),
  }),
  tool_decision_made: z.object({
    callKey: z.string(), tool: z.string(), args: z.record(z.string(), z.unknown()),
    teams: z.array(z.string()), dependsOn: z.array(z.string()),
    policy: z.object({ timeoutMs: z.number(), retries: z.number(), fallbacks: z.array(z.string()), fatal: z.boolean() }),
    substitutedFor: z.string().optional(), reasoning: z.string().optional(),
  }),
  orchestration_complete: z.object({
    strategy: z.string(), calls: z.number(), duplicatesAvoided: z.number(), conflicts: z.number(),
    plan: z.array(z.object({ callKey: z.string(), tool: z.string(), teams: z.array(z.string()), dependsOn: z.array(z.string()) })),
    source,
  }),
  tool_call_started: z.object({ callKey: z.string(), tool: z.string(), attempt: z.number(), teams: z.array(z.string()), fallbackFor: z.string().optional() }),
  tool_call_finished: z.object({
    callKey: z.string(), tool: z.string(), status: z.enum(["succeeded", "failed", "skipped", "retrying"]),
    attempt: z.number(), durationMs: z.number(), teams: z.array(z.string()),
    sharedBy: z.array(z.string()), error: z.string().optional(), fallbackFor: z.string().optional(),
    reused: z.boolean().optional(),
  }),
  strategy_adjusted: z.object({ from: z.string(), to: z.string(), reason: z.string() }),
  checkpoint_saved: z.object({ node: z.string(), checkpointSeq: z.number() }),
  answer_delta: z.object({ delta: z.string() }),
  run_completed: z.object({ answer: z.string(), degraded: z.boolean(), missing: z.array(z.string()), durationMs: z.number() }),
  run_failed: z.object({ error: z.string() }),
} as const;

export type EventType = keyof typeof eventPayloads;
export const EVENT_TYPES = Object.keys(eventPayloads) as EventType[];
export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloads)[T]>;

export type RunEvent = {
  [T in EventType]: { runId: string; seq: number; type: T; at: string } & EventPayload<T>;
}[EventType];

export const TERMINAL_EVENTS: ReadonlySet<EventType> = new Set(["run_completed", "run_failed"]);

/** Checks an event's payload against its schema (tests validate every event they see). */
export function parseEvent(raw: unknown): RunEvent {
  const base = z.object({ runId: z.string(), seq: z.number().int().positive(), type: z.enum(EVENT_TYPES as [EventType, ...EventType[]]), at: z.string() }).passthrough().parse(raw);
  eventPayloads[base.type].parse(raw);
  return base as unknown as RunEvent;
}
