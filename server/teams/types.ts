// What a team is: it proposes the tool calls its step needs and turns their outputs into a result.
import type { ToolRequest } from "../tools/types";
import type { ExecutionStep, PlanningState, TeamResult } from "../state/types";

export interface TeamDefinition {
  name: string;
  title: { ko: string; en: string };
  /** The tools this team may request (the planner only plans these). */
  tools: string[];
  /** The calls this team needs for its step, with arguments from the plan's entities. */
  proposeTools(step: ExecutionStep, planning: PlanningState, query: string): ToolRequest[];
  /** Outputs by tool name (only the calls that succeeded) → the team's result. */
  summarize(step: ExecutionStep, outputs: Record<string, unknown>, missing: string[]): TeamResult;
}

export class TeamRegistry {
  private teams = new Map<string, TeamDefinition>();
  register(...defs: TeamDefinition[]): this {
    for (const d of defs) this.teams.set(d.name, d);
    return this;
  }
  get(name: string): TeamDefinition {
    const t = this.teams.get(name);
    if (!t) throw new Error(`unknown team: ${name}`);
    return t;
  }
  list(): TeamDefinition[] {
    return [...this.teams.values()];
  }
}
