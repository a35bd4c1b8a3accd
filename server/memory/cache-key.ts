// The strategy cache's key parts: a hash of the flag values, a version of the user's preferences
// that moves only when a plan could change, and the key combining them with user and query pattern.
import { createHash } from "node:crypto";
import type { PatternSummary, ToolPreference } from "./types";
import type { FlagSnapshot } from "../flags/types";
import { effectivePreference } from "./effective-preference";
import { probeDue } from "./probe";
import { strategyFromEvidence, strategyRecords } from "./strategy-evidence";
import { memoryTuning } from "./tuning";
import type { CatalogueEntry, MemoryTuning, StrategyCacheLookup } from "./types";

function sha256(text: string, hexChars: number): string {
  return createHash("sha256").update(text).digest("hex").slice(0, hexChars);
}

/** Values only (not why a flag has its value): the same behaviour hashes the same. */
export function flagsHash(flags: FlagSnapshot): string {
  const canonical = Object.keys(flags)
    .sort()
    .map((k) => `${k}=${flags[k].value ? 1 : 0}`)
    .join(";");
  return sha256(canonical, 16);
}

/**
 * Changes exactly when applyPreferences could decide differently for `intent`: a tool's effective
 * statistic switches scope or passes the sample minimum, its success rate crosses a bucket boundary
 * (0.1 wide) or the routing/reliability threshold, it turns slow or fast (with the catalogue; without
 * it, its latency crosses a ~19% log step), or, given the patterns, the strategy evidence flips or a
 * routed-around tool is due to be tried again.
 * Pass the same patterns and catalogue you give applyPreferences.
 */
export function prefsVersion(
  preferences: readonly ToolPreference[],
  intent: string,
  context: { patterns?: readonly PatternSummary[]; catalogue?: readonly CatalogueEntry[]; tuning?: Partial<MemoryTuning> } = {},
): string {
  const tuning = memoryTuning(context.tuning);
  const timeouts = new Map((context.catalogue ?? []).map((c) => [c.name, c.timeoutMs]));
  const tools = [...new Set(preferences.filter((p) => p.intent === intent).map((p) => p.tool))].sort();
  const parts: string[] = [];
  for (const tool of tools) {
    const p = effectivePreference(preferences, tool, intent, tuning.minSamples);
    if (!p) continue;
    const bucket = Math.min(Math.floor(p.successRate / tuning.bucketWidth), Math.round(1 / tuning.bucketWidth) - 1);
    const below = p.successRate < tuning.routeAroundBelow ? 1 : 0;
    const reliable = p.successRate >= tuning.reliableAtLeast ? 1 : 0;
    const timeout = timeouts.get(tool);
    const speed = timeout !== undefined
      ? (p.avgLatencyMs > tuning.slowShareOfTimeout * timeout ? "slow" : "ok")
      : `l${Math.floor(4 * Math.log2(1 + Math.max(0, p.avgLatencyMs)))}`;
    const probe = below && context.patterns && probeDue(tool, intent, context.patterns, tuning.probeEvery) ? ":probe" : "";
    parts.push(`${tool}:${p.scope}:${bucket}:${below}${reliable}:${speed}${probe}`);
  }
  if (context.patterns) {
    const records = strategyRecords(context.patterns, intent, tuning.minStrategySamples);
    for (const r of records) {
      if (r.strategy !== "sequential" && r.strategy !== "parallel" && r.strategy !== "adaptive") continue;
      const moved = strategyFromEvidence({ intent, strategy: r.strategy, patterns: context.patterns, minSamples: tuning.minStrategySamples });
      parts.push(`${r.strategy}>${moved?.strategy ?? r.strategy}`);
    }
  }
  return `p${sha256(`${intent}|${parts.join("|")}`, 12)}`;
}

export function strategyCacheKey(lookup: StrategyCacheLookup): string {
  return `sc_${sha256(JSON.stringify([lookup.userId, lookup.queryPattern, lookup.flagsHash, lookup.prefsVersion]), 32)}`;
}
