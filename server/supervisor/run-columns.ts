// The runs columns the admin history filters and sorts by (intent, strategy, orchestrated, tool-call count,
// retries, tokens, decision sources; status and duration besides), every one of them indexed: written once, by
// the run's last flush, from the final state.
//
// Why not as each node learns them, as before: an update that changes an indexed column cannot be HOT, so it
// adds a new entry to every one of the table's 14 indexes. Planning set the intent and execute the strategy and
// counts, so three of a W1 run's four updates of its row went through all 14 (docs/perf/issue-14.md §11). Now
// only the last one does; the others change columns no index reads (steps, decisions, orchestration, citations,
// last_seq) and, with room left on the page (fillfactor 50, migration 0012), stay on it. A running run shows
// none of these until it ends; its events carry them live.
import type { RunPatch } from "../events/run-writer";
import type { LlmUsage } from "../models/types";
import type { Decision } from "../state/decision";
import type { SupervisorState } from "./types";

export function summaryColumns(state: SupervisorState, decisions: readonly Decision[], usage: readonly LlmUsage[]): RunPatch {
  const cols: RunPatch = {};
  if (state.planning) cols.intent = state.planning.intent;
  const execution = state.execution;
  if (execution) {
    cols.orchestrated = !execution.legacy;
    cols.strategy = execution.legacy ? "legacy" : (execution.decision?.strategy ?? execution.strategy);
    // Calls that ran (a fallback that ran counts too); reused and skipped ones ran nothing.
    cols.tool_call_count = execution.registry.reduce((n, e) => n + (e.attempts > 0 ? 1 + (e.resolvedBy ? 1 : 0) : 0), 0);
    cols.retries = execution.registry.reduce((n, e) => n + (e.retries ?? 0), 0);
  }
  if (decisions.length) cols.decision_sources = [...new Set(decisions.map((d) => d.source))];
  if (usage.length) {
    cols.llm_calls = usage.length;
    cols.llm_tokens = usage.reduce((n, u) => n + u.inputTokens + u.outputTokens, 0);
  }
  return cols;
}
