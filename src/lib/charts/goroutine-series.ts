import type { GoroutineState } from "../recording/goroutine-state.ts";
import type { Recording } from "../recording/recording.ts";
import { stateAt } from "../recording/recording-at.ts";

/** How many of the program's goroutines were in one state at one time. */
export interface StateCount {
  key: string;
  t: number;
  state: GoroutineState;
  count: number;
  /** Stacked extent: states earlier in {@link CHARTED_STATES} sit below. */
  y1: number;
  y2: number;
}

/** The states the goroutine chart stacks, bottom to top. */
export const CHARTED_STATES: readonly GoroutineState[] = ["running", "runnable", "waiting", "leaked"];

/**
 * The program's own goroutines counted by state at the SCHED snapshots (every 100 ms in our
 * recordings), through the same stateAt the replay uses: the first snapshot, each one where a count
 * changed, and the last. Drawn as a step-after area, that is the same picture as every snapshot, with
 * a fraction of the points. The runtime's and the recorder's goroutines are left out: they are there
 * in every variant and would hide the difference.
 */
export function goroutineSeries(key: string, recording: Recording): StateCount[] {
  const out: StateCount[] = [];
  const snapshots = recording.snapshots;
  let previous = "";
  snapshots.forEach((snapshot, i) => {
    const { userCounts } = stateAt(recording, snapshot.t);
    const signature = CHARTED_STATES.map((state) => userCounts[state]).join(",");
    if (signature === previous && i !== snapshots.length - 1) return;
    previous = signature;
    let below = 0;
    for (const state of CHARTED_STATES) {
      const count = userCounts[state];
      out.push({ key, t: snapshot.t, state, count, y1: below, y2: below + count });
      below += count;
    }
  });
  return out;
}
