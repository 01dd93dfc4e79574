// Build-time only: draws Plot charts to SVG markup with a linkedom document, so the page ships
// pictures, not Plot (design.md: Plot in the browser is heavy).
import { plot, type PlotOptions } from "@observablehq/plot";
import { parseHTML } from "linkedom";

/**
 * Renders Plot options to an SVG string. The SVG is decoration for sighted readers: it is hidden
 * from assistive technology (the figure gives a text description and a data table instead), and
 * Plot's own aria-label attributes, which break axe's aria-prohibited-attr rule, are removed.
 */
export function renderSvg(options: PlotOptions, className: string): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const chart = plot({ ...options, document });
  const svg = chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector("svg");
  if (!svg) throw new Error("Plot returned no <svg>");
  for (const el of svg.querySelectorAll("[aria-label]")) el.removeAttribute("aria-label");
  for (const el of svg.querySelectorAll("[aria-description]")) el.removeAttribute("aria-description");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("class", `${svg.getAttribute("class") ?? ""} ${className}`.trim());
  return roundNumbers(svg.outerHTML);
}

/**
 * Rounds the coordinates Plot writes with full float precision (132.96296296296296) to two
 * decimals: a hundredth of a pixel is invisible, and it shrinks the page and makes the markup
 * stable across machines.
 */
export function roundNumbers(svg: string): string {
  return svg.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
}
