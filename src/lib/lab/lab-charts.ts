import { axisX, axisY, dot, lineY, ruleX, ruleY, type PlotOptions } from "@observablehq/plot";
import type { ChartSize } from "../charts/time-frame.ts";
import type { XY } from "./downsample.ts";
import type { LabSeries, RunStart } from "./lab-summary.ts";

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

/** Which time a chart's x axis shows: seconds since the program started, or the wall clock of the log's prefixes. */
export type TimeAxis = "start" | "wall";

/** What a lab chart is drawn over besides its lines. */
export interface ChartFrame {
  /** The x range the chart covers (seconds, or seconds since 1970 on the wall-clock axis); the lines' own when absent. */
  domain?: readonly [number, number] | null;
  axis?: TimeAxis;
  /** Forced GCs, as dots. */
  dots?: readonly XY[];
  /** Where later runs begin, as thin rules. */
  runStarts?: readonly RunStart[];
}

/** The charts the lab draws, in page order. */
export const LAB_CHARTS = ["heap", "gcCpu", "stw", "mark", "sched", "goroutines"] as const;

/** One of {@link LAB_CHARTS}. */
export type LabChartId = (typeof LAB_CHARTS)[number];

/** The charts that put two logs side by side, in page order. */
export const COMPARE_CHARTS = ["heap", "pause", "gcCpu", "goroutines"] as const;

/** One of {@link COMPARE_CHARTS}. */
export type CompareChartId = (typeof COMPARE_CHARTS)[number];

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

/** The series of one log that a comparison chart draws. */
function compareSeries(series: LabSeries, id: CompareChartId): readonly XY[] {
  switch (id) {
    case "heap":
      return series.heapLive;
    case "pause":
      return series.pauseMs;
    case "gcCpu":
      return series.gcCpu;
    case "goroutines":
      return series.liveGoroutines;
  }
}

/** The two lines of a comparison chart: log A (slot 0) and log B (slot 1, dashed, so it reads without colour too). */
export function compareLines(a: LabSeries, b: LabSeries, id: CompareChartId): ChartLine[] {
  return [
    { key: "a", points: compareSeries(a, id), slot: 0 },
    { key: "b", points: compareSeries(b, id), slot: 1, dashed: true },
  ].filter((l) => l.points.length > 0);
}

/** The union of two x ranges, for charts that draw two logs on one axis. */
export function unionDomain(
  a: readonly [number, number] | null,
  b: readonly [number, number] | null,
): [number, number] | null {
  if (a === null) return b === null ? null : [b[0], b[1]];
  if (b === null) return [a[0], a[1]];
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

/**
 * The points of a line on the chosen axis: the wall-clock axis keeps only points with a wall time,
 * as Dates. On the start axis the points are drawn as they are (Plot reads only x and y), since
 * copying thousands of them showed in the time of the task that draws a chart.
 */
function onAxis(points: readonly XY[], axis: TimeAxis): readonly { x: number | Date; y: number }[] {
  if (axis === "start") return points;
  return points.flatMap((p) => (p.w === undefined ? [] : [{ x: new Date(p.w * 1000), y: p.y }]));
}

/** The largest y of the lines and dots, at least 1 (a loop: spreading thousands of values into Math.max is slow). */
function largestY(sets: readonly (readonly { y: number }[])[]): number {
  let max = 1;
  for (const points of sets) for (const p of points) if (p.y > max) max = p.y;
  return max;
}

/** The x range of the lines on the axis, 0 included; for charts not given the log's range. */
function xRange(lines: readonly ChartLine[], axis: TimeAxis): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const l of lines) {
    for (const p of l.points) {
      const x = axis === "wall" ? (p.w ?? NaN) : p.x;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
  }
  return [lo, hi];
}

/**
 * A lab line chart: one step line per series, over time, with optional dots (forced GCs) and
 * rules where runs begin. Pure and deterministic like the article's charts; colours come from
 * CSS classes (`lab-s<slot>`), so the page's theme applies. The data is already downsampled
 * (min/max per bucket). Every chart of a log is given the log's whole x range, so all of them
 * cover the same time, whatever their own lines reach.
 */
export function labChartOptions(
  lines: readonly ChartLine[],
  size: ChartSize,
  labels: AxisLabels,
  frame: ChartFrame = {},
): PlotOptions {
  const axis = frame.axis ?? "start";
  const dots = onAxis(frame.dots ?? [], axis);
  const drawn = lines.map((l) => ({ line: l, points: onAxis(l.points, axis) }));
  const yMax = largestY([...drawn.map((d) => d.points), dots]);
  let [x0, x1] = frame.domain ?? xRange(lines, axis);
  if (axis === "start") x0 = Math.min(0, x0);
  if (x1 <= x0) x1 = x0 + 1;
  const xDomain = axis === "wall" ? [new Date(x0 * 1000), new Date(x1 * 1000)] : [x0, x1];
  const rules = (frame.runStarts ?? [])
    .map((r) => (axis === "wall" ? (r.w === undefined ? null : new Date(r.w * 1000)) : r.x))
    .filter((x) => x !== null);
  return {
    width: size.width,
    height: size.height,
    marginLeft: 48,
    marginRight: 12,
    marginBottom: 36,
    style: { background: "transparent", fontSize: "12px" },
    x: { type: axis === "wall" ? "utc" : "linear", domain: xDomain, label: labels.x },
    y: { domain: [0, yMax * 1.05], label: labels.y, grid: true },
    marks: [
      axisX({
        label: labels.x,
        labelAnchor: "right",
        labelArrow: "none",
        ticks: Math.max(2, Math.floor(size.width / (axis === "wall" ? 110 : 90))),
      }),
      axisY({ label: labels.y, labelArrow: "none", ticks: Math.max(2, Math.floor(size.height / 45)) }),
      ruleY([0]),
      ...(rules.length > 0 ? [ruleX(rules, { className: "lab-run-rule" })] : []),
      ...drawn.map(({ line: l, points }) =>
        lineY(points, {
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
