// The flag values a run is started with: one snapshot, recorded on the run and read by every layer.
// Declared in state/ (below db/, whose runs.flags column is typed by it).
export type { FlagSnapshot, FlagValue } from "../state/types";
