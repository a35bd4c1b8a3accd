// What a checkpoint stores and how it is read back: the supervisor state with a schema version,
// upgraded from older versions and validated before a resumed run trusts it (LangGraph's versioned saver).
import { z } from "zod";
import { DECISION_SOURCES } from "../state/decision";
import { stepSchema } from "../state/run-summary";
import { restoreOutputs } from "./checkpoint-outputs";
import type { SupervisorState } from "./types";

/** Bump when SupervisorState changes shape, and teach upgradeCheckpoint the step from the previous one. */
export const CHECKPOINT_VERSION = 3;

export class CheckpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CheckpointError";
  }
}

const nodeName = z.enum(["initialize", "planning", "execute", "aggregate", "respond"]);
const strategy = z.enum(["sequential", "parallel", "adaptive"]);
const timing = z.object({ startedAt: z.string(), finishedAt: z.string(), ms: z.number() });

const planningSchema = z.looseObject({
  intent: z.string(),
  intent_confidence: z.number(),
  aspects: z.array(z.string()),
  questionType: z.string(),
  keywords: z.array(z.string()),
  entities: z.record(z.string(), z.unknown()),
  language: z.enum(["ko", "en"]),
  execution_steps: z.array(stepSchema),
  source: z.enum(DECISION_SOURCES),
  reasoning: z.string(),
  fallbackReason: z.string().optional(),
  prompt: z.object({ name: z.string(), version: z.string() }).optional(),
});

const executionSchema = z.looseObject({
  legacy: z.boolean(),
  strategy: strategy.nullable(),
  strategyConfidence: z.number(),
  decision: z.looseObject({ strategy, calls: z.array(z.looseObject({ key: z.string(), tool: z.string() })) }).nullable(),
  registry: z.array(z.looseObject({ key: z.string(), tool: z.string(), status: z.string(), attempts: z.number() })),
  usedTools: z.array(z.string()),
  intermediateResults: z.record(z.string(), z.unknown()),
  teamQuality: z.record(z.string(), z.number()),
  adjustments: z.array(z.object({ at: z.string(), reason: z.string(), from: strategy, to: strategy })),
});

const teamResultSchema = z.looseObject({
  team: z.string(), stepId: z.string(), outputs: z.record(z.string(), z.unknown()), quality: z.number(), missing: z.array(z.string()),
});

export const checkpointStateSchema = z.looseObject({
  schemaVersion: z.literal(CHECKPOINT_VERSION),
  runId: z.string(),
  query: z.string(),
  sessionId: z.string().nullable(),
  userId: z.string(),
  flags: z.record(z.string(), z.object({ value: z.boolean(), reason: z.enum(["default", "env", "rollout", "override", "kill", "request"]) })),
  planning: planningSchema.nullable(),
  execution: executionSchema.nullable(),
  teamResults: z.record(z.string(), teamResultSchema),
  aggregated: z.looseObject({ intent: z.string(), outputs: z.record(z.string(), z.unknown()), missing: z.array(z.string()), degraded: z.boolean() }).nullable(),
  finalResponse: z.looseObject({ answer: z.string(), degraded: z.boolean() }).nullable(),
  timings: z.partialRecord(nodeName, timing),
  errors: z.array(z.object({ node: z.union([nodeName, z.literal("run")]), message: z.string(), at: z.string() })),
  status: z.enum(["running", "completed", "failed"]),
});

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Version 1 (no schemaVersion) predates the planner's aspects and question type and the recorded
 * strategy adjustments: they become empty, as if the old planner had found none.
 */
function fromV1(state: Raw): Raw {
  const planning = isObject(state.planning) ? { aspects: [], questionType: "other", ...state.planning } : state.planning;
  const execution = isObject(state.execution) ? { adjustments: [], ...state.execution } : state.execution;
  return { ...state, planning, execution, schemaVersion: 2 };
}

/** Version 2 stored every tool output in full wherever it appeared; version 3 may store a repeat as its call
 * key (checkpoint-outputs.ts). A version-2 state has no such keys, so it reads as it is. */
const fromV2 = (state: Raw): Raw => ({ ...state, schemaVersion: 3 });

/** Brings a stored state of any known version to the current one (pure). */
export function upgradeCheckpoint(stored: unknown): unknown {
  if (!isObject(stored)) throw new CheckpointError("checkpoint state is not an object");
  const version = stored.schemaVersion ?? 1;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) throw new CheckpointError(`checkpoint has a bad schemaVersion: ${String(version)}`);
  if (version > CHECKPOINT_VERSION) throw new CheckpointError(`checkpoint version ${version} is newer than this build (${CHECKPOINT_VERSION})`);
  let state: Raw = stored;
  if (version === 1) state = fromV1(state);
  if (version <= 2) state = fromV2(state);
  return state;
}

/** The state to resume from: upgraded, then checked; a state that does not validate fails the run, never half-runs. */
export function readCheckpoint(stored: unknown): SupervisorState {
  let state: Raw;
  try {
    state = restoreOutputs(upgradeCheckpoint(stored) as Raw);
  } catch (e) {
    throw e instanceof CheckpointError ? e : new CheckpointError(`checkpoint's shared outputs do not resolve: ${(e as Error).message}`);
  }
  const parsed = checkpointStateSchema.safeParse(state);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CheckpointError(`checkpoint does not match version ${CHECKPOINT_VERSION}: ${issue?.path.join(".") || "state"}: ${issue?.message ?? "invalid"}`);
  }
  // Validated to the depth resume relies on; deeper parts (tool outputs, the decision's policies) are the
  // run's own data, written by this code, and pass through as stored.
  return parsed.data as unknown as SupervisorState;
}
