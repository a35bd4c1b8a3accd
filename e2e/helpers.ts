// Shared steps for the chat end-to-end specs: asking a question, recording every step status the
// page ever shows (so fast transitions are not missed), and reading a run's summary as its owner.
import { expect, type Page } from "@playwright/test";

export const QUESTION_KO = "마포구 아파트 전세 4억이면 적정한가요? 대출은 얼마나 되고 보증금은 어떻게 지키나요?";
export const SESSION_URL = /\/c\/[0-9a-f-]{36}$/;

/** Starts recording, in the page, every data-status a plan step takes (a MutationObserver sees each change). */
export async function recordStepStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __stepStatuses?: Record<string, string[]> };
    w.__stepStatuses = {};
    const record = () => {
      for (const el of Array.from(document.querySelectorAll<HTMLElement>("[data-testid=plan-step]"))) {
        const id = el.dataset.stepId ?? "?";
        const seen = (w.__stepStatuses![id] ??= []);
        const status = el.dataset.status ?? "?";
        if (seen[seen.length - 1] !== status) seen.push(status);
      }
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-status"] });
    record();
  });
}

export async function stepStatusHistory(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => (window as unknown as { __stepStatuses?: Record<string, string[]> }).__stepStatuses ?? {});
}

export async function ask(page: Page, question: string): Promise<void> {
  await page.getByTestId("composer-input").fill(question);
  await page.getByTestId("send").click();
}

/** The run id of the newest turn once it has one. */
export async function latestRunId(page: Page): Promise<string> {
  const run = page.getByTestId("turn-run").last();
  await expect(run).toHaveAttribute("data-run-id", /[0-9a-f-]{36}/);
  return (await run.getAttribute("data-run-id"))!;
}

export async function waitForRunEnd(page: Page, timeout = 60_000): Promise<string> {
  const run = page.getByTestId("turn-run").last();
  await expect(run).toHaveAttribute("data-run-status", /completed|failed/, { timeout });
  return (await run.getAttribute("data-run-status"))!;
}

export interface SummaryForTest {
  status: string;
  answer: string | null;
  finishedAt: string | null;
  steps: { step_id: string; status: string }[];
  decisions: { type: string }[];
  toolCalls: { callKey: string; tool: string; status: string; attempts: number; fallbackFor?: string }[];
}

/** GET /api/runs/{id} with the page's cookies (the browser context's request shares them). */
export async function runSummary(page: Page, runId: string): Promise<SummaryForTest> {
  const res = await page.request.get(`/api/runs/${runId}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as SummaryForTest;
}
