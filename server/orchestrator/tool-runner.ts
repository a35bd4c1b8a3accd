// Runs one attempt of one tool: input validated by its schema, a timeout, injected faults,
// output validated; every failure classified by kind (the call's policy says which kinds retry).
import { ZodError } from "zod";
import type { ToolDefinition, ToolRunContext } from "../tools/types";
import { errorKind, sleep, type ErrorKind } from "../retry";
import { ToolInputError, TransientToolError } from "../tools/types";
import { faultInjector } from "./faults";

export class ToolTimeoutError extends TransientToolError {
  override readonly kind: ErrorKind = "timeout";
  constructor(tool: string, ms: number) {
    super(`${tool} timed out after ${ms} ms`);
    this.name = "ToolTimeoutError";
  }
}

export type AttemptResult = { ok: true; output: unknown } | { ok: false; error: string; kind: ErrorKind };

export async function runToolAttempt(
  tool: ToolDefinition,
  rawInput: Record<string, unknown>,
  ctx: Omit<ToolRunContext, "signal">,
  timeoutMs: number,
  runSignal?: AbortSignal,
): Promise<AttemptResult> {
  let input: unknown;
  try {
    input = tool.inputSchema.parse(rawInput);
  } catch (e) {
    const msg = e instanceof ZodError ? e.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ") : String(e);
    return { ok: false, error: new ToolInputError(tool.name, msg).message, kind: "invalid_input" };
  }
  const controller = new AbortController();
  const onRunAbort = () => controller.abort(runSignal?.reason);
  runSignal?.addEventListener("abort", onRunAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new ToolTimeoutError(tool.name, timeoutMs);
      controller.abort(err);
      reject(err);
    }, timeoutMs);
  });
  try {
    const work = (async () => {
      const delay = Number(process.env.ENSEMBLE_TOOL_DELAY_MS ?? 0);
      if (delay > 0) await sleep(delay, controller.signal);
      const fault = faultInjector().draw(tool.name);
      if (fault === "error") throw new TransientToolError(`injected fault: ${tool.name} failed`);
      // An injected hang: wait until the timeout (or the run) aborts us.
      if (fault === "timeout") await new Promise((_, reject) => controller.signal.addEventListener("abort", () => reject(controller.signal.reason), { once: true }));
      return tool.run(input, { ...ctx, signal: controller.signal });
    })();
    const output = await Promise.race([work, timeout]);
    work.catch(() => {});
    const parsed = tool.outputSchema.safeParse(output);
    if (!parsed.success) return { ok: false, error: `${tool.name}: output failed its schema: ${parsed.error.issues[0]?.message ?? "invalid"}`, kind: "invalid_output" };
    return { ok: true, output: parsed.data };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e), kind: errorKind(e) };
  } finally {
    clearTimeout(timer);
    runSignal?.removeEventListener("abort", onRunAbort);
  }
}
