/**
 * <go-log-lab>: reads a Go runtime log (pasted, opened, dropped, or one of our recordings; plain,
 * behind a log collector's prefixes, or gzip-compressed), parses it in a Web Worker with progress
 * and cancel, and shows the summary, the goroutine dumps, the problems, the charts (Plot, loaded
 * when there is something to draw) and the export buttons; a second log (B) is compared with the
 * first. Nothing is sent anywhere: files are read with the File API and results stay on the page.
 */
import { ReadCancelled, type ExportFormat, type LabSource, type ReadProgress } from "../../lib/lab/read-source.ts";
import { MainThreadRunner, WorkerRunner, WorkerUnavailable, type LabRunner } from "./lab-runner.ts";
import { bytes, el, num, plural, prepareFormats, type LabStrings } from "./lab-dom.ts";
import { LabResultsView } from "./lab-results.ts";
import { fill } from "../../i18n/fill.ts";

/** One of our recordings' stderr.log, as LabPage.astro puts them in the page. */
interface EmbeddedLog {
  id: string;
  text: string;
}
interface Current {
  source: LabSource;
  name: string;
  fileBase: string;
}

class GoLogLab extends HTMLElement {
  // Read from the page in connectedCallback.
  #t = {} as LabStrings;
  #lang = "en";
  #runner: LabRunner = new MainThreadRunner();
  #busy = false;
  #current: Current | null = null;
  #recordings: EmbeddedLog[] = [];
  #results: LabResultsView | null = null;

  connectedCallback(): void {
    this.#lang = this.dataset["lang"] ?? "en";
    this.#t = JSON.parse(this.querySelector("script.lab-strings")?.textContent ?? "{}") as LabStrings;
    const data = this.querySelector("script.lab-recordings")?.textContent ?? "[]";
    this.#recordings = JSON.parse(data) as EmbeddedLog[];
    this.#runner = new WorkerRunner(this.querySelector("script.lab-worker-source")?.textContent ?? "");
    this.#results = new LabResultsView(this, this.#t, this.#lang, {
      pickRun: (run) => {
        if (this.#current !== null) void this.#read(this.#current, "a", run);
      },
      state: (state) => {
        this.dataset["state"] = state;
        this.dataset[`${state}At`] = performance.now().toFixed(0);
      },
      status: (text) => {
        this.#status(text);
      },
    });

