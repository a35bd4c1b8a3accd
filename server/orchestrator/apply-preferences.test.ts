// applyPreferences is pure: the same plan under different memories becomes different plans, and every
// change is explained in one English note with its figures. No database needed.
import { afterEach, describe, expect, it } from "vitest";
import type { CatalogueEntry, PatternSummary, ToolPreference } from "../memory/types";
import { applyPreferences } from "./apply-preferences";
import type { PlannedCall } from "./types";

const INTENT = "MARKET_INQUIRY";

function call(key: string, tool: string, over: Partial<PlannedCall> = {}): PlannedCall {
  return {
    key, tool, args: { region: "마포구" }, inputsFrom: {}, dependsOn: [], teams: ["search"], stepIds: ["s1"],
    policy: { timeoutMs: 4000, retries: 1, backoff: { initialMs: 100, factor: 2, maxMs: 1000, jitter: 0 }, fallbacks: [], fatal: false },
    ...over,
  };
}

const catalogue: CatalogueEntry[] = [
  { name: "market_data", fallbacks: ["market_summary"], timeoutMs: 5000 },
  { name: "market_summary", fallbacks: [], timeoutMs: 3000 },
  { name: "legal_search", fallbacks: ["legal_faq", "legal_index"], timeoutMs: 4000 },
  { name: "legal_faq", fallbacks: [], timeoutMs: 2000 },
  { name: "legal_index", fallbacks: [], timeoutMs: 2500 },
  { name: "risk_score", fallbacks: [], timeoutMs: 1000 },
];

function plan(): PlannedCall[] {
  return [
    call("market_data#1", "market_data", { policy: { ...call("", "").policy, timeoutMs: 5000, fallbacks: ["market_summary"] } }),
    call("legal_search#1", "legal_search", { args: { q: "전세 보증금" }, teams: ["search", "analysis"] }),
    call("risk_score#1", "risk_score", { inputsFrom: { prices: "market_data#1" }, dependsOn: ["market_data#1"], teams: ["analysis"], stepIds: ["s2"] }),
  ];
}

function pref(scope: "user" | "global", tool: string, successRate: number, count: number, avgLatencyMs = 500, intent = INTENT): ToolPreference {
  return { scope, tool, intent, successRate, avgLatencyMs, count, lastError: null };
}

function apply(preferences: ToolPreference[], patterns: PatternSummary[] = [], calls = plan(), strategy: "parallel" | "sequential" = "parallel") {
  return applyPreferences({ calls, intent: INTENT, preferences, patterns, strategy, catalogue });
}

afterEach(() => {
  delete process.env.ENSEMBLE_ROUTE_AROUND_BELOW;
  delete process.env.ENSEMBLE_ROUTE_AROUND_PROBE_EVERY;
});

