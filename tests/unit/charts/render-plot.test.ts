import { readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { heapChartOptions } from "../../../src/lib/charts/heap-chart.ts";
import { heapSeries } from "../../../src/lib/charts/heap-series.ts";
import { DOT_RADIUS } from "../../../src/server/compact-svg.ts";
import { renderChart, renderSvg, roundNumbers } from "../../../src/server/render-plot.ts";
import { loadRecording } from "../../../src/server/traces.ts";

const labels = { time: "time (s)", heap: "MiB" };
const size = { width: 720, height: 260 };
const leak = heapSeries("leak", loadRecording("leak"));

/** The rendered SVG as a DOM, to ask it what a reader (or a screen reader) would meet. */
const svgOf = (markup: string) => {
  const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
  const svg = document.querySelector("svg");
  if (!svg) throw new Error("no <svg> in the markup");
  return svg;
};

describe("renderSvg / renderChart (build-time Plot)", () => {
  it("hides the picture from assistive technology and drops Plot's aria attributes (axe: aria-prohibited-attr)", () => {
    const svg = svgOf(renderSvg(heapChartOptions([leak], size, labels), "heap-svg"));
    expect(svg.getAttribute("aria-hidden")).toBe("true");
    expect(svg.getAttribute("class")).toMatch(/ heap-svg$/);
    expect(svg.querySelectorAll("[aria-label], [aria-description]")).toHaveLength(0);
  });

  it("leaves the GC dots' common radius to charts.css, which gives them the same", () => {
    const svg = svgOf(renderSvg(heapChartOptions([leak], size, labels), "heap-svg"));
    const dots = [...svg.querySelectorAll(".heap-gc circle")];
    expect(dots.length).toBeGreaterThan(3);
    expect(dots.filter((d) => d.hasAttribute("r"))).toEqual([]);
    expect(dots.every((d) => d.parentElement?.classList.contains("p-dot"))).toBe(true);
    const css = readFileSync(new URL("../../../src/styles/charts.css", import.meta.url), "utf8");
    const rule = /:where\(\.bf-plot \.p-dot circle:not\(\[r\]\)\) \{([^}]*)\}/.exec(css)?.[1] ?? "";
    expect(/\br: ([\d.]+)px;/.exec(rule)?.[1]).toBe(DOT_RADIUS);
  });

  it("reports the x scale it drew with: seconds 0..end onto the plot area between the margins", () => {
    const chart = renderChart(heapChartOptions([leak], size, labels, { end: 6.5, top: 60 }), "c");
    expect(chart.x.domain).toEqual([0, 6.5]);
    expect(chart.x.range).toEqual([44, 720 - 12]);
  });

  it("with a clip id: the heap marks are clipped by a zero-width rectangle, over a faint unclipped copy of the whole curve", () => {
    const chart = renderChart(heapChartOptions([leak], size, labels), "c", "clip-leak");
    const svg = svgOf(chart.svg);
    const rect = svg.querySelector("clipPath#clip-leak rect");
    expect(rect?.getAttribute("width")).toBe("44");
    const clipped = [...svg.querySelectorAll("[clip-path]")];
    expect(clipped.length).toBeGreaterThan(0);
    expect(clipped.every((g) => (g.getAttribute("class") ?? "").startsWith("heap-"))).toBe(true);
    expect(clipped.every((g) => g.getAttribute("clip-path") === "url(#clip-leak)")).toBe(true);
    const future = [...svg.querySelectorAll(".future")];
    expect(future.map((g) => g.getAttribute("class")?.replace(" future", ""))).toEqual(
      clipped.map((g) => g.getAttribute("class")),
    );
    expect(future.some((g) => g.hasAttribute("clip-path"))).toBe(false);
    expect(chart.y.range[0]).toBeGreaterThan(chart.y.range[1]);
    expect([chart.width, chart.height]).toEqual([720, 260]);
  });

  it("draws one live and one goal line per series, and a dot per GC (forced ones apart)", () => {
    const fix = heapSeries("fix", loadRecording("fix-timeout"));
    const svg = svgOf(renderSvg(heapChartOptions([leak, fix], size, labels), "c"));
    for (const key of ["leak", "fix"]) {
      expect(svg.querySelectorAll(`.heap-live.series-${key} path`)).toHaveLength(1);
      expect(svg.querySelectorAll(`.heap-goal.series-${key} path`)).toHaveLength(1);
    }
    const forced = loadRecording("leak").gcs.filter((g) => g.forced).length;
    expect(svg.querySelectorAll(".heap-gc.forced.series-leak circle")).toHaveLength(forced);
  });

  it("rounds long decimals to hundredths and leaves short ones alone", () => {
    expect(roundNumbers('x="132.96296296296296" y="-0.004999" w="1.5" h="12"')).toBe('x="132.96" y="0" w="1.5" h="12"');
  });
});
