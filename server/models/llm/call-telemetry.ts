// Model calls in telemetry: the AI SDK's experimental_telemetry settings for a run's decision (each HTTP
// request to the model becomes a `chat {model}` span under the run's current node) and token metrics.
import { SpanKind, trace, INVALID_SPAN_CONTEXT, type Context, type Exception, type Span, type SpanOptions, type Tracer } from "@opentelemetry/api";
import type { TelemetrySettings } from "ai";
import { ATTR_ERROR_TYPE } from "@opentelemetry/semantic-conventions";
import { ATTR_GEN_AI_OPERATION_NAME, ATTR_GEN_AI_PROVIDER_NAME, GEN_AI_OPERATION_NAME_VALUE_CHAT } from "@opentelemetry/semantic-conventions/incubating";
import type { LlmUsage } from "../types";
import { metrics } from "../../telemetry/metrics";
import { modelCallParent, traceContent } from "../../telemetry/run-tracer";
import { tracer as processTracer, tracingEnabled } from "../../telemetry/tracing";

const DISABLED: TelemetrySettings = { isEnabled: false };
const NOT_RECORDED = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);
/** The AI SDK's spans around one HTTP request to the model (the outer generateText/streamText ones are not kept). */
const REQUEST_SPAN = /^ai\.(generateText\.doGenerate|streamText\.doStream|generateObject\.doGenerate|streamObject\.doStream)$/;

/** Adds error.type to the model span when the SDK records the request's exception. */
function withErrorType(span: Span): Span {
  const recordException = span.recordException.bind(span);
  span.recordException = (exception: Exception, time?: Parameters<Span["recordException"]>[1]) => {
    const name = typeof exception === "string" ? "Error" : exception.name ?? "Error";
    span.setAttribute(ATTR_ERROR_TYPE, name);
    recordException(exception, time);
  };
  return span;
}

/**
 * The tracer handed to the AI SDK for one run: the SDK's per-request spans become `chat {model}` spans
 * (GenAI semantic conventions) parented on the run's open node; its wrapper spans are not recorded.
 */
class RunModelTracer implements Tracer {
  constructor(private readonly inner: Tracer, private readonly runId: string) {}

  startSpan(name: string, options: SpanOptions = {}, _ctx?: Context): Span {
    if (!REQUEST_SPAN.test(name)) return NOT_RECORDED;
    const attrs = { ...(options.attributes ?? {}) };
    const model = String(attrs["gen_ai.request.model"] ?? attrs["ai.model.id"] ?? "model");
    const provider = attrs["ai.model.provider"];
    attrs[ATTR_GEN_AI_OPERATION_NAME] = GEN_AI_OPERATION_NAME_VALUE_CHAT;
    if (typeof provider === "string") attrs[ATTR_GEN_AI_PROVIDER_NAME] = provider.split(".")[0];
    attrs["ensemble.run.id"] = this.runId;
    const span = this.inner.startSpan(`${GEN_AI_OPERATION_NAME_VALUE_CHAT} ${model}`, { ...options, kind: SpanKind.CLIENT, attributes: attrs }, modelCallParent(this.runId));
    return withErrorType(span);
  }

  startActiveSpan<F extends (span: Span) => unknown>(name: string, ...rest: unknown[]): ReturnType<F> {
    const fn = rest[rest.length - 1] as F;
    const options = rest.length > 1 ? (rest[0] as SpanOptions) : undefined;
    return fn(this.startSpan(name, options)) as ReturnType<F>;
  }
}

/** experimental_telemetry for one decision of a run; disabled (no work at all) when tracing is off. */
export function modelCallTelemetry(decision: string, runId: string | undefined): TelemetrySettings {
  if (!runId || !tracingEnabled()) return DISABLED;
  const content = traceContent();
  return { isEnabled: true, tracer: new RunModelTracer(processTracer()!, runId), functionId: decision, recordInputs: content, recordOutputs: content };
}

/** One model decision's usage (all its requests) into the metrics. */
export function recordModelUsage(u: LlmUsage): void {
  const m = metrics();
  m.llmCalls.inc({ decision: u.decision, model: u.model, outcome: u.ok ? "ok" : "failed" });
  if (u.inputTokens) m.llmTokens.inc({ decision: u.decision, model: u.model, direction: "input" }, u.inputTokens);
  if (u.outputTokens) m.llmTokens.inc({ decision: u.decision, model: u.model, direction: "output" }, u.outputTokens);
}