    this.#q(".lab-parse-paste", HTMLButtonElement).addEventListener("click", () => {
      const text = this.#q(".lab-paste", HTMLTextAreaElement).value;
      this.#take({ source: { kind: "text", text }, name: this.#t.pasted, fileBase: "pasted" });
    });
    const file = this.#q(".lab-file", HTMLInputElement);
    file.addEventListener("change", () => {
      const f = file.files?.[0];
      if (f !== undefined) this.#openFile(f);
    });
    this.#q(".lab-load-recording", HTMLButtonElement).addEventListener("click", () => {
      const id = this.#q(".lab-recording", HTMLSelectElement).value;
      const rec = this.#recordings.find((r) => r.id === id);
      if (rec !== undefined) {
        this.#take({
          source: { kind: "text", text: rec.text },
          name: `traces/${rec.id}/stderr.log`,
          fileBase: rec.id.replace("/", "-"),
        });
      }
    });
    this.#q(".lab-cancel", HTMLButtonElement).addEventListener("click", () => {
      this.#runner.cancel();
    });
    for (const button of this.querySelectorAll<HTMLButtonElement>(".lab-export button")) {
      button.addEventListener("click", () => {
        void this.#export(button.value === "csv" ? "csv" : "jsonl");
      });
    }
    const drop = this.#q(".lab-input", HTMLElement);
    drop.addEventListener("dragover", (e) => {
      e.preventDefault();
      drop.classList.add("lab-dragging");
    });
    drop.addEventListener("dragleave", () => {
      drop.classList.remove("lab-dragging");
    });
    drop.addEventListener("drop", (e) => {
      e.preventDefault();
      drop.classList.remove("lab-dragging");
      const f = e.dataTransfer?.files[0];
      if (f !== undefined) this.#openFile(f);
    });
    this.#setBusy(false);
    // In a task of its own once the page is ready, not in the one that answers the first file.
    setTimeout(() => {
      prepareFormats(this.#lang);
    }, 0);
    this.dataset["ready"] = "true";
  }

  #q<T extends Element>(selector: string, type: abstract new () => T): T {
    const e = this.querySelector(selector);
    if (!(e instanceof type)) throw new Error(`lab markup is missing ${selector}`);
    return e;
  }

  /** Which log the next input goes to: A, or B to compare with A. */
  #slot(): "a" | "b" {
    const b = this.querySelector<HTMLInputElement>("input[name=lab-slot][value=b]");
    return b?.checked === true && !b.disabled ? "b" : "a";
  }

  #take(next: Current): void {
    void this.#read(next, this.#slot(), null);
  }

  #openFile(f: File): void {
    this.#take({
      source: { kind: "blob", blob: f },
      name: `${f.name} (${bytes(this.#lang, f.size)})`,
      fileBase: f.name.replace(/\.gz$/i, "").replace(/\.[^.]*$/, "") || "log",
    });
  }

  #setBusy(busy: boolean): void {
    this.#busy = busy;
    this.#q(".lab-progress", HTMLProgressElement).hidden = !busy;
    this.#q(".lab-cancel", HTMLButtonElement).hidden = !busy;
    this.toggleAttribute("aria-busy", busy);
    for (const b of this.querySelectorAll<HTMLButtonElement | HTMLSelectElement>(
      ".lab-input button, .lab-export button, .lab-run-pick select",
    )) {
      b.disabled = busy;
    }
    this.#q(".lab-file", HTMLInputElement).disabled = busy;
    const slotB = this.querySelector<HTMLInputElement>("input[name=lab-slot][value=b]");
    if (slotB !== null) slotB.disabled = busy || this.#results?.hasA !== true;
  }

  /** Says that a parse or an export was cancelled, or why it failed. */
  #failed(error: unknown): void {
    this.#status(
      error instanceof ReadCancelled
        ? this.#t.cancelled
        : fill(this.#t.failed, { reason: error instanceof Error ? error.message : String(error) }),
    );
  }

  #status(text: string): void {
    this.#q(".lab-status-text", HTMLElement).textContent = text;
  }

  #progress(p: ReadProgress, unitBytes: boolean): void {
    const bar = this.#q(".lab-progress", HTMLProgressElement);
    bar.max = Math.max(1, p.total);
    bar.value = p.done;
    const show = (n: number): string => (unitBytes ? bytes(this.#lang, n) : num(this.#lang, n));
    this.#q(".lab-progress-text", HTMLElement).textContent = fill(this.#t.reading, {
      done: show(p.done),
      total: unitBytes ? show(p.total) : plural(this.#lang, p.total, this.#t.chars),
      lines: plural(this.#lang, p.lines, this.#t.linesCount),
    });
  }

  /** Runs a job in the worker, falling back to the main thread once if no worker can start. */
  async #withRunner<T>(job: (runner: LabRunner) => Promise<T>): Promise<T> {
    try {
      return await job(this.#runner);
    } catch (error) {
      if (!(error instanceof WorkerUnavailable)) throw error;
      this.#runner = new MainThreadRunner();
      this.#q(".lab-fallback", HTMLElement).textContent = this.#t.noWorker;
      this.#q(".lab-fallback", HTMLElement).hidden = false;
      return job(this.#runner);
    }
  }

  /** Reads a source into log A (all its runs, or one) or log B. */
  async #read(next: Current, slot: "a" | "b", run: number | null): Promise<void> {
    const results = this.#results;
    if (this.#busy || results === null) return;
    this.#setBusy(true);
    this.#status(run === null ? "" : fill(this.#t.readingRun, { i: run }));
    const unitBytes = next.source.kind === "blob";
    this.#progress(
      { done: 0, total: next.source.kind === "blob" ? next.source.blob.size : next.source.text.length, lines: 0 },
      unitBytes,
    );
    const started = performance.now();
    try {
      const summary = await this.#withRunner((r) =>
        r.analyse(
          next.source,
          (p) => {
            this.#progress(p, unitBytes);
          },
          run,
        ),
      );
      if (slot === "b") results.showB({ name: next.name, summary });
      else {
        const fresh = this.#current !== next;
        this.#current = next;
        results.showA({ name: next.name, summary }, fresh);
      }
      this.dataset["seconds"] = ((performance.now() - started) / 1000).toFixed(2);
    } catch (error) {
      this.#failed(error);
    } finally {
      this.#setBusy(false);
    }
  }

  async #export(format: ExportFormat): Promise<void> {
    const current = this.#current;
    if (current === null || this.#busy) return;
    this.#setBusy(true);
    this.#status(this.#t.exporting);
    const unitBytes = current.source.kind === "blob";
    try {
      const blob = await this.#withRunner((r) =>
        r.export(current.source, format, (p) => {
          this.#progress(p, unitBytes);
        }),
      );
      const url = URL.createObjectURL(blob);
      const a = el("a");
      a.href = url;
      a.download = `${current.fileBase}.${format}`;
      a.hidden = true;
      this.append(a);
      a.click();
      a.remove();
      setTimeout(() => {
        URL.revokeObjectURL(url);
      }, 60_000);
      this.#status("");
    } catch (error) {
      this.#failed(error);
    } finally {
      this.#setBusy(false);
    }
  }
}

customElements.define("go-log-lab", GoLogLab);
