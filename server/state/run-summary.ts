// The run summary of the contract (GET /api/runs/{id}, `npm run ask -- --json`), declared once as zod:
// the server builds it (supervisor/summary.ts), the chat client imports the type only.
import { z } from "zod";
import { decisionSchema } from "./decision";

export const stepSchema = z.object({
  step_id: z.string(),
  team: z.string(),
  description: z.string(),
  tools: z.array(z.string()),
  depends_on: z.array(z.string()),
  status: z.enum(["pending", "in_progress", "completed", "failed", "skipped"]),
  progress_percentage: z.number(),
  started_at: z.string().nullable(),
  completed_at: z.string().nullable(),
  execution_time_ms: z.number().nullable(),
  result: z.unknown(),
  error: z.string().nullable(),
});

/**
 * One source an answer rests on, best first. `source` names the kind ("law" for a statute provision);
 * law sources carry the law's full name, the article (제N조 / 제N조의M) and the paragraph (항) if known.
 */
export const citationSchema = z.object({
  source: z.string(),
  law: z.string().optional(),
  article: z.string().optional(),
  paragraph: z.number().optional(),
  rank: z.number(),
  callKey: z.string().optional(),
});
export type RunCitation = z.infer<typeof citationSchema>;

export const summaryToolCallSchema = z.object({
  callKey: z.string(),
  tool: z.string(),
  args: z.unknown(),
  teams: z.array(z.string()),
  /** succeeded | failed | skipped once the run ended; "running" only while it is still executing. */
  status: z.enum(["succeeded", "failed", "skipped", "running"]),
  attempts: z.number(),
  durationMs: z.number().nullable(),
  /** The tool this call stood in for. */
  fallbackFor: z.string().optional(),
  error: z.string().optional(),
});

export const runSummarySchema = z.object({
  runId: z.string(),
  sessionId: z.string().nullable(),
  status: z.enum(["running", "completed", "failed"]),
  question: z.string(),
  intent: z.string().nullable(),
  /** Every domain aspect the question asks about. */
  aspects: z.array(z.string()),
  questionType: z.string().nullable(),
  /** The sources the answer rests on, best first. */
  citations: z.array(citationSchema),
  teams: z.array(z.string()),
  strategy: z.string().nullable(),
  orchestrated: z.boolean(),
  degraded: z.boolean(),
  decisions: z.array(decisionSchema),
  toolCalls: z.array(summaryToolCallSchema),
  steps: z.array(stepSchema),
  answer: z.string().nullable(),
  error: z.string().nullable(),
  duplicatesAvoided: z.number(),
  llmCalls: z.number(),
  llmTokens: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;
