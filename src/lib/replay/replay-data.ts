import { GOROUTINE_STATES, G_SCAN_BIT, type GoroutineState } from "../recording/goroutine-state.ts";
import type { Goroutine, Recording } from "../recording/recording.ts";
import { storyEvents, type StoryEvent } from "./story.ts";

/**
 * What a replay cell needs of one recording, small enough to travel with the replay's script.
 * Times are integers in tenths of a millisecond ("ticks"); lanes are kept at 1 ms resolution (a
 * pixel of a lane is about 8 ms wide). Built at build time from the Recording, so every number the
 * replay shows comes from the recording through this one function.
 */
export interface ReplayVariant {
  /** The value in the URL hash: "leak", "timeout", "close", "context". */
  key: string;
  /** The program folder, e.g. "fix-timeout". */
  program: string;
  label: string;
  /** How the program's collectors get out of their wait. */
  fix: FixKind;
  goVersion: string;
  gomaxprocs: number | null;
  /** Ticks (0.1 ms) of the last event. */
  end: number;
  /** Each collector's buffer, in MiB, as the program's source allocates it. */
  bufferMiB: number;
  /** Live heap and goal as gctrace reported them at the end of each GC (a staircase). */
  heap: ReplayHeapStep[];
  gcs: ReplayGc[];
  /** main, the collectors in the order they started, then the runtime's and the recorder's goroutines. */
  goroutines: ReplayGoroutine[];
  /** Wait reasons, referenced by index from spans. */
  reasons: string[];
  /** scheddetail snapshots: when, where in stderr.log, and how many goroutines had each status. */
  snapshots: ReplaySnapshot[];
  /** The log lines the replay shows, in file order. */
  log: ReplayLogLine[];
  /** How many lines stderr.log has in all (the log shows a selection, and says so). */
  logTotal: number;
  /** Waits of the program's goroutines (main's sleeps included) at program lines. */
  waits: ReplayWait[];
  /** The goroutine leak profile's total, or null when the runtime has none. */
  leakProfileTotal: number | null;
  /** The events worth stepping to, in time order, each with the data its caption needs. */
  story: StoryEvent[];
}

/** How a program's collectors leave their wait: never (the leak) or by one of the three fixes. */
export type FixKind = "none" | "timeout" | "close" | "context";

/** What a goroutine is in the story. */
export type GoroutineRole = "main" | "collector" | "runtime" | "recorder";

/** A step of the heap staircase: from tick `t`, the live heap and the goal, in MiB (gctrace's "MB"). */
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

/** A goroutine's lane. */
export interface ReplayGoroutine {
  id: number;
  role: GoroutineRole;
  /** Collectors: 1, 2, … in the order they started; 0 for every other role. */
  n: number;
  /** The runtime's goroutines: the wait reason scheddetail printed for them; the recorder's: its role. */
  name: string;
  spans: ReplaySpan[];
  /** Tick of the first recorded span. */
  start: number;
  /** Tick at which it returned (the execution trace's NotExist), or null if it never did. */
  exit: number | null;
  /**
   * Collectors that returned: the end of the GC that freed their buffer (the first GC that ended
   * after the return and left less live heap than the GC before it, as gctrace reports), or null.
   */
  freed: number | null;
}

/** A stretch of a lane in one state: ticks, index into REPLAY_STATES, into `reasons` (-1: none). */
export interface ReplaySpan {
  from: number;
  to: number;
  state: number;
  reason: number;
}

/** A scheddetail snapshot: how many goroutines had each status (index = status number, 0–11). */
export interface ReplaySnapshot {
  t: number;
  /** stderr.log line of its SCHED line. */
  line: number;
  /** The program's goroutines. */
  user: number[];
  /** Every goroutine it listed. */
  all: number[];
}

/** A log line: its stderr line number, the tick it is revealed at, and its text. */
export interface ReplayLogLine {
  line: number;
  at: number;
  text: string;
}

/** The states lanes and counts use, by index (GOROUTINE_STATES order). */
export const REPLAY_STATES: readonly GoroutineState[] = GOROUTINE_STATES;

