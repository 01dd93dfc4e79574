import type { GoroutineState } from "../recording/goroutine-state.ts";
import type { GoroutineOwner } from "../recording/goroutine-owner.ts";
import { lastIndexAtOrBefore } from "../search.ts";
import { REPLAY_STATES, toTicks, type ReplayLane, type ReplayVariant } from "./replay-data.ts";

/** A lane's state at one tick, or null when the goroutine did not exist (or was not seen) then. */
export interface LaneAt {
  id: number;
  owner: GoroutineOwner;
  state: GoroutineState;
  reason: string;
}

/** Live heap and goal in MiB at a tick (the last step at or before it); null before the first. */
export function heapAt(v: ReplayVariant, tick: number): { live: number; goal: number } | null {
  const p = v.heap[lastIndexAtOrBefore(v.heap, tick, (step) => step.t)];
  return p ? { live: p.live / 10, goal: p.goal / 10 } : null;
}

/** Index of the last GC that began at or before a tick (-1: none yet). */
export function gcIndexAt(v: ReplayVariant, tick: number): number {
  return lastIndexAtOrBefore(v.gcs, tick, (g) => g.t);
}

/** Index of the last log line revealed at or before a tick (-1: none yet). */
export function logIndexAt(v: ReplayVariant, tick: number): number {
  return lastIndexAtOrBefore(v.log, tick, (l) => l.at);
}

/** The span of a lane covering a tick, by binary search over its ordered spans. */
export function laneAt(v: ReplayVariant, lane: ReplayLane, tick: number): LaneAt | null {
  const s = lane.spans[lastIndexAtOrBefore(lane.spans, tick, (span) => span.from)];
  if (!s || tick >= s.to) return null;
  return {
    id: lane.id,
    owner: lane.owner,
    state: REPLAY_STATES[s.state] ?? "unknown",
    reason: v.reasons[s.reason] ?? "",
  };
}

/** Goroutines by state at a tick: all of them, and the program's own. */
export function countsAt(
  v: ReplayVariant,
  tick: number,
): { all: Map<GoroutineState, number>; user: Map<GoroutineState, number>; lanes: (LaneAt | null)[] } {
  const all = new Map<GoroutineState, number>();
  const user = new Map<GoroutineState, number>();
  const lanes = v.lanes.map((lane) => laneAt(v, lane, tick));
  for (const l of lanes) {
    if (!l) continue;
    all.set(l.state, (all.get(l.state) ?? 0) + 1);
    if (l.owner === "user") user.set(l.state, (user.get(l.state) ?? 0) + 1);
  }
  return { all, user, lanes };
}

/** Program lines where the program's goroutines were waiting at a tick, with how many waited there. */
export function waitingLinesAt(v: ReplayVariant, tick: number): Map<number, number> {
  const lines = new Map<number, number>();
  for (const { from, to, line } of v.waits) {
    if (from <= tick && (to === -1 || tick < to)) lines.set(line, (lines.get(line) ?? 0) + 1);
  }
  return lines;
}

/** The time readout's resolution, 0.01 s. */
const MIN_STEP_TICKS = toTicks(0.01);

/**
 * The moments worth stepping to: each GC's start, and each change of state of the program's
 * goroutines, sorted, at least 0.01 s apart.
 */
export function stepTicks(v: ReplayVariant): number[] {
  const ticks = new Set<number>(v.gcs.map((g) => g.t));
  for (const lane of v.lanes) {
    if (lane.owner !== "user") continue;
    for (const s of lane.spans) ticks.add(s.from);
  }
  // The time readout shows hundredths of a second: events closer than that (a collector's last
  // receive and its return, five goroutines waking together) are one step, at the first of them,
  // so that every press of Previous or Next visibly moves the clock.
  const steps: number[] = [];
  for (const t of [...ticks].sort((a, b) => a - b)) {
    const last = steps.at(-1);
    if (last === undefined || t - last >= MIN_STEP_TICKS) steps.push(t);
  }
  return steps;
}

/** The next step after a tick (or the end), and the previous one before it (or 0). */
export function neighbourStep(steps: readonly number[], tick: number, direction: 1 | -1, end: number): number {
  if (direction === 1) return steps.find((s) => s > tick) ?? end;
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i];
    if (s !== undefined && s < tick) return s;
  }
  return 0;
}
