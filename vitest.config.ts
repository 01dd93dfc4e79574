import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// Three projects: fast unit tests of src/lib and build-time code; browser tests that drive Chromium
// (through playwright-core) against the built site, several files at once, each file with its own
// browser; and the browser tests whose figures depend on the machine being otherwise idle
// (Lighthouse's performance score), run one file at a time after all the others (groupOrder).
// `npm test` runs unit first, then the build, then both browser projects in one vitest run.
const e2e = {
  environment: "node" as const,
  testTimeout: 60_000,
  hookTimeout: 120_000,
  globalSetup: ["tests/e2e/global-setup.ts"],
};
const serial = ["tests/e2e/lighthouse.test.ts"];

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
          ...e2e,
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          exclude: serial,
          // Each worker runs its own Chromium: one more worker than cores keeps the cores busy
          // while a browser waits on a page.
          maxWorkers: Math.max(2, Math.min(4, availableParallelism() + 1)),
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...e2e,
          name: "e2e-serial",
          include: serial,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
