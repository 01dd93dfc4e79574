import type { PrefixFormat } from "../parse/line-prefix.ts";
import type { ErrorReason, NoteReason, RecordKind } from "../parse/trace-records.ts";
import type { XY } from "./downsample.ts";
import type { DumpsSummary } from "./dump-analysis.ts";
import type { FormatClue, VersionRange } from "./format-detect.ts";
import type { Percentiles } from "./percentiles.ts";
import type { RunInfo } from "./runs.ts";
import type { NamedSeries, Snapshot } from "./snapshots.ts";

/** One line that did not parse. */
export interface Problem {
  line: number;
  /** Why, as a code the page turns into words. */
  reason: ErrorReason;
  /** Why, in English (the parser's message). */
  message: string;
  /** The line, cut to MAX_PROBLEM_TEXT characters. */
  text: string;
}

/** A note the parser wrote about some lines: a torn line put back together, GC numbers without a line. */
export interface LineNote {
  line: number;
  reason: NoteReason;
  message: string;
  /** The lines that held the pieces (`joined`, `split`). */
  lines: number[] | null;
  /** The GC numbers without a line (`gc-missing`). */
  missingGcs: [number, number] | null;
  /** The GC whose line was put back together (`joined`, `split`), if it was a gctrace line. */
  gc: number | null;
  /** The time of the SCHED line that was put back together, if it was one. */
  schedMs: number | null;
}

/** Something about the input as a whole that the page should say in words. */
export type LabNote = "empty" | "binary" | "no-runtime" | "long-line" | "runs" | "gzip-error";

/** The prefixes a log's lines came behind (containerd/CRI, Docker, journald). */
export interface PrefixSummary {
  formats: { format: PrefixFormat; lines: number }[];
  /** Pieces of long lines (CRI `P`, partial json-file entries) put back onto their lines. */
  joinedPieces: number;
  /** The first and last wall-clock time, as printed. */
  firstWall: string | null;
  lastWall: string | null;
  /** The zone the times were printed in (`UTC`, `+01:00`); null when they printed none. */
  zone: string | null;
}

/** A run's start on the drawn axis, for a rule on the charts. */
export interface RunStart {
  index: number;
  x: number;
  w?: number;
}

/** Everything the lab draws, downsampled: x is seconds since program start (runs laid end to end). */
export interface LabSeries {
  heapStart: XY[];
  heapEnd: XY[];
  heapLive: XY[];
  heapGoal: XY[];
  /** Forced GCs (runtime.GC), at their live heap; an even sample when there are many. */
  forcedGcs: XY[];
  gcCpu: XY[];
  sweepTermMs: XY[];
  markMs: XY[];
  markTermMs: XY[];
  /** STW pause per GC: sweep termination plus mark termination. */
  pauseMs: XY[];
  threads: XY[];
  idleProcs: XY[];
  runqueue: XY[];
  /** Sum of the per-P run queues (summary `[…]` or the P lines' runqsize). */
  localRunqueues: XY[];
  /** Live goroutines per status / wait reason at each scheddetail snapshot, the largest first. */
  goroutines: NamedSeries[];
  /** Live goroutines (dead ones left out) at each snapshot. */
  liveGoroutines: XY[];
  /** Dead goroutines, kept for reuse, at each snapshot. */
  deadGoroutines: XY[];
  /** The x range of every timed line: every chart uses it, so all cover the whole log. */
  domain: [number, number] | null;
  /** The same for the wall-clock times, when the lines had them. */
  wallDomain: [number, number] | null;
  /** Where runs after the first begin (a sample when there are many). */
  runStarts: RunStart[];
}

/** What the lab shows about one log. */
export interface LabSummary {
  lines: number;
  counts: Record<RecordKind, number>;
  clues: FormatClue[];
  versions: VersionRange;
  prefix: PrefixSummary | null;
  runs: {
    count: number;
    /** The first MAX_RUNS runs. */
    list: RunInfo[];
    /** The run this summary was made of, or null for all of them. */
    picked: number | null;
  };
  gc: {
    cycles: number;
    forced: number;
    automatic: number;
    /** `GC forced` lines: periodic GCs started by sysmon after 2 minutes without one. */
    periodic: number;
    leakChecks: number;
    /** GC numbers with no gctrace line (torn beyond repair, or cut out). */
    missing: number;
    /** Largest live heap (third heap figure), MiB, and its line; null without gc lines. */
    peakLiveMB: number | null;
    peakLiveLine: number | null;
    /** Largest heap in use at any point of a cycle (any of the three figures), MiB. */
    peakHeapMB: number | null;
    /** STW pause per cycle: sweep termination + mark termination wall-clock ms. */
    pauseMs: Percentiles | null;
  };
  sched: { lines: number; detailed: number };
  snapshot: Snapshot | null;
  /** The most dead goroutines in any snapshot. */
  peakDeadGoroutines: number;
  dumps: DumpsSummary;
  problems: { count: number; samples: Problem[] };
  lineNotes: { count: number; joined: number; missingGcs: number; samples: LineNote[] };
  notes: LabNote[];
  /** Why a gzip file's data stopped being readable (with the `gzip-error` note); null otherwise. */
  gzipError: string | null;
  series: LabSeries;
}
