// Turns a run's committed events into OpenTelemetry spans with the events' own times: one trace per run,
// a root span, a span per supervisor node, per decision and per tool-call attempt (retry/fallback links).
import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Link, type Span, type SpanContext } from "@opentelemetry/api";
import { RandomIdGenerator } from "@opentelemetry/sdk-trace";
import {
  ATTR_GEN_AI_AGENT_NAME, ATTR_GEN_AI_CONVERSATION_ID, ATTR_GEN_AI_OPERATION_NAME, ATTR_GEN_AI_TOOL_CALL_ID, ATTR_GEN_AI_TOOL_NAME,
  GEN_AI_OPERATION_NAME_VALUE_EXECUTE_TOOL, GEN_AI_OPERATION_NAME_VALUE_INVOKE_AGENT,
} from "@opentelemetry/semantic-conventions/incubating";
import { ATTR_ERROR_TYPE } from "@opentelemetry/semantic-conventions";
import type { RunEvent } from "../state/run-event";
import { originalRootContext, originalRootSpanId, traceIdOfRun, userHash } from "./run-ids";
import { tracer, withIds } from "./tracing";

/** Prompts, questions and answers go into spans only with ENSEMBLE_TRACE_CONTENT=1. */
export const traceContent = (): boolean => process.env.ENSEMBLE_TRACE_CONTENT === "1";

const AGENT_NAME = "ensemble";
/** A run this process stopped hearing from (its lease went elsewhere) is closed after this long. */
const IDLE_MS = 30 * 60_000;

interface OpenAttempt {
  span: Span;
  tool: string;
}

interface RunTrace {
  root: Span;
  rootCtx: Context;
  node: { span: Span; ctx: Context } | null;
  /** The open node's name as far as its events tell (a node is named for sure only by its checkpoint). */
  nodeName: string | null;
  /** When the next node starts (the last checkpoint or the run's start); the span opens lazily. */
  nextNodeAt: number;
  planSpan: Span | null;
  orchestrationAt: number | null;
  attempts: Map<string, OpenAttempt>;
  /** The last finished attempt span of each call key: what a retry or a fallback links to. */
  lastAttempt: Map<string, SpanContext>;
  lastSeenAt: number;
}

const g = globalThis as unknown as { __ensembleRunTraces?: Map<string, RunTrace> };
const runs: Map<string, RunTrace> = (g.__ensembleRunTraces ??= new Map());
const randomIds = new RandomIdGenerator();

const timeOf = (ev: RunEvent): number => Date.parse(ev.at);

function errorTypeOf(message: string | undefined): string {
  if (!message) return "tool_error";
  if (/timed out|timeout/i.test(message)) return "timeout";
  if (/output failed its schema/.test(message)) return "invalid_output";
  if (/injected fault/.test(message)) return "injected_fault";
  return "tool_error";
}

/** The context a model call of this run should be a child of: the run's open node (opened now if pending). */
export function modelCallParent(runId: string): Context {
  const run = runs.get(runId);
  if (run) return openNode(run, run.nextNodeAt).ctx;
  // Not seen yet (its start is still being committed): attach to the run's trace under its original root.
  return trace.setSpanContext(context.active(), originalRootContext(runId));
}

function openNode(run: RunTrace, at: number): { span: Span; ctx: Context } {
  if (run.node) return run.node;
  const span = tracer()!.startSpan("node", { startTime: at }, run.rootCtx);
  run.node = { span, ctx: trace.setSpan(run.rootCtx, span) };
  return run.node;
}

function endRun(runId: string, run: RunTrace, at: number, status: { ok: boolean; message?: string; errorType?: string }, attrs: Attributes = {}): void {
  for (const a of run.attempts.values()) {
    a.span.setStatus({ code: SpanStatusCode.ERROR, message: "the run ended while this attempt was open" });
    a.span.end(at);
  }
  run.planSpan?.end(at);
  if (run.node) {
    // Ended without its checkpoint (failed or interrupted): named from its events.
    run.node.span.updateName(`node ${run.nodeName ?? "unknown"}`);
    run.node.span.end(at);
  }
  run.root.setAttributes(attrs);
  if (status.ok) run.root.setStatus({ code: SpanStatusCode.OK });
  else {
    run.root.setAttribute(ATTR_ERROR_TYPE, status.errorType ?? "run_failed");
    run.root.setStatus({ code: SpanStatusCode.ERROR, message: status.message });
  }
  run.root.end(at);
  runs.delete(runId);
}

