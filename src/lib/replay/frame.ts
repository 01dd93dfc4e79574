import type { GoroutineState } from "../recording/goroutine-state.ts";
import { lastIndexAtOrBefore } from "../search.ts";
import { REPLAY_STATES, type ReplayGoroutine, type ReplayVariant } from "./replay-data.ts";

/** Where a goroutine's life stands at a tick. */
export type Phase = "not-started" | "alive" | "returned";

/** A goroutine at a tick. */
export interface GoroutineFrame {
  phase: Phase;
  /** Its state while alive (the span covering the tick); null otherwise. */
  state: GoroutineState | null;
  /** Its wait reason while waiting or leaked; "" otherwise. */
  reason: string;
}

/** What became of a collector's buffer by a tick. */
export type BufferState = "none" | "held" | "garbage" | "freed";

/** A collector at a tick, as the mechanism figure draws it. */
export interface CollectorFrame {
  n: number;
  id: number;
  phase: Phase;
  state: GoroutineState | null;
  /**
   * none: not started yet; held: the collector is there, its stack (a GC root) points at its buffer; garbage: it returned,
   * nothing points at the buffer, no GC has freed it yet; freed: the GC that freed it (gctrace's
   * live heap fell) has ended.
   */
  buffer: BufferState;
}

/**
 * Everything the replay shows at one tick, computed once per frame for every view, from one
 * variant's data: so no two panels can disagree about the same moment.
 */
export interface ReplayFrame {
  tick: number;
  /** Live heap and goal in MiB from the last GC that ended (gctrace); null before the first. */
  heap: { live: number; goal: number } | null;
  /** Index of the last GC that began at or before the tick (-1: none), and of the last that ended. */
  gcStarted: number;
  gcEnded: number;
  /** Index of the last log line revealed (-1: none). */
  logIndex: number;
  /** Index of the last scheddetail snapshot at or before the tick (-1: none). */
  snapshotIndex: number;
  /** Per goroutine of the variant, in its order. */
  goroutines: GoroutineFrame[];
  /** Alive goroutines by state: the program's (main and collectors) and all of them. */
  programCounts: Map<GoroutineState, number>;
  allCounts: Map<GoroutineState, number>;
  /** The program lines its goroutines wait at now, with the ids waiting there. */
  waitLines: Map<number, number[]>;
  collectors: CollectorFrame[];
  /** MiB of collector buffers reachable from their stacks. */
  reachableMiB: number;
  /** Index of the current story event (the last at or before the tick; -1: none yet). */
  step: number;
  /**
   * Index of the GC whose marking the mechanism figure shows (-1: none): a GC's phases last a
   * millisecond or so, too short to see, so the figure keeps showing what it marked for
   * MARK_SHOWN ticks after it began.
   */
  marking: number;
}

/** How long the mechanism figure shows a GC's marking after the GC began: 0.3 s, in ticks. */
export const MARK_SHOWN = 3000;

/** The state of one goroutine at a tick. */
export function goroutineAt(v: ReplayVariant, g: ReplayGoroutine, tick: number): GoroutineFrame {
  if (tick < g.start) return { phase: "not-started", state: null, reason: "" };
  if (g.exit !== null && tick >= g.exit) return { phase: "returned", state: null, reason: "" };
  const i = lastIndexAtOrBefore(g.spans, tick, (s) => s.from);
  const span = g.spans[i];
  // Between two spans (a sub-millisecond blip folded away) the goroutine keeps the state before.
  const state = span ? (REPLAY_STATES[span.state] ?? "unknown") : null;
  const reason = span && (state === "waiting" || state === "leaked") ? (v.reasons[span.reason] ?? "") : "";
  return { phase: "alive", state, reason };
}

/**
 * The part of a frame that changes only when a goroutine starts, changes state or returns, a
 * returned collector's buffer is freed, or a wait begins or ends: a few dozen ticks of a recording,
 * against a frame on every animation frame. Its window is the ticks it holds for.
 */
type Lives = Pick<
  ReplayFrame,
  "goroutines" | "programCounts" | "allCounts" | "waitLines" | "collectors" | "reachableMiB"
> & {
  /** Every tick t with from <= t < until has these same lives. */
  from: number;
  until: number;
};

/**
 * What frameAt keeps between calls for one caller (the replay cell): where in each list of the
 * recording the last frame was, which the next frame, a little later, finds again in a step or
 * two. With a memo, a frame's lives come from the recording's table of windows (livesTable), so its
 * goroutines, counts, collectors and wait lines are the same objects from one animation frame to
 * the next until one of them changes, and a view can tell that nothing changed by comparing them
 * (===).
 */
export interface FrameMemo {
  variant: ReplayVariant | null;
  /** The last frame's index into each list frameAt searches, by the order it searches them. */
  at: number[];
}

/** A memo for frameAt, empty. */
export function frameMemo(): FrameMemo {
  return { variant: null, at: [] };
}

/**
 * lastIndexAtOrBefore, looked for first where the last frame found it and the one after (the
 * clock moves on a little from frame to frame, and a binary search through the log or the heap
 * curve every frame cost more than the rest of frameAt).
 */
function indexNear<T>(
  items: readonly T[],
  tick: number,
  timeOf: (item: T) => number,
  last: number | undefined,
): number {
  if (last !== undefined && last >= -1 && last < items.length) {
    for (let i = last; i <= last + 1 && i < items.length; i++) {
      const item = items[i];
      const next = items[i + 1];
      if ((i === -1 || (item !== undefined && timeOf(item) <= tick)) && (next === undefined || timeOf(next) > tick)) {
        return i;
      }
    }
  }
  return lastIndexAtOrBefore(items, tick, timeOf);
}

