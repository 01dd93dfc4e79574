import type { GoroutineState } from "../../lib/recording/goroutine-state.ts";
import { countsAt } from "../../lib/replay/replay-lookup.ts";
import type { ReplayVariant } from "../../lib/replay/replay-data.ts";
import type { ReplayView } from "./view.ts";

/** The runtime2.go status number a state stands for in the explorer. */
const STATUS_OF: Partial<Record<GoroutineState, number>> = {
  idle: 0,
  runnable: 1,
  running: 2,
  syscall: 3,
  waiting: 4,
  dead: 6,
  copystack: 8,
  preempted: 9,
  leaked: 10,
};

/** The status explorer: the G status table with how many goroutines are in each at the clock's time. */
export class StatusView implements ReplayView {
  #rows = new Map<number, { user: HTMLElement | null; all: HTMLElement | null; row: HTMLElement }>();
  #variant: ReplayVariant | null = null;

  constructor(root: HTMLElement) {
    for (const row of root.querySelectorAll<HTMLElement>("tr[data-status]")) {
      this.#rows.set(Number(row.dataset["status"]), {
        row,
        user: row.querySelector(".count-user"),
        all: row.querySelector(".count-all"),
      });
    }
  }

  setVariant(variant: ReplayVariant): void {
    this.#variant = variant;
  }

  update(tick: number): void {
    if (!this.#variant) return;
    const { all, user } = countsAt(this.#variant, tick);
    // Before the execution trace starts no goroutine is known: a dash, not a count of 0.
    const traced = all.size > 0;
    for (const [status, cells] of this.#rows) {
      let u = 0;
      let a = 0;
      for (const [state, n] of all) if (STATUS_OF[state] === status) a += n;
      for (const [state, n] of user) if (STATUS_OF[state] === status) u += n;
      const us = traced ? String(u) : "–";
      const as = traced ? String(a) : "–";
      if (cells.user && cells.user.textContent !== us) cells.user.textContent = us;
      if (cells.all && cells.all.textContent !== as) cells.all.textContent = as;
      cells.row.classList.toggle("occupied", a > 0);
    }
  }
}
