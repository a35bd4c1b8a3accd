// The process's OpenTelemetry tracer: on only when an OTLP endpoint is configured (the standard
// OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT variables); off, nothing is created and callers skip all span work.
import "server-only";
import type { Tracer } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { detectResources, envDetector, resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, RandomIdGenerator, TracerProvider, type IdGenerator, type SpanExporter } from "@opentelemetry/sdk-trace";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";

export const TRACER_NAME = "ensemble";

/**
 * Random ids, except for the one span started inside `withIds`: a run's root span takes ids derived
 * from the run id, so a resumed run finds its trace (and the original root to link to) with no lookup.
 */
class PinnableIdGenerator implements IdGenerator {
  private readonly random = new RandomIdGenerator();
  pinned: { traceId: string; spanId: string } | null = null;
  generateTraceId = (): string => this.pinned?.traceId ?? this.random.generateTraceId();
  generateSpanId = (): string => this.pinned?.spanId ?? this.random.generateSpanId();
}

interface TracingState {
  provider: TracerProvider;
  tracer: Tracer;
  ids: PinnableIdGenerator;
}

const g = globalThis as unknown as { __ensembleTracing?: TracingState | null };

function configuredFromEnv(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED === "true" || env.OTEL_TRACES_EXPORTER === "none") return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT);
}

function build(exporter: SpanExporter): TracingState {
  const ids = new PinnableIdGenerator();
  // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win over the default name.
  const resource = resourceFromAttributes({ [ATTR_SERVICE_NAME]: "ensemble" }).merge(detectResources({ detectors: [envDetector] }));
  const provider = new TracerProvider({ resource, idGenerator: ids, spanProcessors: [new BatchSpanProcessor({ exporter, scheduledDelayMillis: Number(process.env.OTEL_BSP_SCHEDULE_DELAY) || 5000 })] });
  return { provider, tracer: provider.getTracer(TRACER_NAME), ids };
}

/** The tracing state, built on first use from the environment; null when no endpoint is configured. */
function state(): TracingState | null {
  if (g.__ensembleTracing === undefined) {
    g.__ensembleTracing = configuredFromEnv(process.env) ? build(new OTLPTraceExporter()) : null;
  }
  return g.__ensembleTracing;
}

/** True when spans are recorded and exported. Cheap: callers test it before doing any span work. */
export function tracingEnabled(): boolean {
  return state() !== null;
}

export function tracer(): Tracer | null {
  return state()?.tracer ?? null;
}

/** Runs `start` (which starts exactly one span) with the given ids for that span. */
export function withIds<T>(ids: { traceId: string; spanId: string }, start: () => T): T {
  const s = state();
  if (!s) return start();
  s.ids.pinned = ids;
  try {
    return start();
  } finally {
    s.ids.pinned = null;
  }
}

/** Exports every ended span now (tests, and shutdown). */
export async function flushTracing(): Promise<void> {
  await state()?.provider.forceFlush();
}

/**
 * Re-reads the environment (or uses `exporter`) after shutting the current provider down: for tests
 * that point the process at their own OTLP receiver.
 */
export async function resetTracing(exporter?: SpanExporter): Promise<void> {
  const current = g.__ensembleTracing;
  g.__ensembleTracing = undefined;
  if (current) await current.provider.shutdown();
  if (exporter) g.__ensembleTracing = build(exporter);
}

/** The admin's "open trace" link: ENSEMBLE_TRACE_URL with {traceId} replaced; null when unset. */
export function traceUrl(traceId: string, template = process.env.ENSEMBLE_TRACE_URL): string | null {
  return template ? template.replaceAll("{traceId}", traceId) : null;
}
