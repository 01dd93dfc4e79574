// Build-time only: the data and pictures a replay cell needs, from the recordings.
import { createHash } from "node:crypto";
import type { Lang } from "../i18n/lang.ts";
import { heapChartOptions } from "../lib/charts/heap-chart.ts";
import type { HeapSeries } from "../lib/charts/heap-series.ts";
import { replayVariant, toSeconds, type FixKind, type ReplayVariant } from "../lib/replay/replay-data.ts";
import { renderChart, type RenderedChart } from "./render-plot.ts";
import { loadRecording, programSource, recordedVersions, type ProgramName } from "./traces.ts";

/** What the replay widgets that need the cell's id (heap, mechanism, statuses) are given. */
export interface ReplayWidgetProps {
  lang: Lang;
  /** The replay cell's id: the prefix of the widget's element ids. */
  id: string;
}

/** The variants of the fix switch: hash value, program, label, and how its collectors get out. */
export const FIX_VARIANTS: readonly { key: string; program: ProgramName; label: string; fix: FixKind }[] = [
  { key: "leak", program: "leak", label: "leak", fix: "none" },
  { key: "timeout", program: "fix-timeout", label: "time.After", fix: "timeout" },
  { key: "close", program: "fix-close", label: "close", fix: "close" },
  { key: "context", program: "fix-context", label: "context", fix: "context" },
];

const cache = new Map<string, ReplayVariant>();

/** The replay data of the fix switch's variants (newest Go of each). */
export function fixReplayVariants(): ReplayVariant[] {
  return FIX_VARIANTS.map((v) => {
    const hit = cache.get(v.key);
    if (hit) return hit;
    const version = recordedVersions(v.program)[0] ?? "";
    const data = replayVariant({ ...v, source: programSource(v.program) }, loadRecording(v.program, version));
    cache.set(v.key, data);
    return data;
  });
}

/** One variant's replay data. */
export function fixReplayVariant(key: string): ReplayVariant {
  const v = fixReplayVariants().find((x) => x.key === key);
  if (v === undefined) throw new Error(`no replay variant ${key}`);
  return v;
}

/** The end (seconds) and top (MiB) every replay chart shares, so the fix switch keeps the axes. */
export function replayExtent(): { end: number; top: number } {
  const variants = fixReplayVariants();
  return {
    end: Math.max(...variants.map((v) => toSeconds(v.end))),
    top: Math.max(1, ...variants.flatMap((v) => v.heap.map((h) => Math.max(h.live, h.goal)))),
  };
}

/**
 * The heap staircase the replay shows, as a chart series: gctrace's live heap and goal from the
 * end of each GC on (the same steps the replay's readout and mechanism use), held to the end.
 */
export function replayHeapSeries(v: ReplayVariant): HeapSeries {
  const points = v.heap.map((h) => ({ t: toSeconds(h.t), liveMiB: h.live, goalMiB: h.goal }));
  const last = points.at(-1);
  if (last !== undefined && last.t < toSeconds(v.end)) points.push({ ...last, t: toSeconds(v.end) });
  const gcs = v.gcs.map((g) => ({
    t: toSeconds(g.end),
    n: g.n,
    liveMiB: g.live,
    goalMiB: g.goal,
    forced: g.forced,
    leakCheck: g.leakCheck,
  }));
  return { key: v.key, points, gcs, end: toSeconds(v.end) };
}

/**
 * One heap chart per variant, all on the same axes, each with a clip rectangle the client widens
 * to reveal the curve up to the clock (the whole curve shows faintly behind it).
 */
export function replayHeapCharts(
  cellId: string,
  labels: { time: string; heap: string },
  size: { width: number; height: number },
  sizeName: string,
): { key: string; chart: RenderedChart }[] {
  const extent = replayExtent();
  return fixReplayVariants().map((v) => ({
    key: v.key,
    chart: renderChart(
      heapChartOptions([replayHeapSeries(v)], size, labels, extent),
      "replay-heap-svg",
      `${cellId}-clip-${sizeName}-${v.key}`,
    ),
  }));
}

/** The two drawings of every replay chart: desktop, and phones (CSS shows the one that fits). */
export const REPLAY_CHART_SIZES = {
  wide: { width: 720, height: 260 },
  narrow: { width: 360, height: 240 },
} as const;

/**
 * Where the plot area of the replay's heap chart lies across its drawing, in percent of the width
 * (x0 to x1) and of the height (top to bottom), for each size. Every panel that draws time (the
 * lanes, the annotations, the cursors) places itself with these, so one second is the same number
 * of pixels in all of them at every width.
 */
export function replayGeometry(): Record<
  keyof typeof REPLAY_CHART_SIZES,
  { x0: number; x1: number; top: number; bottom: number }
> {
  const labels = { time: "", heap: "" };
  const of = (name: keyof typeof REPLAY_CHART_SIZES) => {
    const chart = replayHeapCharts("geometry", labels, REPLAY_CHART_SIZES[name], name)[0]?.chart;
    if (chart === undefined) throw new Error("no replay chart to measure");
    const pct = (v: number, of: number) => Math.round((v / of) * 100_000) / 1000;
    return {
      x0: pct(chart.x.range[0], chart.width),
      x1: pct(chart.x.range[1], chart.width),
      top: pct(Math.min(...chart.y.range), chart.height),
      bottom: pct(Math.max(...chart.y.range), chart.height),
    };
  };
  return { wide: of("wide"), narrow: of("narrow") };
}

/** The global the replay's data script sets, which replay-loader.ts reads. */
export const REPLAY_DATA_GLOBAL = "__blockedForeverReplay";

let dataScript: { file: string; text: string } | null = null;

/**
 * The replay's data as a classic script of its own, replay/data.<hash>.js: the page does not carry
 * it, and a page loads it only when a replay nears the viewport (a script, not a fetch, so it works
 * from file:// and under the CSP). A JSON string parsed once, which engines read faster than a
 * literal; the hash of its contents names it, so a browser may cache it for good.
 */
export function replayDataScript(): { file: string; text: string } {
  if (dataScript) return dataScript;
  const json = JSON.stringify(fixReplayVariants());
  const text = `window.${REPLAY_DATA_GLOBAL}=JSON.parse(${JSON.stringify(json)});\n`;
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 10);
  dataScript = { file: `data.${hash}.js`, text };
  return dataScript;
}
