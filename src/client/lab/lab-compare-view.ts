// Two logs side by side (A and B, say before and after a fix): their key figures in one table and
// their last goroutine dumps compared; the charts are drawn by draw-charts.ts on one time axis.
import type { LabSummary } from "../../lib/lab/lab-summary.ts";
import { fill } from "../../i18n/fill.ts";
import { compareTable } from "./lab-dumps-view.ts";
import { el, num, table, type LabStrings } from "./lab-dom.ts";

/** A log and the name it is shown by. */
export interface NamedSummary {
  name: string;
  summary: LabSummary;
}

/** One row's figure for a summary: a number, or null when the log has none. */
type Figure = (s: LabSummary) => number | null;

const FIGURES: readonly (readonly [keyof LabStrings["compare"]["rows"], Figure, number])[] = [
  ["lines", (s) => s.lines, 0],
  ["gcCycles", (s) => s.gc.cycles, 0],
  ["peakLive", (s) => s.gc.peakLiveMB, 0],
  ["pauseP50", (s) => s.gc.pauseMs?.p50 ?? null, 3],
  ["pauseP99", (s) => s.gc.pauseMs?.p99 ?? null, 3],
  ["pauseMax", (s) => s.gc.pauseMs?.max ?? null, 3],
  ["liveGoroutines", (s) => s.snapshot?.live ?? null, 0],
  ["leaked", (s) => s.dumps.dumps.at(-1)?.leaked ?? s.snapshot?.leaked ?? null, 0],
  ["dumps", (s) => s.dumps.count, 0],
  ["problems", (s) => s.problems.count, 0],
];

/** The comparison of A and B: an intro, the figures side by side, and their last dumps compared. */
export function renderComparison(lang: string, t: LabStrings, a: NamedSummary, b: NamedSummary): HTMLElement {
  const c = t.compare;
  const box = el("div", "lab-compare");
  box.append(el("p", "", fill(c.intro, { a: a.name, b: b.name })));
  const cell = (s: LabSummary, f: Figure, digits: number): HTMLElement => {
    const v = f(s);
    const span = el("span", "", v === null ? t.none : num(lang, v, digits));
    if (v !== null) span.dataset["value"] = String(v);
    return span;
  };
  const rows = FIGURES.map(([key, f, digits]) => [c.rows[key], cell(a.summary, f, digits), cell(b.summary, f, digits)]);
  box.append(table(c.caption, [c.measure, c.a, c.b], rows, "lab-compare-figures"));
  const da = a.summary.dumps.dumps.at(-1);
  const db = b.summary.dumps.dumps.at(-1);
  if (da !== undefined && db !== undefined) {
    box.append(el("h3", "", c.dumpsHeading), compareTable(lang, t, da, db, c.dumpsHeading, [c.a, c.b]));
  }
  return box;
}
