// Build-time only: draws Plot charts to SVG markup with a linkedom document, so the page ships
// pictures, not Plot (docs/architecture.md, "Plot at build time").
import { plot, type PlotOptions } from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { compactSvg } from "./compact-svg.ts";

/**
 * Renders Plot options to an SVG string. The SVG is decoration for sighted readers: it is hidden
 * from assistive technology (the figure gives a text description and a data table instead), and
 * Plot's own aria-label attributes, which break axe's aria-prohibited-attr rule, are removed.
 */
export function renderSvg(options: PlotOptions, className: string): string {
  return renderChart(options, className).svg;
}

/** A chart's SVG markup and its x scale (data domain to pixel range), for a client that moves a cursor. */
export interface RenderedChart {
  svg: string;
  x: { domain: [number, number]; range: [number, number] };
  /** The y scale's pixel range (bottom, top), and the SVG's width and height. */
  y: { range: [number, number] };
  width: number;
  height: number;
}

/**
 * Renders a chart like renderSvg and also returns its x scale. With `clip`, the marks whose class
 * starts with "heap-" are clipped by a rectangle of that id (width 0: nothing shown yet), and a
 * faint copy of each (class "future") stays unclipped behind it: the replay reveals the curve up
 * to the current time by widening the rectangle, with no Plot in the browser, while the whole
 * recorded curve is there to see from the first frame.
 */
export function renderChart(options: PlotOptions, className: string, clip?: string): RenderedChart {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const chart = plot({ ...options, document });
  const svg = chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector("svg");
  if (!svg) throw new Error("Plot returned no <svg>");
  const scale = chart.scale("x");
  const domain = (scale?.domain ?? [0, 1]) as [number, number];
  const range = (scale?.range ?? [0, 1]) as [number, number];
  const yRange = (chart.scale("y")?.range ?? [0, 1]) as [number, number];
  const width = Number(svg.getAttribute("width") ?? 0);
  const height = Number(svg.getAttribute("height") ?? 0);
  if (clip !== undefined) {
    const defs = document.createElementNS("http://www.w3.org/2000/svg", "defs");
    const clipPath = document.createElementNS("http://www.w3.org/2000/svg", "clipPath");
    clipPath.setAttribute("id", clip);
    const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    for (const [k, v] of [
      ["x", 0],
      ["y", 0],
      ["width", range[0]],
      ["height", height],
    ] as const)
      rect.setAttribute(k, String(v));
    clipPath.appendChild(rect);
    defs.appendChild(clipPath);
    svg.insertBefore(defs, svg.firstChild);
    for (const g of svg.querySelectorAll("[class^='heap-']")) {
      const future = g.cloneNode(true) as Element;
      future.setAttribute("class", `${g.getAttribute("class") ?? ""} future`);
      g.parentNode?.insertBefore(future, g);
      g.setAttribute("clip-path", `url(#${clip})`);
    }
  }
  for (const el of svg.querySelectorAll("[aria-label]")) el.removeAttribute("aria-label");
  for (const el of svg.querySelectorAll("[aria-description]")) el.removeAttribute("aria-description");
  // Hidden from assistive technology; no `focusable="false"`, which only Internet Explorer and the
  // old Edge read (no SVG is a tab stop in a browser this site runs in).
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", `${svg.getAttribute("class") ?? ""} ${className}`.trim());
  return { svg: compactSvg(roundNumbers(svg.outerHTML)), x: { domain, range }, y: { range: yRange }, width, height };
}

/**
 * Rounds the coordinates Plot writes with full float precision (132.96296296296296) to two
 * decimals: a hundredth of a pixel is invisible, and it shrinks the page and makes the markup
 * stable across machines.
 */
export function roundNumbers(svg: string): string {
  return svg.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

/**
 * Splits a rendered chart into its frame (axes, grid, labels: everything but the "heap-" marks)
 * and its marks (with their clip), two SVGs of the same size. Charts that share their axes (the
 * replay's programs) then carry one frame between them instead of one each.
 */
export function splitFrameAndMarks(svg: string): { frame: string; marks: string } {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const frame = document.querySelector("svg");
  if (!frame) throw new Error("no <svg> to split");
  const marks = frame.cloneNode(true) as typeof frame;
  for (const el of frame.querySelectorAll("[class^='heap-'], defs")) el.remove();
  for (const el of [...marks.children]) {
    const cls = el.getAttribute("class") ?? "";
    if (el.tagName.toLowerCase() !== "defs" && !cls.startsWith("heap-")) el.remove();
  }
  return { frame: frame.outerHTML, marks: marks.outerHTML };
}
