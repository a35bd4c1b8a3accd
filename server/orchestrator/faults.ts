// ENSEMBLE_FAULTS: deterministic tool faults at the tool boundary, e.g.
// "price_lookup:error:0.3,doc_search:timeout:1" (tool:kind:probability); ENSEMBLE_FAULT_SEED fixes the sequence.
import { createHash } from "node:crypto";

export type FaultKind = "error" | "timeout";
export interface FaultRule {
  tool: string;
  kind: FaultKind;
  probability: number;
}

export class FaultConfigError extends Error {}

export function parseFaults(spec: string | undefined): FaultRule[] {
  if (!spec || !spec.trim()) return [];
  return spec.split(",").map((part) => {
    const [tool, kind, p] = part.trim().split(":");
    const probability = Number(p);
    if (!tool || (kind !== "error" && kind !== "timeout") || !Number.isFinite(probability) || probability < 0 || probability > 1) {
      throw new FaultConfigError(`ENSEMBLE_FAULTS: "${part}" is not tool:error|timeout:probability(0..1)`);
    }
    return { tool, kind, probability };
  });
}

/**
 * Decides, per tool invocation, whether to inject a fault. The n-th invocation of a tool in this
 * process draws hash(seed, tool, n): deterministic for a seed whatever the interleaving of tools.
 */
export class FaultInjector {
  private counters = new Map<string, number>();
  constructor(private rules: FaultRule[], private seed: string) {}

  static fromEnv(env: NodeJS.ProcessEnv = process.env): FaultInjector {
    return new FaultInjector(parseFaults(env.ENSEMBLE_FAULTS), env.ENSEMBLE_FAULT_SEED ?? String(process.pid));
  }

  get active(): boolean {
    return this.rules.length > 0;
  }

  draw(tool: string): FaultKind | null {
    const rules = this.rules.filter((r) => r.tool === tool);
    if (rules.length === 0) return null;
    const n = (this.counters.get(tool) ?? 0) + 1;
    this.counters.set(tool, n);
    for (const rule of rules) {
      const h = createHash("sha256").update(`${this.seed}:${tool}:${rule.kind}:${n}`).digest();
      const u = h.readUInt32BE(0) / 0x1_0000_0000;
      if (u < rule.probability) return rule.kind;
    }
    return null;
  }
}

const g = globalThis as unknown as { __ensembleFaults?: { spec: string; injector: FaultInjector } };

/** The process-wide injector, rebuilt when ENSEMBLE_FAULTS / ENSEMBLE_FAULT_SEED change (tests, bench). */
export function faultInjector(): FaultInjector {
  const spec = `${process.env.ENSEMBLE_FAULTS ?? ""}|${process.env.ENSEMBLE_FAULT_SEED ?? ""}`;
  if (!g.__ensembleFaults || g.__ensembleFaults.spec !== spec) g.__ensembleFaults = { spec, injector: FaultInjector.fromEnv() };
  return g.__ensembleFaults.injector;
}
