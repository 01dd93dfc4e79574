import type { PlotOptions } from "@observablehq/plot";
import type { Strings } from "../i18n/en.ts";
import { STRINGS, type Lang } from "../i18n/lang.ts";
import type { ChartSize } from "../lib/charts/time-frame.ts";
import type { Recording } from "../lib/recording/recording.ts";
import { renderSvg } from "./render-plot.ts";
import { loadRecording, type ProgramName } from "./traces.ts";

/** One program drawn in a figure: a recording, with a key for its colour. */
export interface FigureVariant {
  program: ProgramName;
  goVersion?: string;
  /** Colour key: "leak" (red) or "fix" (green), or a "series-…" class of cells.css. */
  key: string;
  label: string;
}

/** What the heap and goroutine figures are given. */
export interface FigureProps {
  lang: Lang;
  id: string;
  variants: FigureVariant[];
  caption: string;
}

/** A figure's recordings: each variant with its recording, and the figure's source line. */
export interface LoadedFigure {
  loaded: { v: FigureVariant; rec: Recording }[];
  /** Which recordings the figure was drawn from, e.g. "leak, fix-timeout · go1.27.3". */
  source: string;
}

/**
 * What a figure starts from, at build time: its props, the figures' words in its language, and
 * each variant's recording read from traces/.
 */
export function loadFigure(props: FigureProps): FigureProps & LoadedFigure & { ui: Strings["figures"] } {
  const { lang, variants } = props;
  const loaded = variants.map((v) => ({ v, rec: loadRecording(v.program, v.goVersion) }));
  const programs = [...new Set(variants.map((v) => v.program))].join(", ");
  const versions = [...new Set(loaded.map(({ rec }) => rec.goVersion ?? "?"))].join(", ");
  return { ...props, ui: STRINGS[lang].figures, loaded, source: `${programs} · ${versions}` };
}

/** A figure's chart as SVG markup, drawn for wide screens and for phones (FigureCell shows one). */
export interface FigureCharts {
  wide: string;
  narrow: string;
}

/**
 * Draws a figure's chart at FigureCell's two widths, 720 px and 360 px, each at its own height:
 * `options` gives the Plot options for a size, `className` the chart's class (charts.css).
 */
export function drawFigureCharts(
  className: string,
  heights: { wide: number; narrow: number },
  options: (size: ChartSize) => PlotOptions,
): FigureCharts {
  return {
    wide: renderSvg(options({ width: 720, height: heights.wide }), className),
    narrow: renderSvg(options({ width: 360, height: heights.narrow }), className),
  };
}
