// The one place a step's lifecycle changes: pending → in_progress → completed | failed | skipped,
// with progress, timestamps and duration kept consistent.
import type { ExecutionStep, PlanningState, StepStatus } from "./types";

const ALLOWED: Record<StepStatus, StepStatus[]> = {
  pending: ["in_progress", "skipped", "failed"],
  in_progress: ["in_progress", "completed", "failed", "skipped"],
  completed: [],
  failed: [],
  skipped: [],
};

export class InvalidStepTransition extends Error {
  constructor(stepId: string, from: StepStatus, to: StepStatus) {
    super(`step ${stepId}: cannot go from ${from} to ${to}`);
    this.name = "InvalidStepTransition";
  }
}

export interface StepUpdate {
  result?: unknown;
  error?: string | null;
  /** Defaults to now; tests pass fixed clocks. */
  now?: Date;
}

export const StateManager = {
  /**
   * Moves a step to `status` with `progress` (0..100) and returns a new planning state; the old
   * one is left untouched. Terminal steps are final: a second completion is an error, not a no-op.
   */
  updateStepStatus(planning: PlanningState, stepId: string, status: StepStatus, progress?: number, update: StepUpdate = {}): PlanningState {
    const idx = planning.execution_steps.findIndex((s) => s.step_id === stepId);
    if (idx < 0) throw new Error(`unknown step ${stepId}`);
    const prev = planning.execution_steps[idx];
    if (!ALLOWED[prev.status].includes(status)) throw new InvalidStepTransition(stepId, prev.status, status);
    const now = (update.now ?? new Date()).toISOString();
    const next: ExecutionStep = { ...prev, status };
    if (status === "in_progress") {
      next.started_at = prev.started_at ?? now;
      next.progress_percentage = clamp(progress ?? prev.progress_percentage);
    } else {
      next.completed_at = now;
      next.started_at = prev.started_at ?? now;
      next.progress_percentage = status === "completed" ? 100 : clamp(progress ?? prev.progress_percentage);
      next.execution_time_ms = Date.parse(now) - Date.parse(next.started_at);
    }
    if (update.result !== undefined) next.result = update.result;
    if (update.error !== undefined) next.error = update.error;
    const steps = planning.execution_steps.slice();
    steps[idx] = next;
    return { ...planning, execution_steps: steps };
  },

  /** Overall progress: the mean of the steps' progress (terminal steps count as done). */
  overallProgress(planning: PlanningState | null): number {
    const steps = planning?.execution_steps ?? [];
    if (steps.length === 0) return 100;
    const sum = steps.reduce((acc, s) => acc + (s.status === "pending" || s.status === "in_progress" ? s.progress_percentage : 100), 0);
    return Math.round(sum / steps.length);
  },
};

function clamp(p: number): number {
  return Math.max(0, Math.min(100, Math.round(p)));
}

export function newStep(stepId: string, team: string, description: string, tools: string[], dependsOn: string[] = []): ExecutionStep {
  return {
    step_id: stepId, team, description, tools, depends_on: dependsOn, status: "pending", progress_percentage: 0,
    started_at: null, completed_at: null, execution_time_ms: null, result: null, error: null,
  };
}
