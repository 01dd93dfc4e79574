import { countsAt } from "../../lib/replay/replay-lookup.ts";
import { REPLAY_STATES, toSeconds, type ReplayVariant } from "../../lib/replay/replay-data.ts";
import { fill } from "../../i18n/fill.ts";
import type { ReplayView, ReplayStrings } from "./view.ts";

const SVG = "http://www.w3.org/2000/svg";
const ROW_FONT_PX = 6.1; // width of a 10 px monospace character, for the label column
const ROW = 16;

function svgEl<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/**
 * Goroutine lanes: one row per goroutine (the program's first, then the runtime's and the
 * recorder's), each span coloured by state, drawn once per variant from the page's data; the clock
 * widens a clip rectangle and moves a cursor. Each row's label shows the state and wait reason at
 * the current time; the counts by state go to an <output>.
 */
export class LanesView implements ReplayView {
  #box: HTMLElement | null;
  #counts: HTMLOutputElement | null;
  #strings: ReplayStrings;
  #variant: ReplayVariant | null = null;
  #clip: SVGRectElement | null = null;
  #cursor: SVGLineElement | null = null;
  #labels: SVGTextElement[] = [];
  #end = 1;
  #width = 720;
  #label = 220;
  #labelChars = 34;
  #lastText = "";

  constructor(root: HTMLElement, strings: ReplayStrings, end: number) {
    this.#box = root.querySelector(".lanes-box");
    this.#counts = root.querySelector(".lanes-counts");
    this.#strings = strings;
    this.#end = end;
  }

  #x(tick: number): number {
    return this.#label + (Math.min(tick, this.#end) / this.#end) * (this.#width - this.#label - 8);
  }

  setVariant(variant: ReplayVariant): void {
    this.#variant = variant;
    if (!this.#box) return;
    // Drawn at the box's own width, so the labels stay 10 px on a phone too.
    this.#width = Math.max(300, Math.round(this.#box.clientWidth || 720));
    this.#label = Math.min(220, Math.round(this.#width * 0.42));
    this.#labelChars = Math.floor((this.#label - 8) / ROW_FONT_PX);
    const height = variant.lanes.length * ROW + 8;
    const svg = svgEl("svg", {
      viewBox: `0 0 ${String(this.#width)} ${String(height)}`,
      class: "lanes-svg",
      "aria-hidden": "true",
    });
    const clipId = `${this.#box.closest("replay-cell")?.id ?? "replay"}-lanes-clip`;
    const clip = svgEl("clipPath", { id: clipId });
    this.#clip = svgEl("rect", { x: 0, y: 0, width: this.#label, height });
    clip.append(this.#clip);
    const defs = svgEl("defs", {});
    defs.append(clip);
    svg.append(defs);
    const spans = svgEl("g", { "clip-path": `url(#${clipId})` });
    this.#labels = [];
    variant.lanes.forEach((lane, row) => {
      const y = row * ROW + 4;
      const owner =
        lane.owner === "user"
          ? this.#strings.user
          : lane.owner === "runtime"
            ? this.#strings.runtime
            : this.#strings.probe;
      const label = svgEl("text", { x: 4, y: y + ROW - 5, class: `lane-label owner-${lane.owner}` });
      label.textContent = `G${String(lane.id)} ${owner}`;
      this.#labels.push(label);
      svg.append(label);
      if (row > 0 && lane.owner !== variant.lanes[row - 1]?.owner) {
        svg.append(svgEl("line", { x1: 0, x2: this.#width, y1: y - 1, y2: y - 1, class: "lane-separator" }));
      }
      for (const { from, to, state } of lane.spans) {
        const x = this.#x(from);
        spans.append(
          svgEl("rect", {
            x: x.toFixed(1),
            y: y + 2,
            width: Math.max(0.6, this.#x(to) - x).toFixed(1),
            height: ROW - 5,
            class: `lane-span state-${REPLAY_STATES[state] ?? "unknown"}`,
          }),
        );
      }
    });
    svg.append(spans);
    this.#cursor = svgEl("line", { x1: this.#label, x2: this.#label, y1: 0, y2: height, class: "replay-cursor" });
    svg.append(this.#cursor);
    this.#box.replaceChildren(svg);
    this.#lastText = "";
  }

  update(tick: number): void {
    const v = this.#variant;
    if (!v) return;
    const x = this.#x(tick).toFixed(1);
    this.#clip?.setAttribute("width", x);
    this.#cursor?.setAttribute("x1", x);
    this.#cursor?.setAttribute("x2", x);
    const { all, user, lanes } = countsAt(v, tick);
    lanes.forEach((l, i) => {
      const lane = v.lanes[i];
      const label = this.#labels[i];
      if (!lane || !label) return;
      const full = l ? `G${String(lane.id)} ${l.state}${l.reason ? ` (${l.reason})` : ""}` : `G${String(lane.id)} –`;
      const text = full.length > this.#labelChars ? `${full.slice(0, this.#labelChars - 1)}…` : full;
      if (label.textContent !== text) label.textContent = text;
    });
    const list = (m: Map<string, number>): string =>
      m.size === 0 ? this.#strings.none : [...m].map(([state, n]) => `${state} ${String(n)}`).join(", ");
    // Before the execution trace starts (the first ms or two) no goroutine is known yet.
    const time = fill(this.#strings.time, { t: toSeconds(tick).toFixed(1) });
    const text =
      all.size === 0
        ? `${time} · ${this.#strings.notTraced}`
        : `${time} · ${this.#strings.program}: ${list(user)} · ${this.#strings.all}: ${list(all)}`;
    if (this.#counts && text !== this.#lastText) {
      this.#lastText = text;
      this.#counts.textContent = text;
    }
  }
}
