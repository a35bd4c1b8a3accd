// Small display helpers shared by the admin views: durations, times, percentages, short ids.

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return "–";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  return `${Math.floor(ms / 60_000)} m ${Math.round((ms % 60_000) / 1000)} s`;
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return "–";
  const d = new Date(iso);
  return d.toLocaleString("en-GB", { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
}

export function formatPercent(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  return `${(x * 100).toFixed(digits)}%`;
}

export function formatNumber(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  return x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** A run's duration: recorded, or still counting for a running run. */
export function runDurationMs(r: { durationMs: number | null; startedAt: string; finishedAt: string | null; status: string }, now = Date.now()): number | null {
  if (r.durationMs !== null) return r.durationMs;
  if (r.finishedAt) return Date.parse(r.finishedAt) - Date.parse(r.startedAt);
  if (r.status === "running") return now - Date.parse(r.startedAt);
  return null;
}

export const STATUS_STYLES: Record<string, string> = {
  completed: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  failed: "bg-rose-50 text-rose-700 ring-rose-200",
  running: "bg-amber-50 text-amber-700 ring-amber-200",
  succeeded: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  skipped: "bg-slate-100 text-slate-600 ring-slate-200",
};
