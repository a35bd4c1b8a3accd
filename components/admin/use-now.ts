// The current time as state: read once at mount and, with a tick, refreshed on an interval — so
// rendering stays pure (no Date.now() in render) while "now"-relative views still move.
"use client";

import { useEffect, useState } from "react";

export function useNow(tickMs: number | null): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (tickMs === null) return;
    const t = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(t);
  }, [tickMs]);
  return now;
}
