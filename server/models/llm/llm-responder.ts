// The LLM responder: streams the answer from prompts/respond.md through streamText, passing the
// answer's text to onDelta as it arrives; failures hand over to the rules responder.
import { Output, parsePartialJson, streamText, type ModelMessage } from "ai";
import type { Answer, LlmUsage, Responder, RespondInput } from "../types";
import { loadPrompt, renderPrompt } from "../prompts";
import type { LlmConfig } from "./config";
import { createDecisionModel } from "./provider";
import {
  extractJsonObject, fallbackReasonOf, InvalidOutputError, LlmDecisionError, NotRetryable, repairMessage,
  UsageMeter, withTransientRetries, type DecisionCallContext,
} from "./call";
import { respondOutputSchema } from "./schemas";
import { modelCallTelemetry } from "./call-telemetry";

/** Put between a half-streamed LLM answer and the rules answer that replaces it, so deltas still concatenate to the answer. */
export const STREAM_BREAK = "\n\n---\n\n";

/** The answer and sources from the model's complete JSON text; sources must be traceable to the results. */
export function answerFromText(text: string, resultsJson: string, toolNames: string[]): { answer: string; sources: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    try {
      raw = extractJsonObject(text);
    } catch {
      throw new InvalidOutputError("the answer is not a JSON object");
    }
  }
  const parsed = respondOutputSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidOutputError(parsed.error.message);
  // Untrusted: keep only sources that name a tool that answered or text that appears in its results.
  const sources = parsed.data.sources.filter((s) => toolNames.includes(s) || resultsJson.includes(s));
  return { answer: parsed.data.answer, sources: [...new Set(sources)] };
}

/** The partial answer text inside a partial JSON object, if it can be read yet. */
async function partialAnswer(raw: string): Promise<string | undefined> {
  const { value } = await parsePartialJson(raw);
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const answer = (value as Record<string, unknown>).answer;
    if (typeof answer === "string") return answer;
  }
  return undefined;
}

export class LlmResponder implements Responder {
  readonly kind = "llm" as const;

  constructor(
    private readonly config: LlmConfig,
    private readonly rules: Responder,
    private readonly onUsage?: (u: LlmUsage) => void,
    /** The run this decider serves, for tracing its model requests. */
    private readonly runId?: string,
  ) {}

  async respond(input: RespondInput): Promise<Answer> {
    let emitted = "";
    const emit = async (delta: string) => {
      if (!delta) return;
      emitted += delta;
      await input.onDelta?.(delta);
    };
    try {
      return await this.streamAnswer(input, emit, () => emitted);
    } catch (err) {
      const { reason } = fallbackReasonOf(err, input.signal);
      const separator = emitted ? STREAM_BREAK : "";
      if (separator) await input.onDelta?.(separator);
      const ruled = await this.rules.respond(input);
      return { ...ruled, answer: emitted + separator + ruled.answer, source: "rules", fallbackReason: reason };
    }
  }

  private async streamAnswer(input: RespondInput, emit: (d: string) => Promise<void>, emitted: () => string): Promise<Answer> {
    const outputs = input.aggregated?.outputs ?? {};
    const resultsJson = JSON.stringify(outputs, null, 1);
    const prompt = renderPrompt(loadPrompt("respond"), {
      query: input.query,
      language: input.planning.language,
      intent: input.planning.intent,
      entities: JSON.stringify(input.planning.entities),
      results: resultsJson.length > 30_000 ? `${resultsJson.slice(0, 30_000)}…(truncated)` : resultsJson,
      missing: (input.aggregated?.missing ?? []).join(", ") || "none",
    });
    const ctx: DecisionCallContext = { config: this.config, decision: "respond", signal: input.signal, onUsage: this.onUsage, runId: this.runId };
    const model = createDecisionModel(this.config, "respond");
    const meter = new UsageMeter();
    const messages: ModelMessage[] = [{ role: "user", content: prompt.text }];
    let problem = "";
    try {
      for (let round = 0; round < 2; round++) {
        const text = await withTransientRetries(ctx, async (signal, touch) => {
          let raw = "";
          try {
            const result = streamText({
              model, messages, maxRetries: 0, abortSignal: signal, temperature: 0.2,
              experimental_telemetry: modelCallTelemetry("respond", this.runId),
              // Sent as the JSON response format; the text is parsed and validated here, as it streams.
              output: Output.object({ schema: respondOutputSchema, name: "answer" }),
              providerOptions: { openai: { strictJsonSchema: false } },
              // Errors arrive as stream parts and are handled below; the default handler would only log them.
              onError: () => {},
            });
            for await (const part of result.fullStream) {
              touch();
              if (part.type === "text-delta") {
                raw += part.text;
                const answer = await partialAnswer(raw);
                // Only ever append: a partial parse that rewrites earlier text waits for the final answer.
                if (answer !== undefined && answer.startsWith(emitted())) await emit(answer.slice(emitted().length));
              } else if (part.type === "error") {
                throw part.error;
              } else if (part.type === "abort") {
                throw signal.reason ?? new Error("model stream aborted");
              } else if (part.type === "finish") {
                meter.add(part.totalUsage);
              }
            }
            return raw;
          } catch (err) {
            // Deltas already reached the user: a retry would repeat them.
            throw emitted() ? new NotRetryable(err) : err;
          }
        });
        try {
          const { answer, sources } = answerFromText(text, resultsJson, Object.keys(outputs));
          if (!answer.startsWith(emitted())) throw new InvalidOutputError("the streamed answer changed after it was sent");
          await emit(answer.slice(emitted().length));
          meter.report(ctx, true);
          return { answer, sources, source: "llm", prompt: { name: prompt.name, version: prompt.version } };
        } catch (err) {
          if (!(err instanceof InvalidOutputError) || emitted()) throw err instanceof InvalidOutputError
            ? new LlmDecisionError("llm_invalid_output", `respond: ${err.message}`) : err;
          problem = err.message;
          messages.push({ role: "assistant", content: text || "(empty answer)" }, { role: "user", content: repairMessage(problem) });
        }
      }
      throw new LlmDecisionError("llm_invalid_output", `respond: invalid output after one repair: ${problem}`);
    } catch (err) {
      meter.report(ctx, false);
      throw err;
    }
  }
}
