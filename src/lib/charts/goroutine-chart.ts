import { areaY, axisY, ruleY, text, type PlotOptions } from "@observablehq/plot";
import { timeAxis, timeFrame, type ChartSize } from "./time-frame.ts";
import { CHARTED_STATES, type StateCount } from "./goroutine-series.ts";

/** Axis labels of the goroutine chart. */
export interface GoroutineChartLabels {
  time: string;
  count: string;
  /** A label per variant key, for the facet rows. */
  variants: Record<string, string>;
}

/**
 * Goroutines by state over time: a stacked area per variant, one row per variant, sharing the
 * time axis. Fill colours come from CSS classes (`state-<name>`) via one area mark per state.
 */
export function goroutineChartOptions(
  data: readonly StateCount[],
  size: ChartSize,
  labels: GoroutineChartLabels,
): PlotOptions {
  const end = Math.max(0, ...data.map((d) => d.t));
  const keys = [...new Set(data.map((d) => d.key))];
  return {
    ...timeFrame(size),
    marginTop: 22,
    x: { domain: [0, end], label: labels.time },
    y: { label: labels.count, grid: true, nice: true },
    fy: { domain: keys, label: null, axis: null, padding: 0.25 },
    marks: [
      timeAxis(labels.time),
      axisY({ label: labels.count, labelArrow: "none", ticks: 3 }),
      ruleY([0]),
      // Each row names its variant in its top-right corner (the y label sits top-left).
      text(keys, {
        fy: (k: string) => k,
        text: (k: string) => labels.variants[k] ?? k,
        frameAnchor: "top-right",
        lineAnchor: "bottom",
        dy: -4,
        fontWeight: "bold",
      }),
      ...CHARTED_STATES.map((state) =>
        areaY(
          data.filter((d) => d.state === state),
          { x: "t", y1: "y1", y2: "y2", fy: "key", curve: "step-after", className: `state-area state-${state}` },
        ),
      ),
    ],
  };
}
