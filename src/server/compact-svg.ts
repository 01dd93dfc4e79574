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
/** The class Plot names its stylesheet's rules by (`plot-d6a7b5`): with the stylesheet gone, nothing reads it. */
const PLOT_CLASS = /^(<svg[^>]*? class=")plot-[0-9a-f]{6}\b ?/;

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

/** A plain `translate(x y)` (or `translate(x)`), as Plot writes on each tick label. */
const TRANSLATE = /^translate\((-?[\d.]+)(?:[ ,](-?[\d.]+))?\)$/;

/**
 * Tick labels: Plot places each with `transform="translate(x y)"` and shifts it by `y=".71em"`;
 * the same place as `x`, `y` and `dy` is 20 bytes shorter, on every label of every chart.
 */
function placeLabels(root: Element): void {
  for (const label of root.querySelectorAll("text[transform]")) {
    const m = TRANSLATE.exec(label.getAttribute("transform") ?? "");
    if (!m || label.hasAttribute("x") || label.hasAttribute("dy") || label.hasAttribute("dx")) continue;
    const y = label.getAttribute("y");
    if (y !== null && !y.endsWith("em")) continue;
    label.removeAttribute("transform");
    label.setAttribute("x", m[1] ?? "0");
    label.setAttribute("y", m[2] ?? "0");
    if (y !== null) label.setAttribute("dy", y);
  }
}

/** A grid's lines (x1, x2, y1, y2 and nothing else each) as one path, which draws the same strokes. */
function mergeGridLines(root: Element): void {
  for (const grid of root.querySelectorAll("g.p-grid")) {
    const lines = [...grid.children];
    const plain = lines.every(
      (l) =>
        l.tagName.toLowerCase() === "line" &&
        l.attributes.length === 4 &&
        ["x1", "x2", "y1", "y2"].every((a) => l.hasAttribute(a)),
    );
    if (!plain || lines.length < 2) continue;
    const d = lines
      .map((l) => {
        const [x1, x2, y1, y2] = ["x1", "x2", "y1", "y2"].map((a) => l.getAttribute(a) ?? "0");
        if (y1 === y2) return `M${x1 ?? "0"} ${y1 ?? "0"}H${x2 ?? "0"}`;
        if (x1 === x2) return `M${x1 ?? "0"} ${y1 ?? "0"}V${y2 ?? "0"}`;
        return `M${x1 ?? "0"} ${y1 ?? "0"}L${x2 ?? "0"} ${y2 ?? "0"}`;
      })
      .join("");
    const path = root.ownerDocument.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", d);
    grid.replaceChildren(path);
  }
}

/**
 * The radius the heap chart gives its GC markers (heap-chart.ts), a hundred dots a page. A dot of
 * this radius in a `p-dot` group loses its `r`, and charts.css gives it the same radius as a CSS
 * property (`:where(.bf-plot .p-dot circle:not([r]))`): a dot of any other radius keeps its own.
 */
export const DOT_RADIUS = "3.5";

function shareDotRadius(root: Element): void {
  for (const dot of root.querySelectorAll("g.p-dot > circle")) {
    if (dot.getAttribute("r") === DOT_RADIUS) dot.removeAttribute("r");
  }
}

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
  placeLabels(root);
  mergeGridLines(root);
  shareDotRadius(root);
  // linkedom closes an empty element with " />"; SVGO wrote "/>".
  return root.outerHTML.replace(/(<[a-z][^<>]*?) \/>/g, "$1/>");
}

/**
 * Compacts one chart's SVG markup: drops Plot's per-chart <style> and the class it styles (the
 * page's charts.css carries the same rules once, for the `bf-plot` class this adds), runs SVGO (CONFIG), puts the
 * presentation attributes every chart repeats into classes (SHARED_ATTRS), places tick labels by
 * x and y (placeLabels), draws a grid as one path (mergeGridLines) and leaves the common dot radius
 * to CSS (shareDotRadius): SVGO does none of these.
 */
export function compactSvg(svg: string): string {
  const marked = svg
    .replace(PLOT_STYLE, "")
    .replace(PLOT_CLASS, "$1")
    .replace(/^<svg([^>]*) class="/, '<svg$1 class="bf-plot ');
  return shareAttributes(optimize(marked, CONFIG).data);
}
