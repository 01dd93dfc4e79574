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

/** Each variant with its recording, read from traces/ at build time. */
export function loadVariants(variants: FigureVariant[]): { v: FigureVariant; rec: Recording }[] {
  return variants.map((v) => ({ v, rec: loadRecording(v.program, v.goVersion) }));
}
