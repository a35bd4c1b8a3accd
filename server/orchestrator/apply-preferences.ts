// How memory changes a plan before it runs (pure): route around tools that keep failing for this
// user and intent, give reliable-but-slow tools more room, and follow the strategy evidence.
import { effectivePreference, percent, scopePhrase, seconds } from "../memory/effective-preference";
import { probeDue } from "../memory/probe";
import { strategyFromEvidence } from "../memory/strategy-evidence";
import { memoryTuning } from "../memory/tuning";
import type { CatalogueEntry, MemoryTuning, PatternSummary, ToolPreference } from "../memory/types";
import { canonicalJson } from "./canonical";
import type { PlannedCall, Strategy } from "./types";

export interface ApplyPreferencesInput {
  calls: PlannedCall[];
  intent: string;
  preferences: ToolPreference[];
  patterns: PatternSummary[];
  strategy: Strategy;
  catalogue: CatalogueEntry[];
  /** Defaults from memoryTuning() (environment). */
  tuning?: Partial<MemoryTuning>;
}

export interface ApplyPreferencesResult {
  calls: PlannedCall[];
  strategy: Strategy;
  /** One English line per change, for the decision's reasoning and the chat's decision card. */
  notes: string[];
  /** The same changes as data, in the same order: what code acts on (never the English). */
  changes: MemoryChange[];
}

/** One change memory made to the plan. `tool` is the tool the change is about (none for strategy). */
export type MemoryChange =
  | { kind: "route_around"; tool: string; replacement: string; note: string }
  | { kind: "probe"; tool: string; note: string }
  | { kind: "slow_tool"; tool: string; note: string }
  | { kind: "strategy"; strategy: Strategy; note: string };

