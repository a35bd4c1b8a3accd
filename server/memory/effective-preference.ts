// Which statistic speaks for a tool in an intent: the user's own once it has enough samples,
// otherwise everyone's ("global"), otherwise none. Shared by applyPreferences and prefsVersion.
import type { ToolPreference } from "./types";

export function effectivePreference(
  preferences: readonly ToolPreference[],
  tool: string,
  intent: string,
  minSamples: number,
): ToolPreference | null {
  let user: ToolPreference | null = null;
  let global: ToolPreference | null = null;
  for (const p of preferences) {
    if (p.tool !== tool || p.intent !== intent || p.count < minSamples) continue;
    if (p.scope === "user") user = p;
    else global = p;
  }
  return user ?? global;
}

/** "for you" / "across all users", for notes. */
export function scopePhrase(p: ToolPreference): string {
  return p.scope === "user" ? "for you" : "across all users";
}

export function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

export function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
