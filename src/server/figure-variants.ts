import type { Lang } from "../i18n/lang.ts";
import type { Recording } from "../lib/recording/recording.ts";
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

/** Reads each variant's recording from traces/ at build time. */
export function loadFigure(variants: FigureVariant[]): LoadedFigure {
  const loaded = variants.map((v) => ({ v, rec: loadRecording(v.program, v.goVersion) }));
  const programs = [...new Set(variants.map((v) => v.program))].join(", ");
  const versions = [...new Set(loaded.map(({ rec }) => rec.goVersion ?? "?"))].join(", ");
  return { loaded, source: `${programs} · ${versions}` };
}
