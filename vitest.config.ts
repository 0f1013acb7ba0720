import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // `server-only` throws outside a React Server build; in tests the server modules run in plain Node.
    alias: { "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only.ts") },
  },
  test: {
    include: ["{lib,db,emails,app,components,scripts}/**/*.test.{ts,tsx}"],
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
