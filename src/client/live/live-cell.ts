import { liveExtent, type ChartFrame } from "../../lib/live/live-chart.ts";
import { LiveOutput, liveHeapPoints, type LineKind, type OutputStream } from "../../lib/live/live-output.ts";
import {
  clampParams,
  formatCommand,
  liveCommand,
  LIVE_GCS,
  type ClampNote,
  type LiveParams,
  type ParamsInput,
} from "../../lib/live/live-params.ts";
import type { LiveModuleInfo } from "../../lib/live/module-files.ts";
import { fill } from "../../i18n/fill.ts";
import { drawHeapChart } from "./heap-chart-view.ts";
import { LiveRun } from "./live-run.ts";
import { LogView, StatesView, type LiveStrings } from "./live-views.ts";
import { loadModule, moduleLoaded, ModuleError } from "./module-loader.ts";

/** What the page gives the element (LiveCell.astro), as JSON inside it. */
interface LivePayload {
  module: LiveModuleInfo;
  strings: LiveStrings;
  /** The recorded charts' frames, as Plot laid them out at build time. */
  frames: { wide: ChartFrame; narrow: ChartFrame };
  labels: { time: string; heap: string };
}

const narrow = matchMedia("(max-width: 600px)");

/** The element's parts, found by class in the markup LiveCell.astro renders. */
interface Parts {
  controls: HTMLFieldSetElement;
  form: HTMLFormElement;
  run: HTMLButtonElement;
  stop: HTMLButtonElement;
  status: HTMLElement;
  progress: HTMLElement;
  notes: HTMLElement;
  command: HTMLElement;
  chart: HTMLElement;
  chartDesc: HTMLElement;
  error: HTMLElement;
  errorText: HTMLElement;
  log: HTMLElement;
}

/**
 * <live-cell>: runs the live program in the reader's tab. The module is fetched and compiled on
 * the first Run and kept; every run gets a fresh worker, which Stop, a changed knob and the
 * program's end terminate. What the runtime prints goes to the log line by line and through the
 * site's parsers into the heap chart, the dump table and the leak profile's total.
 */
class LiveCell extends HTMLElement {
  #payload: LivePayload | null = null;
  #parts: Parts | null = null;
  #log: LogView | null = null;
  #states: StatesView | null = null;
  #output = new LiveOutput();
  #params: LiveParams | null = null;
  #run: LiveRun | null = null;
  /** Counts run attempts, so a module that arrives after Stop starts nothing. */
  #attempt = 0;
  #startedAt = 0;
  #endedAt: number | null = null;
  #timer = 0;
  /** The notes on values that were corrected, by field ("total" for the cap on goroutines × buffer). */
  readonly #notes = new Map<string, string>();

