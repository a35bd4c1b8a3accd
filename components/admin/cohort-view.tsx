// Compares the runs that recorded a flag on with those that recorded it off over a period: success,
// degradation, duplicate tool executions avoided, p50/p95 duration, retries and LLM calls, side by side.
"use client";

import { useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc";
import type { inferRouterOutputs } from "@trpc/server";
import type { CoreRouter } from "@/server/trpc/root";
import { formatMs, formatNumber, formatPercent } from "./format";
import { Card, ErrorNote, inputClass } from "./ui";

type Cohort = NonNullable<inferRouterOutputs<CoreRouter>["admin"]["flags"]["cohort"]["on"]>;

const PERIODS: [string, number][] = [["Last hour", 1], ["Last 24 hours", 24], ["Last 7 days", 24 * 7], ["Last 30 days", 24 * 30], ["Last 365 days", 24 * 365]];

interface Metric {
  label: string;
  value: (c: Cohort) => number | null;
  format: (v: number | null) => string;
  /** Which direction is better, to colour the winner. */
  better: "higher" | "lower";
}

const METRICS: Metric[] = [
  { label: "Runs", value: (c) => c.runs, format: (v) => formatNumber(v), better: "higher" },
  { label: "Success rate", value: (c) => c.successRate, format: (v) => formatPercent(v), better: "higher" },
  { label: "Degraded runs", value: (c) => (c.runs ? c.degraded / c.runs : null), format: (v) => formatPercent(v), better: "lower" },
  { label: "Duplicates avoided / tool call", value: (c) => c.duplicateRate, format: (v) => formatPercent(v), better: "higher" },
  { label: "p50 duration", value: (c) => c.p50DurationMs, format: (v) => formatMs(v), better: "lower" },
  { label: "p95 duration", value: (c) => c.p95DurationMs, format: (v) => formatMs(v), better: "lower" },
  { label: "Retries / run", value: (c) => c.retriesPerRun, format: (v) => formatNumber(v, 2), better: "lower" },
  { label: "LLM calls / run", value: (c) => c.llmCallsPerRun, format: (v) => formatNumber(v, 2), better: "lower" },
  { label: "Orchestrated share", value: (c) => (c.runs ? c.orchestrated / c.runs : null), format: (v) => formatPercent(v), better: "higher" },
];

/** Two horizontal bars on a shared scale: on (indigo) above off (slate). */
function PairBars({ on, off, better }: { on: number | null; off: number | null; better: "higher" | "lower" }) {
  const max = Math.max(on ?? 0, off ?? 0, 1e-9);
  const W = 220;
  const win = on !== null && off !== null && on !== off ? ((better === "higher") === on > off ? "on" : "off") : null;
  return (
    <svg width={W} height={26} viewBox={`0 0 ${W} 26`} aria-hidden>
      <rect x={0} y={2} width={W} height={9} rx={2} fill="#f1f5f9" />
      <rect x={0} y={15} width={W} height={9} rx={2} fill="#f1f5f9" />
      {on !== null && <rect x={0} y={2} width={Math.max(1, (on / max) * W)} height={9} rx={2} fill={win === "on" ? "#4f46e5" : "#a5b4fc"} />}
      {off !== null && <rect x={0} y={15} width={Math.max(1, (off / max) * W)} height={9} rx={2} fill={win === "off" ? "#334155" : "#94a3b8"} />}
    </svg>
  );
}

export function CohortView({ initialFlag }: { initialFlag: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [flag, setFlag] = useState(initialFlag);
  const [hours, setHours] = useState(24 * 7);
  // The period is fixed when chosen (not "now" on every render), so the query key stays stable.
  const [now, setNow] = useState(() => Date.now());
  const range = useMemo(() => ({ from: new Date(now - hours * 3_600_000).toISOString(), to: new Date(now + 60_000).toISOString() }), [now, hours]);
  const flags = useQuery(trpc.admin.flags.list.queryOptions());
  const cohort = useQuery(trpc.admin.flags.cohort.queryOptions({ key: flag, ...range }));
  const on = cohort.data?.on ?? null;
  const off = cohort.data?.off ?? null;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">Cohort comparison</h1>
          <p className="mt-1 text-sm text-slate-500">Runs grouped by the value each run recorded for the flag when it started.</p>
        </div>
        <div className="flex items-end gap-2">
          <label className="flex flex-col gap-1 text-[11px] font-medium uppercase tracking-wide text-slate-500">
            Flag
            <select className={inputClass} value={flag} data-testid="cohort-flag"
              onChange={(e) => { setFlag(e.target.value); router.replace(`/admin/cohorts?flag=${e.target.value}`); }}>
              {(flags.data ?? [{ key: flag }]).map((f) => <option key={f.key} value={f.key}>{f.key}</option>)}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-[11px] font-medium uppercase tracking-wide text-slate-500">
            Period
            <select className={inputClass} value={hours} onChange={(e) => { setHours(Number(e.target.value)); setNow(Date.now()); }} data-testid="cohort-period">
              {PERIODS.map(([label, h]) => <option key={h} value={h}>{label}</option>)}
            </select>
          </label>
          <button type="button" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50" onClick={() => setNow(Date.now())}>Refresh</button>
        </div>
      </div>
      <ErrorNote error={cohort.error} />
      <Card title={<span><span className="font-mono">{flag}</span>: on vs off</span>}>
        {cohort.isLoading ? <p className="text-sm text-slate-400">Loading…</p> : !on && !off ? (
          <p className="text-sm text-slate-500">No runs recorded this flag in the period.</p>
        ) : (
          <table className="w-full text-sm" data-testid="cohort-table">
            <thead className="text-left text-[11px] uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-2">Metric</th>
                <th className="py-2 text-right"><span className="rounded bg-indigo-50 px-1.5 py-0.5 text-indigo-700">on</span></th>
                <th className="py-2 text-right"><span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">off</span></th>
                <th className="py-2 pl-6">Comparison</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {METRICS.map((m) => {
                const a = on ? m.value(on) : null;
                const b = off ? m.value(off) : null;
                return (
                  <tr key={m.label} data-testid="cohort-metric" data-metric={m.label}>
                    <td className="py-2 text-slate-700">{m.label}</td>
                    <td className="py-2 text-right font-medium tabular-nums text-slate-900" data-testid="cohort-on">{m.format(a)}</td>
                    <td className="py-2 text-right font-medium tabular-nums text-slate-900" data-testid="cohort-off">{m.format(b)}</td>
                    <td className="py-1 pl-6"><PairBars on={a} off={b} better={m.better} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
