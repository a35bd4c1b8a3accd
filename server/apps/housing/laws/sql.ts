// Small SQL helpers for statute queries: typed array literals built from bound parameters
// (drizzle's sql template spreads a JS array into a parameter list, which ANY() cannot take).
import { sql, type SQL } from "drizzle-orm";

export function textArray(values: string[]): SQL {
  if (values.length === 0) return sql`ARRAY[]::text[]`;
  return sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;
}

export function floatArray(values: number[]): SQL {
  if (values.length === 0) return sql`ARRAY[]::float8[]`;
  return sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::float8[]`;
}

/** Statute versions (alias s) and article copies (alias a) in force on asOf. */
export function inForceSql(asOf: string): SQL {
  return sql`s.effective_from <= ${asOf}::date AND (s.effective_to IS NULL OR ${asOf}::date < s.effective_to)
    AND (a.valid_from IS NULL OR a.valid_from <= ${asOf}::date) AND (a.valid_to IS NULL OR ${asOf}::date < a.valid_to)`;
}
