// The supervisor's typed state: what every node reads and writes, and what a checkpoint stores.
import type { ExecutionContextSnapshot } from "../orchestrator/types";

export const INTENTS = [
  "LEGAL_CONSULT", "MARKET_INQUIRY", "LOAN_CONSULT", "CONTRACT_CREATION", "CONTRACT_REVIEW",
  "RISK_ANALYSIS", "COMPREHENSIVE", "UNCLEAR", "IRRELEVANT",
] as const;
export type Intent = (typeof INTENTS)[number];

/** Every part a question may ask about; a question can ask several at once. */
export const ASPECTS = ["legal", "market", "loan", "contract", "risk"] as const;
export type Aspect = (typeof ASPECTS)[number];

/** The kind of question asked, whatever its topic. */
export const QUESTION_TYPES = [
  "definition", "permissibility", "amount", "procedure", "eligibility", "comparison",
  "calculation", "drafting", "review", "other",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export type Language = "ko" | "en";
export type DecisionSource = "rules" | "llm" | "cache";
export type StepStatus = "pending" | "in_progress" | "completed" | "failed" | "skipped";
export type RunStatus = "running" | "completed" | "failed";

/** Entities pulled out of the question. Amounts are whole KRW; areas are m². */
export interface Entities {
  /** Seoul district in Korean without 구 suffix normalisation issues, e.g. "마포구". */
  region?: string;
  propertyType?: "apartment" | "officetel" | "villa" | "house" | "commercial";
  transactionType?: "sale" | "jeonse" | "monthly";
  /** Sale price (매매가) in KRW. */
  price?: number;
  /** Deposit (보증금 / 전세금) in KRW. */
  deposit?: number;
  /** Monthly rent (월세) in KRW. */
  monthlyRent?: number;
  /** A proposed new deposit or rent, for increase checks. */
  proposedDeposit?: number;
  proposedMonthlyRent?: number;
  areaM2?: number;
  /** ISO dates (YYYY-MM-DD) mentioned. */
  dates?: string[];
  /** Annual income in KRW. */
  annualIncome?: number;
  buyerProfile?: { firstHome?: boolean; newlywed?: boolean; youth?: boolean; age?: number; homeless?: boolean; children?: number };
  contractType?: "jeonse" | "monthly" | "sale";
  /** Contract text the user pasted, for review. */
  contractText?: string;
  /** Any other numbers, in KRW, the planner could not place. */
  amounts?: number[];
}

export interface ExecutionStep {
  step_id: string;
  team: string;
  description: string;
  /** Tool names the planner expects this team to need (hints; the orchestrator decides). */
  tools: string[];
  depends_on: string[];
  status: StepStatus;
  progress_percentage: number;
  started_at: string | null;
  completed_at: string | null;
  execution_time_ms: number | null;
  result: unknown | null;
  error: string | null;
}

/**
 * One source an answer rests on, best first. `source` names the kind ("law" for a statute provision);
 * law sources carry the law's full name, the article (제N조 / 제N조의M) and the paragraph (항) if known.
 */
export interface RunCitation {
  source: string;
  law?: string;
  article?: string;
  paragraph?: number;
  rank: number;
  callKey?: string;
}

export interface PlanningState {
  intent: Intent;
  intent_confidence: number;
  /** Every aspect the question asks about, from the app's vocabulary (housing: legal, market, loan, contract, risk). */
  aspects: string[];
  /** The kind of question, from the app's vocabulary (housing: definition, permissibility, amount, …). */
  questionType: string;
  keywords: string[];
  entities: Entities;
  language: Language;
  execution_steps: ExecutionStep[];
  source: DecisionSource;
  reasoning: string;
  /** Set when an LLM was asked and the rules decided instead: llm_invalid_output | llm_timeout | llm_error. */
  fallbackReason?: string;
  prompt?: { name: string; version: string };
}

export interface TeamResult {
  team: string;
  stepId: string;
  /** tool name → its validated output (the first successful call of that tool for this team). */
  outputs: Record<string, unknown>;
  /** 0..1: how much of what the team needed it got. */
  quality: number;
  /** Tools the team needed but could not obtain. */
  missing: string[];
}

export interface AggregatedResults {
  intent: Intent;
  language: Language;
  entities: Entities;
  /** tool name → output, merged over teams. */
  outputs: Record<string, unknown>;
  missing: string[];
  degraded: boolean;
}

export interface FinalResponse {
  answer: string;
  sources: string[];
  degraded: boolean;
  missing: string[];
  source: DecisionSource;
}

export interface FlagValue {
  value: boolean;
  reason: "default" | "env" | "rollout" | "override" | "kill" | "request";
}
export type FlagSnapshot = Record<string, FlagValue>;

export type NodeName = "initialize" | "planning" | "execute" | "aggregate" | "respond";

export interface SupervisorState {
  runId: string;
  query: string;
  sessionId: string | null;
  userId: string;
  flags: FlagSnapshot;
  planning: PlanningState | null;
  execution: ExecutionContextSnapshot | null;
  teamResults: Record<string, TeamResult>;
  aggregated: AggregatedResults | null;
  finalResponse: FinalResponse | null;
  timings: Partial<Record<NodeName, { startedAt: string; finishedAt: string; ms: number }>>;
  errors: { node: NodeName | "run"; message: string; at: string }[];
  status: RunStatus;
}
