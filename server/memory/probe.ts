// When to try a routed-around tool again: after it sat out the user's last N runs of the intent.
// Without this a tool that failed for a while would be skipped forever and never prove it recovered.
import type { PatternSummary } from "./types";

export function probeDue(tool: string, intent: string, patterns: readonly PatternSummary[], probeEvery: number): boolean {
  if (probeEvery <= 0) return false;
  const latest = patterns
    .filter((p) => p.intent === intent)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
    .slice(0, probeEvery);
  return latest.length >= probeEvery && latest.every((p) => !p.tools.some((t) => t.tool === tool));
}
