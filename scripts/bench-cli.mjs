#!/usr/bin/env node
// CLI benchmark: `blocked-forever parse` on a 100 MB log of real runtime lines (make-log.mjs), to
// JSON Lines and to CSV, against a bare Node line split of the same file (scripts/bench/measure.mjs
// split: 64 KiB reads, UTF-8 decoding, LineSplitter), in the same run, alternating, three times each:
// the median wall time of each, Node's start included for both. The CLI's output goes through a
// pipe into this process, as into `| jq`. Then its peak RSS (maxrss) at 50 and 200 MB.
//   node scripts/bench-cli.mjs
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeLog } from "./bench/make-log.mjs";
import { median, reportFigure } from "./bench/results.mjs";

const MB = 1e6;
const bin = fileURLToPath(new URL("../bin/blocked-forever.mjs", import.meta.url));
const measureScript = fileURLToPath(new URL("./bench/measure.mjs", import.meta.url));
const peakRssScript = fileURLToPath(new URL("./bench/peak-rss.mjs", import.meta.url));

const dir = mkdtempSync(join(tmpdir(), "blocked-forever-bench-cli-"));

/** Runs node with `args`, reading its stdout; resolves to the wall time, the bytes out and the peak RSS. */
function run(args) {
  const rssFile = join(dir, "peak-rss");
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ["--import", peakRssScript, ...args], {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, BENCH_PEAK_RSS: rssFile },
    });
    let bytes = 0;
    child.stdout.on("data", (b) => (bytes += b.length));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - start) / 1000;
      if (code !== 0) reject(new Error(`${args.join(" ")} exited with ${code}`));
      else resolve({ seconds, bytes, peakRss: Number(readFileSync(rssFile, "utf8")) });
    });
  });
}
const split = (file) => run([measureScript, "split", file]);
const cli = (format, file) => run([bin, "parse", "--format", format, file]);

try {
  const file = join(dir, "log-100mb.txt");
  const made = await makeLog(file, 100 * MB);
  readFileSync(file); // into the page cache, so every run reads from memory
  const runs = { split: [], jsonl: [], csv: [] };
  for (let i = 0; i < 3; i++) {
    runs.split.push(await split(file));
    runs.jsonl.push(await cli("jsonl", file));
    runs.csv.push(await cli("csv", file));
  }
  const [s, j, c] = [median(runs.split), median(runs.jsonl), median(runs.csv)];
  const rate = (r) => made.bytes / MB / r.seconds;

  const rss = [];
  for (const size of [50, 200]) {
    const f = join(dir, `log-${size}mb.txt`);
    const m = await makeLog(f, size * MB);
    readFileSync(f);
    rss.push({ size, made: m, jsonl: await cli("jsonl", f), csv: await cli("csv", f) });
    rmSync(f);
  }

  console.log(
    `\nblocked-forever parse, ${(made.bytes / MB).toFixed(0)} MB (${made.lines.toLocaleString("en")} lines), ` +
      "median of 3 alternating runs, wall time with Node's start\n",
  );
  console.log("| run | seconds | input MB/s | output | peak RSS |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  const row = (name, r, out) =>
    console.log(
      `| ${name} | ${r.seconds.toFixed(2)} | ${rate(r).toFixed(0)} | ${out} | ${(r.peakRss / MB).toFixed(0)} MB |`,
    );
  row("bare line split", s, "-");
  row("parse (JSON Lines)", j, `${(j.bytes / MB).toFixed(0)} MB`);
  row("parse --format csv", c, `${(c.bytes / MB).toFixed(0)} MB`);
  console.log(`\nPeak RSS by input size:`);
  for (const r of rss)
    console.log(
      `  ${(r.made.bytes / MB).toFixed(0)} MB: JSON Lines ${(r.jsonl.peakRss / MB).toFixed(0)} MB, ` +
        `CSV ${(r.csv.peakRss / MB).toFixed(0)} MB (${r.jsonl.seconds.toFixed(2)} s and ${r.csv.seconds.toFixed(2)} s)`,
    );
  console.log("");

  const jsonlRatio = s.seconds / j.seconds;
  const csvRatio = c.seconds / j.seconds;
  reportFigure({
    group: "CLI",
    figure: "JSON Lines speed / bare line split (100 MB)",
    aim: ">= 0.25",
    value: `${jsonlRatio.toFixed(2)} (${rate(j).toFixed(0)} vs ${rate(s).toFixed(0)} MB/s)`,
    met: jsonlRatio >= 0.25,
  });
  reportFigure({
    group: "CLI",
    figure: "CSV time / JSON Lines time (100 MB)",
    aim: "<= 1.5",
    value: `${csvRatio.toFixed(2)} (${c.seconds.toFixed(2)} vs ${j.seconds.toFixed(2)} s)`,
    met: csvRatio <= 1.5,
  });
  // Flat: four times the input may not take more than a quarter more memory.
  for (const format of ["jsonl", "csv"]) {
    const [small, large] = rss.map((r) => r[format].peakRss);
    reportFigure({
      group: "CLI",
      figure: `${format === "jsonl" ? "JSON Lines" : "CSV"} peak RSS, 50 MB → 200 MB input`,
      aim: "flat: 200 MB's <= 1.25 × 50 MB's",
      value: `${(small / MB).toFixed(0)} → ${(large / MB).toFixed(0)} MB (×${(large / small).toFixed(2)})`,
      met: large <= 1.25 * small,
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
