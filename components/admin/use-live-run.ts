// Follows a running run's SSE stream (GET /api/runs/{id}/events; the admin cookie grants access) and
// calls onEvent for each event; stops at run_completed / run_failed, on unmount, or when not running.
"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { readSseBody } from "@/components/chat/sse-parser";

export type LiveState = "idle" | "live" | "ended" | "error";

export function useLiveRun(runId: string, running: boolean, afterSeq: number, onEvent: (type: string) => void): LiveState {
  const [state, setState] = useState<LiveState>("idle");
  const callback = useRef(onEvent);
  const startSeq = useRef(afterSeq);
  // The latest callback and start point, for the stream effect below (which only restarts per run).
  useLayoutEffect(() => {
    callback.current = onEvent;
    startSeq.current = afterSeq;
  });

  useEffect(() => {
    if (!running) return;
    const abort = new AbortController();
    (async () => {
      try {
        const res = await fetch(`/api/runs/${runId}/events?after=${startSeq.current}`, { signal: abort.signal, headers: { accept: "text/event-stream" } });
        if (!res.ok || !res.body) {
          setState("error");
          return;
        }
        setState("live");
        await readSseBody(res.body, (frame) => {
          callback.current(frame.event);
          if (frame.event === "run_completed" || frame.event === "run_failed") setState("ended");
        });
        setState((s) => (s === "live" ? "ended" : s));
      } catch {
        if (!abort.signal.aborted) setState("error");
      }
    })();
    return () => abort.abort();
  }, [runId, running]);
  return state;
}
