import type { ReplayFrame } from "../../lib/replay/frame.ts";
import { snapshotNote } from "../../lib/replay/readouts.ts";
import type { ReplayVariant } from "../../lib/replay/replay-data.ts";
import { textWriter, type ReplayStrings, type ReplayView } from "./view.ts";

/**
 * The G status table: how many goroutines had each status number in the last scheddetail
 * snapshot, the one the log marks. It counts what the runtime printed (so _Gdead and _Gleaked
 * show, which the execution trace does not have), and says which snapshot it counts.
 */
export class StatusView implements ReplayView {
  /** Each status's row and the writers of its cells (which write only what changed). */
  #rows = new Map<number, { user: (text: string) => void; all: (text: string) => void; row: HTMLElement }>();
  #note: (text: string) => void;
  #variant: ReplayVariant | null = null;
  #strings: ReplayStrings;
  #shown = -2;

  constructor(root: HTMLElement, strings: ReplayStrings) {
    for (const row of root.querySelectorAll<HTMLElement>("tr[data-status]")) {
      this.#rows.set(Number(row.dataset["status"]), {
        row,
        user: textWriter(row.querySelector(".count-user")),
        all: textWriter(row.querySelector(".count-all")),
      });
    }
    this.#note = textWriter(root.querySelector(".status-snapshot"));
    this.#strings = strings;
  }

  setVariant(variant: ReplayVariant): void {
    this.#variant = variant;
    this.#shown = -2;
  }

  update(frame: ReplayFrame): void {
    const v = this.#variant;
    if (!v || frame.snapshotIndex === this.#shown) return;
    this.#shown = frame.snapshotIndex;
    const s = v.snapshots[frame.snapshotIndex];
    for (const [status, cells] of this.#rows) {
      // Before the first snapshot nothing is known: a dash, not a count of 0.
      cells.user(s ? String(s.user[status] ?? 0) : "–");
      cells.all(s ? String(s.all[status] ?? 0) : "–");
      // A forced toggle that finds the class as wanted changes nothing.
      cells.row.classList.toggle("occupied", (s?.all[status] ?? 0) > 0);
    }
    this.#note(snapshotNote(v, frame, this.#strings));
  }
}
