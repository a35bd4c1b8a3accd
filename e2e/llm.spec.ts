// The chat with LLM decisions (a second app on :3101 pointed at the fake OpenAI server on :3199):
// the answer streams into the page piece by piece, and the run records its decisions as the LLM's.
import { expect, test } from "@playwright/test";
import { QUESTION_KO, SESSION_URL, ask, latestRunId, waitForRunEnd } from "./helpers";

const LLM_APP = "http://127.0.0.1:3101";

test.use({ baseURL: LLM_APP });

test("an LLM answer streams into the chat in order and the run says the LLM decided", async ({ page }) => {
  await page.goto("/");
  // Record every text the answer shows, so the stream's intermediate states are seen.
  await page.evaluate(() => {
    const w = window as unknown as { __answerTexts?: string[] };
    w.__answerTexts = [];
    const record = () => {
      const el = document.querySelector<HTMLElement>("[data-testid=answer]");
      const text = el?.innerText.trim() ?? "";
      const seen = w.__answerTexts!;
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
  });

  await ask(page, QUESTION_KO);
  await expect(page).toHaveURL(SESSION_URL);
  const runId = await latestRunId(page);
  expect(await waitForRunEnd(page)).toBe("completed");

  const answer = page.getByTestId("answer");
  await expect(answer).toContainText("데모 모델의 답변입니다");
  const texts = await page.evaluate(() => (window as unknown as { __answerTexts?: string[] }).__answerTexts ?? []);
  // Streamed: several growing versions of the answer before the final one.
  expect(texts.length).toBeGreaterThan(2);
  const lengths = texts.map((t) => t.length);
  expect(lengths.slice(0, 3)).toEqual([...lengths.slice(0, 3)].sort((a, b) => a - b));

  const res = await page.request.get(`/api/runs/${runId}`);
  expect(res.status()).toBe(200);
  const summary = (await res.json()) as { answer: string; decisions: { source: string; fallbackReason?: string }[] };
  expect(summary.answer).toContain("데모 모델의 답변입니다");
  expect(summary.decisions.some((d) => d.source === "llm")).toBe(true);
  expect(summary.decisions.every((d) => !d.fallbackReason)).toBe(true);
  await page.screenshot({ path: "e2e/output/llm-answer-1280x800.png" });
});
