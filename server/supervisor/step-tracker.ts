// Keeps the execution steps in step with the tool calls: each call that starts or settles moves
// its steps' status and progress through StateManager and emits todo_updated (a snapshot: see RunWriter.emitSnapshot).
import type { RunWriter } from "../events/run-writer";
import type { CallOutcome, ExecutionSink } from "../orchestrator/sink";
import type { PlannedCall } from "../orchestrator/types";
import { InvalidStepTransition, StateManager } from "./state-manager";
import type { PlanningState, StepStatus } from "./types";

/** What the tracker needs from the run's writer: its events (the run's row gets the steps when it ends). */
export type StepSink = Pick<RunWriter, "emitSnapshot">;

export class StepTracker implements Pick<ExecutionSink, "callStarted" | "callSettled"> {
  private callsByStep = new Map<string, PlannedCall[]>();
  private settled = new Map<string, CallOutcome>();

  constructor(public planning: PlanningState, private writer: StepSink, calls: PlannedCall[]) {
    for (const step of planning.execution_steps) this.callsByStep.set(step.step_id, []);
    for (const call of calls) for (const id of call.stepIds) this.callsByStep.get(id)?.push(call);
  }

  callStarted(call: PlannedCall): void {
    let changed = false;
    for (const id of call.stepIds) {
      const step = this.planning.execution_steps.find((s) => s.step_id === id);
      if (step?.status === "pending") changed = this.move(id, "in_progress", this.progressOf(id)) || changed;
    }
    if (changed) this.emit();
  }

  callSettled(call: PlannedCall, outcome: CallOutcome): void {
    this.settled.set(call.key, outcome);
    for (const id of call.stepIds) {
      const step = this.planning.execution_steps.find((s) => s.step_id === id);
      if (!step || step.status !== "in_progress") continue;
      this.move(id, "in_progress", this.progressOf(id));
    }
    this.emit();
  }

  /**
   * Every step ends completed, failed (a required call failed) or skipped (nothing of it ran: the team
   * proposed no call — e.g. rent_increase_check without amounts — or every call was skipped).
   */
  finish(resultOf: (stepId: string) => unknown): PlanningState {
    for (const step of this.planning.execution_steps) {
      if (step.status !== "pending" && step.status !== "in_progress") continue;
      const calls = this.callsByStep.get(step.step_id) ?? [];
      const outcomes = calls.map((c) => this.settled.get(c.key));
      const failedRequired = calls.filter((c, i) => c.policy.fatal && outcomes[i]?.status !== "succeeded");
      const ran = outcomes.some((o) => o !== undefined && o.status !== "skipped");
      const status: StepStatus = !ran ? "skipped" : failedRequired.length > 0 ? "failed" : "completed";
      const error = status === "skipped"
        ? (calls.length === 0 ? "nothing to run: the question gave this step no input" : "nothing to run: inputs unavailable")
        : status === "failed" ? `could not obtain: ${failedRequired.map((c) => c.tool).join(", ")}` : null;
      // A step that ran must pass through in_progress (a reused call on resume may not have moved it).
      if (status !== "skipped" && step.status === "pending") this.move(step.step_id, "in_progress", this.progressOf(step.step_id));
      this.move(step.step_id, status, this.progressOf(step.step_id), { result: resultOf(step.step_id), error });
    }
    this.emit();
    return this.planning;
  }

  /**
   * One status change through StateManager. Step bookkeeping must never fail a user's run: a refused
   * transition is logged and the step left as it was (the answer does not depend on it).
   */
  private move(stepId: string, status: StepStatus, progress: number, update: { result?: unknown; error?: string | null } = {}): boolean {
    try {
      this.planning = StateManager.updateStepStatus(this.planning, stepId, status, progress, update);
      return true;
    } catch (e) {
      if (!(e instanceof InvalidStepTransition)) throw e;
      console.error(`step bookkeeping (run goes on): ${e.message}`);
      return false;
    }
  }

  private progressOf(stepId: string): number {
    const calls = this.callsByStep.get(stepId) ?? [];
    if (calls.length === 0) return 0;
    const done = calls.filter((c) => this.settled.has(c.key)).length;
    return Math.round((done / calls.length) * 100);
  }

  private emit(): void {
    this.writer.emitSnapshot("todo_updated", { steps: this.planning.execution_steps, overallProgress: StateManager.overallProgress(this.planning) });
  }
}
