// How a checkpoint's state is stored: the first checkpoint a writer saves holds the whole state; each later one
// holds only the top-level keys whose JSON changed since the previous checkpoint, and "$base" naming it (LangGraph
// stores changed channels only). A run's state at checkpoint N is the fold (jsonb ||) of its rows up to N.

/** Present on a delta row: the seq of the checkpoint it applies to. A full state never has it. */
export const BASE_KEY = "$base";

/** Encodes one writer's checkpoints, remembering the last one's keys as JSON (compared as text, so an object
 * changed in place is caught as surely as a replaced one). */
export class CheckpointEncoder {
  private last: Map<string, string> | null = null;
  private lastSeq = 0;

  /** Starts from checkpoint `seq`, stored elsewhere with `state`: the next one is a delta over it. */
  prime(seq: number, state: object): void {
    this.last = new Map(Object.entries(state).filter(([, v]) => v !== undefined).map(([k, v]) => [k, JSON.stringify(v)]));
    this.lastSeq = seq;
  }

  /** The JSON text to store for checkpoint `seq` of `state`. */
  encode(seq: number, state: object): string {
    const keys = new Map<string, string>();
    for (const [k, v] of Object.entries(state)) if (v !== undefined) keys.set(k, JSON.stringify(v));
    const parts: string[] = [];
    if (this.last) parts.push(`${JSON.stringify(BASE_KEY)}:${this.lastSeq}`);
    for (const [k, json] of keys) if (this.last?.get(k) !== json) parts.push(`${JSON.stringify(k)}:${json}`);
    // A key that disappeared cannot be expressed by ||: store the whole state instead (never happens today).
    const dropped = this.last ? [...this.last.keys()].some((k) => !keys.has(k)) : false;
    this.last = keys;
    this.lastSeq = seq;
    if (dropped) return `{${[...keys].map(([k, json]) => `${JSON.stringify(k)}:${json}`).join(",")}}`;
    return `{${parts.join(",")}}`;
  }
}

const isDelta = (state: unknown): state is Record<string, unknown> =>
  state !== null && typeof state === "object" && BASE_KEY in (state as object);

/**
 * The whole state at the last of `rows` (ascending seq, ending at the checkpoint wanted): the last full state
 * among them with every later delta applied in order. Throws when a delta's base is missing.
 */
export function foldCheckpoints(rows: { seq: number; state: unknown }[]): unknown {
  let start = rows.length - 1;
  while (start >= 0 && isDelta(rows[start].state)) start--;
  if (start < 0) throw new Error(`checkpoint ${rows.at(-1)?.seq ?? "?"} is a delta with no full state before it`);
  let state = rows[start].state as Record<string, unknown>;
  for (let i = start + 1; i < rows.length; i++) {
    const { [BASE_KEY]: base, ...changed } = rows[i].state as Record<string, unknown>;
    if (base !== rows[i - 1].seq) throw new Error(`checkpoint ${rows[i].seq} applies to ${String(base)}, not ${rows[i - 1].seq}`);
    state = { ...state, ...changed };
  }
  return state;
}
