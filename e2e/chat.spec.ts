// The end-user chat in a real browser against the built app: a question runs live to an answer,
// a reload mid-run picks the run up with nothing missing or doubled, bad input shows the server's error.
import { expect, test as base } from "@playwright/test";
import { QUESTION_KO, SESSION_URL, ask, latestRunId, recordStepStatuses, runSummary, stepStatusHistory, waitForRunEnd } from "./helpers";

// Every test also fails on an uncaught error in the page (a render crash, a rejected promise).
const test = base.extend<{ pageErrors: Error[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: Error[] = [];
      page.on("pageerror", (e) => errors.push(e));
      await use(errors);
      expect(errors.map((e) => e.message)).toEqual([]);
    },
    { auto: true },
  ],
});

test("a question runs live: plan steps progress, decisions and tool calls show, the answer arrives", async ({ page }, testInfo) => {
  const size = testInfo.project.name === "mobile" ? "390x844" : "1280x800";
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "무엇을 도와드릴까요?" })).toBeVisible();
  await page.screenshot({ path: `e2e/output/home-${size}.png` });
  await recordStepStatuses(page);

  await ask(page, QUESTION_KO);
  // A look at the live state for the record (the assertions on it come from the recorded statuses).
  await page
    .locator("[data-testid=plan-step][data-status=in_progress]")
    .first()
    .waitFor({ timeout: 10_000 })
    .then(() => page.screenshot({ path: `e2e/output/chat-${size}-running.png` }))
    .catch(() => undefined);
  await expect(page.getByTestId("question").last()).toHaveText(QUESTION_KO);
  await expect(page).toHaveURL(SESSION_URL);
  const runId = await latestRunId(page);

  await expect(page.getByTestId("plan-step").first()).toBeVisible();
  expect(await waitForRunEnd(page)).toBe("completed");

  const history = await stepStatusHistory(page);
  const steps = Object.values(history);
  expect(steps.length).toBeGreaterThan(0);
  // Every step was seen working and then done, in that order.
  for (const seen of steps) {
    expect(seen).toContain("in_progress");
    expect(seen[seen.length - 1]).toBe("completed");
    expect(seen.indexOf("in_progress")).toBeLessThan(seen.lastIndexOf("completed"));
  }
  for (const status of await page.getByTestId("step-status").allInnerTexts()) expect(status).toContain("완료");
  await expect(page.getByTestId("overall-progress").last()).toHaveText("100%");

  const summary = await runSummary(page, runId);
  expect(summary.status).toBe("completed");
  await expect(page.getByTestId("plan-step")).toHaveCount(summary.steps.length);
  await expect(page.getByTestId("intent")).toBeVisible();

  // Decisions and tool calls: legal_search always fails here (ENSEMBLE_FAULTS), so it shows a retry or a fallback.
  const decisionCard = page.getByTestId("decision-card");
  await expect(decisionCard).toBeVisible();
  await expect(decisionCard.getByTestId("decision").first()).toBeVisible();
  await expect(decisionCard.getByTestId("tool-call")).toHaveCount(summary.toolCalls.length);
  const legal = summary.toolCalls.find((c) => c.tool === "legal_search");
  if (legal) {
    await expect(decisionCard.locator('[data-tool="legal_search"]')).toHaveAttribute("data-status", "failed");
    const fallback = summary.toolCalls.find((c) => c.fallbackFor === "legal_search" && c.status === "succeeded");
    if (fallback) await expect(decisionCard.getByTestId("fallback-for").first()).toContainText("legal_search");
  }

  const answer = page.getByTestId("answer");
  await expect(answer).toHaveCount(1);
  await expect(answer).not.toBeEmpty();
  expect(summary.answer?.length ?? 0).toBeGreaterThan(20);
  // The seeded market data is sample data, and the answer says so.
  await expect(answer).toContainText("샘플");

  // The conversation is listed (a menu on phones).
  if (testInfo.project.name === "mobile") {
    await expect(page.getByTestId("sidebar")).toBeHidden();
    await page.getByTestId("menu-button").click();
    await expect(page.getByTestId("mobile-menu").getByTestId("conversation")).toHaveCount(1);
    await page.screenshot({ path: `e2e/output/menu-${size}.png` });
    await page.getByTestId("mobile-menu").getByRole("button", { name: "메뉴 닫기" }).first().click();
  } else {
    await expect(page.getByTestId("sidebar").getByTestId("conversation")).toHaveCount(1);
  }

  await page.getByTestId("thread").evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: `e2e/output/chat-${size}.png` });
  await page.getByTestId("decision-card").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `e2e/output/chat-${size}-decisions.png` });
  await answer.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `e2e/output/chat-${size}-answer.png` });

  // My memory learned from this run, and can be cleared.
  await page.getByTestId("memory-button").click();
  const memory = page.getByTestId("memory-panel");
  await expect(memory.getByTestId("memory-pattern").first()).toBeVisible();
  await expect(memory.getByTestId("memory-tool").first()).toBeVisible();
  await page.screenshot({ path: `e2e/output/memory-${size}.png` });
  page.once("dialog", (d) => void d.accept());
  await memory.getByTestId("memory-clear").click();
  await expect(memory.getByTestId("memory-cleared")).toBeVisible();
  await expect(memory.getByTestId("memory-pattern")).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(memory).toBeHidden();

  // Switching conversations: a new chat is empty, and the old one comes back from its summary.
  const sessionUrl = page.url();
  const nav = testInfo.project.name === "mobile" ? page.getByTestId("mobile-menu") : page.getByTestId("sidebar");
  if (testInfo.project.name === "mobile") await page.getByTestId("menu-button").click();
  await nav.getByTestId("new-chat").click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "무엇을 도와드릴까요?" })).toBeVisible();
  await expect(page.getByTestId("turn")).toHaveCount(0);
  if (testInfo.project.name === "mobile") await page.getByTestId("menu-button").click();
  await nav.getByTestId("conversation").first().click();
  await expect(page).toHaveURL(sessionUrl);
  await expect(page.getByTestId("turn-run")).toHaveAttribute("data-run-status", "completed");
  await expect(page.getByTestId("answer")).toHaveCount(1);
  await expect(page.getByTestId("plan-step")).toHaveCount(summary.steps.length);
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("turn")).toHaveCount(0);
});

