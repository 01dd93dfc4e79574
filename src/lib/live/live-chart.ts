import type { LiveHeapPoint } from "./live-output.ts";

/**
 * A chart's size and margins in CSS pixels. The page takes them from the frame the article's Plot
 * charts share (src/lib/charts/time-frame.ts, as Plot laid it out at build time), so the live
 * chart lines up with the recorded one beside it without Plot in the browser.
 */
export interface ChartFrame {
  width: number;
  height: number;
  marginTop: number;
  marginRight: number;
  marginBottom: number;
  marginLeft: number;
}

/** A tick: where it goes along its axis, and its label. */
export interface Tick {
  at: number;
  label: string;
}

/** What the live heap chart draws, in pixels: the staircases as path data, the GC dots, the ticks. */
export interface LiveChartGeometry {
  live: string;
  goal: string;
  gcs: { x: number; y: number; forced: boolean }[];
  xTicks: Tick[];
  yTicks: Tick[];
}

/**
 * Round tick values from 0 up to `max`: about `count` of them, 1, 2 or 5 times a power of ten
 * apart, chosen the way d3's ticks (and so Plot's axes) choose them, so that the live chart's axis
 * reads like the recorded one's.
 */
export function niceTicks(max: number, count: number): number[] {
  if (!(max > 0) || !(count > 0)) return [0];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  const step = (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.SQRT2 ? 2 : 1) * power;
  const ticks: number[] = [];
  for (let i = 0; i * step <= max + step * 1e-9; i++) ticks.push(Math.round(i * step * 1e6) / 1e6);
  return ticks;
}

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/**
 * Lays out the live heap: x from 0 to `extent.end` seconds, y from 0 to `extent.top` MiB (plus 5%
 * headroom, as the recorded charts have). Both lines are step-after staircases, like the replay's
 * curves: a value holds from one GC to the next, and the last one holds until `now`.
 */
export function liveChartGeometry(
  points: readonly LiveHeapPoint[],
  frame: ChartFrame,
  extent: { end: number; top: number },
  now: number,
): LiveChartGeometry {
  const x0 = frame.marginLeft;
  const x1 = frame.width - frame.marginRight;
  const y0 = frame.height - frame.marginBottom;
  const y1 = frame.marginTop;
  const top = extent.top * 1.05;
  const x = (t: number): number => x0 + (Math.min(t, extent.end) / extent.end) * (x1 - x0);
  const y = (mib: number): number => y0 - (mib / top) * (y0 - y1);
  const stairs = (value: (p: LiveHeapPoint) => number): string => {
    if (points.length === 0) return "";
    const parts = points.map((p, i) => {
      const px = fmt(x(p.t));
      return i === 0 ? `M${px},${fmt(y(value(p)))}` : `H${px}V${fmt(y(value(p)))}`;
    });
    const last = points.at(-1);
    if (last !== undefined && now > last.t) parts.push(`H${fmt(x(now))}`);
    return parts.join("");
  };
  return {
    live: stairs((p) => p.liveMiB),
    goal: stairs((p) => p.goalMiB),
    gcs: points.map((p) => ({ x: x(p.t), y: y(p.liveMiB), forced: p.forced })),
    xTicks: niceTicks(extent.end, Math.min(10, Math.ceil(extent.end))).map((t) => ({ at: x(t), label: String(t) })),
    // Plot's default: a y tick every 35 pixels or so.
    yTicks: niceTicks(top, (y0 - y1) / 35)
      .filter((v) => v <= top)
      .map((v) => ({ at: y(v), label: String(v) })),
  };
}

/**
 * The extent of a run's chart: the whole planned run in time (`seconds`), and in MiB the most of
 * the buffers the run allocates, the live heaps and goals it has printed so far. Fixed from the
 * start where it can be, so the axes do not jump while the curve grows.
 */
export function liveExtent(
  points: readonly LiveHeapPoint[],
  seconds: number,
  bufferTotalMiB: number,
): { end: number; top: number } {
  const top = Math.max(1, bufferTotalMiB, ...points.map((p) => Math.max(p.liveMiB, p.goalMiB)));
  const end = Math.max(seconds, ...points.map((p) => p.t));
  return { end, top };
}
