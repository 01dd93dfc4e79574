import type { ReplayFrame } from "../../lib/replay/frame.ts";
import { snapshotNote } from "../../lib/replay/readouts.ts";
import type { ReplayVariant } from "../../lib/replay/replay-data.ts";
import type { ReplayStrings, ReplayView } from "./view.ts";

/**
 * The G status table: how many goroutines had each status number in the last scheddetail
 * snapshot, the one the log marks. It counts what the runtime printed (so _Gdead and _Gleaked
 * show, which the execution trace does not have), and says which snapshot it counts.
 */
export class StatusView implements ReplayView {
  /** Each status's row and cells, with what they last showed (reading textContent back costs more). */
  #rows = new Map<
    number,
    { user: HTMLElement | null; all: HTMLElement | null; row: HTMLElement; shown: [string, string, boolean] | null }
  >();
  #note: HTMLElement | null;
  #variant: ReplayVariant | null = null;
  #strings: ReplayStrings;
  #shown = -2;

  constructor(root: HTMLElement, strings: ReplayStrings) {
    for (const row of root.querySelectorAll<HTMLElement>("tr[data-status]")) {
      this.#rows.set(Number(row.dataset["status"]), {
        row,
        user: row.querySelector(".count-user"),
        all: row.querySelector(".count-all"),
        shown: null,
      });
    }
    this.#note = root.querySelector(".status-snapshot");
    this.#strings = strings;
  }

  setVariant(variant: ReplayVariant): void {
    this.#variant = variant;
    this.#shown = -2;
    for (const cells of this.#rows.values()) cells.shown = null;
  }

  update(frame: ReplayFrame): void {
    const v = this.#variant;
    if (!v || frame.snapshotIndex === this.#shown) return;
    this.#shown = frame.snapshotIndex;
    const s = v.snapshots[frame.snapshotIndex];
    for (const [status, cells] of this.#rows) {
      // Before the first snapshot nothing is known: a dash, not a count of 0.
      const u = s ? String(s.user[status] ?? 0) : "–";
      const a = s ? String(s.all[status] ?? 0) : "–";
      const occupied = (s?.all[status] ?? 0) > 0;
      const [lastU, lastA, lastOccupied] = cells.shown ?? [null, null, null];
      if (cells.user && u !== lastU) cells.user.textContent = u;
      if (cells.all && a !== lastA) cells.all.textContent = a;
      if (occupied !== lastOccupied) cells.row.classList.toggle("occupied", occupied);
      cells.shown = [u, a, occupied];
    }
    if (this.#note) this.#note.textContent = snapshotNote(v, frame, this.#strings);
  }
}
