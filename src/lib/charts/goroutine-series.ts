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
 * The program's own goroutines counted by state at every SCHED snapshot (every 100 ms in our
 * recordings), through the same stateAt the replay uses. The runtime's and the recorder's
 * goroutines are left out: they are there in every variant and would hide the difference.
 */
export function goroutineSeries(key: string, recording: Recording): StateCount[] {
  const out: StateCount[] = [];
  for (const snapshot of recording.snapshots) {
    const { userCounts } = stateAt(recording, snapshot.t);
    let below = 0;
    for (const state of CHARTED_STATES) {
      const count = userCounts[state];
      out.push({ key, t: snapshot.t, state, count, y1: below, y2: below + count });
      below += count;
    }
  }
  return out;
}
