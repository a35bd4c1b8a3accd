// A small SVG line chart of a tool's statistics over time: success rate (0–100%, left axis) and
// average latency (right axis), one point per recorded update.
import { formatMs } from "./format";

export interface StatPoint {
  at: string;
  successRate: number;
  avgLatencyMs: number;
}

const W = 640;
const H = 200;
const PAD = { l: 44, r: 56, t: 14, b: 26 };

export function StatHistoryChart({ points }: { points: StatPoint[] }) {
  if (points.length === 0) return <p className="text-sm text-slate-400">No history recorded for this tool yet.</p>;
  const t0 = Date.parse(points[0].at);
  const t1 = Math.max(Date.parse(points[points.length - 1].at), t0 + 1);
  const maxLatency = Math.max(...points.map((p) => p.avgLatencyMs), 1);
  const x = (iso: string) => PAD.l + ((Date.parse(iso) - t0) / (t1 - t0)) * (W - PAD.l - PAD.r);
  const yRate = (r: number) => PAD.t + (1 - r) * (H - PAD.t - PAD.b);
  const yLat = (ms: number) => PAD.t + (1 - ms / maxLatency) * (H - PAD.t - PAD.b);
  const path = (f: (p: StatPoint) => number) => points.map((p, i) => `${i ? "L" : "M"}${x(p.at).toFixed(1)},${f(p).toFixed(1)}`).join(" ");
  const single = points.length === 1;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="w-full max-w-[640px]" role="img" aria-label="Tool statistics over time" data-testid="stat-chart">
      {[0, 0.25, 0.5, 0.75, 1].map((r) => (
        <g key={r}>
          <line x1={PAD.l} x2={W - PAD.r} y1={yRate(r)} y2={yRate(r)} stroke="#e2e8f0" strokeDasharray={r === 0 ? undefined : "2 3"} />
          <text x={PAD.l - 6} y={yRate(r) + 3.5} fontSize="10" textAnchor="end" fill="#4f46e5">{Math.round(r * 100)}%</text>
          <text x={W - PAD.r + 6} y={yRate(r) + 3.5} fontSize="10" fill="#0d9488">{formatMs(maxLatency * r)}</text>
        </g>
      ))}
      <path d={path((p) => yLat(p.avgLatencyMs))} fill="none" stroke="#14b8a6" strokeWidth={1.8} />
      <path d={path((p) => yRate(p.successRate))} fill="none" stroke="#4f46e5" strokeWidth={2.2} />
      {points.map((p, i) => (
        <circle key={i} cx={x(p.at)} cy={yRate(p.successRate)} r={single || points.length < 40 ? 2.5 : 0} fill="#4f46e5">
          <title>{`${new Date(p.at).toLocaleString()}: ${(p.successRate * 100).toFixed(1)}% · ${formatMs(p.avgLatencyMs)}`}</title>
        </circle>
      ))}
      <text x={PAD.l} y={H - 8} fontSize="10" fill="#64748b">{new Date(t0).toLocaleString()}</text>
      <text x={W - PAD.r} y={H - 8} fontSize="10" textAnchor="end" fill="#64748b">{new Date(t1).toLocaleString()}</text>
    </svg>
  );
}
