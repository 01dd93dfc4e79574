import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The import boundaries of docs/architecture.md, checked through ESLint itself with the project's
// eslint.config.js: each case is a one-line file linted as if it stood at `path`. Type-aware rules
// are switched off for these files (they are not on disk), the boundary rule is not.
const eslint = new ESLint({
  overrideConfig: {
    files: ["**/*.ts"],
    languageOptions: { parserOptions: { projectService: false, project: null } },
  },
  ruleFilter: ({ ruleId }) => ruleId === "no-restricted-imports",
});

async function restricted(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath: path });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe("import boundaries (eslint.config.js)", () => {
  it.each([
    ["src/client/replay/bad.ts", 'import { loadRecording } from "../../server/traces.ts";'],
    ["src/client/replay/bad.ts", 'import type { LabBundle } from "../../../build/lab-bundle.ts";'],
    ["src/client/lab/bad.ts", 'import "../../components/Replay/ReplayCell.astro";'],
    ["src/client/lab/bad.ts", 'import { readFileSync } from "node:fs";'],
    ["src/client/lab/bad.ts", 'import { codeToHtml } from "shiki";'],
    ["src/client/lab/bad.ts", 'import { parseHTML } from "linkedom";'],
    ["src/client/lab/bad.ts", 'import { build } from "esbuild";'],
    ["src/client/lab/bad.ts", 'import { getCollection } from "astro:content";'],
    ["src/lib/recording/bad.ts", 'import { loadRecording } from "../../server/traces.ts";'],
    ["src/lib/recording/bad.ts", 'import { en } from "../../i18n/en.ts";'],
    ["src/lib/replay/bad.ts", 'import { HeapView } from "../../client/replay/heap-view.ts";'],
    ["src/lib/bad.ts", 'import { join } from "node:path";'],
    ["src/server/bad.ts", 'import { LabPage } from "../components/Lab/LabPage.astro";'],
    ["src/server/bad.ts", 'import "../client/replay/replay-cell.ts";'],
  ])("%s may not say %s", async (path, source) => {
    expect(await restricted(path, source)).toContain("no-restricted-imports");
  });

  it.each([
    ["src/client/replay/ok.ts", 'import { frameAt } from "../../lib/replay/frame.ts";'],
    ["src/client/replay/ok.ts", 'import { fill } from "../../i18n/fill.ts";'],
    ["src/lib/recording/ok.ts", 'import { parseLog } from "../parse/log-parser.ts";'],
    ["src/lib/charts/ok.ts", 'import { plot } from "@observablehq/plot";'],
    ["src/server/ok.ts", 'import { readFileSync } from "node:fs";'],
    ["src/server/ok.ts", 'import { buildRecording } from "../lib/recording/build-recording.ts";'],
  ])("%s may say %s", async (path, source) => {
    expect(await restricted(path, source)).toEqual([]);
  });
});
