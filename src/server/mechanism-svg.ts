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

/** How wide a program's buffer is drawn: to scale, at most 12 px a MiB, at least 8 px. */
function bufferWidth(v: ReplayVariant): number {
  const scale = Math.min(12, (MECHANISM_WIDTH - HEAP_X - 4) / Math.max(1, v.bufferMiB));
  return Math.max(8, Math.round(v.bufferMiB * scale));
}

// The ids of what every mechanism figure of a page draws with: its one copy (mechanismDefs).
const ARROW_ID = "mech-arrow";
const HATCH_ID = "mech-hatch";
const rowId = (bufW: number): string => `mech-row-${String(bufW)}`;

/**
 * What every mechanism figure of a page refers to, once a page (MechanismDefs.astro): the
 * arrowhead, the hatching of a garbage buffer (mechanism.css names both for every figure), and a
 * collector's row for each buffer width the programs have, which each row of a figure <use>s at its
 * height. Five figures on the article would each carry the same 800 bytes. An SVG that draws
 * nothing itself, hidden from assistive technology as the figures are.
 */
export function mechanismDefs(variants: readonly ReplayVariant[]): string {
  // What every collector's row draws alike (its stack, channel, edges and buffer), at the row's
  // origin. State styles reach the copy through custom properties set on the row's group
  // (mechanism.css), since selectors do not match into a <use>'s shadow tree by the row's context.
  // The row's own words, and the edges that do not move with the row, stay in its group.
  const rows = [...new Set(variants.map(bufferWidth))].map(
    (bufW) =>
      `<g id="${rowId(bufW)}" class="mech-row">` +
      `<rect x="0.5" y="0.5" width="${String(STACK_W)}" height="38" rx="4" class="mech-stack"/>` +
      `<rect x="${String(CHAN_X)}.5" y="8.5" width="${String(CHAN_W)}" height="20" rx="3" class="mech-chan"/>` +
      text(CHAN_X + 9, 23, "chan", "mech-field") +
      `<line x1="${String(STACK_W)}" y1="14" x2="${String(CHAN_X)}" y2="18" class="mech-edge mech-in"/>` +
      `<path d="M${String(STACK_W)},28C${String(CHAN_X + 10)},44 ${String(HEAP_X - 30)},40 ${String(HEAP_X)},24" class="mech-edge mech-buf"/>` +
      `<rect x="${String(HEAP_X)}.5" y="6.5" width="${String(bufW)}" height="26" rx="2" class="mech-buffer"/>` +
      "</g>",
  );
  return (
    `<svg class="mech-defs" aria-hidden="true"><defs>` +
    `<marker id="${ARROW_ID}" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0L8,4L0,8z" class="mech-arrowhead"/></marker>` +
    `<pattern id="${HATCH_ID}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" class="mech-hatch"/></pattern>` +
    `${rows.join("")}</defs></svg>`
  );
}

/** Height of the figure for a number of collectors. */
export function mechanismHeight(collectors: number): number {
  return TOP + collectors * ROW + 6;
}

/**
 * The figure's SVG. It draws what every program has in common once (main, the collectors, their
 * channels and buffers) and what differs by fix in groups marked `only-<fix>`, which CSS shows for
 * the figure's `data-fix`: so the replay carries one figure for all its programs and switches it by
 * an attribute. `variants` must agree on their collectors and buffer size (the article's do). With a
 * frame, the moment it shows is baked into the collectors' data attributes (a static copy); without,
 * it shows the collectors just started and the client takes over, and the groups of the programs
 * after the first are deferred markup (build/defer-markup.ts), back before the client starts. It
 * draws with its page's one mechanismDefs.
 */
