// What the lab shows once a log is read: the summary and its sections, the charts with their run
// and time-axis choices, and, when a second log (B) was read, the two compared.
import type { LabSummary } from "../../lib/lab/lab-summary.ts";
import { MAX_RUNS } from "../../lib/lab/runs.ts";
import type { TimeAxis } from "../../lib/lab/lab-charts.ts";
import { fill } from "../../i18n/fill.ts";
import { renderComparison, type NamedSummary } from "./lab-compare-view.ts";
import { el, nextTask, num, plural, select, type LabStrings } from "./lab-dom.ts";
import { renderDumps } from "./lab-dumps-view.ts";
import {
  gcCyclesText,
  renderLineNotes,
  renderNotes,
  renderProblems,
  renderSnapshot,
  renderSummary,
} from "./lab-render.ts";

/** What the view asks of the page: reading one run of log A again, or all of them (null). */
export interface ResultsHost {
  pickRun(run: number | null): void;
  /** Marks the page's state for tests and the benchmark (`summary`, `drawn`). */
  state(state: string): void;
  status(text: string): void;
}

/** The lab's results area: fills the markup of LabResults.astro. */
export class LabResultsView {
  readonly #root: HTMLElement;
  readonly #t: LabStrings;
  readonly #lang: string;
  readonly #host: ResultsHost;
  #a: NamedSummary | null = null;
  #b: NamedSummary | null = null;
  #axis: TimeAxis = "start";
  // Each drawing's number: a newer one makes an older one stop between charts.
  #drawing = 0;
  #comparing = 0;
  // Drawings under way: the page is `drawn` when none is left.
  #pending = 0;

  constructor(root: HTMLElement, t: LabStrings, lang: string, host: ResultsHost) {
    this.#root = root;
    this.#t = t;
    this.#lang = lang;
    this.#host = host;
    for (const radio of this.#radios("lab-axis")) {
      radio.addEventListener("change", () => {
        if (!radio.checked) return;
        this.#axis = radio.value === "wall" ? "wall" : "start";
        if (this.#a !== null) this.#drawCharts(this.#a.summary);
      });
    }
    this.#q(".lab-stop-compare").addEventListener("click", () => {
      this.#b = null;
      this.#q(".lab-compare-section").hidden = true;
    });
  }

  #q(selector: string): HTMLElement {
    const e = this.#root.querySelector<HTMLElement>(selector);
    if (e === null) throw new Error(`lab markup is missing ${selector}`);
    return e;
  }

  #radios(name: string): HTMLInputElement[] {
    return [...this.#root.querySelectorAll<HTMLInputElement>(`input[name=${name}]`)];
  }

  /** True once a log A is shown. */
  get hasA(): boolean {
    return this.#a !== null;
  }

  /** Shows log A; `freshSource` is false when only another run of the same log was read. */
  showA(a: NamedSummary, freshSource: boolean): void {
    this.#a = a;
    const { summary: s } = a;
    const t = this.#t;
    const lang = this.#lang;
    const parts: Node[] = [renderSummary(lang, t, s, a.name)];
    const notes = renderNotes(t, s);
    if (notes !== null) parts.unshift(notes);
    for (const part of [renderSnapshot(lang, t, s), renderDumps(lang, t, s.dumps), renderLineNotes(lang, t, s)]) {
      if (part !== null) parts.push(part);
    }
    parts.push(renderProblems(lang, t, s));
    this.#q(".lab-summary-host").replaceChildren(...parts);
    this.#q(".lab-results").hidden = false;
    this.#q(".lab-export").hidden = s.lines === 0;
    this.#host.status(
      s.gc.cycles === 0 && s.dumps.count > 0
        ? fill(t.status, { label: t.dumpsRow, value: plural(lang, s.dumps.count, t.dumpsValue) })
        : fill(t.status, { label: t.gcCycles, value: gcCyclesText(lang, t, s) }),
    );
    this.#host.state("summary");
    if (freshSource) this.#runPicker(s);
    const axis = this.#q(".lab-axis");
    axis.hidden = s.series.wallDomain === null;
    if (axis.hidden) this.#setAxis("start");
    this.#drawCharts(s);
    if (this.#b !== null) this.#showComparison();
  }

  /** Shows log B against A. */
  showB(b: NamedSummary): void {
    this.#b = b;
    this.#host.state("summary");
    this.#showComparison();
  }

  #setAxis(axis: TimeAxis): void {
    this.#axis = axis;
    for (const radio of this.#radios("lab-axis")) radio.checked = radio.value === axis;
  }

  /** The run picker, for a log of several runs: all of them end to end, or one alone. */
  #runPicker(s: LabSummary): void {
    const host = this.#q(".lab-run-host");
    host.replaceChildren();
    if (s.runs.count < 2) return;
    const t = this.#t;
    const lang = this.#lang;
    const options: [string, string][] = [["all", fill(t.chartAllRuns, { n: num(lang, s.runs.count) })]];
    for (const r of s.runs.list) {
      options.push([
        String(r.index),
        fill(t.chartRunOption, {
          i: r.index,
          from: num(lang, r.line),
          to: num(lang, r.lastLine),
          gcs: plural(lang, r.gcs, t.gcsCount),
        }),
      ]);
    }
    const pick = select(t.chartRun, options, "all", "lab-run-pick");
    pick.select.addEventListener("change", () => {
      const v = pick.select.value;
      this.#host.pickRun(v === "all" ? null : Number(v));
    });
    host.append(pick.wrap);
    if (s.runs.count > MAX_RUNS) host.append(el("p", "lab-sub", fill(t.chartRunsMore, { n: num(lang, MAX_RUNS) })));
  }

  #drawCharts(s: LabSummary): void {
    const job = ++this.#drawing;
    const charts = this.#q(".lab-charts");
    const hasCharts = s.gc.cycles > 0 || s.sched.lines > 0;
    this.#q(".lab-charts-section").hidden = !hasCharts;
    charts.replaceChildren();
    if (!hasCharts) {
      if (this.#pending === 0) this.#host.state("drawn");
      return;
    }
    charts.append(el("p", "lab-charts-loading", this.#t.chartsLoading));
    // Plot's module starts (and the charts' host is measured, which lays out the summary just
    // shown) in a later task than the summary's, so that the two do not add up to one long task.
    this.#draw(
      nextTask().then(async () => {
        const importStart = performance.now();
        const m = await import("./draw-charts.ts");
        performance.measure("lab charts module", { start: importStart });
        await m.drawCharts(charts, s, this.#t, this.#lang, () => job === this.#drawing, this.#axis);
      }),
    );
  }

  /** Waits for a drawing; when it was the last one under way, the page is drawn. */
  #draw(drawing: Promise<void>): void {
    this.#pending++;
    void drawing.finally(() => {
      if (--this.#pending === 0) this.#host.state("drawn");
    });
  }

  #showComparison(): void {
    const a = this.#a;
    const b = this.#b;
    if (a === null || b === null) return;
    const section = this.#q(".lab-compare-section");
    section.hidden = false;
    this.#q(".lab-compare-host").replaceChildren(renderComparison(this.#lang, this.#t, a, b));
    const charts = this.#q(".lab-compare-charts");
    const job = ++this.#comparing;
    this.#draw(
      import("./draw-charts.ts").then((m) =>
        m.drawCompareCharts(charts, a.summary, b.summary, this.#t, this.#lang, () => job === this.#comparing),
      ),
    );
  }
}
