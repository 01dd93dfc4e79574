import type { GoroutineOwner } from "./goroutine-owner.ts";
import type { GoroutineState } from "./goroutine-state.ts";
import type { LeakProfile } from "./parse-leak-profile.ts";
import type { ErrorReason, GRecord, MRecord, PRecord, RecordKind, SchedRecord } from "../parse/trace-records.ts";
import type { LineIssueReason } from "./recorder-records.ts";
import type { WaitSpan } from "./wait-spans.ts";

/**
 * The recording model: everything a replay shows, on one time axis in seconds from program start.
 * It is plain data (JSON-serialisable, no methods), so it can be built at build time and embedded in
 * a page; {@link import("./recording-at.ts").stateAt} answers "what was true at time t".
 */
export interface Recording {
  goVersion: string | null;
  /** meta.json as it was. */
  meta: Record<string, unknown>;
  /** Seconds: the latest time anything in the recording refers to. */
  end: number;
  /** GC cycles from gctrace, in log order (ascending `t`). */
  gcs: GcEvent[];
  /** runtime/metrics samples from metrics.jsonl, ascending `t`. */
  metrics: HeapSample[];
  /** SCHED lines (with their P, M and G lines in detailed mode), ascending `t`. */
  snapshots: SchedSnapshot[];
  /** Goroutines seen in scheddetail or transitions, by ascending id. */
  goroutines: Goroutine[];
  /** The program's goroutines' waits at program lines, from transitions, by start time then id. */
  waits: WaitSpan[];
  /** Every stderr line, in input order, with the time the replay shows it at. */
  log: LogLine[];
  /** The leak profile (Go 1.26+ with leak detection), if one was given. */
  leakProfile: LeakProfile | null;
  /** Lines of any input that could not be read, so a page can say so. */
  issues: RecordingIssue[];
}

/** One GC cycle (a gctrace `gc` line). */
export interface GcEvent {
  /** Seconds since program start at which the cycle began. */
  t: number;
  /** Seconds at which it ended: `t` plus its wall-clock phases. */
  end: number;
  n: number;
  /** stderr line number. */
  line: number;
  /** A runtime.GC() call (`(forced)`). */
  forced: boolean;
  /** The periodic 2-minute GC (announced by a `GC forced` line just before). */
  periodic: boolean;
  /** The cycle ran goroutine-leak detection. */
  leakCheck: boolean;
  heapStartMB: number;
  heapEndMB: number;
  liveMB: number;
  goalMB: number;
  stacksMB: number | null;
  globalsMB: number | null;
  procs: number;
  cpuPercent: number;
  /** Stop-the-world wall time: sweep termination + mark termination, ms. */
  pauseMs: number;
}

/** One runtime/metrics sample, in seconds. */
export interface HeapSample {
  t: number;
  liveBytes: number | null;
  goalBytes: number;
  objects: number;
  objectsBytes: number;
  goroutines: number;
  running: number | null;
  runnable: number | null;
  waiting: number | null;
  notInGo: number | null;
}

/** A SCHED line and, in detailed mode, the P, M and G lines below it. */
export interface SchedSnapshot {
  t: number;
  sched: SchedRecord;
  /** True for scheddetail=1 snapshots (the G list is complete); false for summary lines. */
  detailed: boolean;
  ps: PRecord[];
  ms: MRecord[];
  gs: GRecord[];
}

/** One stretch of time a goroutine spent in one state. */
export interface GoroutineInterval {
  /** Seconds, inclusive. */
  from: number;
  /** Seconds, exclusive (the next interval's `from`, or the recording's end). */
  to: number;
  state: GoroutineState;
  /** Why it waits; empty unless waiting or leaked (scheddetail keeps stale reasons otherwise). */
  waitReason: string;
  /** Raw scheddetail status (e.g. 4, 10, 4100); null when the interval comes from transitions. */
  status: number | null;
  /** Where the interval came from. */
  source: "scheddetail" | "transitions";
}

/** A goroutine and its states over time. */
export interface Goroutine {
  id: number;
  owner: GoroutineOwner;
  /** Ascending, non-overlapping; gaps are times it did not exist or was not observed. */
  intervals: GoroutineInterval[];
}

/** One stderr line, timed. */
export interface LogLine {
  /** 1-based stderr line number. */
  line: number;
  kind: RecordKind;
  text: string;
  /** Its own time: a gc line's `t`, a SCHED block's `tMs`, else the previous timed line's time. */
  t: number;
  /**
   * When the replay reveals it: the largest `t` up to this line. gc lines are printed after their
   * cycle started, so own times are not monotonic; this is, and it is what stateAt searches.
   */
  at: number;
}

/** A line of some input that could not be read, with the reason code of its parser. */
export interface RecordingIssue {
  file: "stderr" | "metrics" | "transitions" | "leakProfile";
  line: number;
  reason: ErrorReason | LineIssueReason;
  text: string;
  message: string;
}

/** The texts of one recording folder (`traces/<program>/<go-version>/`). */
export interface RecordingInput {
  /** stderr.log: GODEBUG=gctrace=1,schedtrace=…,scheddetail=1 output and the program's own lines. */
  stderr: string;
  /** metrics.jsonl. */
  metrics?: string | undefined;
  /** transitions.jsonl. */
  transitions?: string | undefined;
  /** leak-profile.txt. */
  leakProfile?: string | undefined;
  /** meta.json, as text or already decoded. */
  meta?: string | Record<string, unknown> | undefined;
}