function startRun(ev: Extract<RunEvent, { type: "run_started" }>): void {
  const t = tracer()!;
  const at = timeOf(ev);
  const previous = runs.get(ev.runId);
  // This process was working on the run and lost it (lease): close what it had open.
  if (previous) endRun(ev.runId, previous, at, { ok: false, message: "superseded by a resumed execution", errorType: "superseded" });
  for (const [id, r] of runs) if (at - r.lastSeenAt > IDLE_MS) endRun(id, r, r.lastSeenAt, { ok: false, message: "no events for 30 minutes in this process", errorType: "abandoned" });

  const resumed = ev.resumed === true;
  const traceId = traceIdOfRun(ev.runId);
  const attributes: Attributes = {
    [ATTR_GEN_AI_OPERATION_NAME]: GEN_AI_OPERATION_NAME_VALUE_INVOKE_AGENT,
    [ATTR_GEN_AI_AGENT_NAME]: AGENT_NAME,
    "ensemble.run.id": ev.runId,
    "ensemble.resumed": resumed,
  };
  if (ev.sessionId) attributes[ATTR_GEN_AI_CONVERSATION_ID] = ev.sessionId;
  const user = userHash(ev.userId);
  if (user) attributes["ensemble.user.hash"] = user;
  if (traceContent()) attributes["ensemble.question"] = ev.question;
  const links: Link[] = resumed ? [{ context: originalRootContext(ev.runId), attributes: { "ensemble.link": "resumed_from" } }] : [];
  const spanId = resumed ? randomIds.generateSpanId() : originalRootSpanId(ev.runId);
  const root = withIds({ traceId, spanId }, () =>
    t.startSpan(`${GEN_AI_OPERATION_NAME_VALUE_INVOKE_AGENT} ${AGENT_NAME}`, { kind: SpanKind.INTERNAL, startTime: at, attributes, links, root: true }),
  );
  if (resumed) root.addEvent("resumed", { "ensemble.resumed_from.span_id": originalRootSpanId(ev.runId) }, at);
  runs.set(ev.runId, {
    root, rootCtx: trace.setSpan(context.active(), root), node: null, nodeName: null, nextNodeAt: at, planSpan: null, orchestrationAt: null,
    attempts: new Map(), lastAttempt: new Map(), lastSeenAt: at,
  });
}

