// Feature flags in the admin console: state, overrides and audit log, changes (audited, propagated
// through NOTIFY by server/flags) and the on/off cohort comparison of recorded runs.
import { z } from "zod";
import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { adminProcedure, router } from "../../init";
import { boundedDateTime } from "../../../validation";
import { featureFlags, adminAudit, flagOverrides, runs } from "../../../db/schema";
import { FLAG_DEFINITIONS, flagDefault, setFlag, setOverride } from "../../../flags";

const flagKey = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, "not a flag key");

export const flagsRouter = router({
  list: adminProcedure.query(async ({ ctx }) => {
    const { db } = ctx.database;
    const [rows, counts] = await Promise.all([
      db.select().from(featureFlags).orderBy(featureFlags.key),
      db.select({ key: flagOverrides.flagKey, n: sql<number>`count(*)::int` }).from(flagOverrides).groupBy(flagOverrides.flagKey),
    ]);
    const overrideCount = new Map(counts.map((c) => [c.key, c.n]));
    const known = new Map<string, (typeof FLAG_DEFINITIONS)[number]>(FLAG_DEFINITIONS.map((d) => [d.key, d]));
    return rows
      .filter((r) => known.has(r.key))
      .map((r) => {
        const def = known.get(r.key)!;
        const fallback = flagDefault(def, { ...r, key: r.key });
        return {
          key: r.key, description: r.description, kind: r.kind, enabled: r.enabled, rolloutPercent: r.rolloutPercent, killed: r.killed,
          defaultValue: fallback.value, defaultSource: fallback.reason, overrides: overrideCount.get(r.key) ?? 0,
          updatedAt: r.updatedAt.toISOString(), updatedBy: r.updatedBy,
        };
      });
  }),

  set: adminProcedure
    .input(z.object({ key: flagKey, enabled: z.boolean().nullable().optional(), rolloutPercent: z.number().int().min(0).max(100).optional(), killed: z.boolean().optional() }))
    .mutation(async ({ ctx, input }) => {
      const { key, ...patch } = input;
      const row = await setFlag(ctx.database.db, key, patch, ctx.admin.name);
      return { key: row.key, enabled: row.enabled, rolloutPercent: row.rolloutPercent, killed: row.killed };
    }),

  overrides: adminProcedure.input(z.object({ key: flagKey })).query(async ({ ctx, input }) => {
    const rows = await ctx.database.db
      .select()
      .from(flagOverrides)
      .where(eq(flagOverrides.flagKey, input.key))
      .orderBy(desc(flagOverrides.createdAt))
      .limit(500);
    return rows.map((o) => ({ userId: o.userId, value: o.value, createdAt: o.createdAt.toISOString() }));
  }),

  setOverride: adminProcedure
    .input(z.object({ key: flagKey, userId: z.uuid(), value: z.boolean().nullable() }))
    .mutation(async ({ ctx, input }) => {
      await setOverride(ctx.database.db, input.key, input.userId, input.value, ctx.admin.name);
      return { ok: true as const };
    }),

  audit: adminProcedure
    .input(z.object({ key: flagKey.optional(), beforeId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(), limit: z.number().int().min(1).max(200).default(50) }))
    .query(async ({ ctx, input }) => {
      const where: SQL | undefined = and(
        input.key ? eq(adminAudit.resourceId, input.key) : undefined,
        input.beforeId ? lt(adminAudit.id, input.beforeId) : undefined,
      );
      const rows = await ctx.database.db.select().from(adminAudit).where(where).orderBy(desc(adminAudit.id)).limit(input.limit);
      return rows.map((a) => ({ ...a, at: a.at.toISOString() }));
    }),

  /** Runs that recorded the flag on vs off over a period, side by side. */
  cohort: adminProcedure
    .input(z.object({ key: flagKey, from: boundedDateTime, to: boundedDateTime }))
    .query(async ({ ctx, input }) => {
      const value = sql<string>`${runs.flags} -> ${input.key} ->> 'value'`;
      const rows = await ctx.database.db
        .select({
          value,
          runs: sql<number>`count(*)::int`,
          finished: sql<number>`count(*) filter (where ${runs.status} <> 'running')::int`,
          succeeded: sql<number>`count(*) filter (where ${runs.status} = 'completed')::int`,
          failed: sql<number>`count(*) filter (where ${runs.status} = 'failed')::int`,
          degraded: sql<number>`count(*) filter (where ${runs.degraded})::int`,
          orchestrated: sql<number>`count(*) filter (where ${runs.orchestrated})::int`,
          toolCalls: sql<number>`coalesce(sum(${runs.toolCallCount}), 0)::int`,
          duplicatesAvoided: sql<number>`coalesce(sum(${runs.duplicatesAvoided}), 0)::int`,
          retries: sql<number>`coalesce(sum(${runs.retries}), 0)::int`,
          llmCalls: sql<number>`coalesce(sum(${runs.llmCalls}), 0)::int`,
          p50DurationMs: sql<number | null>`percentile_cont(0.5) within group (order by ${runs.durationMs})::float8`,
          p95DurationMs: sql<number | null>`percentile_cont(0.95) within group (order by ${runs.durationMs})::float8`,
        })
        .from(runs)
        .where(and(gte(runs.startedAt, new Date(input.from)), lt(runs.startedAt, new Date(input.to)), sql`${value} in ('true', 'false')`))
        // By position: the key is a bind parameter, so the expression would not match itself textually.
        .groupBy(sql`1`);
      const side = (v: "true" | "false") => {
        const r = rows.find((x) => x.value === v);
        if (!r) return null;
        return {
          ...r,
          value: undefined,
          successRate: r.finished ? r.succeeded / r.finished : null,
          // Identical tool calls served once and shared, per tool call executed.
          duplicateRate: r.toolCalls ? r.duplicatesAvoided / r.toolCalls : null,
          retriesPerRun: r.runs ? r.retries / r.runs : null,
          llmCallsPerRun: r.runs ? r.llmCalls / r.runs : null,
        };
      };
      return { key: input.key, from: input.from, to: input.to, on: side("true"), off: side("false") };
    }),
});
