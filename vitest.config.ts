import { defineConfig } from "vitest/config";

// Three projects: pure units, database tests (PGlite, and PostgreSQL when TEST_DATABASE_URL is set),
// and end-to-end journeys in Chromium. `npm test` runs all of them.
export default defineConfig({
  test: {
    reporters: ["default", "./scripts/shared-data-reporter.ts", "./scripts/summary-reporter.ts"],
    setupFiles: ["./scripts/test-setup.ts"],
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "**/node_modules/**"],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["apps/*/src/**/*.db.test.ts"],
          globalSetup: ["./scripts/test-global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.test.ts"],
          globalSetup: ["./scripts/test-global-setup.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
