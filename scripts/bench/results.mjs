// The figures a sub-bench hands to the one table that npm run bench prints (scripts/bench.mjs):
// when BENCH_RESULTS names a file, each figure is appended to it as one JSON line. Run alone, a
// sub-bench prints only its own human output.
import { appendFileSync } from "node:fs";

/**
 * Records one figure: what is measured, its aim in words, the measured value in words, and whether
 * the aim is met (null when the figure has no aim: it is reported only).
 */
export function reportFigure({ group, figure, aim, value, met }) {
  const file = process.env.BENCH_RESULTS;
  if (!file) return;
  appendFileSync(file, JSON.stringify({ group, figure, aim, value, met }) + "\n");
}

/** The run with the median time, of runs `{ seconds }`. */
export const median = (runs) => [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)];
