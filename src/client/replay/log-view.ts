import { parseLine } from "../../lib/parse/parse-line.ts";
import type { ReplayFrame } from "../../lib/replay/frame.ts";
import type { ReplayVariant } from "../../lib/replay/replay-data.ts";
import type { TraceRecord } from "../../lib/parse/trace-records.ts";
import { logNote } from "../../lib/replay/readouts.ts";
import type { Glide } from "./motion.ts";
import type { ReplayHost, ReplayView, ReplayStrings } from "./view.ts";

/** The fields of a parsed line, as label and value, in print order. */
function fields(record: TraceRecord): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(record)) {
    if (key === "kind" || key === "line" || key === "text") continue;
    out.push([key, Array.isArray(value) ? value.join(" / ") : value === null ? "–" : String(value)]);
  }
  return out;
}

/**
 * The runtime log: lines appear as the clock passes the time they were printed. Selecting a line
 * decodes it field by field in place, with the same parser the lab and the CLI use; a GC line
 * also moves the clock to its GC. A G line's status links to its row in the status explorer.
 */
export class LogView implements ReplayView {
  #list: HTMLOListElement | null;
  #note: HTMLElement | null;
  #strings: ReplayStrings;
  #host: ReplayHost;
  #variant: ReplayVariant | null = null;
  /** Each log line's button, by index into variant.log. */
  #buttons: HTMLButtonElement[] = [];
  /**
   * What shows or hides each line, by index into variant.log: its own item, or for the SCHED and
   * G lines of one snapshot (printed at one instant), the block's item, which holds them as a list.
   */
  #shows: HTMLLIElement[] = [];
  #shown = -1;
  #statusPrefix: string;
  /** Each snapshot's block (index into variant.snapshots). */
  #blocks = new Map<number, HTMLLIElement>();
  #marked = -2;
  /** The line that holds the log's one Tab stop. */
  #tabStop: HTMLButtonElement | null = null;
  /**
   * Whether the clock plays (glide): the Tab stop then follows the newest line at most twice a
   * second (two writes a snapshot less), and goes to it when the clock stops.
   */
  #playing = false;
  /** When the Tab stop last moved (performance.now()). */
  #tabMoved = 0;

