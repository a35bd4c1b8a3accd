// Playwright: the built app (next start on :3100) against a throwaway embedded database, in Chromium,
// at desktop 1280×800 (every spec) and phone 390×844 (the chat spec). Faults and tool latency are injected.
import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const PORT = 3100;

const launchOptions = {
  executablePath: chromiumPath,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/output/test-results",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    launchOptions,
    locale: "ko-KR",
    timezoneId: "Asia/Seoul",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "desktop", testIgnore: /llm\.spec\.ts$/, use: { viewport: { width: 1280, height: 800 } } },
    // LLM decisions: a second app on :3101 talking to the fake OpenAI server (test/fake-openai/cli.ts) on :3199.
    { name: "llm", testMatch: /llm\.spec\.ts$/, use: { viewport: { width: 1280, height: 800 } } },
    {
      name: "mobile",
      testMatch: /chat\.spec\.ts$/,
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
  ],
  webServer: [
    {
      command: `rm -rf .data-e2e && node_modules/.bin/next start -p ${PORT}`,
      url: `http://127.0.0.1:${PORT}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        ENSEMBLE_DATA_DIR: ".data-e2e",
        ADMIN_PASSWORD: "e2e-admin-password",
        ENSEMBLE_FAULTS: "legal_search:error:1",
        ENSEMBLE_FAULT_SEED: "7",
        ENSEMBLE_TOOL_DELAY_MS: "400",
      },
    },
    {
      command: "node_modules/.bin/tsx test/fake-openai/cli.ts --port 3199",
      port: 3199,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: "rm -rf .data-e2e-llm && node_modules/.bin/next start -p 3101",
      url: "http://127.0.0.1:3101/api/health",
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        ENSEMBLE_DATA_DIR: ".data-e2e-llm",
        OPENAI_BASE_URL: "http://127.0.0.1:3199/v1",
        OPENAI_API_KEY: "x",
      },
    },
  ],
});
