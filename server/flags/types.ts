// The flag values a run is started with: one snapshot, recorded on the run and read by every layer.

export interface FlagValue {
  value: boolean;
  reason: "default" | "env" | "rollout" | "override" | "kill" | "request";
}
export type FlagSnapshot = Record<string, FlagValue>;
