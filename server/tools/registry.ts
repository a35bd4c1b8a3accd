// A registry of tools by name; the runtime never hard-wires a tool, it looks it up here.
import type { ToolDefinition } from "./types";

export class ToolRegistry {
  private tools = new Map<string, ToolDefinition>();

  register(...defs: ToolDefinition[]): this {
    for (const d of defs) {
      if (this.tools.has(d.name)) throw new Error(`tool ${d.name} registered twice`);
      this.tools.set(d.name, d);
    }
    return this;
  }

  get(name: string): ToolDefinition {
    const t = this.tools.get(name);
    if (!t) throw new Error(`unknown tool: ${name}`);
    return t;
  }

  has(name: string): boolean {
    return this.tools.has(name);
  }

  list(): ToolDefinition[] {
    return [...this.tools.values()];
  }
}
