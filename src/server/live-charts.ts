// Build time only: what the live widget shows beside the reader's run: the article's recording of
// the same fix, drawn like the replay's heap chart, and the frame those drawings have, so that the
// browser draws the live curve in the same place without Plot.
import { plot, type PlotOptions } from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { heapChartOptions, type HeapChartLabels } from "../lib/charts/heap-chart.ts";
import { heapSeries } from "../lib/charts/heap-series.ts";
import type { ChartSize } from "../lib/charts/time-frame.ts";
import type { ChartFrame } from "../lib/live/live-chart.ts";
import { LIVE_FIXES, RECORDED_PROGRAM, type LiveFix } from "../lib/live/live-params.ts";
import { renderSvg } from "./render-plot.ts";
import { loadRecording } from "./traces.ts";

/** The two drawings of each chart: side by side on a wide screen, and for phones. */
export const LIVE_SIZES = { wide: { width: 480, height: 260 }, narrow: { width: 360, height: 240 } } as const;

/** One recorded run, as the widget shows it. */
export interface RecordedRun {
  fix: LiveFix;
  program: string;
  goVersion: string;
  /** GOOS/GOARCH of the recording, e.g. "linux/amd64". */
  platform: string;
  /** The Ps its gctrace lines report (GOMAXPROCS). */
  procs: number;
  wide: string;
  narrow: string;
  /** The program's own forced GCs: when they started (s) and the live heap gctrace printed (MB); the recorder's leak check is left out, as in the article's figures. */
  forced: { n: number; t: number; liveMB: number }[];
}

const drawn = new Map<string, RecordedRun[]>();

/**
 * Each fix's recording (traces/leak, fix-timeout, fix-close, fix-context), drawn at both sizes;
 * drawn once per set of labels, as every page with the widget, its embed and its preview ask.
 */
export function recordedRuns(labels: HeapChartLabels): RecordedRun[] {
  const key = JSON.stringify(labels);
  let runs = drawn.get(key);
  if (runs === undefined) {
    runs = drawRecordedRuns(labels);
    drawn.set(key, runs);
  }
  return runs;
}

function drawRecordedRuns(labels: HeapChartLabels): RecordedRun[] {
  return LIVE_FIXES.map((fix) => {
    const program = RECORDED_PROGRAM[fix];
    const rec = loadRecording(program);
    const series = heapSeries(fix === "none" ? "leak" : "fix", rec);
    const draw = (size: ChartSize): string => renderSvg(heapChartOptions([series], size, labels), "heap-chart");
    const text = (key: string): string => {
      const v = rec.meta[key];
      return typeof v === "string" ? v : "?";
    };
    return {
      fix,
      program,
      goVersion: rec.goVersion ?? "?",
      platform: `${text("goos")}/${text("goarch")}`,
      procs: rec.gcs[0]?.procs ?? 0,
      wide: draw(LIVE_SIZES.wide),
      narrow: draw(LIVE_SIZES.narrow),
      forced: rec.gcs.filter((g) => g.forced && !g.leakCheck).map((g) => ({ n: g.n, t: g.t, liveMB: g.liveMB })),
    };
  });
}

/**
 * The live chart before any line has come: the recorded charts' frame and axes over the extent the
 * browser's first drawing will have, so nothing moves when the page's script takes over.
 */
export function emptyLiveChart(
  labels: HeapChartLabels,
  extent: { end: number; top: number },
): { wide: string; narrow: string } {
  const draw = (size: ChartSize): string => renderSvg(heapChartOptions([], size, labels, extent), "heap-chart");
  return { wide: draw(LIVE_SIZES.wide), narrow: draw(LIVE_SIZES.narrow) };
}

/** Where Plot put the plot area of a heap chart of this size: its margins, read from its scales. */
export function chartFrame(size: ChartSize, labels: HeapChartLabels): ChartFrame {
  const options: PlotOptions = heapChartOptions([], size, labels, { end: 1, top: 1 });
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const chart = plot({ ...options, document });
  const [left = 0, right = size.width] = (chart.scale("x")?.range ?? []) as number[];
  const [bottom = size.height, top = 0] = (chart.scale("y")?.range ?? []) as number[];
  return {
    width: size.width,
    height: size.height,
    marginTop: top,
    marginRight: size.width - right,
    marginBottom: size.height - bottom,
    marginLeft: left,
  };
}
