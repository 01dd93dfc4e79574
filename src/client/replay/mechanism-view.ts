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
  #layers = new Map<string, HTMLElement>();
  #alt: HTMLElement | null;
  #groups: SVGGElement[] = [];
  #variant: ReplayVariant | null = null;
  #strings: ReplayStrings;
  #lastAlt = "";

  constructor(root: HTMLElement, strings: ReplayStrings) {
    this.#figure = root.querySelector(".mechanism");
    for (const layer of root.querySelectorAll<HTMLElement>(".mechanism-layer")) {
      if (layer.dataset["variant"]) this.#layers.set(layer.dataset["variant"], layer);
    }
    this.#alt = root.querySelector("[data-mechanism-alt]");
    this.#strings = strings;
  }

  setVariant(variant: ReplayVariant): void {
    this.#variant = variant;
    for (const [key, layer] of this.#layers) layer.hidden = key !== variant.key;
    this.#groups = [...(this.#layers.get(variant.key)?.querySelectorAll<SVGGElement>(".mech-collector") ?? [])];
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
