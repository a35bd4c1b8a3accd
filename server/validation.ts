// Zod pieces for input at the boundary (route bodies, URL parts, tRPC inputs): only values PostgreSQL
// can store and compare, so bad input is a 400 here rather than a failed query later.
import { z } from "zod";

/** PostgreSQL's integer: sequence numbers, counters and durations are int4 columns. */
export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text a PostgreSQL text column accepts: no NUL character and no unpaired UTF-16 surrogate. */
export function isStorableText(s: string): boolean {
  return !s.includes("\u0000") && !LONE_SURROGATE.test(s);
}

const STORABLE = { message: "must not contain NUL characters or unpaired surrogates" } as const;

/** A string that can be stored, trimmed, with length bounds. */
export function storableText(opts: { min?: number; max: number; trim?: boolean; label?: string }) {
  const label = opts.label ?? "text";
  let s = z.string({ error: `${label} must be a string` });
  if (opts.trim !== false) s = s.trim();
  if (opts.min !== undefined) s = s.min(opts.min, opts.min === 1 ? `${label} must not be empty` : `${label} must have at least ${opts.min} characters`);
  return s.max(opts.max, `${label} is longer than ${opts.max} characters`).refine(isStorableText, { message: `${label} ${STORABLE.message}` });
}

/** A UUID in the RFC 9562 layout (what gen_random_uuid() makes), lower-cased. */
export const uuidSchema = z.uuid({ error: "must be a UUID" }).transform((s) => s.toLowerCase());

export function isUuid(s: string): boolean {
  return uuidSchema.safeParse(s).success;
}

/** An int4 from `min` to INT4_MAX. */
export function int4(min = 0, max = INT4_MAX) {
  return z.number().int().min(min).max(max);
}

/** Dates the app has any business with; year 0 or 275760 would fail in PostgreSQL or Date. */
const DATE_MIN = Date.UTC(1970, 0, 1);
const DATE_MAX = Date.UTC(9999, 11, 31, 23, 59, 59);

/** An ISO-8601 date-time with an offset, between 1970 and 9999. */
export const boundedDateTime = z.iso
  .datetime({ offset: true })
  .refine((s) => {
    const t = Date.parse(s);
    return Number.isFinite(t) && t >= DATE_MIN && t <= DATE_MAX;
  }, { message: "must be a date-time between 1970 and 9999" });

/** A non-negative integer in decimal, as in Last-Event-ID / ?after= (at most INT4_MAX). */
export function parseSeq(raw: string): number | null {
  if (!/^\d{1,10}$/.test(raw)) return null;
  const n = Number(raw);
  return n <= INT4_MAX ? n : null;
}

/** Zod issues as the `details` of a bad_request error: where and what, never the offending value. */
export function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}
