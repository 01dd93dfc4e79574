import type { Strings } from "../../i18n/en.ts";
import type { ReplayVariant } from "../../lib/replay/replay-data.ts";

/** The replay's strings in the page's language, which ReplayCell.astro puts in the cell's data. */
export type ReplayStrings = Strings["replay"]["client"];

/** A widget of a replay cell: told when the variant changes and when the clock moves. */
export interface ReplayView {
  /** Show another variant; `previous` is the one shown before (for ghosts), if any. */
  setVariant(variant: ReplayVariant, previous: ReplayVariant | null): void;
  /** Show the moment `tick` (tenths of a millisecond). Called on every frame while playing. */
  update(tick: number): void;
}

/** Something a view can ask the cell to do. */
export interface ReplayHost {
  /** Move the clock to a tick (and stop playing). */
  seek(tick: number): void;
}
