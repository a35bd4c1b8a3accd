// The live plan of one turn: intent, the todo list (each step with its status and own progress bar)
// and the overall progress of the turn. Steps whose tool output is sample data say so.
import { ProgressBar } from "./progress-bar";
import { containsSampleData, overallProgress, type RunView, type StepView } from "./run-state";
import { useAppLabels } from "../app-display";
import { formatMs, sourceLabel, stepStatusLabel, strategyLabel } from "./labels";

const PHASE_LABEL: Record<RunView["phase"], string> = {
  starting: "시작하는 중", planning: "질문을 분석하는 중", executing: "단계를 실행하는 중", responding: "답변을 작성하는 중", done: "완료",
};

function StepIcon({ status }: { status: StepView["status"] }) {
  const base = "mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-[11px] font-bold";
  switch (status) {
    case "completed": return <span className={`${base} bg-emerald-500 text-white`} aria-hidden>✓</span>;
    case "failed": return <span className={`${base} bg-rose-500 text-white`} aria-hidden>!</span>;
    case "skipped": return <span className={`${base} bg-slate-300 text-slate-600`} aria-hidden>–</span>;
    case "in_progress": return <span className={`${base} border-2 border-indigo-500 border-t-transparent animate-spin`} aria-hidden />;
    default: return <span className={`${base} border-2 border-slate-300`} aria-hidden />;
  }
}

const STATUS_TEXT: Record<StepView["status"], string> = {
  pending: "text-slate-500", in_progress: "text-indigo-600", completed: "text-emerald-600", failed: "text-rose-600", skipped: "text-slate-500",
};

function StepRow({ step, interrupted }: { step: StepView; interrupted: boolean }) {
  const { teamLabel } = useAppLabels();
  const stopped = interrupted && (step.status === "pending" || step.status === "in_progress");
  const tone = step.status === "completed" ? "done" : step.status === "failed" ? "failed" : step.status === "in_progress" ? "active" : "idle";
  const sample = containsSampleData(step.result);
  return (
    <li className="flex gap-3 py-2.5" data-testid="plan-step" data-step-id={step.step_id} data-status={step.status}>
      <StepIcon status={stopped ? "skipped" : step.status} />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5">
          <p className="min-w-0 text-sm text-slate-800">
            <span className="mr-1.5 font-semibold">{teamLabel(step.team)}</span>
            <span className="text-slate-600">{step.description}</span>
          </p>
          <span className={`shrink-0 text-xs font-medium ${STATUS_TEXT[step.status]}`} data-testid="step-status">
            {stopped ? "중단됨" : stepStatusLabel(step.status)}
            {step.execution_time_ms !== null && step.status !== "in_progress" ? ` · ${formatMs(step.execution_time_ms)}` : ""}
          </span>
        </div>
        <div className="mt-1.5 flex items-center gap-2">
          <ProgressBar value={step.status === "pending" ? 0 : step.progress_percentage} tone={tone} label={`${teamLabel(step.team)} 진행률`} />
          <span className="w-9 shrink-0 text-right text-[11px] tabular-nums text-slate-500">
            {step.status === "pending" ? "0%" : `${Math.round(step.progress_percentage)}%`}
          </span>
        </div>
        {(step.tools.length > 0 || sample) && (
          <div className="mt-1.5 flex flex-wrap gap-1">
            {step.tools.map((t) => (
              <code key={t} className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-600">{t}</code>
            ))}
            {sample && (
              <span className="rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-medium text-amber-800" data-testid="sample-badge">
                샘플 데이터
              </span>
            )}
          </div>
        )}
        {step.error && <p className="mt-1 text-xs text-rose-600">{step.error}</p>}
      </div>
    </li>
  );
}

export function PlanCard({ view }: { view: RunView }) {
  const { intentLabel } = useAppLabels();
  const overall = overallProgress(view);
  const running = view.status === "running";
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="plan-card" aria-label="실행 계획">
      <header className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold text-slate-900">실행 계획</h3>
        {view.intent ? (
          <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700" data-testid="intent">
            {intentLabel(view.intent)}
            {view.confidence !== null ? ` · ${Math.round(view.confidence * 100)}%` : ""}
          </span>
        ) : (
          <span className="h-5 w-20 animate-pulse rounded-full bg-slate-100" aria-hidden />
        )}
        {view.strategy && <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{strategyLabel(view.strategy)} 실행</span>}
        {view.orchestrated === false && <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">기본 경로</span>}
        {view.resumed && <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs text-amber-700">이어서 실행</span>}
        {view.decisions[0]?.decisionType === "plan" && (
          <span className="ml-auto text-[11px] text-slate-400">계획: {sourceLabel(String(view.decisions[0].source))}</span>
        )}
      </header>

      <div className="mt-3">
        <div className="mb-1 flex items-center justify-between text-xs text-slate-600">
          <span>{running ? PHASE_LABEL[view.phase] : view.status === "failed" ? "실패" : "완료"}</span>
          <span className="tabular-nums" data-testid="overall-progress">{overall}%</span>
        </div>
        <ProgressBar value={overall} size="md" tone={view.status === "failed" ? "failed" : running ? "active" : "done"} label="전체 진행률" />
      </div>

      {view.steps.length > 0 ? (
        <ol className="mt-2 divide-y divide-slate-100" data-testid="plan-steps">
          {view.steps.map((s) => <StepRow key={s.step_id} step={s} interrupted={view.status === "failed"} />)}
        </ol>
      ) : view.route === "respond" ? (
        <p className="mt-3 text-xs text-slate-500">도구 실행 없이 바로 답변합니다.</p>
      ) : running ? (
        <div className="mt-3 space-y-2" aria-hidden>
          <div className="h-4 w-3/4 animate-pulse rounded bg-slate-100" />
          <div className="h-4 w-2/3 animate-pulse rounded bg-slate-100" />
        </div>
      ) : null}
    </section>
  );
}