export function mechanismSvg(
  variants: readonly ReplayVariant[],
  words: Strings["replay"]["figure"],
  frame: ReplayFrame | null,
  /** What a buffer is at the moment shown: live, garbage, freed. */
  bufferWords: Strings["replay"]["client"]["bufferWords"],
): string {
  const v = variants[0];
  if (v === undefined) throw new Error("mechanismSvg: no program to draw");
  const collectors = v.goroutines.filter((g) => g.role === "collector");
  for (const other of variants) {
    if (
      other.bufferMiB !== v.bufferMiB ||
      other.goroutines.filter((g) => g.role === "collector").length !== collectors.length
    )
      throw new Error(`mechanismSvg: ${other.key} differs from ${v.key} in its collectors; draw them apart`);
  }
  const fixes = new Set(variants.map((x) => x.fix));
  // The parts of the other programs than the first are shown only by the client (a copy without a
  // frame is the replay's), so the build moves them out of the page until it runs (data-defer).
  const later = (fix: ReplayVariant["fix"]): string => (frame === null && fix !== v.fix ? " data-defer" : "");
  const only = (fix: ReplayVariant["fix"], markup: string): string =>
    fixes.has(fix) ? (fixes.size > 1 ? `<g class="only-${fix}"${later(fix)}>${markup}</g>` : markup) : "";
  const height = mechanismHeight(collectors.length);
  const bufW = bufferWidth(v);
  const parts: string[] = [
    text(0, 16, words.roots, "mech-head"),
    text(CHAN_X, 16, words.channels, "mech-head"),
    text(HEAP_X, 16, words.heap, "mech-head"),
    // main, and what it holds: nothing (leak, timeout), the channels (close), the context (context).
    `<g class="mech-main"><rect x="0.5" y="28.5" width="${String(STACK_W)}" height="40" rx="4" class="mech-stack"/>` +
      text(8, 45, words.main, "mech-name") +
      only("none", text(8, 62, words.dropped, "mech-field")) +
      only("timeout", text(8, 62, words.dropped, "mech-field")) +
      only("close", text(8, 62, words.feeds, "mech-field")) +
      only("context", text(8, 62, words.ctx, "mech-field")) +
      "</g>",
  ];
  // The references start() returned, dropped: a stub that ends in a cut.
  const dropped =
    `<line x1="${String(STACK_W)}" y1="48" x2="${String(STACK_W + 18)}" y2="48" class="mech-edge mech-stub"/>` +
    `<path d="M${String(STACK_W + 16)},42l8,12M${String(STACK_W + 24)},42l-8,12" class="mech-cut"/>`;
  parts.push(only("none", dropped), only("timeout", dropped));
  parts.push(
    only(
      "context",
      `<rect x="${String(CHAN_X)}.5" y="36.5" width="${String(CHAN_W + 20)}" height="22" rx="11" class="mech-chan"/>` +
        text(CHAN_X + 12, 52, words.context, "mech-field") +
        `<line x1="${String(STACK_W)}" y1="48" x2="${String(CHAN_X)}" y2="48" class="mech-edge"/>`,
    ),
  );

  collectors.forEach((g, i) => {
    const y = TOP + i * ROW;
    const c = frame?.collectors.find((f) => f.id === g.id);
    const phase = c?.phase ?? "alive";
    const buffer = c?.buffer ?? "held";
    const state = c?.state ?? "waiting";
    parts.push(
      `<g class="mech-collector" data-n="${String(g.n)}" data-phase="${phase}" data-state="${state}" data-buffer="${buffer}">` +
        `<use href="#${rowId(bufW)}" y="${String(y)}"/>` +
        text(8, y + 16, fill(words.collector, { n: g.n }), "mech-name") +
        only("none", text(8, y + 32, "in · buf", "mech-field")) +
        only("close", text(8, y + 32, "in · buf", "mech-field")) +
        only("context", text(8, y + 32, "in · buf · ctx", "mech-field")) +
        only("timeout", text(8, y + 32, `in · buf · ${words.timer}`, "mech-field")) +
        `<text x="${String(HEAP_X + 8)}" y="${String(y + 24)}" class="mech-buffer-label">${escapeHtml(fill(words.buffer, { mib: v.bufferMiB }))}` +
        `<tspan class="mech-buffer-state">${escapeHtml(` · ${bufferWords[buffer]}`)}</tspan></text>` +
        only(
          "close",
          `<line x1="${String(STACK_W)}" y1="52" x2="${String(CHAN_X + CHAN_W / 2)}" y2="${String(y + 8)}" class="mech-edge mech-keep"/>`,
        ) +
        only(
          "context",
          `<path d="M${String(STACK_W)},${String(y + 30)}C${String(CHAN_X + 60)},${String(y + 20)} ${String(CHAN_X + 70)},70 ${String(CHAN_X + 40)},60" class="mech-edge mech-watch"/>`,
        ) +
        "</g>",
    );
  });
  return (
    `<svg viewBox="0 0 ${String(MECHANISM_WIDTH)} ${String(height)}" class="mechanism-svg" data-fix="${v.fix}" aria-hidden="true">` +
    parts.join("") +
    "</svg>"
  );
}

