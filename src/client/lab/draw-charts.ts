// Loaded lazily, once there is something to draw: Plot is the heaviest part of the lab.
import { plot } from "@observablehq/plot";
import type { LabSummary } from "../../lib/lab/lab-analysis.ts";
import { chartLines, LAB_CHARTS, labChartOptions, peakOf } from "../../lib/lab/lab-charts.ts";
import { el, num, type LabStrings } from "./lab-render.ts";
import { fill } from "../../i18n/fill.ts";

const HEIGHT = 220;

/** Yields to the page, so that each chart is drawn in its own task. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, 0);
  });
}

/**
 * Draws every chart the log has data for into `host`, one per task. Each chart is a figure named
 * by its caption and described in words; the SVG itself is hidden from assistive technology (and
 * stripped of Plot's aria-label attributes, which axe flags as prohibited).
 */
export async function drawCharts(
  host: HTMLElement,
  summary: LabSummary,
  t: LabStrings,
  lang: string,
  isCurrent: () => boolean,
): Promise<void> {
  host.replaceChildren();
  const width = Math.max(280, Math.min(960, host.clientWidth));
  let index = 0;
  for (const id of LAB_CHARTS) {
    const lines = chartLines(summary.series, id);
    if (lines.length === 0) continue;
    await nextTask();
    if (!isCurrent()) return;
    const words = t.chart[id];
    const figure = el("figure", "lab-chart");
    figure.dataset["chart"] = id;
    const captionId = `lab-chart-${index}-caption`;
    const descId = `lab-chart-${index}-desc`;
    index++;
    figure.setAttribute("aria-labelledby", captionId);
    figure.setAttribute("aria-describedby", descId);
    const caption = el("figcaption", "", words.title);
    caption.id = captionId;
    const legend = el("ul", "lab-legend");
    const dots = id === "heap" ? summary.series.forcedGcs : [];
    for (const l of lines) {
      const li = el("li");
      li.append(el("span", `lab-swatch lab-s${l.slot}${l.dashed === true ? " lab-dashed" : ""}`));
      const name = words.keys[l.key] ?? l.key;
      li.append(id === "goroutines" ? el("code", "", name) : name);
      legend.append(li);
    }
    if (dots.length > 0) {
      const li = el("li");
      li.append(el("span", "lab-swatch lab-dot-swatch lab-s0"), words.keys["forced"] ?? "forced");
      legend.append(li);
    }
    const drawStart = performance.now();
    const svg = plot(labChartOptions(lines, { width, height: HEIGHT }, { x: t.seconds, y: words.y }, dots));
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
        const name = words.keys[l.key] ?? l.key;
        if (peak === null) return "";
        return fill(t.linePeak, { name, peak: `${num(lang, peak.y, 3)} ${words.y}`, at: num(lang, peak.x, 3) });
      })
      .filter((s) => s !== "")
      .join(t.separator);
    const desc = el(
      "p",
      "lab-chart-desc",
      fill(t.chartDescription, { title: words.title, points: num(lang, points), peaks }),
    );
    desc.id = descId;
    figure.append(caption, legend, svg, desc);
    host.append(figure);
  }
}
