import { parseLine } from "../../lib/parse/parse-line.ts";
import type { ReplayFrame } from "../../lib/replay/frame.ts";
import type { ReplayVariant } from "../../lib/replay/replay-data.ts";
import type { TraceRecord } from "../../lib/parse/trace-records.ts";
import { logNote } from "../../lib/replay/readouts.ts";
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
  #items: HTMLLIElement[] = [];
  #shown = -1;
  #statusPrefix: string;
  /** For each snapshot (index into variant.snapshots), the log items of its block: its SCHED and G lines. */
  #blocks = new Map<number, HTMLLIElement[]>();
  #marked = -2;
  /** The line that holds the log's one Tab stop. */
  #tabStop: HTMLButtonElement | null = null;

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
    // A SCHED line and the G lines under it are one snapshot: the one the status table counts.
    let block = -1;
    const blockOf = variant.log.map(({ line, text }) => {
      if (text.startsWith("SCHED")) block = variant.snapshots.findIndex((s) => s.line === line);
      else if (!/^\s+G\d+:/.test(text)) block = -1;
      return block;
    });
    this.#items = variant.log.map(({ line: n, text }) => {
      const li = document.createElement("li");
      li.hidden = true;
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
      return li;
    });
    this.#blocks = new Map();
    this.#items.forEach((li, i) => {
      const b = blockOf[i] ?? -1;
      if (b !== -1) this.#blocks.set(b, [...(this.#blocks.get(b) ?? []), li]);
    });
    this.#list?.replaceChildren(...this.#items);
    this.#shown = -1;
    this.#marked = -2;
    this.#tabStop = null;
  }

  #arrow(e: KeyboardEvent): void {
    if (e.key !== "ArrowUp" && e.key !== "ArrowDown") return;
    const buttons = this.#items.filter((li) => !li.hidden).map((li) => li.querySelector("button"));
    const at = buttons.findIndex((b) => b === document.activeElement);
    const next = buttons[at + (e.key === "ArrowUp" ? -1 : 1)];
    if (at === -1 || !next) return;
    e.preventDefault();
    for (const b of buttons) if (b) b.tabIndex = b === next ? 0 : -1;
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
      for (let i = lo; i <= hi; i++) {
        const item = this.#items[i];
        if (item) item.hidden = hidden;
      }
      // The Tab stop moves to the newest line, unless the reader is on a line already.
      if (!this.#list.contains(document.activeElement)) {
        const newest = this.#items[index]?.querySelector("button") ?? null;
        if (newest !== this.#tabStop) {
          if (this.#tabStop) this.#tabStop.tabIndex = -1;
          if (newest) newest.tabIndex = 0;
          this.#tabStop = newest;
        }
      }
      this.#shown = index;
    }
    if (frame.snapshotIndex !== this.#marked) {
      for (const li of this.#blocks.get(this.#marked) ?? []) li.classList.remove("in-snapshot");
      this.#marked = frame.snapshotIndex;
      for (const li of this.#blocks.get(this.#marked) ?? []) li.classList.add("in-snapshot");
    }
  }
}
