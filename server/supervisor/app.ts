// An application the runtime executes: its tools, teams and built-in deciders. The runtime is
// domain-agnostic; the housing assistant and the benchmark's synthetic workload are both apps.
import type { Deciders } from "../models/types";
import type { TeamRegistry } from "../teams/types";
import type { ToolRegistry } from "../tools/registry";
import type { RunCitation } from "./types";

export interface AppDefinition {
  name: string;
  tools: ToolRegistry;
  teams: TeamRegistry;
  /** Built-in rules: the default, and the fallback whenever an LLM decision fails. */
  rules: Deciders;
  /**
   * The sources a finished run's answer rests on, best first, read from its tool outputs (call key → validated
   * output). The app knows which outputs are sources; the runtime stores what it returns in runs.citations.
   */
  citations?(outputsByCallKey: Record<string, unknown>): RunCitation[];
}