/** How many status numbers scheddetail can print (0 _Gidle … 11 _Gdeadextra). */
export const STATUS_COUNT = 12;

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

/** What the build knows of a program besides its recording. */
export interface ProgramFacts {
  key: string;
  program: string;
  label: string;
  fix: FixKind;
  /** The program's source, to read the collectors' buffer size from. */
  source: string;
}

/**
 * The buffer each collector allocates, in MiB, from `make([]byte, 0, N<<20)` in the program; 0 if
 * the program allocates no such buffer.
 */
export function bufferMiBOf(source: string): number {
  const m = /make\(\[\]byte, 0, (\d+)\s*<<\s*20\)/.exec(source);
  return m ? Number(m[1]) : 0;
}

const ROLE_ORDER: Record<GoroutineRole, number> = { main: 0, collector: 1, runtime: 2, recorder: 3 };

/**
 * Reduces a recording to its replay variant. Lane spans are snapped to 1 ms and merged where the
 * snapped neighbours share state and reason, so sub-millisecond blips fold into their
 * surroundings; nothing longer than a millisecond is lost. The log keeps gctrace lines, the SCHED
 * summaries and the G lines of the program's own goroutines; P, M and the runtime's G lines stay in
 * the file (logTotal says how many lines it has).
 */
export function replayVariant(facts: ProgramFacts, recording: Recording): ReplayVariant {
  const end = toTicks(recording.end);
  const gcs = inOrder(recording.gcs);
  const heap: ReplayHeapStep[] = [];
  for (const g of gcs) {
    const t = g.end;
    const last = heap.at(-1);
    if (last?.live === g.live && last.goal === g.goal) continue;
    if (last?.t === t) heap.pop();
    heap.push({ t, live: g.live, goal: g.goal });
  }
  const reasons: string[] = [];
  const reasonIndex = (r: string): number => {
    if (r === "") return -1;
    let i = reasons.indexOf(r);
    if (i === -1) i = reasons.push(r) - 1;
    return i;
  };
  const recorderRoles = recorderRolesOf(recording.meta);
  const runtimeNames = runtimeNamesOf(recording);
  const goroutines = recording.goroutines
    .map((g) => lane(g, recording.end, reasonIndex, recorderRoles, runtimeNames))
    .filter((l): l is ReplayGoroutine => l !== null)
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.start - b.start || a.id - b.id);
  let collector = 0;
  for (const g of goroutines) {
    if (g.role !== "collector") continue;
    g.n = ++collector;
    g.freed = freedBy(g.exit, gcs);
  }

  const userIds = new Set(goroutines.filter((l) => l.role === "main" || l.role === "collector").map((l) => l.id));
  const snapshots: ReplaySnapshot[] = recording.snapshots
    .filter((s) => s.detailed)
    .map((s) => {
      const user = Array<number>(STATUS_COUNT).fill(0);
      const all = Array<number>(STATUS_COUNT).fill(0);
      for (const g of s.gs) {
        const status = g.status & ~G_SCAN_BIT;
        if (status >= STATUS_COUNT) continue;
        all[status] = (all[status] ?? 0) + 1;
        if (userIds.has(g.id)) user[status] = (user[status] ?? 0) + 1;
      }
      return { t: toTicks(s.t), line: s.sched.line, user, all };
    });
  const log: ReplayLogLine[] = recording.log
    .filter((l) => {
      if (l.kind === "gc" || l.kind === "gc-forced" || l.kind === "sched") return true;
      if (l.kind !== "g") return false;
      const id = /^\s*G(\d+):/.exec(l.text)?.[1];
      return id !== undefined && userIds.has(Number(id));
    })
    .map((l) => ({ line: l.line, at: toTicks(l.at), text: l.text }));
  const base = {
    key: facts.key,
    program: facts.program,
    label: facts.label,
    fix: facts.fix,
    goVersion: recording.goVersion ?? "",
    gomaxprocs: gomaxprocsOf(recording),
    end,
    bufferMiB: bufferMiBOf(facts.source),
    heap,
    gcs,
    goroutines,
    reasons,
    snapshots,
    log,
    logTotal: recording.log.length,
    waits: recording.waits.map((w) => ({
      g: w.g,
      from: toTicks(w.from),
      to: w.to === null ? -1 : toTicks(w.to),
      line: w.line,
    })),
    leakProfileTotal: recording.leakProfile?.total ?? null,
  };
  return { ...base, story: storyEvents(base) };
}

