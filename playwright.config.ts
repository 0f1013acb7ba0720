import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { productionServer } from "./scripts/lib/tasks.mjs";

// Chosen once in the main process; the workers inherit process.env, so they see the same values.
process.env.E2E_PORT ??= "3457";
process.env.E2E_SMTP_PORT ??= "2526";
process.env.E2E_MAIL_API_PORT ??= "2527";
process.env.E2E_DATABASE_URL ??= `file:${path.join(os.tmpdir(), `vigil-e2e-${Date.now()}`, "vigil.db")}`;

const port = process.env.E2E_PORT;
export const baseURL = `http://localhost:${port}`;

export const chromiumLaunch = {
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    ...devices["Desktop Chrome"],
    launchOptions: chromiumLaunch,
    trace: "off",
  },
  webServer: [
    {
      command: "node_modules/.bin/tsx e2e/support/mail-capture-server.ts",
      url: `http://127.0.0.1:${process.env.E2E_MAIL_API_PORT}/health`,
      reuseExistingServer: false,
      stdout: "pipe",
      env: { SMTP_PORT: process.env.E2E_SMTP_PORT, HTTP_PORT: process.env.E2E_MAIL_API_PORT },
    },
    {
      // the server as `npm start` and the benchmark start it (scripts/lib/tasks.mjs)
      command: `node_modules/.bin/tsx --conditions=react-server scripts/prepare.ts && node ${productionServer.args.join(" ")}`,
      url: `${baseURL}/about`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      env: {
        ...productionServer.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: port,
        APP_URL: baseURL,
        DATABASE_URL: process.env.E2E_DATABASE_URL,
        SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
        MAIL_FROM: "appeals@vigil.example.org",
        OUTBOX_POLL_MS: "200",
        ADMIN_EMAILS: "admin-e2e@example.org",
        // every test signs its staff in from 127.0.0.1: one client address asking for dozens of links
        SIGN_IN_LINKS_PER_CLIENT: "10000",
        // the journeys watch their own signature arrive in the count: live figures (the 10-minute steps of small
        // counts are tested against the clock in lib/cases/public-counts.test.ts)
        PUBLIC_COUNT_EXACT_FROM: "0",
        // the journeys sign many supporters to officials who all share example.org and wait for their letters:
        // pacing wide open unless an official has a rate of their own (e2e/pacing.spec.ts sets one)
        PACE_DEFAULT_PER_HOUR: "1000000",
        PACE_DOMAIN_PER_HOUR: "0",
      },
    },
  ],
});
