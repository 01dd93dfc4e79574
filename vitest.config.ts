import { defineConfig } from "vitest/config";

// Two projects: fast unit tests of src/lib and build-time code, and browser tests that drive
// Chromium (through playwright-core) against the built site. `npm test` runs them in that order,
// with the build in between.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ["tests/e2e/global-setup.ts"],
        },
      },
    ],
  },
});
