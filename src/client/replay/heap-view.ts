import type { ReplayFrame } from "../../lib/replay/frame.ts";
import { heapReadout } from "../../lib/replay/readouts.ts";
import { toSeconds, type ReplayVariant } from "../../lib/replay/replay-data.ts";
import type { Glide } from "./motion.ts";
import { textWriter, type ReplayStrings, type ReplayView } from "./view.ts";

/** One drawing of a program's chart: its clip rectangle and where its plot area lies. */
interface Drawing {
  clip: SVGRectElement | null;
  x0: number;
  x1: number;
  /** The width last written, so a frame that does not move the clip writes nothing. */
  width: string;
  /** A drawing for phones only (.figure-narrow), or for wider screens only (.figure-wide); null: both. */
  narrow: boolean | null;
}

// FigureCell.astro shows a chart's narrow drawing up to 600 px and its wide one above: a frame
// moves the clip of the drawing on screen only (each write costs tens of microseconds), and the
// other one catches up when the width crosses over.
const NARROW = matchMedia("(max-width: 600px)");

/** How far the clip reveals a drawing at a share of the recording, in the SVG's units. */
function clipWidth(x0: number, x1: number, share: number): number {
  return x0 + share * (x1 - x0);
}

function drawingsOf(layer: HTMLElement): Drawing[] {
  return [...layer.querySelectorAll<HTMLElement>("[data-x-range]")].map((el) => {
    const [x0 = "0", x1 = "1"] = (el.dataset["xRange"] ?? "0,1").split(",");
    const clip = el.querySelector<SVGRectElement>("clipPath rect");
    const narrow = el.classList.contains("figure-narrow") ? true : el.classList.contains("figure-wide") ? false : null;
    return { clip, x0: Number(x0), x1: Number(x1), width: clip?.getAttribute("width") ?? "", narrow };
  });
}

/**
 * The heap widget: the build-time chart of each program stacked in one place. The current one is
 * revealed up to the clock through its clip rectangle, over a faint copy of its whole curve; under
 * a fix the leak is shown whole as the baseline, and a fix shown before it in grey, both named in
 * the legend. The labels above the chart mark the recorded events; the current one is highlighted.
 */
export class HeapView implements ReplayView {
  #layers = new Map<string, { layer: HTMLElement; drawings: Drawing[] }>();
  #sets = new Map<string, HTMLElement>();
  #variant: ReplayVariant | null = null;
  #readout: (text: string) => void;
  #legend: { now: HTMLElement | null; baseline: HTMLElement | null; before: HTMLElement | null };
  /** The current program's event labels, by the story step each names. */
  #labels = new Map<number, HTMLElement[]>();
  /** The labels marked current now. */
  #current: HTMLElement[] = [];
  /** The frame's GC and live heap the readout was last written for. */
  #lastGc = -2;
  #lastLive: number | null = null;
  #lastStep = -2;
  #lastFrame: ReplayFrame | null = null;
  #end: number;
  #strings: ReplayStrings;
  /** While the browser moves the clips (glide), frames do not write them. */
  #gliding = false;
  /** NARROW.matches, kept: reading it costs microseconds a frame. */
  #narrow = NARROW.matches;

  constructor(root: HTMLElement, strings: ReplayStrings, end: number) {
    this.#strings = strings;
    this.#end = end;
    for (const layer of root.querySelectorAll<HTMLElement>(".heap-layer")) {
      const key = layer.dataset["variant"];
      if (key) this.#layers.set(key, { layer, drawings: drawingsOf(layer) });
    }
    for (const set of root.querySelectorAll<HTMLElement>(".annotation-set")) {
      const key = set.dataset["variant"];
      if (key) this.#sets.set(key, set);
    }
    this.#readout = textWriter(root.querySelector(".heap-readout"));
    NARROW.addEventListener("change", () => {
      this.#narrow = NARROW.matches;
      if (this.#lastFrame) this.update(this.#lastFrame);
    });
    this.#legend = {
      now: root.querySelector(".legend-now"),
      baseline: root.querySelector(".legend-baseline"),
      before: root.querySelector(".legend-before"),
    };
  }

  setVariant(variant: ReplayVariant, baseline: ReplayVariant | null, before: ReplayVariant | null): void {
    this.#variant = variant;
    for (const [key, { layer }] of this.#layers) {
      layer.classList.toggle("current", key === variant.key);
      layer.classList.toggle("baseline", key === baseline?.key);
      layer.classList.toggle("before", key === before?.key);
    }
    const { now, baseline: base, before: prev } = this.#legend;
    if (now) {
      now.dataset["key"] = variant.key;
      const name = now.querySelector(".legend-name");
      if (name) name.textContent = variant.label;
    }
    if (base) base.hidden = baseline === null;
    if (prev) {
      prev.hidden = before === null;
      const name = prev.querySelector(".legend-name");
      if (name) name.textContent = before?.label ?? "";
    }
    for (const [key, set] of this.#sets) set.hidden = key !== variant.key;
    this.#labels = new Map();
    for (const label of this.#sets.get(variant.key)?.querySelectorAll<HTMLElement>(".annotation") ?? []) {
      // None is current until the first frame says which; a visit before may have left one marked.
      label.classList.remove("current");
      const step = Number(label.dataset["step"]);
      this.#labels.set(step, [...(this.#labels.get(step) ?? []), label]);
    }
    this.#current = [];
    this.#lastStep = -2;
    this.#lastGc = -2;
  }

  /** The clips of the current program's drawings, both widths (the hidden one costs nothing). */
  glide(on: boolean): Glide[] {
    this.#gliding = on;
    const v = this.#variant;
    if (!on || !v) return [];
    return (this.#layers.get(v.key)?.drawings ?? []).flatMap(({ clip, x0, x1 }) =>
      clip ? [{ target: clip, property: "width", at: (share: number) => `${String(clipWidth(x0, x1, share))}px` }] : [],
    );
  }

  update(frame: ReplayFrame): void {
    const v = this.#variant;
    if (!v) return;
    this.#lastFrame = frame;
    const share = Math.min(1, toSeconds(frame.tick) / this.#end);
    const narrow = this.#narrow;
    for (const drawing of this.#gliding ? [] : (this.#layers.get(v.key)?.drawings ?? [])) {
      if (drawing.narrow !== null && drawing.narrow !== narrow) continue;
      // The attribute stays what was last written while the browser animates the clip's CSS width,
      // so comparing with it is right again when the clock stops.
      const width = clipWidth(drawing.x0, drawing.x1, share).toFixed(1);
      if (drawing.clip && drawing.width !== width) {
        drawing.width = width;
        drawing.clip.setAttribute("width", width);
      }
    }
    // The readout says what the last GC left: it changes when a GC ends, not with the clock.
    const live = frame.heap?.live ?? null;
    if (frame.gcEnded !== this.#lastGc || live !== this.#lastLive) {
      this.#lastGc = frame.gcEnded;
      this.#lastLive = live;
      this.#readout(heapReadout(v, frame, this.#strings));
    }
    if (frame.step !== this.#lastStep) {
      this.#lastStep = frame.step;
      // Only the labels that stop or start being current are written.
      for (const label of this.#current) label.classList.remove("current");
      this.#current = this.#labels.get(frame.step) ?? [];
      for (const label of this.#current) label.classList.add("current");
    }
  }
}