test("a reload mid-run picks the run up again with nothing missing and nothing doubled", async ({ page }) => {
  await page.goto("/");
  // Reload the moment the run's stream has started (headers in, URL updated): the run lasts seconds.
  const started = page.waitForResponse((r) => r.url().endsWith("/api/chat") && r.request().method() === "POST");
  await ask(page, QUESTION_KO);
  const runId = (await (await started).headerValue("x-run-id"))!;
  await page.waitForURL(SESSION_URL);
  const sessionUrl = page.url();
  const reloadedAt = Date.now();
  await page.reload();
  expect(page.url()).toBe(sessionUrl);
  await expect(page.getByTestId("question")).toHaveCount(1);
  await expect(page.getByTestId("question")).toHaveText(QUESTION_KO);
  await expect(page.getByTestId("turn-run")).toHaveAttribute("data-run-id", runId);
  expect(await waitForRunEnd(page)).toBe("completed");

  const summary = await runSummary(page, runId);
  // Proof the reload happened mid-run: the run finished after it.
  expect(Date.parse(summary.finishedAt ?? "")).toBeGreaterThan(reloadedAt);
  await expect(page.getByTestId("plan-step")).toHaveCount(summary.steps.length);
  const stepIds = await page.getByTestId("plan-step").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.stepId));
  expect(new Set(stepIds).size).toBe(stepIds.length);
  await expect(page.getByTestId("tool-call")).toHaveCount(summary.toolCalls.length);
  await expect(page.getByTestId("answer")).toHaveCount(1);

  // The streamed answer equals the stored one: its opening appears exactly once.
  const shown = (await page.getByTestId("answer").innerText()).replace(/\s+/g, " ");
  const storedText = (summary.answer ?? "").replace(/[#*_`>|-]/g, " ").replace(/\s+/g, " ").trim();
  const opening = storedText.slice(0, 20);
  expect(opening.length).toBeGreaterThan(10);
  expect(shown.split(opening).length - 1).toBe(1);

  // A second reload after the end shows the finished turn from its summary, still once.
  await page.reload();
  await expect(page.getByTestId("turn-run")).toHaveAttribute("data-run-status", "completed");
  await expect(page.getByTestId("answer")).toHaveCount(1);
  await expect(page.getByTestId("plan-step")).toHaveCount(summary.steps.length);

  // Someone else's (or no) conversation: the server answers NOT_FOUND and the page says so.
  await page.goto("/c/00000000-0000-4000-8000-000000000000");
  await expect(page.getByTestId("session-not-found")).toBeVisible();
});

test("bad input shows the server's error and keeps the text", async ({ page }) => {
  await page.goto("/");
  const tooLong = "가".repeat(4001);
  await page.getByTestId("composer-input").fill(tooLong);
  await expect(page.getByText("최대 4,000자까지 보낼 수 있습니다", { exact: false })).toBeVisible();
  await page.getByTestId("send").click();
  const error = page.getByTestId("error");
  await expect(error).toBeVisible();
  await expect(error).toContainText("4000");
  await expect(error).toContainText("bad_request:chat");
  await expect(page.getByTestId("composer-input")).toHaveValue(tooLong);
  await expect(page).not.toHaveURL(SESSION_URL);

  // An unknown conversation URL says so instead of failing silently; a malformed one is a 404 page.
  await page.goto("/c/00000000-0000-4000-8000-000000000000");
  await expect(page.getByTestId("session-not-found")).toBeVisible();
  const res = await page.goto("/c/not-a-session");
  expect(res?.status()).toBe(404);
  await expect(page.getByText("페이지를 찾을 수 없습니다")).toBeVisible();
});
