// Parser benchmark (part of npm run bench, scripts/bench.mjs): throughput and memory of the
// streaming log parser, and stateAt lookups per second.
//   1. writes 50 MB and 100 MB logs of real runtime lines into a temp dir (not the repo);
//   2. for each, in separate processes: bare line splitting vs full parsing (MB/s, peak RSS), three
//      times each, alternating, and reports the median run of each (one run swings by ±20% here);
//   3. builds the leak recording (traces/leak/go1.27.3 when present, else the Go 1.27 fixture) and
//      times stateAt at random times.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildRecording } from "../src/lib/recording/build-recording.ts";
import { stateAt } from "../src/lib/recording/recording-at.ts";
import { makeLog } from "./bench/make-log.mjs";
import { median, reportFigure } from "./bench/results.mjs";

const MB = 1e6;
const measureScript = fileURLToPath(new URL("./bench/measure.mjs", import.meta.url));
const measure = (mode, file) =>
  JSON.parse(execFileSync(process.execPath, [measureScript, mode, file], { encoding: "utf8" }));

const dir = mkdtempSync(join(tmpdir(), "blocked-forever-bench-"));
try {
  const rows = [];
  for (const size of [50, 100]) {
    const file = join(dir, `log-${size}mb.txt`);
    const made = await makeLog(file, size * MB);
    // Warm the page cache so both modes read from memory.
    readFileSync(file);
    const runs = { split: [], validate: [], parse: [] };
    for (let i = 0; i < 3; i++) for (const mode of Object.keys(runs)) runs[mode].push(measure(mode, file));
    rows.push({ size, made, split: median(runs.split), validate: median(runs.validate), parse: median(runs.parse) });
  }

  console.log("\nStreaming parser (64 KiB chunks, one process per run, median of 3 runs)\n");
  console.log(
    "| input | lines | split MB/s | one regex test a line MB/s | parse MB/s | parse/split | split peak RSS | parse peak RSS | error records |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const { made, split, validate, parse } of rows) {
    const splitRate = split.bytes / MB / split.seconds;
    const parseRate = parse.bytes / MB / parse.seconds;
    const validateRate = validate.bytes / MB / validate.seconds;
    console.log(
      `| ${(made.bytes / MB).toFixed(0)} MB | ${parse.lines.toLocaleString("en")} | ${splitRate.toFixed(0)} | ${validateRate.toFixed(0)} | ${parseRate.toFixed(0)} | ` +
        `${(parseRate / splitRate).toFixed(2)} | ${(split.peakRss / MB).toFixed(0)} MB | ${(parse.peakRss / MB).toFixed(0)} MB | ${parse.errors.toLocaleString("en")} |`,
    );
    if (parse.lines !== made.lines || split.lines !== made.lines)
      throw new Error(`line count mismatch: wrote ${made.lines}, split ${split.lines}, parsed ${parse.lines}`);
  }
  const [small, large] = rows;
  console.log(
    `\nPeak RSS while parsing: ${(small.parse.peakRss / MB).toFixed(0)} MB for 50 MB, ${(large.parse.peakRss / MB).toFixed(0)} MB for 100 MB ` +
      `(x${(large.parse.peakRss / small.parse.peakRss).toFixed(2)} for x2 input).`,
  );
  for (const { made, split, validate } of rows) {
    // What stops the parser short of 0.5: testing each line against its pattern, and nothing more,
    // already costs this much of the split's speed (scripts/bench/validate-lines.mjs).
    reportFigure({
      group: "Parser",
      figure: `ceiling: one regex test per line, no field read / bare line split (${(made.bytes / MB).toFixed(0)} MB)`,
      aim: null,
      value: `${(split.seconds / validate.seconds).toFixed(2)} (${validate.validated.toLocaleString("en")} of ${validate.lines.toLocaleString("en")} lines match)`,
      met: null,
    });
  }
  for (const { made, split, parse } of rows) {
    const ratio = split.seconds / parse.seconds;
    reportFigure({
      group: "Parser",
      figure: `parse speed / bare line split (${(made.bytes / MB).toFixed(0)} MB)`,
      aim: ">= 0.5",
      value: `${ratio.toFixed(2)} (${(parse.bytes / MB / parse.seconds).toFixed(0)} vs ${(split.bytes / MB / split.seconds).toFixed(0)} MB/s)`,
      met: ratio >= 0.5,
    });
  }
  reportFigure({
    group: "Parser",
    figure: "peak RSS while parsing, 50 MB → 100 MB input",
    aim: "flat: 100 MB's <= 1.25 × 50 MB's",
    value: `${(small.parse.peakRss / MB).toFixed(0)} → ${(large.parse.peakRss / MB).toFixed(0)} MB (×${(large.parse.peakRss / small.parse.peakRss).toFixed(2)})`,
    met: large.parse.peakRss <= 1.25 * small.parse.peakRss,
  });

  const trace = fileURLToPath(new URL("../traces/leak/go1.27.3/", import.meta.url));
  const fixtures = fileURLToPath(new URL("../tests/fixtures/logs/", import.meta.url));
  const read = (path) => (existsSync(path) ? readFileSync(path, "utf8") : undefined);
  const fromTraces = existsSync(join(trace, "stderr.log"));
  const recording = fromTraces
    ? buildRecording({
        stderr: read(join(trace, "stderr.log")),
        metrics: read(join(trace, "metrics.jsonl")),
        transitions: read(join(trace, "transitions.jsonl")),
        leakProfile: read(join(trace, "leak-profile.txt")),
        meta: read(join(trace, "meta.json")),
      })
    : buildRecording({
        stderr: read(join(fixtures, "go1.27-leak-scheddetail.txt")),
        leakProfile: read(join(fixtures, "go1.27-leak-profile.txt")),
      });
  // Deterministic pseudo-random times (LCG), so runs are comparable.
  let seed = 42;
  const times = Array.from(
    { length: 4096 },
    () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32) * recording.end * 1.1,
  );
  let sink = 0;
  const n = 200_000;
  const start = performance.now();
  for (let i = 0; i < n; i++) sink += stateAt(recording, times[i & 4095]).logIndex;
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `\nstateAt on the leak recording (${fromTraces ? "traces/leak/go1.27.3" : "fixture go1.27-leak-scheddetail.txt"}: ` +
      `${recording.log.length} log lines, ${recording.gcs.length} GCs, ${recording.snapshots.length} snapshots, ${recording.goroutines.length} goroutines, ` +
      `${recording.metrics.length} metrics samples): ${Math.round(n / seconds).toLocaleString("en")} lookups/s (checksum ${sink})\n`,
  );
  reportFigure({
    group: "Recording",
    figure: "stateAt lookups on the leak recording",
    aim: null,
    value: `${Math.round(n / seconds).toLocaleString("en")} /s`,
    met: null,
  });

  // The probe's sampler asks for a sample every 20 ms; how close the recorded runs came is a
  // property of the machine that recorded them (a loaded machine stretches the gaps), so it is
  // reported here, not demanded by a test.
  console.log("Recorded sampler cadence (metrics.jsonl of each committed recording; aim: a sample every 20 ms)\n");
  console.log("| recording | samples | run | median gap | p95 gap | longest gap |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  const tracesDir = fileURLToPath(new URL("../traces/", import.meta.url));
  for (const program of readdirSync(tracesDir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const version of readdirSync(join(tracesDir, program.name))) {
      const file = join(tracesDir, program.name, version, "metrics.jsonl");
      if (!existsSync(file)) continue;
      const t = readFileSync(file, "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).tMs);
      const gaps = t
        .slice(1)
        .map((x, i) => x - t[i])
        .sort((a, b) => a - b);
      const at = (q) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))];
      console.log(
        `| ${program.name}/${version} | ${t.length} | ${((t.at(-1) - t[0]) / 1000).toFixed(2)} s | ` +
          `${at(0.5).toFixed(1)} ms | ${at(0.95).toFixed(1)} ms | ${gaps.at(-1).toFixed(1)} ms |`,
      );
    }
  }
  console.log("");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
