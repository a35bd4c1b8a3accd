// An application the runtime executes: its tools, teams and built-in deciders. The runtime is
// domain-agnostic; the housing assistant and the benchmark's synthetic workload are both apps.
import type { Deciders } from "../models/types";
import type { TeamRegistry } from "../teams/types";
import type { ToolRegistry } from "../tools/registry";

export interface AppDefinition {
  name: string;
  tools: ToolRegistry;
  teams: TeamRegistry;
  /** Built-in rules: the default, and the fallback whenever an LLM decision fails. */
  rules: Deciders;
}
