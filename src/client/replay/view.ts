import type { Strings } from "../../i18n/en.ts";
import type { ReplayFrame } from "../../lib/replay/frame.ts";
import type { ReplayVariant } from "../../lib/replay/replay-data.ts";
import type { Glide } from "./motion.ts";

/** The replay's strings in the page's language, which ReplayCell.astro puts in the cell. */
export type ReplayStrings = Strings["replay"]["client"];

/** A widget of a replay cell: told when the program changes and when the clock moves. */
export interface ReplayView {
  /**
   * Show another program. `baseline` is the leak when a fix is shown (null while the leak is);
   * `before` the fix shown before this one, if the reader came from one.
   */
  setVariant(variant: ReplayVariant, baseline: ReplayVariant | null, before: ReplayVariant | null): void;
  /**
   * Show a moment. The cell computes the frame once for every view (frameAt), so no two views can
   * disagree about it; called on every animation frame while playing, so a view touches only what
   * changed.
   */
  update(frame: ReplayFrame): void;
  /**
   * While the clock plays (`on`), what this view moves continuously with it, for the browser to
   * animate (motion.ts); update() then leaves those properties alone until `glide(false)`.
   */
  glide?(on: boolean): Glide[];
}

/** Something a view can ask the cell to do. */
export interface ReplayHost {
  /** Move the clock to a tick (and stop playing). */
  seek(tick: number): void;
}

/**
 * A writer for an element that holds only text, through its one text node (made if it has none):
 * setting a text node's data costs about a third of setting textContent (measured in a frame of
 * the replay: 15 against 50 µs for the first write into a panel), which replaces the node. It
 * writes only when the text changes; for no element (a widget without that part), nothing.
 */
export function textWriter(el: Element | null): (text: string) => void {
  if (el === null) return () => undefined;
  let node = el.firstChild;
  if (!(node instanceof Text) || node.nextSibling !== null) {
    node = document.createTextNode(el.textContent);
    el.replaceChildren(node);
  }
  const text = node as Text;
  return (value) => {
    if (text.data !== value) text.data = value;
  };
}
