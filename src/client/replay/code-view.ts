import type { ReplayFrame } from "../../lib/replay/frame.ts";
import { codeReadout, mostWaitedLine, waitingLines } from "../../lib/replay/readouts.ts";
import type { ReplayVariant } from "../../lib/replay/replay-data.ts";
import { textWriter, type ReplayStrings, type ReplayView } from "./view.ts";

/**
 * The code panel: the current program, with every line where its goroutines wait now marked and
 * counted, for as long as the recorded stacks say they wait there; the readout names the line most
 * of them wait at, with its code.
 */
export class CodeView implements ReplayView {
  #layers = new Map<string, HTMLElement>();
  #readout: (text: string) => void;
  #revealing = 0;
  /** The current program's listing, line by line. */
  #lines: HTMLElement[] = [];
  #strings: ReplayStrings;
  #variant: ReplayVariant | null = null;
  #marked: HTMLElement[] = [];
  #lastKey: string | null = null;
  #lastWaits: ReplayFrame["waitLines"] | null = null;

  constructor(root: HTMLElement, strings: ReplayStrings) {
    for (const layer of root.querySelectorAll<HTMLElement>(".code-layer")) {
      if (layer.dataset["variant"]) this.#layers.set(layer.dataset["variant"], layer);
    }
    this.#readout = textWriter(root.querySelector(".code-readout"));
    this.#strings = strings;
  }

  setVariant(variant: ReplayVariant): void {
    this.#variant = variant;
    for (const [key, layer] of this.#layers) layer.hidden = key !== variant.key;
    // The listing's lines, looked up once (a query through every line cost more than the marks).
    this.#lines = [...(this.#layers.get(variant.key)?.querySelectorAll<HTMLElement>("pre code > span") ?? [])];
    // Whatever the new program's first frame says, it is written: nothing of the last one stays.
    this.#lastKey = null;
    this.#lastWaits = null;
  }

  update(frame: ReplayFrame): void {
    const v = this.#variant;
    // frameAt keeps the wait lines as one object until a wait begins or ends (frameMemo).
    if (!v || frame.waitLines === this.#lastWaits) return;
    this.#lastWaits = frame.waitLines;
    const lines = waitingLines(frame);
    const key = lines.map((l) => `${String(l.line)}:${String(l.n)}`).join(",");
    if (key === this.#lastKey) return;
    this.#lastKey = key;
    const rendered = this.#lines;
    // Only the lines whose mark or count changes are written.
    const marks = new Map<HTMLElement, string>();
    for (const l of lines) {
      const el = rendered[l.line - 1];
      if (el) marks.set(el, `×${String(l.n)}`);
    }
    for (const el of this.#marked) {
      if (marks.has(el)) continue;
      el.classList.remove("blocks");
      delete el.dataset["waiting"];
    }
    for (const [el, count] of marks) {
      if (el.dataset["waiting"] === count) continue;
      el.classList.add("blocks");
      el.dataset["waiting"] = count;
    }
    this.#marked = [...marks.keys()];
    const most = mostWaitedLine(frame);
    const line = most ? rendered[most.line - 1] : undefined;
    // Its position is read once this frame is drawn (a task after it), when the page's layout is
    // up to date: read in the frame, after every panel's writes, it made the browser lay the whole
    // page out there and then (3–5 ms in the frames where a wait began or ended).
    window.clearTimeout(this.#revealing);
    if (line) {
      this.#revealing = window.setTimeout(() => {
        reveal(line);
      }, 0);
    }
    this.#readout(codeReadout(frame, (n) => rendered[n - 1]?.textContent ?? "", this.#strings));
  }
}

/**
 * Scrolls the listing's own box (not the page) so that the line the readout names is in sight, a
 * third of the way down, when it is not: the readout never names a line the panel hides. Runs when
 * the wait lines change, a few times in a run, after the frame that changed them.
 */
function reveal(line: HTMLElement | undefined): void {
  const box = line?.closest("pre");
  if (!line || !box) return;
  const at = line.getBoundingClientRect();
  const view = box.getBoundingClientRect();
  if (view.height === 0 || (at.top >= view.top && at.bottom <= view.bottom)) return;
  box.scrollTop += at.top - view.top - view.height / 3;
}