/** Input is not modified; the result's calls are copies. */
export function applyPreferences(input: ApplyPreferencesInput): ApplyPreferencesResult {
  const tuning = memoryTuning(input.tuning);
  const catalogue = new Map(input.catalogue.map((c) => [c.name, c]));
  const pref = (tool: string) => effectivePreference(input.preferences, tool, input.intent, tuning.minSamples);
  const unreliable = (tool: string) => {
    const p = pref(tool);
    return p !== null && p.successRate < tuning.routeAroundBelow;
  };
  const changes: MemoryChange[] = [];
  let calls: PlannedCall[] = input.calls.map((c) => structuredClone(c));

  // 1. Route around unreliable tools, one decision (and one note) per tool.
  for (const tool of distinct(calls.map((c) => c.tool))) {
    const p = pref(tool);
    if (!p || p.successRate >= tuning.routeAroundBelow) continue;
    const affected = calls.filter((c) => c.tool === tool && c.substitutedFor === undefined);
    if (affected.length === 0) continue;
    const fallbacks = catalogue.get(tool)?.fallbacks ?? affected[0].policy.fallbacks;
    const candidates = fallbacks.filter((f) => f !== tool);
    const replacement = candidates.find((f) => !unreliable(f));
    if (!replacement) continue;
    if (probeDue(tool, input.intent, input.patterns, tuning.probeEvery)) {
      const probe = `${tool} succeeded ${percent(p.successRate)} of ${p.count} recent runs ${scopePhrase(p)} (${input.intent}) but sat out your last ${tuning.probeEvery} such runs → trying it again, its fallbacks ready`;
      for (const call of affected) call.reasoning = call.reasoning ? `${call.reasoning}; ${probe}` : probe;
      changes.push({ kind: "probe", tool, note: probe });
      continue;
    }
    const skipped = candidates.slice(0, candidates.indexOf(replacement));
    let note = `${tool} succeeded ${percent(p.successRate)} of ${p.count} recent runs ${scopePhrase(p)} (${input.intent}) → using ${replacement}`;
    if (skipped.length > 0) note += ` (skipping ${skipped.join(", ")}, also unreliable)`;
    const merged: string[] = [];
    for (const call of affected) {
      call.substitutedFor = tool;
      call.tool = replacement;
      call.reasoning = note;
      // The original stays as the last resort: unreliable is not never.
      call.policy.fallbacks = [...candidates.filter((f) => f !== replacement), tool];
      const timeoutMs = catalogue.get(replacement)?.timeoutMs;
      if (timeoutMs !== undefined) call.policy.timeoutMs = timeoutMs;
      const twin = calls.find((o) => o !== call && o.tool === replacement && sameRequest(o, call));
      if (twin) {
        calls = foldInto(calls, call, twin);
        merged.push(twin.key);
      }
    }
    if (merged.length > 0) note += ` (the plan already had that ${replacement} call; shared instead of run twice)`;
    if (affected.length > 1) note += ` [${affected.length} calls]`;
    changes.push({ kind: "route_around", tool, replacement, note });
  }

  // 2. Reliable but slow: one more retry and half again as long before timing out.
  for (const tool of distinct(calls.map((c) => c.tool))) {
    const p = pref(tool);
    if (!p || p.successRate < tuning.reliableAtLeast) continue;
    const affected = calls.filter((c) => c.tool === tool);
    const timeoutMs = catalogue.get(tool)?.timeoutMs ?? affected[0].policy.timeoutMs;
    if (p.avgLatencyMs <= tuning.slowShareOfTimeout * timeoutMs) continue;
    const before = affected[0].policy;
    const newTimeout = Math.round(before.timeoutMs * 1.5);
    let note = `${tool} is reliable ${scopePhrase(p)} (${percent(p.successRate)} of ${p.count} runs, ${input.intent}) but slow (avg ${seconds(p.avgLatencyMs)} against a ${seconds(timeoutMs)} timeout) → ${before.retries + 1} retries, timeout ${seconds(before.timeoutMs)} → ${seconds(newTimeout)}`;
    if (affected.length > 1) note += ` [${affected.length} calls]`;
    for (const call of affected) {
      call.policy.retries += 1;
      call.policy.timeoutMs = Math.round(call.policy.timeoutMs * 1.5);
      call.reasoning = call.reasoning ? `${call.reasoning}; ${note}` : note;
    }
    changes.push({ kind: "slow_tool", tool, note });
  }

  // 3. Strategy follows the user's own evidence for this intent.
  let strategy = input.strategy;
  const evidence = strategyFromEvidence({ intent: input.intent, strategy, patterns: input.patterns, minSamples: tuning.minStrategySamples });
  if (evidence) {
    strategy = evidence.strategy;
    changes.push({ kind: "strategy", strategy, note: evidence.note });
  }

  return { calls, strategy, notes: changes.map((c) => c.note), changes };
}

function distinct(xs: string[]): string[] {
  return [...new Set(xs)];
}

function sameRequest(a: PlannedCall, b: PlannedCall): boolean {
  return canonicalJson(a.args) === canonicalJson(b.args) && canonicalJson(a.inputsFrom) === canonicalJson(b.inputsFrom);
}

/**
 * Drops `gone` (now a duplicate of `kept`): its teams and steps move to `kept`, and every reference
 * to its key (inputsFrom values, dependsOn) is rewritten, so consumers still resolve.
 */
function foldInto(calls: PlannedCall[], gone: PlannedCall, kept: PlannedCall): PlannedCall[] {
  kept.teams = distinct([...kept.teams, ...gone.teams]);
  kept.stepIds = distinct([...kept.stepIds, ...gone.stepIds]);
  kept.policy.fatal = kept.policy.fatal || gone.policy.fatal;
  const rest = calls.filter((c) => c !== gone);
  for (const c of rest) {
    for (const [field, key] of Object.entries(c.inputsFrom)) if (key === gone.key) c.inputsFrom[field] = kept.key;
    c.dependsOn = distinct(c.dependsOn.map((k) => (k === gone.key ? kept.key : k))).filter((k) => k !== c.key);
  }
  return rest;
}