  constructor(root: HTMLElement, strings: ReplayStrings, host: ReplayHost, statusPrefix: string) {
    this.#list = root.querySelector(".log-lines");
    this.#note = root.querySelector(".log-note");
    this.#strings = strings;
    this.#host = host;
    this.#statusPrefix = statusPrefix;
    this.#list?.addEventListener("keydown", (e) => {
      this.#arrow(e);
    });
  }

  setVariant(variant: ReplayVariant): void {
    this.#variant = variant;
    if (this.#note) this.#note.textContent = logNote(variant, this.#strings);
    // A SCHED line and the G lines under it are one snapshot: the one the status table counts,
    // revealed and marked as one item (a few writes a snapshot instead of three a line).
    this.#blocks = new Map();
    this.#buttons = [];
    this.#shows = [];
    const top: HTMLLIElement[] = [];
    /** The snapshot block the lines go into now, while they are its G lines. */
    let block: { item: HTMLLIElement; list: HTMLOListElement } | null = null;
    for (const { line: n, text } of variant.log) {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "log-line";
      // One Tab stop for the whole log (the newest line); arrow keys move between lines.
      button.tabIndex = -1;
      button.setAttribute("aria-expanded", "false");
      const num = document.createElement("span");
      num.className = "log-n";
      num.textContent = String(n);
      button.append(num, document.createTextNode(text));
      button.addEventListener("click", () => {
        this.#toggle(li, button, n, text);
      });
      li.append(button);
      this.#buttons.push(button);
      const snapshot = text.startsWith("SCHED") ? variant.snapshots.findIndex((s) => s.line === n) : -1;
      if (snapshot !== -1) {
        block = { item: document.createElement("li"), list: document.createElement("ol") };
        block.item.className = "log-block";
        block.item.hidden = true;
        block.item.append(block.list);
        this.#blocks.set(snapshot, block.item);
        top.push(block.item);
      } else if (!/^\s+G\d+:/.test(text)) {
        block = null;
      }
      if (block) {
        block.list.append(li);
        this.#shows.push(block.item);
      } else {
        li.hidden = true;
        top.push(li);
        this.#shows.push(li);
      }
    }
    this.#list?.replaceChildren(...top);
    this.#shown = -1;
    this.#marked = -2;
    this.#tabStop = null;
  }

  glide(on: boolean): Glide[] {
    this.#playing = on;
    if (!on) this.#placeTabStop();
    return [];
  }

  /** The Tab stop on the newest line shown, unless the reader is on a line already. */
  #placeTabStop(): void {
    if (!this.#list || this.#list.contains(document.activeElement)) return;
    const newest = this.#buttons[this.#shown] ?? null;
    if (newest === this.#tabStop) return;
    if (this.#tabStop) this.#tabStop.tabIndex = -1;
    if (newest) newest.tabIndex = 0;
    this.#tabStop = newest;
    this.#tabMoved = performance.now();
  }

  /** Up and Down move to the line before and after, Home and End to the first and the newest. */
  #arrow(e: KeyboardEvent): void {
    const keys = ["ArrowUp", "ArrowDown", "Home", "End"];
    if (!keys.includes(e.key)) return;
    const buttons = this.#buttons.filter((_, i) => this.#shows[i]?.hidden === false);
    const at = buttons.findIndex((b) => b === document.activeElement);
    const to = { ArrowUp: at - 1, ArrowDown: at + 1, Home: 0, End: buttons.length - 1 }[e.key] ?? at;
    const next = buttons[to];
    if (at === -1 || !next) return;
    e.preventDefault();
    for (const b of buttons) b.tabIndex = b === next ? 0 : -1;
    this.#tabStop = next;
    next.focus();
  }

  #toggle(li: HTMLLIElement, button: HTMLButtonElement, n: number, text: string): void {
    const open = li.querySelector("dl");
    if (open) {
      open.remove();
      button.setAttribute("aria-expanded", "false");
      return;
    }
    const record = parseLine(text, n, { schedTMs: null });
    const dl = document.createElement("dl");
    dl.className = "log-decode";
    dl.setAttribute("aria-label", this.#strings.decode);
    for (const [key, value] of [["kind", record.kind] as [string, string], ...fields(record)]) {
      const dt = document.createElement("dt");
      dt.textContent = key;
      const dd = document.createElement("dd");
      if (record.kind === "g" && key === "status") {
        const a = document.createElement("a");
        a.href = `#${this.#statusPrefix}${String(record.status & ~0x1000)}`;
        a.textContent = value;
        dd.append(a);
      } else {
        dd.textContent = value;
      }
      dl.append(dt, dd);
    }
    li.append(dl);
    button.setAttribute("aria-expanded", "true");
    const gc = record.kind === "gc" ? this.#variant?.gcs.find((g) => g.line === n) : undefined;
    if (gc) this.#host.seek(gc.end);
    // The fields open below the line, often past the bottom of the log box: bring them into view.
    dl.scrollIntoView({ block: "nearest" });
  }

  update(frame: ReplayFrame): void {
    const v = this.#variant;
    if (!v || !this.#list) return;
    const index = frame.logIndex;
    if (index !== this.#shown) {
      // No scrolling here: the list's box is a reversed flex column, so the browser keeps it pinned
      // to the newest line (unless the reader scrolled up) without a forced layout on every frame.
      const [lo, hi, hidden] = index > this.#shown ? [this.#shown + 1, index, false] : [index + 1, this.#shown, true];
      let last: HTMLLIElement | null = null;
      for (let i = lo; i <= hi; i++) {
        const item = this.#shows[i];
        if (item && item !== last) item.hidden = hidden;
        last = item ?? null;
      }
      const back = index < this.#shown;
      this.#shown = index;
      // While playing, the Tab stop follows at most twice a second; at once when lines went away
      // (the clock started again from the beginning) or none had it yet.
      const due = performance.now() - this.#tabMoved >= 500;
      if (!this.#playing || back || this.#tabStop === null || due) this.#placeTabStop();
    }
    if (frame.snapshotIndex !== this.#marked) {
      this.#blocks.get(this.#marked)?.classList.remove("in-snapshot");
      this.#marked = frame.snapshotIndex;
      this.#blocks.get(this.#marked)?.classList.add("in-snapshot");
    }
  }
}