  connectedCallback(): void {
    if (this.#payload !== null) return;
    try {
      this.#payload = JSON.parse(this.querySelector("script.live-data")?.textContent ?? "") as LivePayload;
    } catch {
      return; // Without its data the widget stays as the page drew it: the recorded run, no Run button.
    }
    const q = (selector: string): HTMLElement => {
      const found = this.querySelector<HTMLElement>(selector);
      if (found === null) throw new Error(`<live-cell> has no ${selector}`);
      return found;
    };
    const parts: Parts = {
      controls: q(".live-controls") as HTMLFieldSetElement,
      form: q(".live-form") as HTMLFormElement,
      run: q(".live-run") as HTMLButtonElement,
      stop: q(".live-stop") as HTMLButtonElement,
      status: q(".live-status"),
      progress: q(".live-progress"),
      notes: q(".live-notes"),
      command: q(".live-command"),
      chart: q(".live-chart"),
      chartDesc: q(".live-chart-desc"),
      error: q(".live-error"),
      errorText: q(".live-error-text"),
      log: q("[data-live-log]"),
    };
    this.#parts = parts;
    const strings = this.#payload.strings;
    this.#log = new LogView(parts.log, strings);
    this.#states = new StatesView(this, strings);
    parts.form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.#start();
    });
    parts.stop.addEventListener("click", () => {
      this.#halt("stopped");
    });
    parts.form.addEventListener("input", (e) => {
      if (e.target instanceof HTMLInputElement && e.target.name === "fix") this.#showRecorded();
      // A note describes a value the reader is now changing: it goes until the field is read again.
      if (e.target instanceof HTMLInputElement) this.#dropNotes(e.target.name);
      this.#halt("stoppedChange");
    });
    // Out-of-range values are corrected when the reader leaves the field, with a note saying so.
    parts.form.addEventListener("change", () => {
      this.#readParams();
    });
    narrow.addEventListener("change", () => {
      this.#draw();
    });
    parts.controls.disabled = false;
    this.#label();
    this.#showRecorded();
    this.#readParams();
    this.#draw();
    this.dataset["ready"] = "";
    // Run was pressed before this script had come (live-loader.ts kept it).
    if (this.hasAttribute("data-run-requested")) {
      this.removeAttribute("data-run-requested");
      void this.#start();
    }
  }

  #input(name: string): string {
    const field = this.#parts?.form.elements.namedItem(name);
    if (field instanceof RadioNodeList || field instanceof HTMLInputElement) return field.value;
    return "";
  }

  /** Reads the knobs, writes back what will run, and says what changed. */
  #readParams(): LiveParams {
    const input: ParamsInput = {
      goroutines: this.#input("goroutines"),
      bufferMiB: this.#input("buffer"),
      fix: this.#input("fix"),
      gogc: this.#input("gogc"),
    };
    const { params, notes } = clampParams(input);
    const form = this.#parts?.form;
    for (const [name, value] of [
      ["goroutines", String(params.goroutines)],
      ["buffer", String(params.bufferMiB)],
      ["gogc", params.gogc === null ? "" : String(params.gogc)],
    ] as const) {
      const field = form?.elements.namedItem(name);
      if (field instanceof HTMLInputElement && field.value !== value) field.value = value;
    }
    this.#showNotes(notes, params);
    if (this.#parts) this.#parts.command.textContent = formatCommand(liveCommand(params));
    return params;
  }

  /** Shows what was changed; values already corrected keep the note that says so. */
  #showNotes(notes: readonly ClampNote[], params: LiveParams): void {
    const s = this.#payload?.strings;
    if (!s) return;
    for (const n of notes) {
      const text = fill(s.clamp[n.reason], {
        field: s.fields[n.field],
        asked: n.asked,
        used: n.used,
        goroutines: params.goroutines,
        total: params.goroutines * Number(n.asked),
        capped: params.goroutines * n.used,
      });
      this.#notes.set(n.reason === "total-cap" ? "total" : n.field, text);
    }
    this.#renderNotes();
  }

  /** Drops the notes about a field the reader edits (the cap depends on both counts). */
  #dropNotes(name: string): void {
    const field = name === "buffer" ? "bufferMiB" : name;
    const had = this.#notes.delete(field);
    const total = (field === "goroutines" || field === "bufferMiB") && this.#notes.delete("total");
    if (had || total) this.#renderNotes();
  }

  #renderNotes(): void {
    this.#parts?.notes.replaceChildren(
      ...[...this.#notes.values()].map((text) => {
        const p = document.createElement("p");
        p.textContent = text;
        return p;
      }),
    );
  }

  /** The Run button says what the first run costs; once the module is here, it is just Run. */
  #label(): void {
    const p = this.#payload;
    const button = this.#parts?.run;
    if (!p || !button) return;
    const s = p.strings;
    const fromFile = location.protocol === "file:";
    const size = fill(s.size, { mb: ((fromFile ? p.module.fileBytes : p.module.httpBytes) / 1e6).toFixed(1) });
    button.textContent = moduleLoaded() ? s.run : fill(fromFile ? s.runFile : s.runDownload, { size });
  }

  /** Shows the recorded native run of the chosen fix beside the live chart. */
  #showRecorded(): void {
    const fix = this.#input("fix");
    for (const el of this.querySelectorAll<HTMLElement>(".live-recorded")) el.hidden = el.dataset["fix"] !== fix;
  }

  #status(text: string): void {
    if (this.#parts) this.#parts.status.textContent = text;
  }

  #seconds(): number {
    return ((this.#endedAt ?? performance.now()) - this.#startedAt) / 1000;
  }

  async #start(): Promise<void> {
    const p = this.#payload;
    const parts = this.#parts;
    if (!p || !parts) return;
    this.#halt(null);
    const attempt = ++this.#attempt;
    const params = this.#readParams();
    this.#params = params;
    this.#output = new LiveOutput();
    this.#log?.clear();
    this.#states?.clear();
    parts.error.hidden = true;
    parts.progress.textContent = "";
    this.#startedAt = performance.now();
    this.#endedAt = null;
    this.#draw();
    parts.stop.disabled = false;
    const s = p.strings;
    const fromFile = location.protocol === "file:";
    const size = fill(s.size, { mb: ((fromFile ? p.module.fileBytes : p.module.httpBytes) / 1e6).toFixed(1) });
    this.#status(moduleLoaded() ? s.starting : fill(fromFile ? s.loadingFile : s.loading, { size }));
    this.dataset["state"] = "loading";
    let loaded;
    try {
      loaded = await loadModule({ info: p.module, folder: this.#folder() });
    } catch (error) {
      if (attempt === this.#attempt) this.#unavailable(error);
      return;
    }
    if (attempt !== this.#attempt) return;
    this.#label();
    this.#startedAt = performance.now();
    this.#status(s.running);
    this.dataset["state"] = "running";
    this.#run = new LiveRun(loaded, liveCommand(params), {
      lines: (stream, lines) => {
        this.#lines(stream, lines);
      },
      exit: (code, memoryBytes) => {
        this.#ended(code, null, memoryBytes);
      },
      failed: (message) => {
        this.#ended(null, message, 0);
      },
    });
    // The last step of the curve follows the clock between GCs.
    this.#timer = window.setInterval(() => {
      this.#draw();
    }, 250);
  }

  /** The live/ folder, from the module link in the page (relative, so any subfolder works). */
  #folder(): URL {
    const link = this.querySelector<HTMLAnchorElement>("a.live-module-link");
    return new URL(".", link?.href ?? location.href);
  }

  #lines(stream: OutputStream, lines: readonly string[]): void {
    const out = this.#output;
    const gcs = out.gcs.length;
    const dumps = out.dumps.length;
    const read: { text: string; kind: LineKind }[] = lines.map((text) => ({ text, kind: out.push(stream, text) }));
    this.#log?.add(stream, read);
    if (out.dumps.length > 0) this.#states?.show(out.dumps, Math.max(0, dumps - 1));
    if (out.leakProfile) this.#states?.showProfile(out.leakProfile);
    if (out.gcs.length !== gcs) this.#draw();
  }

  /** The program returned (code), died (code 2 and the runtime's words), or the run failed (message). */
  #ended(code: number | null, message: string | null, memoryBytes: number): void {
    const s = this.#payload?.strings;
    if (!s) return;
    this.#finish();
    const t = this.#seconds().toFixed(1);
    const fatal = this.#output.fatal;
    // The sentence brings its own separator from the string table: a space in English, none in Chinese.
    const memory =
      memoryBytes > 0 ? fill(s.memory, { size: fill(s.size, { mb: (memoryBytes / 1e6).toFixed(0) }) }) : "";
    if (message !== null) this.#status(fill(s.failed, { message }));
    else if (fatal.length > 0) this.#status(fill(s.died, { t, message: fatal.join(" ") }) + memory);
    else this.#status(fill(s.finished, { t, code: code ?? 0 }) + memory);
    this.dataset["memoryBytes"] = String(memoryBytes);
    this.dataset["state"] = message !== null || fatal.length > 0 ? "failed" : "finished";
  }

  /** Stops a run (if one goes on) and says why: Stop pressed, a knob changed, or null to say nothing. */
  #halt(why: "stopped" | "stoppedChange" | null): void {
    const s = this.#payload?.strings;
    const busy = this.#run?.running === true || this.dataset["state"] === "loading";
    this.#attempt += 1;
    if (!busy || !s) return;
    this.#finish();
    if (why !== null) {
      this.#status(fill(s[why], { t: this.#seconds().toFixed(1) }));
      this.dataset["state"] = "stopped";
    }
  }

  #finish(): void {
    this.#run?.stop();
    this.#run = null;
    window.clearInterval(this.#timer);
    this.#endedAt ??= performance.now();
    const parts = this.#parts;
    if (parts) {
      // Keep the keyboard where it was: Stop is about to be disabled.
      if (document.activeElement === parts.stop) parts.run.focus();
      parts.stop.disabled = true;
    }
    this.#draw();
  }

  #unavailable(error: unknown): void {
    const s = this.#payload?.strings;
    const parts = this.#parts;
    if (!s || !parts) return;
    this.#finish();
    const reason = error instanceof ModuleError ? error.reason : "missing";
    const text = fill(s[reason], {
      message: error instanceof Error ? error.message : String(error),
    });
    parts.errorText.textContent = `${text} ${s.offer}`;
    parts.error.hidden = false;
    this.#status(text);
    this.dataset["state"] = "unavailable";
  }

  #draw(): void {
    const p = this.#payload;
    const parts = this.#parts;
    if (!p || !parts) return;
    const s = p.strings;
    const params = this.#params ?? clampParams({ goroutines: "", bufferMiB: "", fix: "none", gogc: "" }).params;
    const points = liveHeapPoints(this.#output.gcs);
    const running = this.#run !== null || this.#endedAt !== null;
    const now = running ? this.#seconds() : 0;
    const goalFactor = 1 + (params.gogc ?? 100) / 100;
    drawHeapChart(parts.chart, points, {
      frame: narrow.matches ? p.frames.narrow : p.frames.wide,
      extent: liveExtent(points, LIVE_GCS + 1, params.goroutines * params.bufferMiB * goalFactor),
      now: Math.max(now, points.at(-1)?.t ?? 0),
      series: params.fix === "none" ? "series-leak" : "series-fix",
      labels: p.labels,
    });
    const last = this.#output.gcs.at(-1);
    parts.chartDesc.textContent = last
      ? fill(s.chartNow, {
          n: this.#output.gcs.length,
          kind: last.leakCheck ? s.leakCheck : last.forced ? s.forced : s.automatic,
          live: last.heapMB[2],
          goal: last.goalMB,
          t: last.t.toFixed(1),
        })
      : s.chartNone;
    const forced = this.#output.gcs.filter((g) => g.forced && !g.leakCheck).length;
    if (this.#run !== null) {
      parts.progress.textContent = fill(s.progress, { t: now.toFixed(1), done: forced, total: LIVE_GCS });
    }
  }
}

if (!customElements.get("live-cell")) customElements.define("live-cell", LiveCell);