function lane(
  g: Goroutine,
  recordingEnd: number,
  reasonIndex: (r: string) => number,
  recorderRoles: ReadonlyMap<number, string>,
  runtimeNames: ReadonlyMap<number, string>,
): ReplayGoroutine | null {
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
  const kept = spans.filter((s) => s.to > s.from);
  const first = kept[0];
  if (first === undefined) return null;
  // The trace ends an interval where the goroutine stops existing; one that lived on ends at the
  // recording's end.
  const lastInterval = g.intervals.at(-1);
  const returned = lastInterval !== undefined && lastInterval.to < recordingEnd && lastInterval.state !== "leaked";
  const role: GoroutineRole =
    g.owner === "probe" ? "recorder" : g.owner === "runtime" ? "runtime" : g.id === 1 ? "main" : "collector";
  return {
    id: g.id,
    role,
    n: 0,
    name:
      role === "recorder" ? (recorderRoles.get(g.id) ?? "") : role === "runtime" ? (runtimeNames.get(g.id) ?? "") : "",
    spans: kept,
    start: first.from,
    exit: returned ? toTicks(lastInterval.to) : null,
    freed: null,
  };
}

/**
 * The GC cycles in log order, in ticks. gctrace truncates a cycle's start to the millisecond, so
 * two cycles within one millisecond can seem to end out of order; cycles never overlap, so each is
 * kept from ending before the one before it.
 */
function inOrder(list: Recording["gcs"]): ReplayGc[] {
  let previous = 0;
  return list.map((g) => {
    const end = Math.max(previous, toTicks(g.end));
    previous = end;
    return {
      n: g.n,
      t: Math.min(toTicks(g.t), end),
      end,
      start: g.heapStartMB,
      marked: g.heapEndMB,
      live: g.liveMB,
      goal: g.goalMB,
      forced: g.forced,
      leakCheck: g.leakCheck,
      line: g.line,
    };
  });
}

/** The end of the first GC after a return that left less live heap than the GC before it. */
function freedBy(exit: number | null, gcs: readonly ReplayGc[]): number | null {
  if (exit === null) return null;
  for (let i = 1; i < gcs.length; i++) {
    const gc = gcs[i];
    const before = gcs[i - 1];
    if (gc && before && gc.end > exit && gc.live < before.live) return gc.end;
  }
  return null;
}

/** The roles meta.json gives the recorder's goroutines (probe.goroutines[].role). */
function recorderRolesOf(meta: Record<string, unknown>): Map<number, string> {
  const out = new Map<number, string>();
  const probe = meta["probe"];
  const list = typeof probe === "object" && probe !== null && "goroutines" in probe ? probe.goroutines : [];
  if (!Array.isArray(list)) return out;
  for (const g of list as unknown[]) {
    if (typeof g !== "object" || g === null || !("id" in g) || !("role" in g)) continue;
    if (typeof g.id === "number" && typeof g.role === "string") out.set(g.id, g.role);
  }
  return out;
}

/** The first wait reason scheddetail printed for each goroutine: what the runtime's goroutines are for. */
function runtimeNamesOf(recording: Recording): Map<number, string> {
  const out = new Map<number, string>();
  for (const s of recording.snapshots) {
    for (const g of s.gs) {
      if (!out.has(g.id) && g.waitReason !== "" && (g.status & ~G_SCAN_BIT) === 4) out.set(g.id, g.waitReason);
    }
  }
  return out;
}

function gomaxprocsOf(recording: Recording): number | null {
  const v = recording.meta["gomaxprocs"];
  return typeof v === "number" ? v : (recording.snapshots[0]?.sched.gomaxprocs ?? null);
}