describe("applyPreferences: tools", () => {
  it("turns one plan into two different, explained plans under two preference sets", () => {
    const unreliableMarket = apply([pref("user", "market_data", 0.23, 12)]);
    const slowLegal = apply([pref("global", "legal_search", 0.95, 40, 3500)]);

    // Set 1: market_data routed to its fallback; the key stays, so risk_score's input still resolves.
    const [m] = unreliableMarket.calls;
    expect(m).toMatchObject({ key: "market_data#1", tool: "market_summary", substitutedFor: "market_data" });
    expect(m.policy.timeoutMs).toBe(3000);
    expect(m.policy.fallbacks).toEqual(["market_data"]);
    expect(unreliableMarket.notes).toEqual(["market_data succeeded 23% of 12 recent runs for you (MARKET_INQUIRY) → using market_summary"]);
    expect(m.reasoning).toBe(unreliableMarket.notes[0]);
    const keys = new Set(unreliableMarket.calls.map((c) => c.key));
    for (const c of unreliableMarket.calls) for (const k of [...Object.values(c.inputsFrom), ...c.dependsOn]) expect(keys.has(k)).toBe(true);
    expect(unreliableMarket.calls[1].policy).toEqual(plan()[1].policy);

    // Set 2: legal_search reliable but slow (3.5 s > 0.6 × 4 s): one more retry, 1.5× timeout.
    expect(slowLegal.calls[0]).toEqual(plan()[0]);
    expect(slowLegal.calls[1].policy).toMatchObject({ retries: 2, timeoutMs: 6000 });
    expect(slowLegal.notes).toEqual([
      "legal_search is reliable across all users (95% of 40 runs, MARKET_INQUIRY) but slow (avg 3.5 s against a 4.0 s timeout) → 2 retries, timeout 4.0 s → 6.0 s",
    ]);
    expect(slowLegal.calls[1].reasoning).toBe(slowLegal.notes[0]);

    expect(unreliableMarket.calls).not.toEqual(slowLegal.calls);
    expect(unreliableMarket.strategy).toBe("parallel");
  });

  it("leaves the plan alone, with no notes, when nothing is known well enough", () => {
    const cases: ToolPreference[][] = [
      [],
      [pref("user", "market_data", 0.1, 4)], // too few samples
      [pref("user", "market_data", 0.9, 6), pref("global", "market_data", 0.1, 500)], // the user's own figure wins
      [pref("user", "market_data", 0.1, 50, 500, "LOAN_CONSULT")], // another intent
      [pref("user", "market_data", 0.5, 50)], // at the threshold is not below it
      [pref("global", "legal_search", 0.95, 40, 2400)], // reliable, not slow (exactly 0.6 × timeout)
      [pref("global", "legal_search", 0.79, 40, 3900)], // slow but not reliable enough to deserve more time
    ];
    for (const preferences of cases) {
      const out = apply(preferences);
      expect(out.calls).toEqual(plan());
      expect(out.notes).toEqual([]);
    }
  });

  it("uses everyone's figures when the user has too few, and says so", () => {
    const out = apply([pref("user", "market_data", 0.0, 3), pref("global", "market_data", 0.3, 200)]);
    expect(out.calls[0].tool).toBe("market_summary");
    expect(out.notes).toEqual(["market_data succeeded 30% of 200 recent runs across all users (MARKET_INQUIRY) → using market_summary"]);
  });

  it("skips a fallback that is unreliable too, and keeps a tool with no usable fallback", () => {
    const skipped = apply([pref("user", "legal_search", 0.2, 10), pref("user", "legal_faq", 0.1, 10)]);
    expect(skipped.calls[1]).toMatchObject({ tool: "legal_index", substitutedFor: "legal_search" });
    expect(skipped.calls[1].policy.fallbacks).toEqual(["legal_faq", "legal_search"]);
    expect(skipped.notes[0]).toBe("legal_search succeeded 20% of 10 recent runs for you (MARKET_INQUIRY) → using legal_index (skipping legal_faq, also unreliable)");

    const stuck = apply([pref("user", "risk_score", 0.1, 10)]);
    expect(stuck.calls).toEqual(plan());
    expect(stuck.notes).toEqual([]);
  });

  it("shares the fallback call the plan already had instead of running it twice, rewiring consumers", () => {
    const calls = [
      ...plan(),
      call("market_summary#1", "market_summary", { teams: ["document"], stepIds: ["s3"] }),
    ];
    const out = apply([pref("user", "market_data", 0.2, 10)], [], calls);
    expect(out.calls.map((c) => c.key)).toEqual(["legal_search#1", "risk_score#1", "market_summary#1"]);
    const risk = out.calls.find((c) => c.key === "risk_score#1")!;
    expect(risk.inputsFrom).toEqual({ prices: "market_summary#1" });
    expect(risk.dependsOn).toEqual(["market_summary#1"]);
    const shared = out.calls.find((c) => c.key === "market_summary#1")!;
    expect(shared.teams).toEqual(["document", "search"]);
    expect(shared.stepIds).toEqual(["s3", "s1"]);
    expect(out.notes).toHaveLength(1);
    expect(out.notes[0]).toMatch(/→ using market_summary \(the plan already had that market_summary call; shared instead of run twice\)$/);
  });

  it("does not modify its input", () => {
    const calls = plan();
    const snapshot = structuredClone(calls);
    apply([pref("user", "market_data", 0.2, 10), pref("global", "legal_search", 0.99, 40, 3900)], [], calls);
    expect(calls).toEqual(snapshot);
  });

  it("reads the routing threshold from ENSEMBLE_ROUTE_AROUND_BELOW", () => {
    expect(apply([pref("user", "market_data", 0.35, 10)]).calls[0].tool).toBe("market_summary");
    process.env.ENSEMBLE_ROUTE_AROUND_BELOW = "0.3";
    expect(apply([pref("user", "market_data", 0.35, 10)]).calls[0].tool).toBe("market_data");
    process.env.ENSEMBLE_ROUTE_AROUND_BELOW = "half";
    expect(() => apply([])).toThrow(/ENSEMBLE_ROUTE_AROUND_BELOW/);
  });
});

