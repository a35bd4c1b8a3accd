// A registry of tools by name; the runtime never hard-wires a tool, it looks it up here.
import type { ToolDefinition } from "./types";

export class ToolRegistry {
  private tools = new Map<string, ToolDefinition>();

  register(...defs: ToolDefinition[]): this {
    for (const d of defs) {
      if (this.tools.has(d.name)) throw new Error(`tool ${d.name} registered twice`);
      this.tools.set(d.name, d);
    }
    for (const d of defs) this.checkFallbacksOf(d);
    return this;
  }

  /** A fallback's output stands under the primary's name: it must declare the primary's output schema. */
  private checkFallbacksOf(d: ToolDefinition): void {
    for (const t of this.tools.values()) {
      const [primary, fallback] = t.fallbacks.includes(d.name) ? [t, d] : d.fallbacks.includes(t.name) ? [d, t] : [null, null];
      if (primary && fallback && primary.outputSchema !== fallback.outputSchema) {
        throw new Error(`tool ${fallback.name} falls back for ${primary.name} but does not return its output (declare the same outputSchema)`);
      }
    }
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
