// Build-time only: the data and pictures a replay cell needs, from the recordings.
import { heapChartOptions } from "../lib/charts/heap-chart.ts";
import { heapSeries } from "../lib/charts/heap-series.ts";
import { replayVariant, type ReplayVariant } from "../lib/replay/replay-data.ts";
import { renderChart, type RenderedChart } from "./render-plot.ts";
import { loadRecording, recordedVersions, type ProgramName } from "./traces.ts";

/** The variants of the fix switch: hash value, program, label. */
export const FIX_VARIANTS: readonly { key: string; program: ProgramName; label: string }[] = [
  { key: "leak", program: "leak", label: "leak" },
  { key: "timeout", program: "fix-timeout", label: "time.After" },
  { key: "close", program: "fix-close", label: "close" },
  { key: "context", program: "fix-context", label: "context" },
];

const cache = new Map<string, ReplayVariant>();

/** The replay data of the fix switch's variants (newest Go of each). */
export function fixReplayVariants(): ReplayVariant[] {
  return FIX_VARIANTS.map((v) => {
    const hit = cache.get(v.key);
    if (hit) return hit;
    const version = recordedVersions(v.program)[0] ?? "";
    const data = replayVariant(v, loadRecording(v.program, version));
    cache.set(v.key, data);
    return data;
  });
}

/**
 * One heap chart per variant, all on the same axes (the longest run, the highest value), each with
 * a clip rectangle and a cursor for the client to move.
 */
export function replayHeapCharts(
  cellId: string,
  labels: { time: string; heap: string },
  size: { width: number; height: number },
  sizeName: string,
): { key: string; chart: RenderedChart }[] {
  const series = FIX_VARIANTS.map((v) => heapSeries(v.key, loadRecording(v.program)));
  const end = Math.max(...series.map((s) => s.end));
  const top = Math.max(1, ...series.flatMap((s) => s.points.map((p) => Math.max(p.liveMiB, p.goalMiB))));
  return series.map((s) => ({
    key: s.key,
    chart: renderChart(
      heapChartOptions([s], size, labels, { end, top }),
      "replay-heap-svg",
      `${cellId}-clip-${sizeName}-${s.key}`,
    ),
  }));
}
