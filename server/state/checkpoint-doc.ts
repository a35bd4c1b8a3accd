// How a checkpoint's state is stored: the first checkpoint a writer saves holds the whole state; each later one
// holds only the top-level keys whose JSON changed since the previous checkpoint, and "$base" naming it (LangGraph
// stores changed channels only). A run's state at checkpoint N is the fold (jsonb ||) of its rows up to N.

/** Present on a delta row: the seq of the checkpoint it applies to. A full state never has it. */
export const BASE_KEY = "$base";

/** Where tests run, a value kept by reference is also written out again and compared (see the encoder). */
const VERIFY_UNCHANGED = process.env.NODE_ENV === "test";

interface Kept { value: unknown; json: string }

/**
 * Encodes one writer's checkpoints, remembering the last one's top-level values and their JSON.
 *
 * A value that is the very same reference as in the last checkpoint is taken as unchanged and is not written out
 * again: the nodes replace what they change (`{ ...state, planning: next }`) and never change a checkpointed
 * object in place. Writing every key out to compare it cost ~0.2 ms of a W1 run's ~2.9 ms of Node CPU (the
 * unchanged `execution` and `planning` of the later nodes are most of a state's bytes). Tests hold the code to
 * that rule: under NODE_ENV=test a kept reference is written out anyway, and a change made in place throws.
 */
export class CheckpointEncoder {
  private last: Map<string, Kept> | null = null;
  private lastSeq = 0;

  /** Starts from checkpoint `seq`, stored elsewhere with `state`: the next one is a delta over it. */
  prime(seq: number, state: object): void {
    this.last = new Map(Object.entries(state).filter(([, v]) => v !== undefined).map(([k, v]) => [k, { value: v, json: JSON.stringify(v) }]));
    this.lastSeq = seq;
  }

  /** The JSON text to store for checkpoint `seq` of `state`. */
  encode(seq: number, state: object): string {
    const keys = new Map<string, Kept>();
    const parts: string[] = [];
    if (this.last) parts.push(`${JSON.stringify(BASE_KEY)}:${this.lastSeq}`);
    for (const [k, value] of Object.entries(state)) {
      if (value === undefined) continue;
      const prev = this.last?.get(k);
      if (prev && prev.value === value) {
        if (VERIFY_UNCHANGED && JSON.stringify(value) !== prev.json) {
          throw new Error(`checkpoint state "${k}" was changed in place after it was checkpointed: replace it instead`);
        }
        keys.set(k, prev);
        continue;
      }
      const json = JSON.stringify(value);
      keys.set(k, { value, json });
      if (prev?.json !== json) parts.push(`${JSON.stringify(k)}:${json}`);
    }
    // A key that disappeared cannot be expressed by ||: store the whole state instead (never happens today).
    const dropped = this.last ? [...this.last.keys()].some((k) => !keys.has(k)) : false;
    this.last = keys;
    this.lastSeq = seq;
    if (dropped) return `{${[...keys].map(([k, { json }]) => `${JSON.stringify(k)}:${json}`).join(",")}}`;
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
