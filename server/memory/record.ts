// Saves what a finished run teaches: one execution pattern, and per tool the user + global statistics
// (EMA success rate, EMA latency, count, last error) plus a history point for charts.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { asDrizzle, type MemoryDb } from "../db/raw-handle";
import { INITIAL_SUCCESS_RATE, LATENCY_ALPHA, SUCCESS_ALPHA, isSuccessOutcome } from "./ema";
import { TOOL_OUTCOMES, type ExecutionRecord, type ToolObservation } from "./types";
import { assertOptionalUuid, assertUserId } from "./validate";

const observationSchema = z.object({
  tool: z.string().min(1),
  outcome: z.enum(TOOL_OUTCOMES as [ToolObservation["outcome"], ...ToolObservation["outcome"][]]),
  latencyMs: z.number().finite().nonnegative(),
  error: z.string().nullish(),
});

const recordSchema = z.object({
  userId: z.string(),
  sessionId: z.string().nullable(),
  runId: z.string().nullable(),
  intent: z.string().min(1),
  queryPattern: z.string().min(1),
  strategy: z.string().min(1),
  tools: z.array(observationSchema),
  success: z.boolean(),
  durationMs: z.number().finite().nonnegative(),
});

/**
 * A validated record as record_execution's five arguments (migration 0010; the run writer's memory part): the
 * pattern as JSON, the observations as JSON in the order their rows are locked (tool name; a tool's own
 * observations keep their run order, which the EMA depends on; the sort is stable), then the EMA constants.
 * Throws `bad_request:memory …` on a malformed record.
 */
export function recordExecutionCall(rec: ExecutionRecord): readonly [string, string, number, number, number] {
  const parsed = recordSchema.safeParse(rec);
  if (!parsed.success) throw new Error(`bad_request:memory invalid execution record: ${z.prettifyError(parsed.error)}`);
  assertUserId(rec.userId);
  assertOptionalUuid("sessionId", rec.sessionId);
  assertOptionalUuid("runId", rec.runId);
  const r = parsed.data;
  const pattern = {
    userId: r.userId, sessionId: r.sessionId, runId: r.runId, intent: r.intent, queryPattern: r.queryPattern, strategy: r.strategy,
    tools: r.tools.map((t) => ({ tool: t.tool, outcome: t.outcome, latencyMs: Math.round(t.latencyMs) })),
    success: r.success, durationMs: Math.round(r.durationMs),
  };
  const ordered = [...r.tools].sort((a, b) => (a.tool < b.tool ? -1 : a.tool > b.tool ? 1 : 0));
  const obs = ordered.map((o) => {
    const s = isSuccessOutcome(o.outcome) ? 1 : 0;
    // A failure always leaves a last error; a success only when the caller reports one (e.g. after retries).
    return { tool: o.tool, s, latencyMs: o.latencyMs, error: o.error ?? (s === 0 ? o.outcome : null) };
  });
  return [JSON.stringify(pattern), JSON.stringify(obs), SUCCESS_ALPHA, LATENCY_ALPHA, INITIAL_SUCCESS_RATE];
}

/**
 * Saves one finished run's pattern and tool statistics in one statement. Statistics are updated with
 * INSERT … ON CONFLICT DO UPDATE reading the row's current value, so concurrent runs of the same user
 * (or of everyone, for "global") serialise on the row lock and never lose an update. Call it inside the
 * transaction that writes the run's final state, or let the run writer carry it in its final flush.
 */
export async function recordExecution(handle: MemoryDb, rec: ExecutionRecord): Promise<void> {
  const [pattern, obs, a, b, c] = recordExecutionCall(rec);
  await asDrizzle(handle).execute(sql`select record_execution(${pattern}::jsonb, ${obs}::jsonb, ${a}::float8, ${b}::float8, ${c}::float8)`);
}
