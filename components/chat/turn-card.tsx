// One chat turn: the question, then the live plan, the orchestrator's decisions and the answer.
// A turn whose request failed before a run existed shows that error instead.
"use client";

import { useSyncExternalStore } from "react";
import { Markdown } from "../markdown";
import { DecisionCard } from "./decision-card";
import { PlanCard } from "./plan-card";
import { useAppSlots } from "../app-slots";
import type { RunFeed } from "./run-feed";
import { useAppLabels } from "../app-display";
import { formatMs } from "./labels";

export interface TurnEntry {
  key: string;
  question: string;
  /** Null until POST /api/chat answered (or when it failed). */
  feed: RunFeed | null;
  sending: boolean;
  requestError: { code: string; message: string } | null;
}

function QuestionBubble({ text }: { text: string }) {
  return (
    <div className="flex justify-end">
      <p className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-br-sm bg-indigo-600 px-4 py-2.5 text-[15px] leading-relaxed text-white shadow-sm" data-testid="question">
        {text}
      </p>
    </div>
  );
}

export function ErrorNotice({ title, message, code, onRetry }: { title: string; message: string; code?: string; onRetry?: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800" data-testid="error">
      <p className="font-semibold">{title}</p>
      <p className="mt-0.5 break-words">{message}</p>
      <div className="mt-1 flex items-center gap-3">
        {code && <code className="text-[11px] text-rose-500">{code}</code>}
        {onRetry && (
          <button type="button" onClick={onRetry} className="rounded-md bg-white px-2 py-1 text-xs font-medium text-rose-700 ring-1 ring-rose-200 hover:bg-rose-100">
            다시 연결
          </button>
        )}
      </div>
    </div>
  );
}

function RunBody({ feed }: { feed: RunFeed }) {
  const { teamLabel } = useAppLabels();
  const { AnswerSources } = useAppSlots();
  const { view, connection, feedError, loaded } = useSyncExternalStore(feed.subscribe, feed.getSnapshot, feed.getSnapshot);
  const running = view.status === "running";
  const waitingForSummary = !loaded && !running && connection === "loading";
  if (connection === "loading" && view.lastSeq === 0 && !loaded) {
    return (
      <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-4" aria-busy="true" data-testid="turn-loading">
        <div className="flex items-center gap-2 text-xs text-slate-500">
          <span className="size-3 animate-spin rounded-full border-2 border-indigo-500 border-t-transparent" aria-hidden />
          {waitingForSummary ? "기록을 불러오는 중…" : "실행에 연결하는 중…"}
        </div>
        <div className="h-3 w-2/3 animate-pulse rounded bg-slate-100" />
        <div className="h-3 w-1/2 animate-pulse rounded bg-slate-100" />
      </div>
    );
  }
  return (
    <div className="space-y-3" data-testid="turn-run" data-run-id={view.runId} data-run-status={view.status}>
      <PlanCard view={view} />
      <DecisionCard view={view} />
      {(view.answer || (running && view.phase === "responding")) && (
        <article className="rounded-2xl rounded-tl-sm border border-slate-200 bg-white px-4 py-3 shadow-sm" data-testid="answer" aria-live="polite">
          {view.answer ? <Markdown text={view.answer} /> : null}
          {running && <span className="ml-0.5 inline-block h-4 w-1.5 animate-pulse rounded-sm bg-indigo-400 align-middle" aria-label="답변 작성 중" />}
          {!running && (
            <footer className="mt-2 flex flex-wrap gap-x-3 gap-y-1 border-t border-slate-100 pt-2 text-[11px] text-slate-400">
              {view.durationMs !== null && <span>소요 {formatMs(view.durationMs)}</span>}
              {view.teams.length > 0 && <span>{view.teams.map(teamLabel).join(" · ")}</span>}
            </footer>
          )}
          {view.status === "completed" && AnswerSources && <AnswerSources runId={view.runId} />}
        </article>
      )}
      {view.degraded && view.missing.length > 0 && (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-800" data-testid="degraded">
          일부 정보를 가져오지 못해 답변이 제한적입니다: {view.missing.join(", ")}
        </p>
      )}
      {view.status === "failed" && <ErrorNotice title="실행이 실패했습니다" message={view.error ?? "알 수 없는 오류"} />}
      {feedError && <ErrorNotice title="진행 상황을 불러오지 못했습니다" message={feedError} onRetry={running ? () => feed.retry() : undefined} />}
      {running && connection === "reconnecting" && !feedError && (
        <p className="text-xs text-slate-500" data-testid="reconnecting">연결이 끊겨 다시 연결하는 중…</p>
      )}
    </div>
  );
}

export function TurnCard({ turn }: { turn: TurnEntry }) {
  return (
    <div className="space-y-3" data-testid="turn">
      <QuestionBubble text={turn.question} />
      {turn.feed ? (
        <RunBody feed={turn.feed} />
      ) : turn.requestError ? (
        <ErrorNotice title="질문을 보내지 못했습니다" message={turn.requestError.message} code={turn.requestError.code} />
      ) : (
        <div className="flex items-center gap-2 text-xs text-slate-500" data-testid="sending">
          <span className="size-3 animate-spin rounded-full border-2 border-indigo-500 border-t-transparent" aria-hidden />
          질문을 보내는 중…
        </div>
      )}
    </div>
  );
}
