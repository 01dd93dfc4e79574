// Build-time only: the mechanism figure as SVG markup. It draws the program as the garbage
// collector sees it: the goroutine stacks (the roots) on the left, each collector's stack pointing
// at its channel and at its buffer (drawn to scale), and main's references, which differ by fix.
// What changes with time (a collector returns, its buffer becomes garbage, a GC frees it) is set
// by data attributes: the replay's client moves them with its clock (mechanism-view.ts); a static
// copy has them baked in for one moment (frameAt at build time), and CSS draws both the same way.
import { fill } from "../i18n/fill.ts";
import type { Strings } from "../i18n/en.ts";
import type { ReplayFrame } from "../lib/replay/frame.ts";
import type { ReplayVariant } from "../lib/replay/replay-data.ts";
import { escapeHtml } from "./escape-html.ts";

/** The figure's coordinate system: narrow enough that its 14 px text stays readable on a phone. */
export const MECHANISM_WIDTH = 440;
const ROW = 46;
const TOP = 84;
const STACK_W = 150;
const CHAN_X = 204;
const CHAN_W = 44;
const HEAP_X = 284;

const text = (x: number, y: number, s: string, cls = ""): string =>
  `<text x="${String(x)}" y="${String(y)}"${cls ? ` class="${cls}"` : ""}>${escapeHtml(s)}</text>`;

/** Height of the figure for a number of collectors. */
export function mechanismHeight(collectors: number): number {
  return TOP + collectors * ROW + 6;
}

/**
 * The figure's SVG for one program. With a frame, the moment it shows is baked into its data
 * attributes (a static copy); without, it shows the collectors just started (the client takes over).
 */
