// Saves what a finished run teaches: one execution pattern, and per tool the user + global statistics
// (EMA success rate, EMA latency, count, last error) plus a history point for charts.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { asDrizzle, type MemoryDb } from "../db/raw-handle";
import { executionPatterns } from "../db/schema";
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
 * Call inside the transaction that writes the run's final state. Statistics are updated with
 * INSERT … ON CONFLICT DO UPDATE reading the row's current value, so concurrent runs of the same
 * user (or of everyone, for "global") serialise on the row lock and never lose an update.
 */
export async function recordExecution(handle: MemoryDb, rec: ExecutionRecord): Promise<void> {
  const parsed = recordSchema.safeParse(rec);
  if (!parsed.success) throw new Error(`bad_request:memory invalid execution record: ${z.prettifyError(parsed.error)}`);
  assertUserId(rec.userId);
  assertOptionalUuid("sessionId", rec.sessionId);
  assertOptionalUuid("runId", rec.runId);
  const r = parsed.data;
  const tx = asDrizzle(handle);

  await tx.insert(executionPatterns).values({
    userId: r.userId,
    sessionId: r.sessionId,
    runId: r.runId,
    intent: r.intent,
    queryPattern: r.queryPattern,
    strategy: r.strategy,
    tools: r.tools.map((t) => ({ tool: t.tool, outcome: t.outcome, latencyMs: Math.round(t.latencyMs) })),
    success: r.success,
    durationMs: Math.round(r.durationMs),
  });

  // Rows are locked in one order (tool name, then user before global) in every transaction,
  // so two runs touching the same tools cannot deadlock. Sort is stable: a tool's own
  // observations keep their order, which the EMA depends on.
  const ordered = [...r.tools].sort((a, b) => (a.tool < b.tool ? -1 : a.tool > b.tool ? 1 : 0));
  for (const obs of ordered) await updateToolStats(tx, r.userId, r.intent, obs);
}

async function updateToolStats(tx: Tx, userId: string, intent: string, obs: z.infer<typeof observationSchema>): Promise<void> {
  const s = isSuccessOutcome(obs.outcome) ? 1 : 0;
  const failed = s === 0;
  // A failure always leaves a last error; a success only when the caller reports one (e.g. after retries).
  const error = obs.error ?? (failed ? obs.outcome : null);
  const keep = 1 - SUCCESS_ALPHA;
  const keepLatency = 1 - LATENCY_ALPHA;
  await tx.execute(sql`
    with up as (
      insert into tool_stats as ts (scope, tool, intent, success_rate, avg_latency_ms, count, last_error, last_error_at, updated_at)
      select scope, ${obs.tool}, ${intent},
             ${keep}::float8 * ${INITIAL_SUCCESS_RATE}::float8 + ${SUCCESS_ALPHA}::float8 * ${s}::float8,
             ${obs.latencyMs}::float8, 1, ${error}::text, case when ${error}::text is null then null else now() end, now()
      from unnest(array[${userId}::text, 'global'::text]) as scope
      on conflict (scope, intent, tool) do update set
        success_rate = ${keep}::float8 * ts.success_rate + ${SUCCESS_ALPHA}::float8 * ${s}::float8,
        avg_latency_ms = case when ts.count = 0 then ${obs.latencyMs}::float8
                              else ${keepLatency}::float8 * ts.avg_latency_ms + ${LATENCY_ALPHA}::float8 * ${obs.latencyMs}::float8 end,
        count = ts.count + 1,
        last_error = coalesce(${error}::text, ts.last_error),
        last_error_at = case when ${error}::text is null then ts.last_error_at else now() end,
        updated_at = now()
      returning scope, tool, intent, success_rate, avg_latency_ms, count
    )
    insert into tool_stat_history (scope, tool, intent, success_rate, avg_latency_ms, count)
    select scope, tool, intent, success_rate, avg_latency_ms, count from up
  `);
}
