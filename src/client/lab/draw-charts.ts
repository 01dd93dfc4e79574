// Loaded lazily, once there is something to draw: Plot is the heaviest part of the lab.
import { plot } from "@observablehq/plot";
import type { XY } from "../../lib/lab/downsample.ts";
import type { LabSummary } from "../../lib/lab/lab-summary.ts";
import {
  chartLines,
  COMPARE_CHARTS,
  compareLines,
  LAB_CHARTS,
  labChartOptions,
  peakOf,
  unionDomain,
  type ChartFrame,
  type ChartLine,
  type TimeAxis,
} from "../../lib/lab/lab-charts.ts";
import type { ChartWords } from "../../i18n/lab-en.ts";
import { fill } from "../../i18n/fill.ts";
import { el, nextTask, num, plural, type LabStrings } from "./lab-dom.ts";

const HEIGHT = 220;

/** What the charts of one drawing share. */
interface Drawing {
  host: HTMLElement;
  t: LabStrings;
  lang: string;
  width: number;
  axis: TimeAxis;
  xLabel: string;
  /** Distinguishes the ids of this drawing's figures from another's on the page. */
  idPrefix: string;
}

/** A time on the drawn axis, in words: seconds, or the time of day as the log printed it. */
function atText(d: Drawing, p: XY): string {
  if (d.axis === "wall" && p.w !== undefined) return new Date(p.w * 1000).toISOString().slice(11, 23);
  return `${num(d.lang, p.x, 3)} ${d.t.seconds}`;
}

/**
 * One chart as a figure named by its caption and described in words; the SVG itself is hidden
 * from assistive technology (and stripped of Plot's aria-label attributes, which axe flags).
 */
function figure(
  d: Drawing,
  id: string,
  index: number,
  words: ChartWords,
  lines: ChartLine[],
  frame: ChartFrame,
  extra = "",
): HTMLElement {
  const fig = el("figure", "lab-chart");
  fig.dataset["chart"] = id;
  const captionId = `${d.idPrefix}-${index}-caption`;
  const descId = `${d.idPrefix}-${index}-desc`;
  fig.setAttribute("aria-labelledby", captionId);
  fig.setAttribute("aria-describedby", descId);
  const caption = el("figcaption", "", words.title);
  caption.id = captionId;
  const legend = el("ul", "lab-legend");
  for (const l of lines) {
    const li = el("li");
    li.append(el("span", `lab-swatch lab-s${l.slot}${l.dashed === true ? " lab-dashed" : ""}`));
    const name = words.keys[l.key] ?? l.key;
    li.append(id === "goroutines" && !(l.key in words.keys) ? el("code", "", name) : name);
    legend.append(li);
  }
  if ((frame.dots ?? []).length > 0) {
    const li = el("li");
    li.append(el("span", "lab-swatch lab-dot-swatch lab-s0"), words.keys["forced"] ?? "forced");
    legend.append(li);
  }
  const drawStart = performance.now();
  const svg = plot(labChartOptions(lines, { width: d.width, height: HEIGHT }, { x: d.xLabel, y: words.y }, frame));
  performance.measure(`lab chart ${id}`, { start: drawStart });
  svg.setAttribute("aria-hidden", "true");
  svg.removeAttribute("aria-label");
  for (const e of svg.querySelectorAll("[aria-label], [aria-description]")) {
    e.removeAttribute("aria-label");
    e.removeAttribute("aria-description");
  }
  const points = lines.reduce((n, l) => n + l.points.length, 0);
  const peaks = lines
    .map((l) => {
      const peak = peakOf(l.points);
      if (peak === null) return "";
      const name = words.keys[l.key] ?? l.key;
      // Counts (goroutines, threads) need no unit after them; MiB, ms and % do.
      const unit = id === "goroutines" || id === "sched" ? "" : ` ${words.y}`;
      return fill(d.t.linePeak, { name, peak: `${num(d.lang, peak.y, 3)}${unit}`, at: atText(d, peak) });
    })
    .filter((s) => s !== "")
    .join(d.t.separator);
  const desc = el(
    "p",
    "lab-chart-desc",
    fill(d.t.chartDescription, { title: words.title, points: plural(d.lang, points, d.t.pointsCount), peaks }) + extra,
  );
  desc.id = descId;
  fig.append(caption, legend, svg, desc);
  return fig;
}

/** The x axis's label and the chart frame's domain for one log. */
function axisOf(s: LabSummary, t: LabStrings, axis: TimeAxis): { xLabel: string; domain: [number, number] | null } {
  if (axis === "wall") {
    const zone = s.prefix?.zone ?? null;
    return {
      xLabel: fill(t.axisWallLabel, { zone: zone === null ? "" : fill(t.prefixZone, { zone }) }),
      domain: s.series.wallDomain,
    };
  }
  return { xLabel: t.seconds, domain: s.series.domain };
}

/** Draws every chart the log has data for into `host`, each in a task of its own (nextTask), all over the whole log's time. */
export async function drawCharts(
  host: HTMLElement,
  summary: LabSummary,
  t: LabStrings,
  lang: string,
  isCurrent: () => boolean,
  axis: TimeAxis = "start",
): Promise<void> {
  host.replaceChildren();
  const { xLabel, domain } = axisOf(summary, t, axis);
  const d: Drawing = {
    host,
    t,
    lang,
    width: Math.max(280, Math.min(960, host.clientWidth)),
    axis,
    xLabel,
    idPrefix: "lab-chart",
  };
  let index = 0;
  for (const id of LAB_CHARTS) {
    const lines = chartLines(summary.series, id);
    if (lines.length === 0) continue;
    await nextTask();
    if (!isCurrent()) return;
    const frame: ChartFrame = {
      domain,
      axis,
      dots: id === "heap" ? summary.series.forcedGcs : [],
      runStarts: summary.series.runStarts,
    };
    const extra =
      id === "goroutines" && summary.peakDeadGoroutines > 0
        ? ` ${fill(t.deadNotDrawn, { n: num(lang, summary.peakDeadGoroutines) })}`
        : "";
    host.append(figure(d, id, index++, t.chart[id], lines, frame, extra));
  }
}

/** Draws log A against log B, both on one axis of seconds since each program started. */
export async function drawCompareCharts(
  host: HTMLElement,
  a: LabSummary,
  b: LabSummary,
  t: LabStrings,
  lang: string,
  isCurrent: () => boolean,
): Promise<void> {
  host.replaceChildren();
  const d: Drawing = {
    host,
    t,
    lang,
    width: Math.max(280, Math.min(960, host.clientWidth)),
    axis: "start",
    xLabel: t.seconds,
    idPrefix: "lab-compare-chart",
  };
  const domain = unionDomain(a.series.domain, b.series.domain);
  let index = 0;
  for (const id of COMPARE_CHARTS) {
    const lines = compareLines(a.series, b.series, id);
    if (lines.length === 0) continue;
    await nextTask();
    if (!isCurrent()) return;
    host.append(figure(d, id, index++, t.compare.chart[id], lines, { domain, axis: "start" }));
  }
}
