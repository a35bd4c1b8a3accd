// Run history for admins. Rows come back fast with keyset pagination; totals are a separate procedure
// so the list never waits for a count (Langfuse's "split list work").
import { z } from "zod";
import { and, asc, desc, isNotNull, sql, type SQL } from "drizzle-orm";
import { adminProcedure, router } from "../../init";
import { runs } from "../../../db/schema";
import { runFilterInput, runFilterWhere } from "./run-filters";
import { AppError } from "../../../errors";
import { boundedDateTime, INT4_MAX, uuidSchema } from "../../../validation";

const SORT_COLUMNS = {
  startedAt: runs.startedAt,
  durationMs: runs.durationMs,
  toolCallCount: runs.toolCallCount,
  retries: runs.retries,
  llmTokens: runs.llmTokens,
} as const;
type SortKey = keyof typeof SORT_COLUMNS;

const listInput = z.object({
  filter: runFilterInput.default({}),
  sort: z.enum(Object.keys(SORT_COLUMNS) as [SortKey, ...SortKey[]]).default("startedAt"),
  /** Not "direction": tRPC's infinite queries put their own `direction` (forward/backward) in the input. */
  order: z.enum(["asc", "desc"]).default("desc"),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).nullish(),
});

/** The sort value of the last row (ISO for dates, -1 for a missing duration) and its id. */
const cursorSchema = z.object({ v: z.union([z.string().max(40), z.number()]), id: uuidSchema }).strict();
type Cursor = z.infer<typeof cursorSchema>;

const badCursor = () => new AppError("bad_request:cursor", "cursor is not one this list handed out");

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

function decodeCursor(raw: string): Cursor {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  const c = cursorSchema.safeParse(json);
  if (!c.success) throw badCursor();
  return c.data;
}

/** The sort expression; a running run has no duration yet and sorts as -1. */
function sortExpr(sort: SortKey): SQL {
  if (sort === "durationMs") return sql`coalesce(${runs.durationMs}, -1)`;
  return sql`${SORT_COLUMNS[sort]}`;
}

/** The cursor's sort value as SQL of the column's type; anything the column cannot hold is a bad cursor. */
function cursorValue(sort: SortKey, v: string | number): SQL {
  if (sort === "startedAt") {
    const date = typeof v === "string" ? boundedDateTime.safeParse(v) : null;
    if (!date?.success) throw badCursor();
    return sql`${date.data}::timestamptz`;
  }
  const min = sort === "durationMs" ? -1 : 0;
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > INT4_MAX) throw badCursor();
  return sql`${v}::int`;
}

const rowColumns = {
  id: runs.id,
  userId: runs.userId,
  question: sql<string>`left(${runs.question}, 240)`,
  status: runs.status,
  intent: runs.intent,
  strategy: runs.strategy,
  orchestrated: runs.orchestrated,
  degraded: runs.degraded,
  decisionSources: runs.decisionSources,
  toolCallCount: runs.toolCallCount,
  retries: runs.retries,
  duplicatesAvoided: runs.duplicatesAvoided,
  llmCalls: runs.llmCalls,
  llmTokens: runs.llmTokens,
  durationMs: runs.durationMs,
  startedAt: runs.startedAt,
  finishedAt: runs.finishedAt,
  /** Microsecond precision: a JS Date would round to milliseconds and the cursor would skip rows. */
  startedAtExact: sql<string>`to_char(${runs.startedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
};

export const historyRouter = router({
  list: adminProcedure.input(listInput).query(async ({ ctx, input }) => {
    const { db } = ctx.database;
    const expr = sortExpr(input.sort);
    const desc = input.order === "desc";
    let after: SQL | undefined;
    if (input.cursor) {
      const c = decodeCursor(input.cursor);
      const v = cursorValue(input.sort, c.v);
      after = desc ? sql`(${expr}, ${runs.id}) < (${v}, ${c.id}::uuid)` : sql`(${expr}, ${runs.id}) > (${v}, ${c.id}::uuid)`;
    }
    const order = desc ? [sql`${expr} desc`, sql`${runs.id} desc`] : [sql`${expr} asc`, sql`${runs.id} asc`];
    const rows = await db
      .select(rowColumns)
      .from(runs)
      .where(and(runFilterWhere(input.filter), after))
      .orderBy(...order)
      .limit(input.limit + 1);
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > input.limit && last
        ? encodeCursor({
            v: input.sort === "startedAt" ? last.startedAtExact : input.sort === "durationMs" ? (last.durationMs ?? -1) : last[input.sort],
            id: last.id,
          })
        : null;
    return {
      rows: page.map(({ startedAtExact: _exact, ...r }) => ({ ...r, startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null })),
      nextCursor,
    };
  }),

  totals: adminProcedure.input(z.object({ filter: runFilterInput.default({}) })).query(async ({ ctx, input }) => {
    const [t] = await ctx.database.db
      .select({
        runs: sql<number>`count(*)::int`,
        completed: sql<number>`count(*) filter (where ${runs.status} = 'completed')::int`,
        failed: sql<number>`count(*) filter (where ${runs.status} = 'failed')::int`,
        running: sql<number>`count(*) filter (where ${runs.status} = 'running')::int`,
        degraded: sql<number>`count(*) filter (where ${runs.degraded})::int`,
        orchestrated: sql<number>`count(*) filter (where ${runs.orchestrated})::int`,
        toolCalls: sql<number>`coalesce(sum(${runs.toolCallCount}), 0)::int`,
        retries: sql<number>`coalesce(sum(${runs.retries}), 0)::int`,
        duplicatesAvoided: sql<number>`coalesce(sum(${runs.duplicatesAvoided}), 0)::int`,
        llmCalls: sql<number>`coalesce(sum(${runs.llmCalls}), 0)::int`,
        llmTokens: sql<number>`coalesce(sum(${runs.llmTokens}), 0)::bigint::float8`,
        avgDurationMs: sql<number | null>`avg(${runs.durationMs})::float8`,
      })
      .from(runs)
      .where(runFilterWhere(input.filter));
    return t;
  }),

  /** Values seen in the data for the filter dropdowns (strategies are open-ended). */
  filterOptions: adminProcedure.query(async ({ ctx }) => {
    const db = ctx.database.db;
    // The newest 5000 runs bound the scan; their distinct strategies fill the dropdown.
    const recent = db.select({ strategy: runs.strategy }).from(runs).where(isNotNull(runs.strategy))
      .orderBy(desc(runs.startedAt)).limit(5000).as("recent");
    const rows = await db.selectDistinct({ strategy: recent.strategy }).from(recent).orderBy(asc(recent.strategy));
    return { strategies: rows.flatMap((r) => (r.strategy === null ? [] : [r.strategy])) };
  }),
});
