// Korean display labels for the run vocabulary (intents, teams, statuses, decision sources).
// Unknown values fall back to the raw identifier so nothing new is ever hidden.

const INTENT: Record<string, string> = {
  LEGAL_CONSULT: "법률 상담", MARKET_INQUIRY: "시세 조회", LOAN_CONSULT: "대출 상담",
  CONTRACT_CREATION: "계약서 작성", CONTRACT_REVIEW: "계약서 검토", RISK_ANALYSIS: "위험 분석",
  COMPREHENSIVE: "종합 상담", UNCLEAR: "질문 확인 필요", IRRELEVANT: "범위 밖 질문",
};
const TEAM: Record<string, string> = { search: "검색팀", analysis: "분석팀", document: "문서팀" };
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

export const intentLabel = (v: string | null | undefined) => pick(INTENT, v);
export const teamLabel = (v: string) => pick(TEAM, v);
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
