// Build-time only: makes the SVG that Plot writes smaller without changing the picture, with SVGO
// (the library made for the job) set to keep everything the page's CSS and client code rely on.
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
 * Compacts one chart's SVG markup: drops Plot's per-chart <style> (the page's charts.css carries
 * the same rules once, for the `bf-plot` class this adds) and runs SVGO (CONFIG).
 */
export function compactSvg(svg: string): string {
  const marked = svg.replace(PLOT_STYLE, "").replace(/^<svg([^>]*) class="/, '<svg$1 class="bf-plot ');
  return optimize(marked, CONFIG).data;
}