/** What a key frame's small mechanism draws: its viewBox and the drawing, for a <symbol>. */
export interface MiniMechanism {
  viewBox: string;
  paths: string;
}

/**
 * A small multiple of the mechanism for the key frames: each collector a square (its stack) and a
 * bar (its buffer, to scale), drawn as the frame has them. A page's sixteen key frames show three
 * or four different drawings, so ReplayKeyFrames.astro puts each once into a <symbol> and the frames
 * <use> it (miniMechanismUse).
 */
export function miniMechanism(v: ReplayVariant, frame: ReplayFrame): MiniMechanism {
  // One path per stack state and one per buffer state (not two elements per collector).
  const bufW = Math.max(4, v.bufferMiB * 6);
  const stacks = new Map<string, string>();
  const buffers = new Map<string, string>();
  frame.collectors.forEach((c, i) => {
    const y = i * 12;
    const stack = `${c.phase} ${c.state ?? ""}`;
    stacks.set(stack, `${stacks.get(stack) ?? ""}M0.5,${String(y + 0.5)}h9v9h-9z`);
    buffers.set(c.buffer, `${buffers.get(c.buffer) ?? ""}M20.5,${String(y + 1.5)}h${String(bufW)}v7h-${String(bufW)}z`);
  });
  const paths = [
    ...[...stacks].map(([key, d]) => {
      const [phase = "", state = ""] = key.split(" ");
      return `<g class="mech-collector" data-phase="${phase}" data-state="${state}"><path d="${d}" class="mech-stack"/></g>`;
    }),
    ...[...buffers].map(
      ([buffer, d]) => `<g class="mech-collector" data-buffer="${buffer}"><path d="${d}" class="mech-buffer"/></g>`,
    ),
  ];
  return { viewBox: `0 0 ${String(24 + bufW)} ${String(frame.collectors.length * 12)}`, paths: paths.join("") };
}

/**
 * The page's drawings of miniMechanism, each once, as <symbol id="{prefix}-{i}"> in an SVG that
 * draws nothing itself. Hidden from assistive technology, as are the frames that use them.
 */
export function miniMechanismSymbols(drawings: readonly MiniMechanism[], prefix: string): string {
  const symbols = drawings.map(
    (d, i) => `<symbol id="${prefix}-${String(i)}" viewBox="${d.viewBox}">${d.paths}</symbol>`,
  );
  return `<svg class="mini-symbols" aria-hidden="true">${symbols.join("")}</svg>`;
}

/**
 * One key frame's small mechanism: a <use> of its drawing's symbol. Hidden from assistive
 * technology: its key frame's caption says the same in words.
 */
export function miniMechanismUse(drawing: MiniMechanism, id: string): string {
  return `<svg viewBox="${drawing.viewBox}" class="mini-mechanism" aria-hidden="true"><use href="#${id}"/></svg>`;
}
