import { mechanismText } from "../../lib/replay/captions.ts";
import type { ReplayFrame } from "../../lib/replay/frame.ts";
import type { ReplayVariant } from "../../lib/replay/replay-data.ts";
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
  #lastAlt = "";

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
    this.#lastAlt = "";
  }

  update(frame: ReplayFrame): void {
    const v = this.#variant;
    if (!v) return;
    frame.collectors.forEach((c, i) => {
      const g = this.#groups[i];
      if (!g) return;
      const state = c.state ?? "";
      if (g.dataset["phase"] !== c.phase) g.dataset["phase"] = c.phase;
      if (g.dataset["state"] !== state) g.dataset["state"] = state;
      if (g.dataset["buffer"] !== c.buffer) {
        g.dataset["buffer"] = c.buffer;
        const label = g.querySelector(".mech-buffer-state");
        if (label) label.textContent = ` · ${this.#strings.bufferWords[c.buffer]}`;
      }
    });
    this.#figure?.classList.toggle("marking", frame.marking !== -1);
    const alt = mechanismText(v, frame, this.#strings);
    if (this.#alt && alt !== this.#lastAlt) {
      this.#lastAlt = alt;
      this.#alt.textContent = alt;
    }
  }
}
