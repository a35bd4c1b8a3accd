// Korean display labels for the runtime's vocabulary (statuses, decision sources, strategies); the
// app's own intents and teams come from useAppLabels (components/app-display.tsx).
// Unknown values fall back to the raw identifier so nothing new is ever hidden.

const STEP_STATUS: Record<string, string> = {
  pending: "대기", in_progress: "진행 중", completed: "완료", failed: "실패", skipped: "건너뜀",
};
const TOOL_STATUS: Record<string, string> = {
  planned: "예정", running: "실행 중", retrying: "재시도 중", succeeded: "성공", failed: "실패", skipped: "건너뜀",
};
const SOURCE: Record<string, string> = { rules: "규칙", llm: "LLM", cache: "캐시" };
const DECISION: Record<string, string> = {
  plan: "계획", strategy: "전략", tool_selection: "도구 선택", recovery: "복구", fallback: "대체 경로", respond: "답변",
};
const STRATEGY: Record<string, string> = { sequential: "순차", parallel: "병렬", adaptive: "적응형" };

const pick = (table: Record<string, string>, key: string | null | undefined) => (key ? (table[key] ?? key) : "");

export const stepStatusLabel = (v: string) => pick(STEP_STATUS, v);
export const toolStatusLabel = (v: string) => pick(TOOL_STATUS, v);
export const sourceLabel = (v: string) => pick(SOURCE, v);
export const decisionLabel = (v: string) => pick(DECISION, v);
export const strategyLabel = (v: string | null | undefined) => pick(STRATEGY, v);

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "";
  if (ms < 1000) return `${Math.round(ms)}ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
}

export function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const sameDay = d.toDateString() === new Date().toDateString();
  return sameDay
    ? d.toLocaleTimeString("ko-KR", { hour: "2-digit", minute: "2-digit" })
    : d.toLocaleDateString("ko-KR", { month: "short", day: "numeric" });
}
