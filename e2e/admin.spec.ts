// The admin console end to end: sign in, history filters, a run's timeline (retries and a fallback of
// legal_search, which always fails here), switching `orchestrator` off and seeing the next run on the
// legacy path in history and cohorts, memory, and sign-out closing access. Screenshots go to e2e/output/.
import { expect, test, type Page } from "@playwright/test";
import { QUESTION_KO, runSummary } from "./helpers";

const PASSWORD = "e2e-admin-password";

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/output/admin-${name}.png`, fullPage: true });
}

/** POST /api/chat with the page's cookies; the body is the whole SSE stream, so this returns when the run ends. */
async function askViaApi(page: Page, message: string): Promise<string> {
  const res = await page.request.post("/api/chat", { data: { message }, timeout: 90_000 });
  expect(res.status()).toBe(200);
  const runId = res.headers()["x-run-id"];
  expect(runId).toMatch(/^[0-9a-f-]{36}$/);
  expect(await res.text()).toMatch(/event: run_(completed|failed)/);
  return runId;
}

test("admin console: sign in, history, timeline, flag switch to the legacy path, cohorts, memory, sign out", async ({ page }) => {
  test.setTimeout(240_000);

  // Closed to anonymous callers, and a wrong password is refused with the server's message.
  await page.goto("/admin/flags");
  await expect(page).toHaveURL(/\/admin\/login$/);
  const anonymous = await page.request.get("/api/trpc/admin.flags.list");
  expect(anonymous.status()).toBe(401);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form p[role=alert]")).toContainText("Wrong password");
  await shot(page, "login");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Run history" })).toBeVisible();

  // One orchestrated run (the default): legal_search fails every attempt, so it retries and falls back.
  const orchestratedRun = await askViaApi(page, QUESTION_KO);
  const first = await runSummary(page, orchestratedRun);
  expect(first.status).toMatch(/completed|failed/);

  // History with filters: orchestrated path + text in the question finds it.
  await page.reload();
  await page.getByTestId("filter-path").selectOption("orchestrated");
  await page.getByTestId("filter-text").fill("마포구");
  await expect(page.locator(`[data-testid=history-row][data-run-id="${orchestratedRun}"]`)).toBeVisible();
  await expect(page.getByTestId("history-row").first()).toHaveAttribute("data-orchestrated", "true");
  await page.getByTestId("filter-path").selectOption("legacy");
  await expect(page.locator(`[data-testid=history-row][data-run-id="${orchestratedRun}"]`)).toHaveCount(0);
  await page.getByTestId("filter-path").selectOption("orchestrated");
  await expect(page.getByTestId("history-totals")).toContainText("Runs");
  await shot(page, "history");

  // The run's timeline: one bar per tool call, legal_search with several attempts and a fallback link.
  await page.locator(`[data-testid=history-row][data-run-id="${orchestratedRun}"] a`).first().click();
  await expect(page.getByTestId("run-view")).toBeVisible();
  await expect(page.getByTestId("gantt")).toBeVisible();
  await expect(page.getByTestId("gantt-call")).toHaveCount(first.toolCalls.length);
  const legal = page.locator('[data-testid=gantt-call][data-tool="legal_search"]').first();
  await expect(legal).toHaveAttribute("data-status", "failed");
  expect(Number(await legal.getAttribute("data-attempts"))).toBeGreaterThan(1);
  await expect(legal.locator('[data-testid=gantt-attempt][data-ok="false"]').first()).toBeVisible();
  await expect(page.getByTestId("gantt-fallback").first()).toBeVisible();
  await expect(page.getByTestId("decisions")).toContainText("rules");
  await expect(page.getByTestId("run-flags")).toContainText("orchestrator");
  await page.getByTestId("checkpoint").first().getByRole("button").click();
  await expect(page.getByTestId("checkpoint").first().locator("pre")).toContainText("runId");
  await shot(page, "run-timeline");
  await page.getByTestId("gantt").screenshot({ path: "e2e/output/admin-gantt.png" });

  // Switch `orchestrator` off: the next run takes the legacy path.
  await page.goto("/admin/flags");
  await page.getByTestId("flag-orchestrator-off").click();
  await expect(page.getByTestId("flag-orchestrator")).toHaveAttribute("data-state", "off");
  try {
    await page.getByRole("button", { name: "Overrides & audit" }).first().click();
    await expect(page.getByTestId("audit-log")).toContainText("orchestrator");
    await shot(page, "flags");

    const legacyRun = await askViaApi(page, QUESTION_KO);
    const second = await runSummary(page, legacyRun);
    expect((second as unknown as { orchestrated: boolean }).orchestrated).toBe(false);

    await page.goto("/admin");
    await page.getByTestId("filter-path").selectOption("legacy");
    await expect(page.locator(`[data-testid=history-row][data-run-id="${legacyRun}"]`)).toBeVisible();
    await page.getByTestId("filter-path").selectOption("");
    await page.getByTestId("filter-flag").selectOption("orchestrator");
    await page.getByTestId("filter-flag-value").selectOption("false");
    await expect(page.locator(`[data-testid=history-row][data-run-id="${legacyRun}"]`)).toBeVisible();
    await expect(page.locator(`[data-testid=history-row][data-run-id="${orchestratedRun}"]`)).toHaveCount(0);

    // The cohort view counts one run on each side.
    await page.goto("/admin/cohorts?flag=orchestrator");
    const runsRow = page.locator('[data-testid=cohort-metric][data-metric="Runs"]');
    await expect(runsRow.getByTestId("cohort-on")).toHaveText("1");
    await expect(runsRow.getByTestId("cohort-off")).toHaveText("1");
    await expect(page.locator('[data-testid=cohort-metric][data-metric="Orchestrated share"]').getByTestId("cohort-off")).toHaveText("0.0%");
    await shot(page, "cohorts");
  } finally {
    // Back to the default so later specs see the orchestrator.
    await page.goto("/admin/flags");
    await page.getByTestId("flag-orchestrator-default").click();
    await expect(page.getByTestId("flag-orchestrator")).toHaveAttribute("data-state", "default");
  }

  // Memory: the global tool statistics learnt from these runs.
  await page.goto("/admin/memory");
  await expect(page.getByTestId("tool-stats")).toBeVisible();
  const legalStat = page.getByTestId("tool-stats").locator("tr", { hasText: "legal_search" }).first();
  if (await legalStat.count()) await legalStat.click();
  await shot(page, "memory");

  // Sign out: pages redirect to the sign-in form and the API refuses.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.goto("/admin/runs/" + orchestratedRun);
  await expect(page).toHaveURL(/\/admin\/login$/);
  expect((await page.request.get("/api/trpc/admin.flags.list")).status()).toBe(401);
});