export function mechanismSvg(
  v: ReplayVariant,
  words: Strings["replay"]["figure"],
  frame: ReplayFrame | null,
  /** Unique on the page: the prefix of the figure's marker and pattern ids. */
  uid: string,
  /** What a buffer is at the moment shown: live, garbage, freed. */
  bufferWords: Strings["replay"]["client"]["bufferWords"],
): string {
  const collectors = v.goroutines.filter((g) => g.role === "collector");
  const height = mechanismHeight(collectors.length);
  const scale = Math.min(12, (MECHANISM_WIDTH - HEAP_X - 4) / Math.max(1, v.bufferMiB));
  const bufW = Math.max(8, Math.round(v.bufferMiB * scale));
  const parts: string[] = [];
  parts.push(
    `<defs><marker id="${uid}-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0L8,4L0,8z" class="mech-arrowhead"/></marker>` +
      `<pattern id="${uid}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" class="mech-hatch"/></pattern></defs>`,
  );
  const arrow = `marker-end="url(#${uid}-arrow)"`;
  parts.push(text(0, 16, words.roots, "mech-head"), text(HEAP_X, 16, words.heap, "mech-head"));
  parts.push(text(CHAN_X, 16, words.channels, "mech-head mech-head-chan"));

  // main, and what it holds: nothing (leak, timeout), the channels (close), the context (context).
  const mainWord = v.fix === "close" ? words.feeds : v.fix === "context" ? words.ctx : words.dropped;
  parts.push(
    `<g class="mech-main"><rect x="0.5" y="28.5" width="${String(STACK_W)}" height="40" rx="4" class="mech-stack"/>` +
      text(8, 45, words.main, "mech-name") +
      text(8, 62, mainWord, "mech-field") +
      "</g>",
  );
  if (v.fix === "none" || v.fix === "timeout") {
    // The references start() returned, dropped: a stub that ends in a cut.
    parts.push(
      `<g class="mech-dropped"><line x1="${String(STACK_W)}" y1="48" x2="${String(STACK_W + 18)}" y2="48" class="mech-edge"/>` +
        `<path d="M${String(STACK_W + 16)},42l8,12M${String(STACK_W + 24)},42l-8,12" class="mech-cut"/></g>`,
    );
  }
  if (v.fix === "context") {
    parts.push(
      `<g class="mech-ctx"><rect x="${String(CHAN_X)}.5" y="36.5" width="${String(CHAN_W + 20)}" height="22" rx="11" class="mech-chan"/>` +
        text(CHAN_X + 12, 52, words.context, "mech-field") +
        `<line x1="${String(STACK_W)}" y1="48" x2="${String(CHAN_X)}" y2="48" class="mech-edge" ${arrow}/></g>`,
    );
  }

  collectors.forEach((g, i) => {
    const y = TOP + i * ROW;
    const c = frame?.collectors.find((f) => f.id === g.id);
    const phase = c?.phase ?? "alive";
    const buffer = c?.buffer ?? "held";
    const state = c?.state ?? "waiting";
    const way =
      v.fix === "close"
        ? `<line x1="${String(STACK_W)}" y1="52" x2="${String(CHAN_X + CHAN_W / 2)}" y2="${String(y + 8)}" class="mech-edge mech-keep" ${arrow}/>`
        : v.fix === "context"
          ? `<path d="M${String(STACK_W)},${String(y + 30)}C${String(CHAN_X + 60)},${String(y + 20)} ${String(CHAN_X + 70)},70 ${String(CHAN_X + 40)},60" class="mech-edge mech-watch" ${arrow}/>`
          : "";
    parts.push(
      `<g class="mech-collector" data-n="${String(g.n)}" data-phase="${phase}" data-state="${state}" data-buffer="${buffer}">` +
        `<rect x="0.5" y="${String(y + 0.5)}" width="${String(STACK_W)}" height="38" rx="4" class="mech-stack"/>` +
        text(8, y + 16, fill(words.collector, { n: g.n }), "mech-name") +
        text(8, y + 32, v.fix === "timeout" ? "in · buf · " + words.timer : "in · buf", "mech-field") +
        `<rect x="${String(CHAN_X)}.5" y="${String(y + 8.5)}" width="${String(CHAN_W)}" height="20" rx="3" class="mech-chan"/>` +
        text(CHAN_X + 9, y + 23, "chan", "mech-field") +
        `<line x1="${String(STACK_W)}" y1="${String(y + 14)}" x2="${String(CHAN_X)}" y2="${String(y + 18)}" class="mech-edge mech-in" ${arrow}/>` +
        `<path d="M${String(STACK_W)},${String(y + 28)}C${String(CHAN_X + 10)},${String(y + 44)} ${String(HEAP_X - 30)},${String(y + 40)} ${String(HEAP_X)},${String(y + 24)}" class="mech-edge mech-buf" ${arrow}/>` +
        `<rect x="${String(HEAP_X)}.5" y="${String(y + 6.5)}" width="${String(bufW)}" height="26" rx="2" class="mech-buffer" style="--hatch:url(#${uid}-hatch)"/>` +
        `<text x="${String(HEAP_X + 8)}" y="${String(y + 24)}" class="mech-buffer-label">${escapeHtml(fill(words.buffer, { mib: v.bufferMiB }))}` +
        `<tspan class="mech-buffer-state">${escapeHtml(` · ${bufferWords[buffer]}`)}</tspan></text>` +
        way +
        "</g>",
    );
  });
  return (
    `<svg viewBox="0 0 ${String(MECHANISM_WIDTH)} ${String(height)}" class="mechanism-svg" data-fix="${v.fix}" aria-hidden="true" focusable="false">` +
    parts.join("") +
    "</svg>"
  );
}

/**
 * A small multiple of the mechanism for the key frames: each collector a square (its stack) and a
 * bar (its buffer, to scale), drawn as the frame has them. Hidden from assistive technology: its
 * key frame's caption says the same in words.
 */
export function miniMechanismSvg(v: ReplayVariant, frame: ReplayFrame): string {
  const rows = frame.collectors.map((c, i) => {
    const y = i * 12;
    return (
      `<g class="mech-collector" data-phase="${c.phase}" data-state="${c.state ?? ""}" data-buffer="${c.buffer}">` +
      `<rect x="0.5" y="${String(y + 0.5)}" width="9" height="9" class="mech-stack"/>` +
      `<rect x="20.5" y="${String(y + 1.5)}" width="${String(Math.max(4, v.bufferMiB * 6))}" height="7" class="mech-buffer"/></g>`
    );
  });
  const width = 24 + Math.max(4, v.bufferMiB * 6);
  return `<svg viewBox="0 0 ${String(width)} ${String(frame.collectors.length * 12)}" class="mini-mechanism" aria-hidden="true" focusable="false">${rows.join("")}</svg>`;
}
