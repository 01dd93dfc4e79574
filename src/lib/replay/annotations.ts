import type { StoryEvent } from "./story.ts";

/** Which story events are labelled on the heap chart, and with which of the label templates. */
export type AnnotationKind = "start" | "forced" | "return" | "frees" | "leak-check";

/** A label on the heap chart at the time its event happened. */
export interface Annotation {
  kind: AnnotationKind;
  /** Index of its event in the story (the replay highlights it while that event is current). */
  step: number;
  /** Tick of the event. */
  t: number;
  event: StoryEvent;
}

/**
 * The events worth a label on the heap chart (Distill's "annotate in place"): the collectors'
 * start, the first forced GC that still finds their buffers, their return, the GC that frees
 * their buffers, and the leak check. At most one of each, in time order.
 */
export function annotationsOf(story: readonly StoryEvent[], bufferMiB: number): Annotation[] {
  const out: Annotation[] = [];
  const seen = new Set<AnnotationKind>();
  const add = (kind: AnnotationKind, step: number, event: StoryEvent): void => {
    if (seen.has(kind)) return;
    seen.add(kind);
    out.push({ kind, step, t: event.t, event });
  };
  story.forEach((e, step) => {
    if (e.kind === "start") add("start", step, e);
    else if (e.kind === "return") add("return", step, e);
    else if (e.kind === "leak-check") add("leak-check", step, e);
    else if (e.kind === "gc" && e.forced && e.holding > 0) add("forced", step, e);
    else if (e.kind === "gc" && bufferMiB > 0 && e.freed >= bufferMiB) add("frees", step, e);
  });
  return out;
}

/** A label placed in the band above a chart. */
export interface PlacedLabel {
  /** Row in the band, 0 nearest the chart. */
  row: number;
  /** Which side of the label sits at its time: its middle, its start or its end. */
  anchor: "middle" | "start" | "end";
}

/**
 * Places labels in rows so that none overlaps another at a plot `width` (px) or wider: each label
 * goes into the lowest row where it clears the labels already there by `gap` px. `x` is the
 * label's time as a fraction of the plot's width, `width` of the text an estimate in px. A label is
 * centred on its time unless that would cross an edge of the plot. Labels only drift apart as the
 * plot widens (their times scale, their text does not), so placing them at the narrowest width
 * keeps them apart at every wider one.
 */
export function placeLabels(labels: readonly { x: number; width: number }[], width: number, gap = 8): PlacedLabel[] {
  const rows: { from: number; to: number }[][] = [];
  return labels.map((l) => {
    const at = l.x * width;
    let anchor: PlacedLabel["anchor"] = "middle";
    let from = at - l.width / 2;
    if (from < 0) {
      anchor = "start";
      from = at;
    } else if (at + l.width / 2 > width) {
      anchor = "end";
      from = at - l.width;
    }
    const to = from + l.width;
    let row = rows.findIndex((r) => r.every((o) => to + gap <= o.from || from >= o.to + gap));
    if (row === -1) row = rows.push([]) - 1;
    rows[row]?.push({ from, to });
    return { row, anchor };
  });
}

/**
 * A generous estimate of a label's width in px at a font size: CJK characters are square, other
 * characters about 0.6 em in a proportional sans-serif.
 */
export function textWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return Math.ceil(em * fontPx);
}
