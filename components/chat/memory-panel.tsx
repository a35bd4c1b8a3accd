// "My memory": what the orchestrator has learned from this user's runs — per-tool success and latency,
// recent execution patterns — and a button to forget all of it (tRPC memory.mine / memory.clear).
"use client";

import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { PatternSummary, ToolPreference } from "@/server/memory/types";
import { useTRPC } from "../trpc";
import { ProgressBar } from "./progress-bar";
import { useAppLabels } from "../app-display";
import { formatMs, formatWhen, strategyLabel } from "./labels";

const OUTCOME: Record<PatternSummary["tools"][number]["outcome"], { label: string; style: string }> = {
  succeeded: { label: "성공", style: "bg-emerald-50 text-emerald-700" },
  retried: { label: "재시도", style: "bg-amber-50 text-amber-700" },
  fell_back: { label: "대체", style: "bg-orange-50 text-orange-700" },
  failed: { label: "실패", style: "bg-rose-50 text-rose-700" },
};

function PreferenceRow({ p }: { p: ToolPreference }) {
  const { intentLabel } = useAppLabels();
  const pct = Math.round(p.successRate * 100);
  return (
    <li className="py-2.5" data-testid="memory-tool">
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <code className="font-semibold text-slate-800">{p.tool}</code>
        <span className={`tabular-nums text-xs font-medium ${pct < 50 ? "text-rose-600" : "text-slate-700"}`}>성공 {pct}%</span>
      </div>
      <div className="mt-1">
        <ProgressBar value={pct} tone={pct < 50 ? "failed" : "done"} label={`${p.tool} 성공률`} />
      </div>
      <p className="mt-1 text-[11px] text-slate-500">
        {intentLabel(p.intent)} · {p.count}회 · 평균 {formatMs(p.avgLatencyMs)} · {p.scope === "user" ? "내 기록" : "전체"}
      </p>
      {p.lastError && <p className="mt-0.5 truncate text-[11px] text-rose-600" title={p.lastError}>최근 오류: {p.lastError}</p>}
    </li>
  );
}

function PatternRow({ p }: { p: PatternSummary }) {
  const { intentLabel } = useAppLabels();
  return (
    <li className="py-2.5" data-testid="memory-pattern">
      <div className="flex items-center gap-2 text-sm">
        <span className={`size-2 shrink-0 rounded-full ${p.success ? "bg-emerald-500" : "bg-rose-500"}`} aria-hidden />
        <span className="font-medium text-slate-800">{intentLabel(p.intent)}</span>
        <span className="text-xs text-slate-500">{strategyLabel(p.strategy)} · {formatMs(p.durationMs)}</span>
        <span className="ml-auto text-[11px] text-slate-400">{formatWhen(p.createdAt)}</span>
      </div>
      <div className="mt-1 flex flex-wrap gap-1 pl-4">
        {p.tools.map((t, i) => (
          <span key={`${t.tool}-${i}`} className={`rounded px-1.5 py-0.5 text-[11px] ${OUTCOME[t.outcome]?.style ?? "bg-slate-100 text-slate-600"}`}>
            {t.tool} {OUTCOME[t.outcome]?.label ?? t.outcome}
          </span>
        ))}
      </div>
    </li>
  );
}