/** Feeds one committed event into the run's trace. Tracing must be on (see tracingEnabled). */
export function traceRunEvent(ev: RunEvent): void {
  if (ev.type === "run_started") return startRun(ev);
  const run = runs.get(ev.runId);
  if (!run) return; // a run whose start this process did not see (started before tracing was on)
  const at = timeOf(ev);
  run.lastSeenAt = at;
  const t = tracer()!;
  switch (ev.type) {
    case "run_completed":
      return endRun(ev.runId, run, at, { ok: true }, {
        "ensemble.degraded": ev.degraded, "ensemble.missing": ev.missing, "ensemble.duration_ms": ev.durationMs,
        ...(traceContent() ? { "ensemble.answer": ev.answer } : {}),
      });
    case "run_failed":
      return endRun(ev.runId, run, at, { ok: false, message: ev.error });
    case "checkpoint_saved": {
      const node = openNode(run, run.nextNodeAt);
      node.span.updateName(`node ${ev.node}`);
      node.span.setAttributes({ "ensemble.node": ev.node, "ensemble.checkpoint.seq": ev.checkpointSeq });
      node.span.end(at);
      run.node = null;
      run.nodeName = null;
      run.nextNodeAt = at;
      run.orchestrationAt = null; // decisions of later nodes (respond) start in their own node
      return;
    }
    default:
      break;
  }
  const node = openNode(run, run.nextNodeAt);
  const guessed = ev.type === "planning_start" ? "planning" : ev.type === "execution_start" ? "execute" : ev.type === "answer_delta" ? "respond" : null;
  if (guessed) run.nodeName = guessed;
  switch (ev.type) {
    case "planning_start":
      run.planSpan = t.startSpan("decide plan", { startTime: at, attributes: { "ensemble.decision.type": "plan" } }, node.ctx);
      break;
    case "plan_ready": {
      const span = run.planSpan ?? t.startSpan("decide plan", { startTime: at, attributes: { "ensemble.decision.type": "plan" } }, node.ctx);
      span.setAttributes({
        "ensemble.decision.source": ev.source, "ensemble.intent": ev.intent, "ensemble.route": ev.route, "ensemble.teams": ev.teams,
        ...(traceContent() ? { "ensemble.reasoning": ev.reasoning } : {}),
      });
      span.end(at);
      run.planSpan = null;
      break;
    }
    case "execution_start":
      node.span.setAttribute("ensemble.orchestrated", ev.orchestrated);
      run.root.setAttribute("ensemble.path", ev.orchestrated ? "orchestrated" : "legacy");
      break;
    case "orchestration_started":
      run.orchestrationAt = at;
      break;
    case "orchestration_decision": {
      // The plan decision is recorded inside planning, before plan_ready: it joins the open plan span,
      // which plan_ready ends with the plan itself.
      if (ev.decisionType === "plan" && run.planSpan) {
        if (ev.fallbackReason) run.planSpan.setAttribute("ensemble.decision.fallback_reason", ev.fallbackReason);
        break;
      }
      const span = t.startSpan(`decide ${ev.decisionType}`, {
        startTime: run.orchestrationAt ?? at,
        attributes: {
          "ensemble.decision.type": ev.decisionType, "ensemble.decision.source": ev.source,
          ...(ev.strategy ? { "ensemble.strategy": ev.strategy } : {}),
          ...(ev.fallbackReason ? { "ensemble.decision.fallback_reason": ev.fallbackReason } : {}),
          ...(traceContent() ? { "ensemble.reasoning": ev.reasoning } : {}),
        },
      }, node.ctx);
      span.end(at);
      if (ev.decisionType === "fallback") run.root.setAttribute("ensemble.path", "legacy");
      break;
    }
    case "orchestration_complete":
      run.root.setAttribute("ensemble.strategy", ev.strategy);
      node.span.setAttributes({ "ensemble.strategy": ev.strategy, "ensemble.calls": ev.calls, "ensemble.duplicates_avoided": ev.duplicatesAvoided });
      break;
    case "strategy_adjusted":
      node.span.addEvent("strategy_adjusted", { "ensemble.strategy.from": ev.from, "ensemble.strategy.to": ev.to, "ensemble.reason": ev.reason }, at);
      run.root.setAttribute("ensemble.strategy.final", ev.to);
      break;
    case "tool_call_started": {
      const links: Link[] = [];
      const previous = run.lastAttempt.get(ev.callKey);
      if (ev.attempt > 1 && previous) links.push({ context: previous, attributes: { "ensemble.link": "retry_of" } });
      const failed = ev.fallbackFor ? run.lastAttempt.get(ev.fallbackFor) : undefined;
      if (ev.attempt === 1 && failed) links.push({ context: failed, attributes: { "ensemble.link": "fallback_for" } });
      const span = t.startSpan(`${GEN_AI_OPERATION_NAME_VALUE_EXECUTE_TOOL} ${ev.tool}`, {
        startTime: at, links,
        attributes: {
          [ATTR_GEN_AI_OPERATION_NAME]: GEN_AI_OPERATION_NAME_VALUE_EXECUTE_TOOL, [ATTR_GEN_AI_TOOL_NAME]: ev.tool, [ATTR_GEN_AI_TOOL_CALL_ID]: ev.callKey,
          "ensemble.attempt": ev.attempt, "ensemble.shared_by": ev.teams, ...(ev.fallbackFor ? { "ensemble.fallback_for": ev.fallbackFor } : {}),
        },
      }, node.ctx);
      run.attempts.set(ev.callKey, { span, tool: ev.tool });
      break;
    }
    case "tool_call_finished": {
      const open = run.attempts.get(ev.callKey);
      if (!open) {
        // Reused from before a crash, or skipped: nothing ran here.
        node.span.addEvent(ev.reused ? "tool_call_reused" : `tool_call_${ev.status}`, { [ATTR_GEN_AI_TOOL_NAME]: ev.tool, [ATTR_GEN_AI_TOOL_CALL_ID]: ev.callKey }, at);
        break;
      }
      run.attempts.delete(ev.callKey);
      open.span.setAttributes({ "ensemble.tool.status": ev.status, "ensemble.shared_by": ev.sharedBy });
      if (ev.status === "succeeded") open.span.setStatus({ code: SpanStatusCode.OK });
      else {
        open.span.setAttribute(ATTR_ERROR_TYPE, errorTypeOf(ev.error));
        open.span.setStatus({ code: SpanStatusCode.ERROR, message: ev.error });
      }
      open.span.end(at);
      run.lastAttempt.set(ev.callKey, open.span.spanContext());
      break;
    }
    default:
      break;
  }
}
