#!/usr/bin/env node
// `npm test`: every suite in order (format and lint, type check, unit tests, Go tests, build,
// browser tests), each run even when an earlier one failed, then one closing line with the totals:
// "N passed, N failed". Exits non-zero when anything failed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";

const tmp = ".tmp/test-results";
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

/** Runs a command with the output shown; returns its exit code and what it printed. */
function run(command, args, { capture = false } = {}) {
  const result = spawnSync(command, args, {
    stdio: capture ? ["inherit", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
    shell: false,
  });
  if (capture && result.stdout) process.stdout.write(result.stdout);
  if (result.error) console.error(`${command}: ${result.error.message}`);
  return { code: result.status ?? 1, stdout: result.stdout ?? "" };
}

/** Counts the tests of a vitest JSON report; a missing report (a crash) counts as one failure. */
function vitestCounts(file, code) {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, "utf8"));
  const failed = report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
  return { passed: report.numPassedTests, failed };
}

const npx = "npx";

/** Lists files that differ between two built folders (missing on either side, or other bytes). */
function compareTrees(a, b) {
  const list = (dir) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(dir, join(e.parentPath, e.name)))
      .sort();
  const left = list(a);
  const right = new Set(list(b));
  const differences = [];
  for (const file of left) {
    if (!right.has(file)) differences.push(`${file}: only in the first build`);
    else if (!readFileSync(join(a, file)).equals(readFileSync(join(b, file))))
      differences.push(`${file}: different bytes`);
    right.delete(file);
  }
  for (const file of right) differences.push(`${file}: only in the second build`);
  return differences;
}
const suites = [
  { name: "format (prettier)", run: () => run(npx, ["prettier", "--check", "."]) },
  { name: "lint (eslint)", run: () => run(npx, ["eslint", "--max-warnings", "0", "."]) },
  { name: "types (astro check)", run: () => run(npx, ["astro", "check"]) },
  {
    name: "unit (vitest)",
    counts: true,
    run: () => {
      const out = join(tmp, "unit.json");
      const { code } = run(npx, [
        "vitest",
        "run",
        "--project",
        "unit",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${out}`,
      ]);
      return { code, ...vitestCounts(out, code) };
    },
  },
  {
    name: "go (recorder)",
    counts: true,
    run: () => {
      const { code, stdout } = run("bash", ["scripts/test-go.sh"], { capture: true });
      const m = /^go: (\d+) passed, (\d+) failed$/m.exec(stdout);
      if (!m) return { code, passed: 0, failed: code === 0 ? 0 : 1 };
      return { code, passed: Number(m[1]), failed: Number(m[2]) + (code !== 0 && m[2] === "0" ? 1 : 0) };
    },
  },
  {
    name: "build (astro), within budget",
    run: () => {
      const started = Date.now();
      const { code } = run(npx, ["astro", "build"]);
      const seconds = (Date.now() - started) / 1000;
      const budgets = JSON.parse(readFileSync("budgets.json", "utf8"));
      const limit = budgets.buildSeconds;
      console.log(`budget build: ${seconds.toFixed(1)} s of ${limit} s`);
      // Each article page's HTML before compression, as a host that does not compress sends it.
      const { pages, maxBytes } = budgets.articleHtml;
      const heavy = [];
      for (const page of pages) {
        const bytes = existsSync(join("dist", page)) ? readFileSync(join("dist", page)).length : Infinity;
        console.log(
          `budget article HTML: ${page} ${(bytes / 1000).toFixed(1)} KB of ${(maxBytes / 1000).toFixed(0)} KB`,
        );
        if (bytes > maxBytes) heavy.push(page);
      }
      return { code: code !== 0 || seconds > limit || heavy.length > 0 ? 1 : 0 };
    },
  },
  {
    name: "reproducible build",
    run: () => {
      const second = ".tmp/build-again";
      rmSync(second, { recursive: true, force: true });
      const again = spawnSync(npx, ["astro", "build"], {
        stdio: ["ignore", "pipe", "pipe"],
        encoding: "utf8",
        env: { ...process.env, BF_OUT_DIR: second },
      });
      if (again.status !== 0) {
        console.log(`the second build failed (status ${String(again.status)}, signal ${String(again.signal)}):`);
        console.log(`${again.stdout}\n${again.stderr}`.trim().split("\n").slice(-20).join("\n"));
        return { code: 1 };
      }
      const differences = compareTrees("dist", second);
      console.log(
        differences.length === 0
          ? "two builds are byte-identical"
          : `builds differ:\n  ${differences.slice(0, 20).join("\n  ")}`,
      );
      return { code: differences.length === 0 ? 0 : 1 };
    },
  },
  {
    name: "browser (vitest + Chromium)",
    counts: true,
    run: () => {
      const out = join(tmp, "e2e.json");
      const { code } = run(npx, [
        "vitest",
        "run",
        "--project",
        "e2e",
        "--project",
        "e2e-serial",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${out}`,
      ]);
      return { code, ...vitestCounts(out, code) };
    },
  },
];

const allStarted = Date.now();
const rows = [];
let passed = 0;
let failed = 0;
for (const suite of suites) {
  console.log(`\n=== ${suite.name} ===`);
  const started = Date.now();
  const result = suite.run();
  const counts = suite.counts ? result : { passed: result.code === 0 ? 1 : 0, failed: result.code === 0 ? 0 : 1 };
  passed += counts.passed;
  failed += counts.failed;
  rows.push({
    suite: suite.name,
    passed: counts.passed,
    failed: counts.failed,
    seconds: (Date.now() - started) / 1000,
  });
}

console.log("\n=== summary ===");
for (const row of rows) {
  const mark = row.failed > 0 ? "FAIL" : "ok  ";
  console.log(
    `${mark} ${row.suite.padEnd(30)} ${String(row.passed).padStart(4)} passed ${String(row.failed).padStart(3)} failed  ${row.seconds.toFixed(1)} s`,
  );
}
console.log(`total ${((Date.now() - allStarted) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
