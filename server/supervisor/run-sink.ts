// The executor's reports turned into the run's durable record: tool_call_* and strategy_adjusted
// events and tool_calls rows, all through the run's writer (one group-committed append path).
import type { RunWriter } from "../events/run-writer";
import type { ExecutionSink } from "../orchestrator/sink";

export function runWriterSink(writer: RunWriter): ExecutionSink {
  return {
    callStarted: () => {},
    attemptStarted: (e) => {
      writer.emit("tool_call_started", { callKey: e.callKey, tool: e.tool, attempt: e.attempt, teams: e.call.teams, ...(e.fallbackFor ? { fallbackFor: e.fallbackFor } : {}) });
      writer.toolCall(e.record);
    },
    attemptFinished: (e) => {
      writer.emit("tool_call_finished", {
        callKey: e.callKey, tool: e.tool, attempt: e.attempt, teams: e.call.teams, sharedBy: e.call.teams, durationMs: e.durationMs,
        ...(e.fallbackFor ? { fallbackFor: e.fallbackFor } : {}), status: e.status, ...(e.error !== undefined ? { error: e.error } : {}),
      });
      // A retried attempt leaves the row running; the next attempt's start rewrites it.
      if (e.status !== "retrying") writer.toolCall(e.record);
    },
    callReused: (call, callKey, tool) => {
      writer.emit("tool_call_finished", {
        callKey, tool, status: "succeeded", attempt: 0, durationMs: 0, teams: call.teams, sharedBy: call.teams, reused: true,
      });
    },
    callSkipped: (call, reason, record) => {
      writer.emit("tool_call_finished", { callKey: call.key, tool: call.tool, status: "skipped", attempt: 0, durationMs: 0, teams: call.teams, sharedBy: call.teams, error: reason });
      writer.toolCall(record);
    },
    callSettled: () => {},
    strategyAdjusted: ({ from, to, reason }) => {
      writer.emit("strategy_adjusted", { from, to, reason });
    },
  };
}
