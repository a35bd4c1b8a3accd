// The durable record of one tool call, as the executor reports it and the run writer stores it in
// tool_calls (one row per call key; a fallback has its own key "<key>><tool>").

/** One attempt: the timeline's segments. */
export interface AttemptRecord {
  attempt: number;
  tool: string;
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  error?: string;
}

export interface ToolCallRecord {
  callKey: string;
  tool: string;
  args: unknown;
  teams: string[];
  status: "running" | "succeeded" | "failed" | "skipped";
  attempt: number;
  attempts: AttemptRecord[];
  fallbackFor: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  result: unknown;
  error: string | null;
}
