import { mechanismTextAround } from "../../lib/replay/captions.ts";
import type { ReplayFrame } from "../../lib/replay/frame.ts";
import { toSeconds, type ReplayVariant } from "../../lib/replay/replay-data.ts";
import type { ReplayStrings, ReplayView } from "./view.ts";

/**
 * The mechanism figure on the clock: each collector's data attributes (phase, state, what became
 * of its buffer) follow the frame, the figure shows a GC's marking for a moment after it began, and
 * the text alternative says what the picture shows now (not a live region: the step caption speaks).
 */
export class MechanismView implements ReplayView {
  #figure: HTMLElement | null;
  #svg: SVGSVGElement | null;
  #alt: HTMLElement | null;
  #groups: SVGGElement[] = [];
  #variant: ReplayVariant | null = null;
  #strings: ReplayStrings;
  /** The alternative's text around the seconds, as last written, and the seconds' text nodes. */
  #lastAround = "";
  #times: Text[] = [];
  /** The text alternative's pieces around the seconds, as text nodes. */
  #pieces: Text[] = [];
  #lastTime = "";
  #lastCollectors: ReplayFrame["collectors"] | null = null;
  #lastGc = -2;
  #marking: boolean | null = null;

  constructor(root: HTMLElement, strings: ReplayStrings) {
    this.#figure = root.querySelector(".mechanism");
    this.#svg = root.querySelector(".mechanism .mechanism-svg");
    this.#alt = root.querySelector("[data-mechanism-alt]");
    this.#strings = strings;
  }

  setVariant(variant: ReplayVariant): void {
    this.#variant = variant;
    this.#svg?.setAttribute("data-fix", variant.fix);
    this.#groups = [...(this.#svg?.querySelectorAll<SVGGElement>(".mech-collector") ?? [])];
    this.#lastAround = "";
    this.#lastCollectors = null;
    this.#lastGc = -2;
  }

  update(frame: ReplayFrame): void {
    const v = this.#variant;
    if (!v) return;
    const marking = frame.marking !== -1;
    if (marking !== this.#marking) {
      this.#marking = marking;
      this.#figure?.classList.toggle("marking", marking);
    }
    // frameAt keeps the collectors as one object until one of them changes (frameMemo); the text
    // also names the last GC. Between those changes only the seconds move.
    if (frame.collectors !== this.#lastCollectors || frame.gcEnded !== this.#lastGc) {
      this.#lastCollectors = frame.collectors;
      this.#lastGc = frame.gcEnded;
      this.#collectors(frame);
      this.#around(mechanismTextAround(v, frame, this.#strings));
    }
    const time = toSeconds(frame.tick).toFixed(2);
    if (time !== this.#lastTime) {
      this.#lastTime = time;
      for (const node of this.#times) node.data = time;
    }
  }

  #collectors(frame: ReplayFrame): void {
    frame.collectors.forEach((c, i) => {
      const g = this.#groups[i];
      if (!g) return;
      const state = c.state ?? "";
      if (g.dataset["phase"] !== c.phase) g.dataset["phase"] = c.phase;
      if (g.dataset["state"] !== state) g.dataset["state"] = state;
      if (g.dataset["buffer"] !== c.buffer) {
        g.dataset["buffer"] = c.buffer;
        const label = g.querySelector(".mech-buffer-state")?.firstChild;
        if (label instanceof Text) label.data = ` · ${this.#strings.bufferWords[c.buffer]}`;
      }
    });
  }

  /**
   * Writes the text alternative's pieces, with a text node for the seconds between each two: when
   * there are as many as before, into the text nodes already there, only those that changed.
   */
  #around(pieces: string[]): void {
    const joined = pieces.join("\u0000");
    if (!this.#alt || joined === this.#lastAround) return;
    this.#lastAround = joined;
    if (this.#pieces.length === pieces.length) {
      pieces.forEach((piece, i) => {
        const node = this.#pieces[i];
        if (node && node.data !== piece) node.data = piece;
      });
      return;
    }
    const [first = "", ...rest] = pieces;
    this.#pieces = [document.createTextNode(first)];
    const nodes: Text[] = [...this.#pieces];
    this.#times = [];
    for (const piece of rest) {
      const time = document.createTextNode(this.#lastTime);
      const text = document.createTextNode(piece);
      this.#times.push(time);
      this.#pieces.push(text);
      nodes.push(time, text);
    }
    this.#alt.replaceChildren(...nodes);
  }
}
