import { axisY, dot, lineY, ruleY, type PlotOptions } from "@observablehq/plot";
import type { HeapSeries } from "./heap-series.ts";
import { timeAxis, timeFrame, type ChartSize } from "./time-frame.ts";

/** Axis labels of the heap chart, in the page's language. */
export interface HeapChartLabels {
  time: string;
  heap: string;
}

/**
 * The heap chart: for each series, its live heap (solid) and heap goal (dashed) over time, and a
 * dot at each GC (filled when forced). Pure and deterministic: the same data and size give the same
 * options. The article draws it at build time (src/server/render-plot.ts, with a linkedom
 * document) for its figures and the replay, which only moves a clip and a cursor over it.
 * Colours come from CSS classes (`heap-live series-<key>`), so the page's theme applies.
 */
export function heapChartOptions(
  series: readonly HeapSeries[],
  size: ChartSize,
  labels: HeapChartLabels,
  /** A fixed extent (seconds, MiB), so that charts of different variants share their axes. */
  extent?: { end: number; top: number },
): PlotOptions {
  const end = extent?.end ?? Math.max(0, ...series.map((s) => s.end));
  const top = extent?.top ?? Math.max(1, ...series.flatMap((s) => s.points.map((p) => Math.max(p.liveMiB, p.goalMiB))));
  return {
    ...timeFrame(size),
    x: { domain: [0, end], label: labels.time },
    y: { domain: [0, top * 1.05], label: labels.heap, grid: true },
    marks: [
      timeAxis(labels.time, Math.min(10, Math.ceil(end))),
      axisY({ label: labels.heap, labelArrow: "none" }),
      ruleY([0]),
      ...series.flatMap((s) => [
        lineY(s.points, { x: "t", y: "goalMiB", curve: "step-after", className: `heap-goal series-${s.key}` }),
        lineY(s.points, { x: "t", y: "liveMiB", curve: "step-after", className: `heap-live series-${s.key}` }),
        dot(
          s.gcs.filter((g) => g.forced),
          { x: "t", y: "liveMiB", r: 3.5, className: `heap-gc forced series-${s.key}` },
        ),
        dot(
          s.gcs.filter((g) => !g.forced),
          { x: "t", y: "liveMiB", r: 4, symbol: "diamond", className: `heap-gc series-${s.key}` },
        ),
      ]),
    ],
  };
}
