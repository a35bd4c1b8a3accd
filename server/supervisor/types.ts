// The supervisor's typed state: what every node reads and writes, and what a checkpoint stores.
// The shared plan vocabulary lives in state/types.ts (below every layer); this adds the run around it.
import type { FlagSnapshot } from "../flags/types";
import type { ExecutionContextSnapshot } from "../orchestrator/types";
import type { AggregatedResults, FinalResponse, PlanningState, TeamResult } from "../state/types";

export type {
  AggregatedResults, DecisionSource, ExecutionStep, FinalResponse, Language, PlanningState, RunCitation, StepStatus, TeamResult,
} from "../state/types";
export type { FlagSnapshot, FlagValue } from "../flags/types";

export type RunStatus = "running" | "completed" | "failed";
export type NodeName = "initialize" | "planning" | "execute" | "aggregate" | "respond";

export interface SupervisorState {
  /** The checkpoint shape's version (supervisor/checkpoint.ts upgrades older ones on resume). */
  schemaVersion: 3;
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
