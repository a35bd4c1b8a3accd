// A run's trace identity, derived from its run id: the run id is the trace id, and the original root
// span's id is a hash of it. A resumed run (any instance, any time) links to its origin with no lookup.
import { createHash } from "node:crypto";
import { TraceFlags, type SpanContext } from "@opentelemetry/api";

/** The run's trace id: the run UUID's 32 hex digits. */
export function traceIdOfRun(runId: string): string {
  return runId.replaceAll("-", "").toLowerCase();
}

/** The span id of the run's first root span (the one started by run_started without `resumed`). */
export function originalRootSpanId(runId: string): string {
  const hex = createHash("sha256").update(`ensemble-run-root:${runId}`).digest("hex").slice(0, 16);
  return hex === "0000000000000000" ? "0000000000000001" : hex;
}

/** The original root span as a remote span context: what a resumed run's root links to. */
export function originalRootContext(runId: string): SpanContext {
  return { traceId: traceIdOfRun(runId), spanId: originalRootSpanId(runId), traceFlags: TraceFlags.SAMPLED, isRemote: true };
}

/** A stable pseudonym for a user id in logs and spans (the id itself is a bearer of access in cookies). */
export function userHash(userId: string | null | undefined): string | undefined {
  return userId ? createHash("sha256").update(`ensemble-user:${userId}`).digest("hex").slice(0, 16) : undefined;
}
