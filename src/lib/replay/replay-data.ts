import { GOROUTINE_STATES, type GoroutineState } from "../recording/goroutine-state.ts";
import type { GoroutineOwner } from "../recording/goroutine-owner.ts";
import { dropRepeats, heapSeries } from "../charts/heap-series.ts";
import type { Recording } from "../recording/recording.ts";

/**
 * What a replay cell needs of one recording, small enough to travel inside the page as JSON.
 * Times are integers in tenths of a millisecond ("ticks") to keep the JSON short; lanes are kept
 * at 1 ms resolution (a pixel of a lane is about 8 ms wide).
 */
export interface ReplayVariant {
  /** The value in the URL hash: "leak", "timeout", "close", "context", or "go1.19.8"-style for tick. */
  key: string;
  /** The program folder, e.g. "fix-timeout". */
  program: string;
  label: string;
  goVersion: string;
  /** Ticks (0.1 ms) of the last event. */
  end: number;
  /** Heap staircase, only where a value changes. */
  heap: ReplayHeapStep[];
  gcs: ReplayGc[];
  /** One lane per goroutine: the program's first, then the runtime's, then the recorder's. */
  lanes: ReplayLane[];
  /** Wait reasons, referenced by index from lane spans. */
  reasons: string[];
  /** The log lines the replay shows, in file order. */
  log: ReplayLogLine[];
  /** How many lines stderr.log has in all (the log shows a selection, and says so). */
  logTotal: number;
  /** Waits of the program's goroutines at program lines. */
  waits: ReplayWait[];
}

/** A step of the heap curve: from tick `t`, the live heap and the goal, in tenths of a MiB. */
export interface ReplayHeapStep {
  t: number;
  live: number;
  goal: number;
}

/** A goroutine's wait at a program line, from a tick to a tick (-1: it never ended). */
export interface ReplayWait {
  g: number;
  from: number;
  to: number;
  line: number;
}

/** A GC cycle as the replay shows it. */
export interface ReplayGc {
  n: number;
  /** Ticks: when the cycle began and ended. */
  t: number;
  end: number;
  /** MB as gctrace printed: heap at start, at end of marking, live; and the goal. */
  start: number;
  marked: number;
  live: number;
  goal: number;
  forced: boolean;
  leakCheck: boolean;
  /** stderr.log line. */
  line: number;
}

/** A goroutine's lane: what it did, span by span. */
export interface ReplayLane {
  id: number;
  owner: GoroutineOwner;
  spans: ReplaySpan[];
}

/** A stretch of a lane in one state: ticks, index into REPLAY_STATES, into `reasons` (-1: none). */
export interface ReplaySpan {
  from: number;
  to: number;
  state: number;
  reason: number;
}

/** A log line: its stderr line number, the tick it is revealed at, and its text. */
export interface ReplayLogLine {
  line: number;
  at: number;
  text: string;
}

/** The states lanes and counts use, by index (GOROUTINE_STATES order). */
export const REPLAY_STATES: readonly GoroutineState[] = GOROUTINE_STATES;

const TICKS_PER_SECOND = 10_000;
const LANE_TICKS = 10; // 1 ms

/** Seconds to ticks. */
export function toTicks(seconds: number): number {
  return Math.round(seconds * TICKS_PER_SECOND);
}

/** Ticks to seconds. */
export function toSeconds(ticks: number): number {
  return ticks / TICKS_PER_SECOND;
}

const OWNER_ORDER: Record<GoroutineOwner, number> = { user: 0, runtime: 1, probe: 2 };

/**
 * Reduces a recording to its replay variant. Lane spans are snapped to 1 ms and merged where the
 * snapped neighbours share state and reason, so sub-millisecond blips (a GC worker waking for a
 * few microseconds) fold into their surroundings; nothing longer than a millisecond is lost.
 * The log keeps gctrace lines and the SCHED summaries, and the G lines of the program's own
 * goroutines; P, M and the runtime's G lines stay in the file (logTotal says how many lines it has).
 */
export function replayVariant(
  meta: { key: string; program: string; label: string },
  recording: Recording,
): ReplayVariant {
  const series = heapSeries(meta.key, recording);
  const heap = dropRepeats(series.points).map((p) => ({
    t: toTicks(p.t),
    live: Math.round(p.liveMiB * 10),
    goal: Math.round(p.goalMiB * 10),
  }));
  const gcs: ReplayGc[] = recording.gcs.map((g) => ({
    n: g.n,
    t: toTicks(g.t),
    end: toTicks(g.end),
    start: g.heapStartMB,
    marked: g.heapEndMB,
    live: g.liveMB,
    goal: g.goalMB,
    forced: g.forced,
    leakCheck: g.leakCheck,
    line: g.line,
  }));
  const reasons: string[] = [];
  const reasonIndex = (r: string): number => {
    if (r === "") return -1;
    let i = reasons.indexOf(r);
    if (i === -1) i = reasons.push(r) - 1;
    return i;
  };
  const lanes: ReplayLane[] = recording.goroutines
    .map((g) => {
      const spans: ReplaySpan[] = [];
      for (const iv of g.intervals) {
        if (iv.state === "dead") continue;
        const from = Math.round(toTicks(iv.from) / LANE_TICKS) * LANE_TICKS;
        const to = Math.round(toTicks(iv.to) / LANE_TICKS) * LANE_TICKS;
        if (to <= from) continue;
        const state = REPLAY_STATES.indexOf(iv.state);
        const reason = reasonIndex(iv.waitReason);
        const last = spans.at(-1);
        if (last?.state === state && last.reason === reason && last.to >= from) last.to = Math.max(last.to, to);
        else if (last !== undefined && last.to > from) spans.push({ from: last.to, to, state, reason });
        else spans.push({ from, to, state, reason });
      }
      return { id: g.id, owner: g.owner, spans: spans.filter((s) => s.to > s.from) };
    })
    .filter((l) => l.spans.length > 0)
    .sort((a, b) => OWNER_ORDER[a.owner] - OWNER_ORDER[b.owner] || a.id - b.id);
  const userIds = new Set(lanes.filter((l) => l.owner === "user").map((l) => l.id));
  const log: ReplayLogLine[] = recording.log
    .filter((l) => {
      if (l.kind === "gc" || l.kind === "gc-forced" || l.kind === "sched") return true;
      if (l.kind !== "g") return false;
      const id = /^\s*G(\d+):/.exec(l.text)?.[1];
      return id !== undefined && userIds.has(Number(id));
    })
    .map((l) => ({ line: l.line, at: toTicks(l.at), text: l.text }));
  return {
    key: meta.key,
    program: meta.program,
    label: meta.label,
    goVersion: recording.goVersion ?? "",
    end: toTicks(recording.end),
    heap,
    gcs,
    lanes,
    reasons,
    log,
    logTotal: recording.log.length,
    waits: recording.waits
      .filter((w) => w.func !== "main.main")
      .map((w) => ({ g: w.g, from: toTicks(w.from), to: w.to === null ? -1 : toTicks(w.to), line: w.line })),
  };
}
