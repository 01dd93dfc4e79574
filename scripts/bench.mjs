#!/usr/bin/env node
// npm run bench: every benchmark in one run, then ONE table of every figure with its aim, the
// measured value and whether it is met. Each sub-bench runs in its own process and prints its own
// human output as it goes; it hands its figures to this script as JSON lines in a file named by
// BENCH_RESULTS (scripts/bench/results.mjs). Where a figure is a ratio, its sub-bench measures
// both sides in the same run. Steps, in order:
//   bench-parse.mjs   the parser against a bare line split (50 and 100 MB), stateAt, sampler cadence
//   bench-cli.mjs     blocked-forever parse to JSON Lines and CSV against a bare split; peak RSS
//   astro build       the site the browser benches open
//   bench-lab.mjs     the lab in Chromium: 100 MB logs of three kinds, a 300 MB log
//   bench-replay.mjs  the replay frame against re-rendering with Plot (exit 1: frame budget missed)
//   bench-live.mjs    the live widget's downloads, first gctrace line and memory
// Exits as the steps did: 1 when the replay frame misses its budget, another step's failure code
// when one fails (the steps after it still run, and the table says which failed); 0 otherwise.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const astro = join(root, "node_modules", ".bin", "astro");
const STEPS = [
  { name: "bench-parse", command: process.execPath, args: ["scripts/bench-parse.mjs"] },
  { name: "bench-cli", command: process.execPath, args: ["scripts/bench-cli.mjs"] },
  { name: "build", command: astro, args: ["build"] },
  { name: "bench-lab", command: process.execPath, args: ["scripts/bench-lab.mjs"] },
  { name: "bench-replay", command: process.execPath, args: ["scripts/bench-replay.mjs"] },
  { name: "bench-live", command: process.execPath, args: ["scripts/bench-live.mjs"] },
];
// The process's own PATH with the project's Node first, as npm scripts have it.
const env = { ...process.env, PATH: `${join(root, "node_modules", ".bin")}:${process.env.PATH ?? ""}` };

const dir = mkdtempSync(join(tmpdir(), "blocked-forever-bench-results-"));
const resultsFile = join(dir, "results.jsonl");
const failed = [];
const started = performance.now();
try {
  for (const step of STEPS) {
    console.log(`\n=== ${step.name} ===`);
    const from = performance.now();
    const r = spawnSync(step.command, step.args, {
      cwd: root,
      stdio: "inherit",
      env: { ...env, BENCH_RESULTS: resultsFile },
    });
    const code = r.status ?? 1;
    console.log(`=== ${step.name}: exit ${code}, ${((performance.now() - from) / 1000).toFixed(0)} s ===`);
    if (code !== 0) failed.push({ name: step.name, code });
  }
  let figures = [];
  try {
    figures = readFileSync(resultsFile, "utf8")
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => JSON.parse(l));
  } catch {
    // No step recorded a figure: the table says so through the failed steps.
  }
  const cell = (s) => String(s).replaceAll("|", "\\|");
  const verdict = (met) => (met === null ? "(reported)" : met ? "met" : "NOT met");
  console.log(`\nnpm run bench: every figure, ${((performance.now() - started) / 60000).toFixed(1)} min in all\n`);
  console.log("| area | figure | aim | measured | |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const f of figures)
    console.log(`| ${f.group} | ${cell(f.figure)} | ${cell(f.aim ?? "-")} | ${cell(f.value)} | ${verdict(f.met)} |`);
  for (const f of failed) console.log(`| ${f.name} | the step failed | exit 0 | exit ${f.code} | NOT met |`);
  const missed = figures.filter((f) => f.met === false).length;
  console.log(
    `\n${figures.length} figures: ${missed} aims not met${failed.length > 0 ? `; ${failed.length} steps failed` : ""}.\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
// Only a failed step fails the run, as the steps chained with && did: the replay's exit 1 is its
// frame budget; the other aims are figures to read.
process.exitCode = failed[0]?.code ?? 0;
