import { emptyStateCounts, type GoroutineState } from "./goroutine-state.ts";
import type { GoroutineOwner } from "./goroutine-owner.ts";
import type { GcEvent, Goroutine, GoroutineInterval, HeapSample, Recording, SchedSnapshot } from "./recording.ts";
import { lastIndexAtOrBefore } from "../search.ts";

/** A goroutine as it was at one moment. */
export interface GoroutineAt {
  id: number;
  owner: GoroutineOwner;
  state: GoroutineState;
  waitReason: string;
  /** Raw scheddetail status, or null when the state comes from transitions. */
  status: number | null;
}

/** What the replay shows at time t. */
export interface RecordingState {
  t: number;
  /** The last GC cycle that began at or before t, and its index in `recording.gcs` (-1: none yet). */
  gc: GcEvent | null;
  gcIndex: number;
  /** The last metrics sample at or before t, and its index (-1: none yet). */
  sample: HeapSample | null;
  sampleIndex: number;
  /**
   * Latest heap figures, from whichever came last of the metrics sample and the GC line (a GC line
   * gives MiB, converted to bytes); null before the first of either.
   */
  heapLiveBytes: number | null;
  heapGoalBytes: number | null;
  /** The last SCHED snapshot at or before t, and its index (-1: none yet). */
  snapshot: SchedSnapshot | null;
  snapshotIndex: number;
  /** Goroutines that existed at t and were not dead, by ascending id. */
  goroutines: GoroutineAt[];
  /** Those goroutines counted by state, all owners. */
  counts: Record<GoroutineState, number>;
  /** The same counts for the program's own goroutines only. */
  userCounts: Record<GoroutineState, number>;
  /** Index into `recording.log` of the last line visible at t; -1 before the first. */
  logIndex: number;
}

const MiB = 1 << 20;

/**
 * The state of a recording at time t (seconds). Every lookup is a binary search: O(log n) per
 * series and O(log k) per goroutine with k intervals. Times before the first sample give the empty
 * state (nulls and -1); times after the last give the last state.
 */
export function stateAt(recording: Recording, t: number): RecordingState {
  const gcIndex = lastIndexAtOrBefore(recording.gcs, t, (g) => g.t);
  const sampleIndex = lastIndexAtOrBefore(recording.metrics, t, (s) => s.t);
  const snapshotIndex = lastIndexAtOrBefore(recording.snapshots, t, (s) => s.t);
  const logIndex = lastIndexAtOrBefore(recording.log, t, (l) => l.at);
  const gc = recording.gcs[gcIndex] ?? null;
  const sample = recording.metrics[sampleIndex] ?? null;

  let heapLiveBytes: number | null = null;
  let heapGoalBytes: number | null = null;
  if (sample !== null && (gc === null || sample.t >= gc.t)) {
    heapLiveBytes = sample.liveBytes;
    heapGoalBytes = sample.goalBytes;
  } else if (gc !== null) {
    heapLiveBytes = gc.liveMB * MiB;
    heapGoalBytes = gc.goalMB * MiB;
  }

  const goroutines: GoroutineAt[] = [];
  const counts = emptyStateCounts();
  const userCounts = emptyStateCounts();
  for (const g of recording.goroutines) {
    const interval = intervalAt(g, t, recording.end);
    if (interval === null || interval.state === "dead") continue;
    goroutines.push({
      id: g.id,
      owner: g.owner,
      state: interval.state,
      waitReason: interval.waitReason,
      status: interval.status,
    });
    counts[interval.state] += 1;
    if (g.owner === "user") userCounts[interval.state] += 1;
  }

  return {
    t,
    gc,
    gcIndex,
    sample,
    sampleIndex,
    heapLiveBytes,
    heapGoalBytes,
    snapshot: recording.snapshots[snapshotIndex] ?? null,
    snapshotIndex,
    goroutines,
    counts,
    userCounts,
    logIndex,
  };
}

/**
 * The interval of a goroutine covering time t, or null if it did not exist then (or was not
 * observed). A goroutine still alive at the recording's `end` stays in its last state after it.
 */
export function intervalAt(goroutine: Goroutine, t: number, end: number): GoroutineInterval | null {
  const i = lastIndexAtOrBefore(goroutine.intervals, t, (iv) => iv.from);
  const interval = goroutine.intervals[i];
  if (interval === undefined) return null;
  if (t < interval.to) return interval;
  const aliveAtEnd = i === goroutine.intervals.length - 1 && interval.to >= end;
  return aliveAtEnd ? interval : null;
}
