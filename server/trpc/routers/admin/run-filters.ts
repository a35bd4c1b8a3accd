// The history filters of the admin console: one zod schema and one function turning it into a WHERE
// clause, shared by the row list, the totals and the cohort view so they always count the same runs.
import { z } from "zod";
import { and, eq, gte, ilike, inArray, lt, sql, type SQL } from "drizzle-orm";
import { messages, runs } from "../../../db/schema";
import { decisionSourceSchema } from "../../../state/decision";
import { boundedDateTime, storableText } from "../../../validation";

const FLAG_KEY = /^[a-z][a-z0-9_]{0,63}$/;

export const runFilterInput = z.object({
  status: z.enum(["running", "completed", "failed"]).optional(),
  /** An intent of the app that ran (each app has its own vocabulary). */
  intent: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/).optional(),
  strategy: storableText({ min: 1, max: 40, trim: false, label: "strategy" }).optional(),
  /** true: orchestrated runs; false: the legacy path. */
  orchestrated: z.boolean().optional(),
  decisionSource: decisionSourceSchema.optional(),
  userId: z.uuid().optional(),
  /** Runs whose recorded flag snapshot had this flag on (or off). */
  flag: z.object({ key: z.string().regex(FLAG_KEY, "not a flag key"), value: z.boolean() }).optional(),
  from: boundedDateTime.optional(),
  to: boundedDateTime.optional(),
  /** Text inside the question, case-insensitive. */
  text: storableText({ min: 1, max: 200, label: "text" }).optional(),
});
export type RunFilter = z.infer<typeof runFilterInput>;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const questionSearch = (pattern: string) => sql`(select ${messages.runId} from ${messages}
  where ${messages.role} = 'user' and ${ilike(messages.content, pattern)})`;

export function runFilterWhere(f: RunFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    f.status ? eq(runs.status, f.status) : undefined,
    f.intent ? eq(runs.intent, f.intent) : undefined,
    f.strategy ? eq(runs.strategy, f.strategy) : undefined,
    f.orchestrated !== undefined ? eq(runs.orchestrated, f.orchestrated) : undefined,
    f.decisionSource ? sql`${runs.decisionSources} @> array[${f.decisionSource}]::text[]` : undefined,
    f.userId ? eq(runs.userId, f.userId) : undefined,
    // A flag recorded with a value; runs that never evaluated the flag match neither cohort.
    f.flag ? sql`${runs.flags} -> ${f.flag.key} ->> 'value' = ${String(f.flag.value)}` : undefined,
    f.from ? gte(runs.startedAt, new Date(f.from)) : undefined,
    f.to ? lt(runs.startedAt, new Date(f.to)) : undefined,
    // Through the run's user message (its question), where the trigram index is: schema/core.ts.
    f.text ? inArray(runs.id, questionSearch(`%${escapeLike(f.text)}%`)) : undefined,
  ];
  return and(...parts.filter((p): p is SQL => p !== undefined));
}
