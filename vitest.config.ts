import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // `server-only` throws outside a React Server build; in tests the server modules run in plain Node.
    alias: { "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts") },
  },
  test: {
    include: ["{lib,db,emails,app,components,scripts}/**/*.test.{ts,tsx}"],
    environment: "node",
    // migrates one template database per run; useTestDatabase copies it for each test file
    globalSetup: ["tests/support/global-setup.ts"],
    pool: "forks",
    // the race tests start six tsx processes each; on a busy 2-core machine loading them alone took 16 s
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
