import { waitingLinesAt } from "../../lib/replay/replay-lookup.ts";
import type { ReplayVariant } from "../../lib/replay/replay-data.ts";
import { fill } from "../../i18n/fill.ts";
import type { ReplayView, ReplayStrings } from "./view.ts";

/**
 * The code panel: the chosen variant's program, with the line where its goroutines wait marked
 * for as long as the recorded stacks say they wait there.
 */
export class CodeView implements ReplayView {
  #layers = new Map<string, HTMLElement>();
  #readout: HTMLOutputElement | null;
  #strings: ReplayStrings;
  #variant: ReplayVariant | null = null;
  #marked: Element | null = null;
  #lastKey = "";

  constructor(root: HTMLElement, strings: ReplayStrings) {
    for (const layer of root.querySelectorAll<HTMLElement>(".code-layer")) {
      if (layer.dataset["variant"]) this.#layers.set(layer.dataset["variant"], layer);
    }
    this.#readout = root.querySelector(".code-readout");
    this.#strings = strings;
  }

  setVariant(variant: ReplayVariant): void {
    this.#variant = variant;
    for (const [key, layer] of this.#layers) layer.hidden = key !== variant.key;
    this.#lastKey = "";
  }

  update(tick: number): void {
    const v = this.#variant;
    if (!v) return;
    const lines = waitingLinesAt(v, tick);
    let best: [number, number] | null = null;
    for (const [line, n] of lines) if (!best || n > best[1]) best = [line, n];
    const key = best ? `${String(best[0])}:${String(best[1])}` : "";
    if (key === this.#lastKey) return;
    this.#lastKey = key;
    this.#marked?.classList.remove("blocks");
    this.#marked = best ? (this.#layers.get(v.key)?.querySelectorAll(".line")[best[0] - 1] ?? null) : null;
    this.#marked?.classList.add("blocks");
    if (this.#readout) {
      this.#readout.textContent = best
        ? fill(this.#strings.waitingHere, { n: best[1], line: best[0] })
        : this.#strings.nobodyWaiting;
    }
  }
}
