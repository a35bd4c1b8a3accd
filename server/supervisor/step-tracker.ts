// Keeps the execution steps in step with the tool calls: each call that starts or settles moves
// its steps' status and progress through StateManager and emits todo_updated.
import type { RunWriter } from "../events/run-writer";
import type { CallOutcome, ExecutionSink } from "../orchestrator/sink";
import type { PlannedCall } from "../orchestrator/types";
import { StateManager } from "./state-manager";
import type { PlanningState } from "./types";

export class StepTracker implements Pick<ExecutionSink, "callStarted" | "callSettled"> {
  private callsByStep = new Map<string, PlannedCall[]>();
  private settled = new Map<string, CallOutcome>();

  constructor(public planning: PlanningState, private writer: RunWriter, calls: PlannedCall[]) {
    for (const step of planning.execution_steps) this.callsByStep.set(step.step_id, []);
    for (const call of calls) for (const id of call.stepIds) this.callsByStep.get(id)?.push(call);
  }

  callStarted(call: PlannedCall): void {
    let changed = false;
    for (const id of call.stepIds) {
      const step = this.planning.execution_steps.find((s) => s.step_id === id);
      if (step?.status === "pending") {
        this.planning = StateManager.updateStepStatus(this.planning, id, "in_progress", this.progressOf(id));
        changed = true;
      }
    }
    if (changed) this.emit();
  }

  callSettled(call: PlannedCall, outcome: CallOutcome): void {
    this.settled.set(call.key, outcome);
    for (const id of call.stepIds) {
      const step = this.planning.execution_steps.find((s) => s.step_id === id);
      if (!step || step.status !== "in_progress") continue;
      this.planning = StateManager.updateStepStatus(this.planning, id, "in_progress", this.progressOf(id));
    }
    this.emit();
  }

  /** Every step ends completed, failed (a required call failed) or skipped (it had nothing that ran). */
  finish(resultOf: (stepId: string) => unknown): PlanningState {
    for (const step of this.planning.execution_steps) {
      if (step.status !== "pending" && step.status !== "in_progress") continue;
      const calls = this.callsByStep.get(step.step_id) ?? [];
      const outcomes = calls.map((c) => this.settled.get(c.key));
      const failedRequired = calls.filter((c, i) => c.policy.fatal && outcomes[i]?.status !== "succeeded");
      const anySucceeded = outcomes.some((o) => o?.status === "succeeded");
      const status = calls.length > 0 && !anySucceeded && outcomes.every((o) => o?.status === "skipped")
        ? "skipped"
        : failedRequired.length > 0 ? "failed" : "completed";
      const error = failedRequired.length > 0 ? `could not obtain: ${failedRequired.map((c) => c.tool).join(", ")}` : status === "skipped" ? "nothing to run: inputs unavailable" : null;
      this.planning = StateManager.updateStepStatus(this.planning, step.step_id, status, this.progressOf(step.step_id), { result: resultOf(step.step_id), error });
    }
    this.emit();
    return this.planning;
  }

  private progressOf(stepId: string): number {
    const calls = this.callsByStep.get(stepId) ?? [];
    if (calls.length === 0) return 0;
    const done = calls.filter((c) => this.settled.has(c.key)).length;
    return Math.round((done / calls.length) * 100);
  }

  private emit(): void {
    this.writer.emit("todo_updated", { steps: this.planning.execution_steps, overallProgress: StateManager.overallProgress(this.planning) });
    this.writer.updateRun({ steps: this.planning.execution_steps });
  }
}
