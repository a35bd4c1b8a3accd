// Strategy from the user's own history: when past runs of this intent under another strategy were
// more reliable (or as reliable and clearly faster), the next run uses that strategy.
import type { Strategy } from "../state/types";
import type { PatternSummary } from "./types";
import { percent, seconds } from "./effective-preference";

export interface StrategyRecord {
  strategy: string;
  samples: number;
  successRate: number;
  meanDurationMs: number;
}

/** Same success rate counts as a tie below this difference. */
const RATE_EPSILON = 1e-9;
/** Equal reliability: the other strategy must be at least this much faster to win. */
const FASTER_BY = 0.1;

export function strategyRecords(patterns: readonly PatternSummary[], intent: string, minSamples: number): StrategyRecord[] {
  const groups = new Map<string, PatternSummary[]>();
  for (const p of patterns) {
    if (p.intent !== intent) continue;
    const list = groups.get(p.strategy) ?? [];
    list.push(p);
    groups.set(p.strategy, list);
  }
  return [...groups.entries()]
    .filter(([, list]) => list.length >= minSamples)
    .map(([strategy, list]) => ({
      strategy,
      samples: list.length,
      successRate: list.filter((p) => p.success).length / list.length,
      meanDurationMs: list.reduce((s, p) => s + p.durationMs, 0) / list.length,
    }))
    .sort((a, b) => (a.strategy < b.strategy ? -1 : 1));
}

function better(a: StrategyRecord, b: StrategyRecord): boolean {
  if (a.successRate > b.successRate + RATE_EPSILON) return true;
  if (Math.abs(a.successRate - b.successRate) <= RATE_EPSILON) return a.meanDurationMs < (1 - FASTER_BY) * b.meanDurationMs;
  return false;
}

function describe(r: StrategyRecord): string {
  return `${percent(r.successRate)} of ${r.samples} succeeded, mean ${seconds(r.meanDurationMs)}`;
}

/** The strategy the evidence prefers over `current`, with the note explaining it; null to keep `current`. */
export function strategyFromEvidence(input: {
  intent: string;
  strategy: Strategy;
  patterns: readonly PatternSummary[];
  minSamples: number;
}): { strategy: Strategy; note: string } | null {
  const records = strategyRecords(input.patterns, input.intent, input.minSamples);
  const current = records.find((r) => r.strategy === input.strategy);
  if (!current) return null;
  const winner = records
    .filter((r) => r.strategy !== current.strategy && isStrategy(r.strategy) && better(r, current))
    .sort((a, b) => b.successRate - a.successRate || a.meanDurationMs - b.meanDurationMs)[0];
  if (!winner) return null;
  const why = winner.successRate > current.successRate + RATE_EPSILON ? "more reliable" : "just as reliable but faster";
  return {
    strategy: winner.strategy as Strategy,
    note: `${capitalise(winner.strategy)} was ${why} for your past ${input.intent} runs (${describe(winner)}) than ${current.strategy} (${describe(current)}) → running ${winner.strategy}`,
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function isStrategy(s: string): s is Strategy {
  return s === "sequential" || s === "parallel" || s === "adaptive";
}
