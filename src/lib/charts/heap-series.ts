import type { Recording } from "../recording/recording.ts";

/** One point of a heap curve, in MiB, at t seconds since program start. */
export interface HeapPoint {
  t: number;
  liveMiB: number;
  goalMiB: number;
}

/** One GC cycle as a chart marks it. */
export interface GcMark {
  t: number;
  n: number;
  liveMiB: number;
  goalMiB: number;
  forced: boolean;
  leakCheck: boolean;
}

/** A recording reduced to what the heap chart draws. */
export interface HeapSeries {
  /** A key for the variant, e.g. "leak"; used for classes and legends. */
  key: string;
  points: HeapPoint[];
  gcs: GcMark[];
  end: number;
}

const MiB = 1024 * 1024;

/**
 * The live heap and heap goal over time. runtime/metrics samples (every ~20 ms) give the curve;
 * `/gc/heap/live:bytes` changes only when a GC ends, so the curve is a staircase, as it should be.
 * Runtimes without that metric (before Go 1.21) get the staircase from the gctrace lines instead.
 */
export function heapSeries(key: string, recording: Recording): HeapSeries {
  const gcs: GcMark[] = recording.gcs.map((g) => ({
    t: g.end,
    n: g.n,
    liveMiB: g.liveMB,
    goalMiB: g.goalMB,
    forced: g.forced,
    leakCheck: g.leakCheck,
  }));
  const hasLiveMetric = recording.metrics.some((s) => s.liveBytes !== null);
  let points: HeapPoint[];
  if (hasLiveMetric) {
    points = recording.metrics.map((s) => ({
      t: s.t,
      liveMiB: (s.liveBytes ?? 0) / MiB,
      goalMiB: s.goalBytes / MiB,
    }));
  } else {
    points = [];
    let live = 0;
    let next = 0;
    for (const s of recording.metrics) {
      while (next < gcs.length && (gcs[next]?.t ?? Infinity) <= s.t) {
        live = gcs[next]?.liveMiB ?? live;
        next += 1;
      }
      points.push({ t: s.t, liveMiB: live, goalMiB: s.goalBytes / MiB });
    }
  }
  return { key, points: dropRepeats(points), gcs, end: recording.end };
}

/**
 * Keeps only the points where the live heap or the goal changes, and the last one: drawn as a
 * step-after line, the curve is the same, with a tenth of the points (the live-heap metric only
 * moves when a GC ends).
 */
export function dropRepeats(points: readonly HeapPoint[]): HeapPoint[] {
  return points.filter((p, i) => {
    const prev = points[i - 1];
    return i === points.length - 1 || prev?.liveMiB !== p.liveMiB || prev.goalMiB !== p.goalMiB;
  });
}
