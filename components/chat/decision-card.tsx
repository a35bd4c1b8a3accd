// What the orchestrator decided for one turn and what its tool calls did: each decision with its
// source (rules / llm / cache), each call with the teams sharing it, retries, fallbacks and memory detours.
import type { DecisionView, RunView, ToolCallView } from "./run-state";
import { useAppLabels } from "../app-display";
import { decisionLabel, formatMs, sourceLabel, strategyLabel, toolStatusLabel } from "./labels";

const SOURCE_STYLE: Record<string, string> = {
  rules: "bg-slate-100 text-slate-700", llm: "bg-violet-100 text-violet-700", cache: "bg-sky-100 text-sky-700",
};

const TOOL_DOT: Record<ToolCallView["status"], string> = {
  planned: "bg-slate-300", running: "bg-indigo-500 animate-pulse", retrying: "bg-amber-500 animate-pulse",
  succeeded: "bg-emerald-500", failed: "bg-rose-500", skipped: "bg-slate-400",
};

function DecisionRow({ d }: { d: DecisionView }) {
  return (
    <li className="py-2" data-testid="decision" data-decision-type={d.decisionType} data-source={d.source}>
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        <span className="font-semibold text-slate-800">{decisionLabel(d.decisionType)}</span>
        <span className={`rounded px-1.5 py-0.5 text-[11px] font-medium ${SOURCE_STYLE[d.source] ?? SOURCE_STYLE.rules}`}>{sourceLabel(d.source)}</span>
        {d.strategy && <span className="text-slate-500">→ {strategyLabel(d.strategy)}</span>}
        {d.fallbackReason && <span className="rounded bg-amber-50 px-1.5 py-0.5 text-[11px] text-amber-700">LLM 대신 규칙: {d.fallbackReason}</span>}
      </div>
      {d.reasoning && <p className="mt-0.5 break-words text-xs leading-relaxed text-slate-600">{d.reasoning}</p>}
    </li>
  );
}

function ToolRow({ c }: { c: ToolCallView }) {
  const { teamLabel } = useAppLabels();
  const teams = c.sharedBy.length > 0 ? c.sharedBy : c.teams;
  return (
    <li className="py-2" data-testid="tool-call" data-tool={c.tool} data-status={c.status}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
        <span className={`size-2 shrink-0 rounded-full ${TOOL_DOT[c.status]}`} aria-hidden />
        <code className="font-semibold text-slate-800">{c.tool}</code>
        <span className="text-slate-500">{toolStatusLabel(c.status)}</span>
        {c.attempt > 1 && <span className="rounded bg-amber-50 px-1.5 py-0.5 text-[11px] text-amber-700">시도 {c.attempt}회</span>}
        {c.reused && <span className="rounded bg-sky-50 px-1.5 py-0.5 text-[11px] text-sky-700">이전 결과 재사용</span>}
        {c.durationMs !== null && <span className="ml-auto tabular-nums text-slate-400">{formatMs(c.durationMs)}</span>}
      </div>
      <div className="mt-1 flex flex-wrap gap-1 pl-4">
        {teams.length > 1 && (
          <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-[11px] text-emerald-700" data-testid="shared-by">
            공유: {teams.map(teamLabel).join(", ")}
          </span>
        )}
        {teams.length === 1 && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-600">{teamLabel(teams[0])}</span>}
        {c.fallbackFor && (
          <span className="rounded bg-orange-50 px-1.5 py-0.5 text-[11px] text-orange-700" data-testid="fallback-for">
            ↪ {c.fallbackFor} 대체
          </span>
        )}
        {c.substitutedFor && (
          <span className="rounded bg-violet-50 px-1.5 py-0.5 text-[11px] text-violet-700" data-testid="substituted-for">
            기억에 따라 우회: {c.substitutedFor} → {c.tool}
          </span>
        )}
      </div>
      {c.reasoning && <p className="mt-0.5 pl-4 text-[11px] text-slate-500">{c.reasoning}</p>}
      {c.error && c.status !== "succeeded" && <p className="mt-0.5 break-words pl-4 text-[11px] text-rose-600">{c.error}</p>}
    </li>
  );
}

export function DecisionCard({ view }: { view: RunView }) {
  const orchestration = view.decisions.filter((d) => d.decisionType !== "plan");
  if (orchestration.length === 0 && view.toolCalls.length === 0 && view.adjustments.length === 0) return null;
  const retries = view.toolCalls.filter((c) => c.attempt > 1 || c.status === "retrying").length;
  const fallbacks = view.toolCalls.filter((c) => c.fallbackFor || c.substitutedFor).length;
  return (
    <details open className="group rounded-xl border border-slate-200 bg-white shadow-sm" data-testid="decision-card">
      <summary className="flex cursor-pointer list-none flex-wrap items-center gap-2 px-4 py-3 text-sm">
        <span className="font-semibold text-slate-900">오케스트레이터 결정</span>
        <span className="text-xs text-slate-500">
          도구 {view.toolCalls.length}개
          {view.duplicatesAvoided ? ` · 중복 ${view.duplicatesAvoided}건 절약` : ""}
          {retries ? ` · 재시도 ${retries}` : ""}
          {fallbacks ? ` · 대체 ${fallbacks}` : ""}
        </span>
        <span className="ml-auto text-xs text-slate-400 transition-transform group-open:rotate-180" aria-hidden>▾</span>
      </summary>
      <div className="grid gap-x-6 border-t border-slate-100 px-4 pb-3 md:grid-cols-2">
        <div>
          <h4 className="pt-2 text-[11px] font-semibold uppercase tracking-wide text-slate-400">결정</h4>
          <ul className="divide-y divide-slate-100">
            {orchestration.map((d) => <DecisionRow key={d.key} d={d} />)}
            {view.adjustments.map((a, i) => (
              <li key={`adj-${i}`} className="py-2 text-xs text-slate-600">
                <span className="font-semibold text-slate-800">전략 조정</span> {strategyLabel(a.from)} → {strategyLabel(a.to)}: {a.reason}
              </li>
            ))}
            {orchestration.length === 0 && view.adjustments.length === 0 && <li className="py-2 text-xs text-slate-400">아직 없음</li>}
          </ul>
        </div>
        <div>
          <h4 className="pt-2 text-[11px] font-semibold uppercase tracking-wide text-slate-400">도구 호출</h4>
          <ul className="divide-y divide-slate-100">
            {view.toolCalls.map((c) => <ToolRow key={c.key} c={c} />)}
            {view.toolCalls.length === 0 && <li className="py-2 text-xs text-slate-400">아직 없음</li>}
          </ul>
        </div>
      </div>
    </details>
  );
}
