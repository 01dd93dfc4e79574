// Build-time only: makes the SVG that Plot writes smaller without changing the picture, with SVGO
// (the library made for the job) set to keep everything the page's CSS and client code rely on.
import { parseHTML } from "linkedom";
import { optimize, type Config } from "svgo";

/**
 * SVGO's default preset, less what would break the page: ids (the replay's clip rectangles are
 * found by id), rectangles (the replay widens its clip rect), groups and their attributes (CSS and
 * the client find marks by the class on their <g>: `.heap-live path`, `[class^='heap-']`), and
 * styles. What it does: bakes Plot's per-tick `translate(…)` into the path data and merges the
 * paths of one group (tick marks, grid lines, GC markers become one path each), writes path data
 * in relative, shortest form, at the hundredth of a pixel that roundNumbers keeps.
 */
const CONFIG: Config = {
  multipass: true,
  floatPrecision: 2,
  plugins: [
    {
      name: "preset-default",
      params: {
        overrides: {
          cleanupIds: false,
          convertShapeToPath: false,
          collapseGroups: false,
          moveElemsAttrsToGroup: false,
          moveGroupAttrsToElems: false,
          removeUnknownsAndDefaults: false,
          inlineStyles: false,
          minifyStyles: false,
          removeHiddenElems: false,
          removeEmptyContainers: false,
        },
      },
    },
  ],
};

/** Plot's own stylesheet, which it writes into every chart; charts.css states it once (`.bf-plot`). */
const PLOT_STYLE = /<style>[^<]*<\/style>/;

/**
 * The presentation attributes Plot writes on every chart and on each of its marks' groups, the
 * same few sets hundreds of times a page (about a fifth of a chart's bytes). Each set becomes one
 * short class whose rule in charts.css says the same, inside `:where()`: of no specificity, so any
 * other rule still overrides it as it overrode the attribute (`.heap-goal`'s stroke-width). Only an
 * element that carries the whole set, with these values, is changed; the root's set is checked on
 * the <svg>, the others on its groups. Longest sets first, so a group takes the one that fits best.
 */
export const SHARED_ATTRS: { cls: string; on: "svg" | "g"; attrs: Record<string, string> }[] = [
  {
    cls: "",
    on: "svg",
    attrs: {
      fill: "currentColor",
      "font-family": "system-ui, sans-serif",
      "font-size": "10",
      style: "background:transparent;font-size:12px",
      "text-anchor": "middle",
    },
  },
  {
    cls: "p-line",
    on: "g",
    attrs: {
      fill: "none",
      stroke: "currentColor",
      "stroke-linecap": "round",
      "stroke-linejoin": "round",
      "stroke-width": "1.5",
    },
  },
  { cls: "p-dot", on: "g", attrs: { fill: "none", stroke: "currentColor", "stroke-width": "1.5" } },
  { cls: "p-grid", on: "g", attrs: { stroke: "currentColor", "stroke-opacity": ".1" } },
  { cls: "p-tick", on: "g", attrs: { fill: "none", stroke: "currentColor" } },
  { cls: "p-num", on: "g", attrs: { "font-variant": "tabular-nums" } },
];

/** Replaces each SHARED_ATTRS set with its class; drops aria-hidden inside the hidden <svg>. */
function shareAttributes(svg: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector("svg");
  if (!root) return svg;
  for (const el of [root, ...root.querySelectorAll("g")]) {
    const on = el === root ? "svg" : "g";
    const set = SHARED_ATTRS.find(
      (s) => s.on === on && Object.entries(s.attrs).every(([k, v]) => el.getAttribute(k) === v),
    );
    if (set) {
      for (const k of Object.keys(set.attrs)) el.removeAttribute(k);
      // After the mark's own classes: code finds marks by how their class starts (`heap-`).
      if (set.cls) el.setAttribute("class", `${el.getAttribute("class") ?? ""} ${set.cls}`.trim());
    }
    // The whole chart is hidden from assistive technology (render-plot.ts); saying it again on
    // each group changes nothing.
    if (el !== root && root.getAttribute("aria-hidden") === "true") el.removeAttribute("aria-hidden");
  }
  // linkedom closes an empty element with " />"; SVGO wrote "/>".
  return root.outerHTML.replace(/(<[a-z][^<>]*?) \/>/g, "$1/>");
}

/**
 * Compacts one chart's SVG markup: drops Plot's per-chart <style> (the page's charts.css carries
 * the same rules once, for the `bf-plot` class this adds), runs SVGO (CONFIG) and puts the
 * presentation attributes every chart repeats into classes (SHARED_ATTRS).
 */
export function compactSvg(svg: string): string {
  const marked = svg.replace(PLOT_STYLE, "").replace(/^<svg([^>]*) class="/, '<svg$1 class="bf-plot ');
  return shareAttributes(optimize(marked, CONFIG).data);
}