function runs(strategy: string, outcomes: boolean[], durationMs: number, intent = INTENT): PatternSummary[] {
  return outcomes.map((success, i) => ({
    runId: null, intent, queryPattern: `${intent}|region`, strategy, success, durationMs,
    tools: [], createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
  }));
}

describe("applyPreferences: strategy from evidence", () => {
  it("runs sequentially when the user's parallel runs of this intent failed more often", () => {
    const patterns = [...runs("parallel", [true, false, false, true, false], 2100), ...runs("sequential", [true, true, true, true], 2800)];
    const out = apply([], patterns);
    expect(out.strategy).toBe("sequential");
    expect(out.notes).toEqual([
      "Sequential was more reliable for your past MARKET_INQUIRY runs (100% of 4 succeeded, mean 2.8 s) than parallel (40% of 5 succeeded, mean 2.1 s) → running sequential",
    ]);
    expect(out.calls).toEqual(plan());
  });

  it("runs in parallel when that was just as reliable and clearly faster", () => {
    const patterns = [...runs("parallel", [true, true, true], 1200), ...runs("sequential", [true, true, true], 3000)];
    const out = apply([], patterns, plan(), "sequential");
    expect(out.strategy).toBe("parallel");
    expect(out.notes[0]).toMatch(/^Parallel was just as reliable but faster/);
  });

  it("keeps the strategy without enough samples of each, on a near tie, or for another intent's evidence", () => {
    const few = [...runs("parallel", [false, false], 2000), ...runs("sequential", [true, true, true], 2000)];
    const tie = [...runs("parallel", [true, true, true], 2000), ...runs("sequential", [true, true, true], 1900)];
    const other = [...runs("parallel", [false, false, false], 2000, "LOAN_CONSULT"), ...runs("sequential", [true, true, true], 2000, "LOAN_CONSULT")];
    for (const patterns of [few, tie, other]) {
      const out = apply([], patterns);
      expect(out.strategy).toBe("parallel");
      expect(out.notes).toEqual([]);
    }
  });

  it("keeps parallel when it was more reliable even if slower", () => {
    const patterns = [...runs("parallel", [true, true, true], 5000), ...runs("sequential", [true, false, true], 1000)];
    expect(apply([], patterns).strategy).toBe("parallel");
  });
});

describe("applyPreferences: trying a routed-around tool again", () => {
  const routedRuns = (n: number, tools: string[] = ["market_summary"]) => runs("parallel", Array(n).fill(true), 1000)
    .map((p) => ({ ...p, tools: tools.map((tool) => ({ tool, outcome: "succeeded" as const, latencyMs: 100 })) }));
  const bad = [pref("global", "market_data", 0.2, 40)];

  it("keeps the tool once it sat out the user's last 5 runs of the intent, and says why", () => {
    const out = apply(bad, routedRuns(5));
    expect(out.calls[0]).toEqual({ ...plan()[0], reasoning: out.notes[0] });
    expect(out.notes).toEqual(["market_data succeeded 20% of 40 recent runs across all users (MARKET_INQUIRY) but sat out your last 5 such runs → trying it again, its fallbacks ready"]);
    // No usable fallback: nothing was being routed, so there is nothing to retry or explain.
    expect(apply([pref("global", "risk_score", 0.2, 40)], routedRuns(5)).notes).toEqual([]);
  });

  it("still routes around it before that, when it was tried recently, or with probing off", () => {
    expect(apply(bad, routedRuns(4)).calls[0].tool).toBe("market_summary");
    const oneRecentTry = [...routedRuns(4), ...routedRuns(1, ["market_data"]).map((p) => ({ ...p, createdAt: "2027-01-01T00:00:00.000Z" }))];
    expect(apply(bad, oneRecentTry).calls[0].tool).toBe("market_summary");
    expect(apply(bad, routedRuns(5).map((p) => ({ ...p, intent: "LOAN_CONSULT" }))).calls[0].tool).toBe("market_summary");
    process.env.ENSEMBLE_ROUTE_AROUND_PROBE_EVERY = "0";
    expect(apply(bad, routedRuns(20)).calls[0].tool).toBe("market_summary");
  });
});