/**
 * The replay's state at a tick. With a memo, the parts that have not changed since its last frame
 * are that frame's own objects; without one, everything is computed afresh. Both give equal frames.
 */
export function frameAt(v: ReplayVariant, tick: number, memo?: FrameMemo): ReplayFrame {
  const same = memo?.variant === v;
  const at: number[] = [];
  const find = <T>(items: readonly T[], timeOf: (item: T) => number): number => {
    const i = indexNear(items, tick, timeOf, same ? memo.at[at.length] : undefined);
    at.push(i);
    return i;
  };
  const heapStep = v.heap[find(v.heap, (h) => h.t)];
  const gcStarted = find(v.gcs, (g) => g.t);
  const gcEnded = find(v.gcs, (g) => g.end);
  const logIndex = find(v.log, (l) => l.at);
  const snapshotIndex = find(v.snapshots, (s) => s.t);
  const step = find(v.story, (e) => e.t);
  const table = memo ? livesTable(v) : null;
  const lives = table
    ? livesIn(
        table,
        find(table, (l) => l.from),
        v,
        tick,
      )
    : livesAt(v, tick);
  if (memo) {
    memo.variant = v;
    memo.at = at;
  }
  return {
    tick,
    heap: heapStep ? { live: heapStep.live, goal: heapStep.goal } : null,
    gcStarted,
    gcEnded,
    logIndex,
    snapshotIndex,
    goroutines: lives.goroutines,
    programCounts: lives.programCounts,
    allCounts: lives.allCounts,
    waitLines: lives.waitLines,
    collectors: lives.collectors,
    reachableMiB: lives.reachableMiB,
    step,
    marking: markingAt(v, tick, gcStarted),
  };
}

/**
 * Each recording's lives window by window, from its first tick to its end, made once for a caller
 * with a memo (the replay cell): a recording has 80 to 90 windows (the goroutines change state
 * that often), a few milliseconds to make, and a frame where a window begins then looks its lives
 * up instead of computing them (0.1–0.3 ms, when several panels change too).
 */
const tables = new WeakMap<ReplayVariant, Lives[]>();

function livesTable(v: ReplayVariant): Lives[] {
  let table = tables.get(v);
  if (table === undefined) {
    table = [];
    // The windows follow one another: each begins where the one before ends.
    for (let t = 0; ;) {
      const lives = livesAt(v, t);
      table.push(lives);
      if (!(lives.until > t && lives.until < Infinity)) break;
      t = lives.until;
    }
    tables.set(v, table);
  }
  return table;
}

/** The lives at `tick`: the table's window `i` (the last to begin by then); before the first, computed. */
function livesIn(table: readonly Lives[], i: number, v: ReplayVariant, tick: number): Lives {
  const lives = table[i];
  return lives !== undefined && tick >= lives.from && tick < lives.until ? lives : livesAt(v, tick);
}

function livesAt(v: ReplayVariant, tick: number): Lives {
  const window = { from: -Infinity, until: Infinity };
  // A change at tick x shows from x on: the window ends before the next one, starts at the last.
  const edge = (x: number | null | undefined): void => {
    if (x === null || x === undefined) return;
    if (x <= tick) window.from = Math.max(window.from, x);
    else window.until = Math.min(window.until, x);
  };
  const goroutines = v.goroutines.map((g) => {
    edge(g.start);
    edge(g.exit);
    if (g.role === "collector") edge(g.freed);
    const i = lastIndexAtOrBefore(g.spans, tick, (s) => s.from);
    edge(g.spans[i]?.from);
    edge(g.spans[i + 1]?.from);
    return goroutineAt(v, g, tick);
  });
  const programCounts = new Map<GoroutineState, number>();
  const allCounts = new Map<GoroutineState, number>();
  const collectors: CollectorFrame[] = [];
  goroutines.forEach((f, i) => {
    const g = v.goroutines[i];
    if (g === undefined) return;
    if (f.state !== null) {
      allCounts.set(f.state, (allCounts.get(f.state) ?? 0) + 1);
      if (g.role === "main" || g.role === "collector")
        programCounts.set(f.state, (programCounts.get(f.state) ?? 0) + 1);
    }
    if (g.role !== "collector") return;
    let buffer: BufferState = f.phase === "not-started" ? "none" : "held";
    if (f.phase === "returned") buffer = g.freed !== null && tick >= g.freed ? "freed" : "garbage";
    collectors.push({ n: g.n, id: g.id, phase: f.phase, state: f.state, buffer });
  });
  const waitLines = new Map<number, number[]>();
  for (const w of v.waits) {
    edge(w.from);
    if (w.to !== -1) edge(w.to);
    if (w.from > tick || (w.to !== -1 && tick >= w.to)) continue;
    const ids = waitLines.get(w.line) ?? [];
    ids.push(w.g);
    waitLines.set(w.line, ids);
  }
  return {
    goroutines,
    programCounts,
    allCounts,
    waitLines,
    collectors,
    reachableMiB: collectors.filter((c) => c.phase === "alive").length * v.bufferMiB,
    ...window,
  };
}

/** The GC whose marking the figure shows: `i`, the last to have begun by the tick, for MARK_SHOWN ticks. */
function markingAt(v: ReplayVariant, tick: number, i: number): number {
  const gc = v.gcs[i];
  return gc !== undefined && tick < gc.t + MARK_SHOWN ? i : -1;
}
