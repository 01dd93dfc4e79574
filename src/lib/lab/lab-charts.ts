import { axisX, axisY, dot, lineY, ruleY, type PlotOptions } from "@observablehq/plot";
import type { ChartSize } from "../charts/time-frame.ts";
import type { XY } from "./downsample.ts";
import type { LabSeries } from "./lab-analysis.ts";

/** One line of a lab chart: its points and the CSS class that colours it (`lab-s<N>`). */
export interface ChartLine {
  key: string;
  points: readonly XY[];
  /** Colour slot 0–7; the page maps slots to theme colours. */
  slot: number;
  dashed?: boolean;
}

/** Axis labels, in the page's language. */
export interface AxisLabels {
  x: string;
  y: string;
}

/** The charts the lab draws, in page order. */
export const LAB_CHARTS = ["heap", "gcCpu", "stw", "mark", "sched", "goroutines"] as const;

/** One of {@link LAB_CHARTS}. */
export type LabChartId = (typeof LAB_CHARTS)[number];

/**
 * The lines of one chart, from the summary's series; empty when the log has nothing for it
 * (no gctrace, no schedtrace, no scheddetail).
 */
export function chartLines(series: LabSeries, id: LabChartId): ChartLine[] {
  const lines: ChartLine[] = (() => {
    switch (id) {
      case "heap":
        return [
          { key: "goal", points: series.heapGoal, slot: 2, dashed: true },
          { key: "start", points: series.heapStart, slot: 3 },
          { key: "end", points: series.heapEnd, slot: 1 },
          { key: "live", points: series.heapLive, slot: 0 },
        ];
      case "gcCpu":
        return [{ key: "cpu", points: series.gcCpu, slot: 0 }];
      case "stw":
        return [
          { key: "sweepTerm", points: series.sweepTermMs, slot: 0 },
          { key: "markTerm", points: series.markTermMs, slot: 1 },
        ];
      case "mark":
        return [{ key: "mark", points: series.markMs, slot: 4 }];
      case "sched":
        return [
          { key: "threads", points: series.threads, slot: 0 },
          { key: "idleProcs", points: series.idleProcs, slot: 1 },
          { key: "runqueue", points: series.runqueue, slot: 2 },
          { key: "localRunqueues", points: series.localRunqueues, slot: 3 },
        ];
      case "goroutines":
        return series.goroutines.map((s, i) => ({ key: s.name, points: s.points, slot: i }));
    }
  })();
  return lines.filter((l) => l.points.length > 0);
}

/**
 * A lab line chart: one step line per series, over time, with optional dots (forced GCs). Pure
 * and deterministic like the article's charts; colours come from CSS classes (`lab-s<slot>`), so
 * the page's theme applies. The data is already downsampled (min/max per bucket).
 */
export function labChartOptions(
  lines: readonly ChartLine[],
  size: ChartSize,
  labels: AxisLabels,
  dots: readonly XY[] = [],
): PlotOptions {
  const all = lines.flatMap((l) => l.points);
  const xMax = Math.max(0, ...all.map((p) => p.x));
  const xMin = Math.min(xMax, ...all.map((p) => p.x));
  const yMax = Math.max(1, ...all.map((p) => p.y), ...dots.map((p) => p.y));
  return {
    width: size.width,
    height: size.height,
    marginLeft: 48,
    marginRight: 12,
    marginBottom: 36,
    style: { background: "transparent", fontSize: "12px" },
    x: { domain: [Math.min(0, xMin), xMax === 0 ? 1 : xMax], label: labels.x },
    y: { domain: [0, yMax * 1.05], label: labels.y, grid: true },
    marks: [
      axisX({
        label: labels.x,
        labelAnchor: "right",
        labelArrow: "none",
        ticks: Math.max(2, Math.floor(size.width / 90)),
      }),
      axisY({ label: labels.y, labelArrow: "none", ticks: Math.max(2, Math.floor(size.height / 45)) }),
      ruleY([0]),
      ...lines.map((l) =>
        lineY(l.points, {
          x: "x",
          y: "y",
          curve: "step-after",
          className: `lab-line lab-s${l.slot}${l.dashed === true ? " lab-dashed" : ""}`,
        }),
      ),
      ...(dots.length > 0 ? [dot(dots, { x: "x", y: "y", r: 3.5, className: "lab-dot lab-s0" })] : []),
    ],
  };
}

/** The largest point of a set of lines, for the chart's text description; null when empty. */
export function peakOf(points: readonly XY[]): XY | null {
  let best: XY | null = null;
  for (const p of points) if (best === null || p.y > best.y) best = p;
  return best;
}
