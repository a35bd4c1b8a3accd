// A run's row besides its lease: written when the run is created and once more by its last flush, from the final
// state — intent, aspects, question type, teams, steps, decisions, the orchestration decision, citations, and the
// columns the admin history filters and sorts by (strategy, orchestrated, tool-call count, retries, tokens,
// decision sources; status and duration besides).
//
// Why not as each node learns them, as before: every update writes a new version of the whole row (a W1 row is
// ~3.9 KB), and one that changes an indexed column adds an entry to every one of the table's 14 indexes. Only the
// indexed columns waiting for the end (fifth session) made three of four updates HOT; no update at all in the
// middle of a run (its flushes lock the row `for key share` instead) took W1 c1 p50 from 7.07 to 6.40 ms and
// PostgreSQL's CPU per run from 4.10 to 3.77 ms (docs/perf/issue-14.md §12). Nothing is lost: each node's events
// and checkpoint are committed before the next node starts, and a running run's summary is read from them
// (live-run.ts), as is what resuming it needs (its decisions and last event seq).
import type { RunPatch } from "../events/run-writer";
import type { LlmUsage } from "../models/types";
import type { Decision } from "../state/decision";
import type { AppDefinition } from "./app";
import type { PlanningState, SupervisorState } from "./types";

/** What a run's plan says about it, as its summary shows it (the row's columns, and a running run's live view). */
export function planSummary(planning: PlanningState) {
  return {
    intent: planning.intent, aspects: planning.aspects, questionType: planning.questionType,
    teams: planning.execution_steps.map((s) => s.team), steps: planning.execution_steps,
  };
}

export function summaryColumns(state: SupervisorState, decisions: readonly Decision[], usage: readonly LlmUsage[], app: Pick<AppDefinition, "citations">): RunPatch {
  const cols: RunPatch = {};
  const planning = state.planning;
  if (planning) {
    const { intent, aspects, questionType, teams, steps } = planSummary(planning);
    Object.assign(cols, { intent, aspects, question_type: questionType, teams, steps });
  }
  const execution = state.execution;
  if (execution) {
    cols.orchestrated = !execution.legacy;
    cols.strategy = execution.legacy ? "legacy" : (execution.decision?.strategy ?? execution.strategy);
    if (execution.decision) {
      cols.orchestration = execution.decision;
      cols.duplicates_avoided = execution.decision.duplicatesAvoided;
    }
    // Calls that ran (a fallback that ran counts too); reused and skipped ones ran nothing.
    cols.tool_call_count = execution.registry.reduce((n, e) => n + (e.attempts > 0 ? 1 + (e.resolvedBy ? 1 : 0) : 0), 0);
    cols.retries = execution.registry.reduce((n, e) => n + (e.retries ?? 0), 0);
    // What the answer rests on, from the tool outputs by call key; the app decides what counts as a source.
    if (app.citations) cols.citations = app.citations(execution.intermediateResults);
  }
  if (decisions.length) {
    cols.decisions = decisions;
    cols.decision_sources = [...new Set(decisions.map((d) => d.source))];
  }
  if (usage.length) {
    cols.llm_calls = usage.length;
    cols.llm_tokens = usage.reduce((n, u) => n + u.inputTokens + u.outputTokens, 0);
  }
  return cols;
}
