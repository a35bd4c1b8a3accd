// The run timeline as an SVG Gantt chart: supervisor nodes, team steps and tool calls on one time axis.
// Tool calls show each attempt as a segment (failures red), shared calls carry every team, fallbacks link.
import type React from "react";
import { formatMs } from "./format";

export interface GanttAttempt {
  attempt: number;
  startedAt: string;
  finishedAt: string | null;
  ok: boolean;
  error?: string;
}
export interface GanttCall {
  callKey: string;
  tool: string;
  teams: string[];
  status: string;
  startedAt: string | null;
  finishedAt: string | null;
  attempts: GanttAttempt[];
  fallbackFor: string | null;
  error: string | null;
}
export interface GanttProps {
  startedAt: string;
  /** The right edge (epoch ms): the run's end, or now while it runs. */
  endMs: number;
  nodes: { name: string; startedAt: string; finishedAt: string | null }[];
  steps: { id: string; team: string; status: string; startedAt: string | null; completedAt: string | null }[];
  calls: GanttCall[];
}

const W = 1200;
const LABEL_W = 250;
const X0 = LABEL_W + 10;
const X1 = W - 24;
const AXIS_H = 30;
const ROW_H = 28;
const BAR_H = 14;
const SECTION_H = 24;

const TEAM_COLORS = ["#6366f1", "#0ea5e9", "#14b8a6", "#f59e0b", "#ec4899", "#8b5cf6"];
const NODE_COLOR = "#4f46e5";
const STEP_COLORS: Record<string, string> = { completed: "#0d9488", failed: "#e11d48", in_progress: "#f59e0b", pending: "#cbd5e1", skipped: "#94a3b8" };
const OK = "#10b981";
const FAIL = "#e11d48";

