import { liveChartGeometry, type ChartFrame } from "../../lib/live/live-chart.ts";
import type { LiveHeapPoint } from "../../lib/live/live-output.ts";

const SVG = "http://www.w3.org/2000/svg";
const fmt = (n: number): string => String(Math.round(n * 100) / 100);

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** What one drawing of the live chart needs besides its points. */
export interface ChartInput {
  frame: ChartFrame;
  extent: { end: number; top: number };
  /** Seconds of program time the run has reached: the last step holds until then. */
  now: number;
  /** `series-leak` or `series-fix`, so the curve takes the recorded chart's colour. */
  series: string;
  labels: { time: string; heap: string };
}

/**
 * Draws the live heap as the article's Plot charts look (src/lib/charts/heap-chart.ts): the same
 * frame, grid, tick and label placement and the same classes (heap-live, heap-goal, heap-gc), so
 * the page's theme colours it; but with a few SVG elements of its own, since the article does not
 * load Plot. Redrawn whole on every GC line: a run has a dozen of them.
 */
export function drawHeapChart(host: Element, points: readonly LiveHeapPoint[], input: ChartInput): void {
  const { frame, labels } = input;
  const g = liveChartGeometry(points, frame, input.extent, input.now);
  const x0 = frame.marginLeft;
  const x1 = frame.width - frame.marginRight;
  const y0 = frame.height - frame.marginBottom;
  const svg = el("svg", {
    viewBox: `0 0 ${String(frame.width)} ${String(frame.height)}`,
    width: frame.width,
    height: frame.height,
    class: "live-heap-svg",
    "aria-hidden": "true",
    fill: "currentColor",
    "font-size": 12,
    "font-family": "system-ui, sans-serif",
  });
  const grid = el("g", { stroke: "currentColor", "stroke-opacity": 0.1 });
  const yTicks = el("g", { stroke: "currentColor" });
  const yLabels = el("g", { "text-anchor": "end", "font-variant": "tabular-nums" });
  for (const t of g.yTicks) {
    grid.append(el("line", { x1: x0, x2: x1, y1: t.at, y2: t.at }));
    yTicks.append(el("line", { x1: x0 - 6, x2: x0, y1: t.at, y2: t.at }));
    yLabels.append(el("text", { x: x0 - 9, y: t.at, dy: "0.32em" }, t.label));
  }
  const xTicks = el("g", { stroke: "currentColor" });
  const xLabels = el("g", { "text-anchor": "middle", "font-variant": "tabular-nums" });
  for (const t of g.xTicks) {
    xTicks.append(el("line", { x1: t.at, x2: t.at, y1: y0, y2: y0 + 6 }));
    xLabels.append(el("text", { x: t.at, y: y0 + 9, dy: "0.71em" }, t.label));
  }
  svg.append(
    grid,
    xTicks,
    xLabels,
    el("text", { x: x1, y: y0 + 34, "text-anchor": "end" }, labels.time),
    yTicks,
    yLabels,
    el("text", { x: 3, y: 3, dy: "0.71em" }, labels.heap),
    el("line", { x1: x0, x2: x1, y1: y0, y2: y0, stroke: "currentColor" }),
    el("path", { d: g.goal, fill: "none", "stroke-linejoin": "round", class: `heap-goal ${input.series}` }),
    el("path", { d: g.live, fill: "none", "stroke-linejoin": "round", class: `heap-live ${input.series}` }),
  );
  // As the recorded chart marks them: a filled dot for a forced GC, a diamond for an automatic one.
  for (const dot of g.gcs) {
    const at = `translate(${fmt(dot.x)},${fmt(dot.y)})`;
    const cls = `heap-gc ${dot.forced ? "forced " : ""}${input.series}`;
    svg.append(
      dot.forced
        ? el("circle", { r: 3.5, transform: at, class: cls })
        : el("path", { d: "M0,-6.6L3.81,0L0,6.6L-3.81,0Z", transform: at, class: cls }),
    );
  }
  host.replaceChildren(svg);
}
