import { gcIndexAt, heapAt } from "../../lib/replay/replay-lookup.ts";
import { toSeconds, type ReplayVariant } from "../../lib/replay/replay-data.ts";
import { fill } from "../../i18n/fill.ts";
import type { ReplayHost, ReplayView, ReplayStrings } from "./view.ts";

/** One drawing of a variant's chart, with its x scale (seconds to pixels) and the parts that move. */
interface Drawing {
  r0: number;
  r1: number;
  d1: number;
  clip: SVGRectElement | null;
  cursor: SVGLineElement | null;
}

function drawingOf(el: HTMLElement): Drawing {
  const [, d1 = "1"] = (el.dataset["xDomain"] ?? "0,1").split(",");
  const [r0 = "0", r1 = "1"] = (el.dataset["xRange"] ?? "0,1").split(",");
  return {
    r0: Number(r0),
    r1: Number(r1),
    d1: Number(d1),
    clip: el.querySelector("clipPath rect"),
    cursor: el.querySelector(".replay-cursor"),
  };
}

/**
 * The heap widget: the build-time chart of each variant stacked in one place; the current one is
 * revealed up to the clock through its clip rectangle, the previous one stays as a ghost. The GC
 * chips are buttons: focus or hover shows a GC's numbers, pressing one moves the clock there.
 */
export class HeapView implements ReplayView {
  /** Per variant, its drawings (desktop and phone), each with its own x scale. */
  #layers = new Map<string, { layer: HTMLElement; drawings: Drawing[] }>();
  #variant: ReplayVariant | null = null;
  #ghost: ReplayVariant | null = null;
  #readout: HTMLOutputElement | null;
  #chips: HTMLElement | null;
  #detail: HTMLElement | null;
  #lastGc = -2;

  #strings: ReplayStrings;
  #host: ReplayHost;

  constructor(root: HTMLElement, strings: ReplayStrings, host: ReplayHost) {
    this.#strings = strings;
    this.#host = host;
    for (const layer of root.querySelectorAll<HTMLElement>(".heap-layer")) {
      const drawings = [...layer.querySelectorAll<HTMLElement>("[data-x-range]")].map(drawingOf);
      if (layer.dataset["variant"]) this.#layers.set(layer.dataset["variant"], { layer, drawings });
    }
    this.#readout = root.querySelector(".heap-readout");
    this.#chips = root.querySelector(".gc-chips");
    this.#detail = root.querySelector(".gc-detail");
  }

  setVariant(variant: ReplayVariant, previous: ReplayVariant | null): void {
    this.#ghost = previous && previous.key !== variant.key ? previous : this.#ghost;
    if (this.#ghost?.key === variant.key) this.#ghost = null;
    this.#variant = variant;
    for (const [key, { layer }] of this.#layers) {
      layer.classList.toggle("current", key === variant.key);
      layer.classList.toggle("ghost", key === this.#ghost?.key);
    }
    this.#renderChips(variant);
    this.#lastGc = -2;
  }

  #renderChips(variant: ReplayVariant): void {
    if (!this.#chips) return;
    this.#chips.replaceChildren();
    for (const gc of variant.gcs) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = gc.forced ? "button gc-chip forced" : "button gc-chip";
      button.textContent = `GC ${String(gc.n)}`;
      const detail = fill(this.#strings.gcDetail, {
        n: gc.n,
        t: toSeconds(gc.t).toFixed(2),
        start: gc.start,
        end: gc.marked,
        live: gc.live,
        goal: gc.goal,
        forced: (gc.forced ? this.#strings.forced : "") + (gc.leakCheck ? this.#strings.leakCheck : ""),
      });
      button.setAttribute("aria-label", detail);
      const show = (): void => {
        if (this.#detail) this.#detail.textContent = detail;
      };
      button.addEventListener("focus", show);
      button.addEventListener("pointerenter", show);
      button.addEventListener("click", () => {
        this.#host.seek(gc.end);
      });
      this.#chips.append(button);
    }
  }

  update(tick: number): void {
    const t = toSeconds(tick);
    for (const v of [this.#variant, this.#ghost]) {
      for (const d of (v ? this.#layers.get(v.key)?.drawings : undefined) ?? []) {
        const x = (d.r0 + (Math.min(t, d.d1) / d.d1) * (d.r1 - d.r0)).toFixed(1);
        d.clip?.setAttribute("width", x);
        d.cursor?.setAttribute("x1", x);
        d.cursor?.setAttribute("x2", x);
      }
    }
    const v = this.#variant;
    if (!v) return;
    const heap = heapAt(v, tick);
    if (this.#readout) {
      this.#readout.textContent = heap
        ? fill(this.#strings.readout, { t: t.toFixed(1), live: Math.round(heap.live) })
        : fill(this.#strings.readoutNone, { t: t.toFixed(1) });
    }
    const gc = gcIndexAt(v, tick);
    if (gc !== this.#lastGc && this.#chips) {
      this.#lastGc = gc;
      this.#chips.querySelectorAll(".gc-chip").forEach((chip, i) => {
        chip.classList.toggle("past", i <= gc);
      });
    }
  }
}