function niceStep(rangeMs: number): number {
  const raw = rangeMs / 8;
  const pow = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

/** A duration label after a bar, or inside its right end when the bar reaches the chart's edge. */
function EndLabel({ xEnd, xStart, mid, children }: { xEnd: number; xStart: number; mid: number; children: React.ReactNode }) {
  const nearEdge = xEnd + 90 > X1;
  const inside = nearEdge && xEnd - xStart > 100;
  // A short bar at the right edge: the label goes to its left instead of being cut off.
  const before = nearEdge && !inside;
  return (
    <text x={inside ? xEnd - 5 : before ? xStart - 5 : xEnd + 6} y={mid + 3.5} fontSize="10" textAnchor={inside || before ? "end" : "start"}
      fill={inside ? "#fff" : "#64748b"} fontWeight={inside ? 600 : 400}>
      {children}
    </text>
  );
}

type Row =
  | { kind: "section"; label: string }
  | { kind: "node"; name: string; start: number; end: number | null }
  | { kind: "step"; team: string; status: string; start: number | null; end: number | null }
  | { kind: "call"; call: GanttCall; start: number | null; end: number | null };

export function Gantt({ startedAt, endMs, nodes, steps, calls }: GanttProps) {
  const t0 = Date.parse(startedAt);
  const span = Math.max(endMs - t0, 1);
  const x = (ms: number) => X0 + ((ms - t0) / span) * (X1 - X0);
  const ts = (iso: string | null) => (iso ? Date.parse(iso) : null);
  const teams = [...new Set([...steps.map((s) => s.team), ...calls.flatMap((c) => c.teams)])];
  const teamColor = (t: string) => TEAM_COLORS[Math.max(0, teams.indexOf(t)) % TEAM_COLORS.length];

  const rows: Row[] = [];
  if (nodes.length) {
    rows.push({ kind: "section", label: "Supervisor nodes" });
    for (const n of nodes) rows.push({ kind: "node", name: n.name, start: Date.parse(n.startedAt), end: ts(n.finishedAt) });
  }
  if (steps.length) {
    rows.push({ kind: "section", label: "Team steps" });
    for (const s of steps) rows.push({ kind: "step", team: s.team, status: s.status, start: ts(s.startedAt), end: ts(s.completedAt) });
  }
  if (calls.length) {
    rows.push({ kind: "section", label: "Tool calls" });
    for (const c of calls) {
      const first = c.attempts[0]?.startedAt ?? c.startedAt;
      const last = c.attempts.length ? c.attempts[c.attempts.length - 1].finishedAt : c.finishedAt;
      rows.push({ kind: "call", call: c, start: ts(first), end: ts(last ?? c.finishedAt) });
    }
  }

  const ys: number[] = [];
  let y = AXIS_H;
  for (const r of rows) {
    ys.push(y);
    y += r.kind === "section" ? SECTION_H : ROW_H;
  }
  const height = y + 8;
  const step = niceStep(span);
  const ticks: number[] = [];
  for (let t = 0; t <= span; t += step) ticks.push(t);
  const callRow = new Map<string, number>();
  // fallbackFor names the replaced call's key; a tool name is accepted too (first call of that tool).
  rows.forEach((r, i) => {
    if (r.kind !== "call") return;
    callRow.set(r.call.callKey, i);
    if (!callRow.has(`tool:${r.call.tool}`)) callRow.set(`tool:${r.call.tool}`, i);
  });

  return (
    <svg viewBox={`0 0 ${W} ${height}`} className="w-full select-none" role="img" aria-label="Run timeline" data-testid="gantt">
      <defs>
        <marker id="gantt-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="#f97316" />
        </marker>
        <pattern id="gantt-running" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="8" height="8" fill="#fbbf24" />
          <rect width="4" height="8" fill="#fcd34d" />
        </pattern>
      </defs>
      {/* time axis and grid */}
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t0 + t)} x2={x(t0 + t)} y1={AXIS_H - 6} y2={height - 4} stroke="#e2e8f0" strokeDasharray={t === 0 ? undefined : "2 3"} />
          <text x={x(t0 + t)} y={AXIS_H - 12} textAnchor="middle" fontSize="11" fill="#64748b">
            {formatMs(t)}
          </text>
        </g>
      ))}
      {rows.map((r, i) => {
        const top = ys[i];
        if (r.kind === "section") {
          return (
            <g key={`s${i}`}>
              <rect x={0} y={top + 2} width={W} height={SECTION_H - 4} fill="#f8fafc" />
              <text x={8} y={top + SECTION_H / 2 + 4} fontSize="11" fontWeight="600" fill="#475569" letterSpacing="0.04em">
                {r.label.toUpperCase()}
              </text>
            </g>
          );
        }
        const mid = top + ROW_H / 2;
        const barY = mid - BAR_H / 2;
        if (r.kind === "node") {
          const end = r.end ?? endMs;
          return (
            <g key={`n${i}`} data-testid="gantt-node">
              <text x={12} y={mid + 4} fontSize="12" fill="#1e293b">{r.name}</text>
              <rect x={x(r.start)} y={barY} width={Math.max(2, x(end) - x(r.start))} height={BAR_H} rx={3} fill={r.end ? NODE_COLOR : "url(#gantt-running)"}>
                <title>{`${r.name}: ${formatMs(end - r.start)}`}</title>
              </rect>
              <EndLabel xEnd={x(end)} xStart={x(r.start)} mid={mid}>{formatMs(end - r.start)}</EndLabel>
            </g>
          );
        }
        if (r.kind === "step") {
          return (
            <g key={`t${i}`} data-testid="gantt-step">
              <circle cx={16} cy={mid} r={4} fill={teamColor(r.team)} />
              <text x={26} y={mid + 4} fontSize="12" fill="#1e293b">{r.team}</text>
              {r.start !== null && (
                <rect x={x(r.start)} y={barY} width={Math.max(2, x(r.end ?? endMs) - x(r.start))} height={BAR_H} rx={3}
                  fill={r.end === null && r.status === "in_progress" ? "url(#gantt-running)" : (STEP_COLORS[r.status] ?? "#94a3b8")} opacity={0.85}>
                  <title>{`${r.team} (${r.status}): ${formatMs((r.end ?? endMs) - r.start)}`}</title>
                </rect>
              )}
              {r.start === null && <text x={X0} y={mid + 4} fontSize="10" fill="#94a3b8">{r.status}</text>}
            </g>
          );
        }
        const c = r.call;
        const shared = c.teams.length > 1;
        const segments = c.attempts.length
          ? c.attempts.map((a) => ({ a: a.attempt, s: Date.parse(a.startedAt), e: a.finishedAt ? Date.parse(a.finishedAt) : endMs, ok: a.ok, err: a.error, open: !a.finishedAt }))
          : r.start !== null
            ? [{ a: 1, s: r.start, e: r.end ?? endMs, ok: c.status === "succeeded", err: c.error ?? undefined, open: r.end === null }]
            : [];
        // ui-monospace at 12px is about 7.3px per character.
        let chipX = 12 + Math.min(c.tool.length, 22) * 7.3 + 6;
        return (
          <g key={c.callKey} data-testid="gantt-call" data-tool={c.tool} data-status={c.status} data-attempts={c.attempts.length}>
            <text x={12} y={mid + 4} fontSize="12" fontFamily="ui-monospace, monospace" fill={c.status === "failed" ? FAIL : "#1e293b"}>
              {c.tool.length > 22 ? `${c.tool.slice(0, 21)}…` : c.tool}
            </text>
            {c.teams.map((t) => {
              const w = t.length * 5.6 + 10;
              const cx = chipX;
              chipX += w + 3;
              if (cx + w > LABEL_W) return null;
              return (
                <g key={t}>
                  <rect x={cx} y={mid - 8} width={w} height={16} rx={8} fill={teamColor(t)} opacity={0.15} />
                  <text x={cx + w / 2} y={mid + 3.5} fontSize="9.5" textAnchor="middle" fill={teamColor(t)}>{t}</text>
                </g>
              );
            })}
            {segments.length > 1 && (
              <line x1={x(segments[0].s)} x2={x(segments[segments.length - 1].e)} y1={mid} y2={mid} stroke="#94a3b8" strokeWidth={1.5} strokeDasharray="3 2" />
            )}
            {segments.map((s) => {
              const w = Math.max(3, x(s.e) - x(s.s));
              return (
                <g key={s.a} data-testid="gantt-attempt" data-ok={s.ok}>
                  <rect x={x(s.s)} y={barY} width={w} height={BAR_H} rx={3} fill={s.open ? "url(#gantt-running)" : s.ok ? OK : FAIL}
                    stroke={shared ? "#1e293b" : "none"} strokeWidth={shared ? 1 : 0} strokeOpacity={0.35}>
                    <title>{`${c.tool} attempt ${s.a}: ${s.open ? "running" : s.ok ? "ok" : `failed${s.err ? ` — ${s.err}` : ""}`} (${formatMs(s.e - s.s)})${shared ? `\nshared by ${c.teams.join(", ")}` : ""}`}</title>
                  </rect>
                  {w > 26 && segments.length > 1 && (
                    <text x={x(s.s) + w / 2} y={mid + 3.5} fontSize="9.5" textAnchor="middle" fill="#fff" fontWeight="600">#{s.a}</text>
                  )}
                </g>
              );
            })}
            {segments.length > 0 && (
              <EndLabel xEnd={x(segments[segments.length - 1].e)} xStart={x(segments[segments.length - 1].s)} mid={mid}>
                {formatMs(segments[segments.length - 1].e - segments[0].s)}
                {c.attempts.length > 1 ? ` · ${c.attempts.length - 1} retr${c.attempts.length > 2 ? "ies" : "y"}` : ""}
                {shared ? " · shared" : ""}
              </EndLabel>
            )}
          </g>
        );
      })}
      {/* fallback links: from the end of the replaced call to the start of its stand-in */}
      {rows.map((r, i) => {
        if (r.kind !== "call" || !r.call.fallbackFor) return null;
        const fromIndex = callRow.get(r.call.fallbackFor) ?? callRow.get(`tool:${r.call.fallbackFor}`);
        if (fromIndex === undefined) return null;
        const from = rows[fromIndex] as Extract<Row, { kind: "call" }>;
        const fx = x(from.end ?? endMs);
        const fy = ys[fromIndex] + ROW_H / 2 + BAR_H / 2;
        const tx = x(r.start ?? endMs);
        const ty = ys[i] + ROW_H / 2;
        const bend = Math.max(24, Math.abs(ty - fy) / 2);
        return (
          <g key={`f${i}`} data-testid="gantt-fallback">
            <path d={`M${fx},${fy} C${fx + bend / 2},${fy + bend} ${tx - bend},${ty} ${tx - 2},${ty}`} fill="none" stroke="#f97316" strokeWidth={1.6} strokeDasharray="5 3" markerEnd="url(#gantt-arrow)" />
            <text x={(fx + tx) / 2 + 6} y={(fy + ty) / 2 + 2} fontSize="10" fill="#ea580c">fallback</text>
          </g>
        );
      })}
    </svg>
  );
}