export function MemoryPanel({ open, hasUser, onClose }: { open: boolean; hasUser: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const memory = useQuery({ ...trpc.memory.mine.queryOptions(), enabled: open && hasUser, refetchOnMount: "always" });
  const [cleared, setCleared] = useState<{ patterns: number; stats: number; cache: number } | null>(null);
  const clear = useMutation(
    trpc.memory.clear.mutationOptions({
      onSuccess: (r) => {
        setCleared(r);
        void queryClient.invalidateQueries({ queryKey: trpc.memory.mine.queryKey() });
      },
    }),
  );

  // A fresh panel each time it opens: the last "cleared" notice goes (state adjusted during render,
  // React's pattern for resetting state when a prop changes).
  const [shownOpen, setShownOpen] = useState(open);
  if (open !== shownOpen) {
    setShownOpen(open);
    if (open) setCleared(null);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, onClose]);

  if (!open) return null;
  const mine = memory.data?.preferences.filter((p) => p.scope === "user") ?? [];
  const preferences = mine.length > 0 ? mine : (memory.data?.preferences ?? []);
  const patterns = memory.data?.patterns ?? [];
  const empty = !hasUser || (memory.isSuccess && preferences.length === 0 && patterns.length === 0);

  return (
    <div className="fixed inset-0 z-40 flex justify-end" role="dialog" aria-modal="true" aria-labelledby="memory-title" data-testid="memory-panel">
      <button type="button" className="absolute inset-0 bg-slate-900/30" aria-label="닫기" onClick={onClose} />
      <aside className="relative flex h-full w-full max-w-md flex-col bg-white shadow-xl">
        <header className="flex items-center gap-2 border-b border-slate-200 px-5 py-4">
          <h2 id="memory-title" className="text-base font-semibold text-slate-900">내 기억</h2>
          <button type="button" onClick={onClose} className="ml-auto rounded-lg px-2 py-1 text-sm text-slate-500 hover:bg-slate-100" aria-label="내 기억 닫기">
            ✕
          </button>
        </header>
        <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">
          <p className="text-xs leading-relaxed text-slate-500">
            오케스트레이터는 내 질문을 처리할 때마다 도구별 성공률과 실행 패턴을 기억해, 다음에는 실패가 잦은 도구를 피하고 더 나은 전략을 고릅니다.
          </p>
          {memory.isLoading && (
            <div className="mt-4 space-y-2" aria-busy="true">
              {[0, 1, 2].map((i) => <div key={i} className="h-12 animate-pulse rounded-lg bg-slate-100" />)}
            </div>
          )}
          {memory.isError && <p className="mt-4 text-sm text-rose-600" role="alert">불러오지 못했습니다: {memory.error.message}</p>}
          {cleared && (
            <p className="mt-4 rounded-lg bg-emerald-50 px-3 py-2 text-xs text-emerald-800" role="status" data-testid="memory-cleared">
              지웠습니다: 실행 패턴 {cleared.patterns}개, 도구 통계 {cleared.stats}개, 캐시 {cleared.cache}개
            </p>
          )}
          {empty && !memory.isLoading && <p className="mt-6 text-center text-sm text-slate-500">아직 기억한 것이 없습니다.</p>}
          {preferences.length > 0 && (
            <section className="mt-5">
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-400">도구 통계</h3>
              <ul className="divide-y divide-slate-100">{preferences.map((p) => <PreferenceRow key={`${p.scope}-${p.tool}-${p.intent}`} p={p} />)}</ul>
            </section>
          )}
          {patterns.length > 0 && (
            <section className="mt-5">
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-400">최근 실행 패턴</h3>
              <ul className="divide-y divide-slate-100">{patterns.map((p, i) => <PatternRow key={`${p.runId ?? "p"}-${i}`} p={p} />)}</ul>
            </section>
          )}
        </div>
        {hasUser && (
          <footer className="border-t border-slate-200 px-5 py-3">
            {clear.isError && <p className="mb-2 text-xs text-rose-600" role="alert">{clear.error.message}</p>}
            <button
              type="button"
              disabled={clear.isPending || empty}
              onClick={() => {
                if (window.confirm("학습된 기록을 모두 지울까요? 되돌릴 수 없습니다.")) clear.mutate();
              }}
              data-testid="memory-clear"
              className="w-full rounded-xl border border-rose-200 px-3 py-2.5 text-sm font-semibold text-rose-700 hover:bg-rose-50 disabled:cursor-not-allowed disabled:opacity-50"
            >
              {clear.isPending ? "지우는 중…" : "내 기억 지우기"}
            </button>
          </footer>
        )}
      </aside>
    </div>
  );
}
