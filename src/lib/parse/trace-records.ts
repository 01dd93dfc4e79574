/**
 * The records the log parser produces: one per input line, in input order.
 *
 * Every record carries `kind` and `line` (1-based) first, so JSON output reads naturally and the
 * CLI's column order follows the field order declared here.
 */

/** The kinds of record, in the order the CLI documents them. */
export const RECORD_KINDS = [
  "gc",
  "gc-forced",
  "scav",
  "sched",
  "p",
  "m",
  "g",
  "goroutine",
  "goroutine-group",
  "other",
  "note",
  "error",
] as const;

/** One of {@link RECORD_KINDS}. */
export type RecordKind = (typeof RECORD_KINDS)[number];

/** What every record may carry after its own fields. */
export interface LineTime {
  /**
   * The wall-clock time a log collector's prefix gave the line (containerd/CRI, `docker logs -t`,
   * Docker json-file, journald), as printed; absent for a line without a prefix.
   */
  wall?: string;
}

/** A `gc N @S.SSSs P%: …` line printed by `GODEBUG=gctrace=1` (Go 1.18–1.27 format). */
export interface GcRecord extends LineTime {
  kind: "gc";
  line: number;
  /** GC cycle number, restarting at 1 in every process. */
  n: number;
  /** Seconds since program start when the cycle began (sweep termination). */
  t: number;
  /** Cumulative percentage of CPU time spent in GC since program start, as printed. */
  cpuPercent: number;
  /** Wall-clock ms: [sweep termination, concurrent mark, mark termination]. */
  clockMs: [number, number, number];
  /** CPU ms: [sweep termination, assist, background, idle, mark termination]. */
  cpuMs: [number, number, number, number, number];
  /** MiB: [heap at GC start, heap at mark termination, live heap marked]. */
  heapMB: [number, number, number];
  /** Heap goal of the cycle, MiB. */
  goalMB: number;
  /** Scannable stack MiB; null on runtimes that did not print it (before Go 1.18). */
  stacksMB: number | null;
  /** Scannable globals MiB; null on runtimes that did not print it (before Go 1.18). */
  globalsMB: number | null;
  /** GOMAXPROCS during the cycle. */
  procs: number;
  /** True when the line ends with `(forced)`: a runtime.GC() or debug.FreeOSMemory() call. */
  forced: boolean;
  /** True when the cycle ran goroutine-leak detection (`(checking for goroutine leaks)`, Go 1.26+). */
  leakCheck: boolean;
}

/** The `GC forced` line that sysmon prints before a periodic (2-minute) GC. */
export interface GcForcedRecord extends LineTime {
  kind: "gc-forced";
  line: number;
}

/** Which `GODEBUG=scavtrace=1` line format a {@link ScavRecord} came from. */
export type ScavForm = "old" | "1.19" | "1.21+";

/** A `scav …` line printed by `GODEBUG=scavtrace=1`. */
export interface ScavRecord extends LineTime {
  kind: "scav";
  line: number;
  form: ScavForm;
  /** Scavenger generation; only the old (Go 1.15-era) form prints it. */
  gen: number | null;
  /** KiB returned to the OS by the background scavenger since the last line (`work`, or `work (bg)`). */
  workKiB: number;
  /** KiB returned eagerly by allocating goroutines (`work (eager)`); null before Go 1.21. */
  eagerKiB: number | null;
  /** KiB the heap still holds from the OS: printed as `total` before Go 1.21 and `now` since. */
  retainedKiB: number;
  /** Percentage of retained memory that is in use. */
  utilPercent: number;
  /** True for `(forced)`: debug.FreeOSMemory(). */
  forced: boolean;
  /** True for `[controller reset]`. */
  controllerReset: boolean;
}

/** A `SCHED Nms: …` summary line (`GODEBUG=schedtrace=X`, with or without `scheddetail=1`). */
export interface SchedRecord extends LineTime {
  kind: "sched";
  line: number;
  /** Milliseconds since the first schedtrace line (about program start). */
  tMs: number;
  gomaxprocs: number;
  idleprocs: number;
  threads: number;
  spinningthreads: number;
  /** Null on runtimes that do not print it (Go 1.19 and older). */
  needspinning: number | null;
  idlethreads: number;
  runqueue: number;
  /** Per-P local run queue lengths; null in detailed mode, which prints P lines instead. */
  localRunqueues: number[] | null;
  /** Per-P schedtick (Go 1.25+, summary mode only); null otherwise. */
  schedticks: number[] | null;
  /** Detailed mode only, else null. Printed as 0/1 before Go 1.21ish and false/true since. */
  gcwaiting: boolean | null;
  nmidlelocked: number | null;
  stopwait: number | null;
  sysmonwait: boolean | null;
}

/** A `  P<i>: …` line of `scheddetail=1`. */
export interface PRecord extends LineTime {
  kind: "p";
  line: number;
  /** `tMs` of the SCHED line above it; null if no SCHED line came first. */
  tMs: number | null;
  id: number;
  /** P status number: 0 idle, 1 running, 2 syscall, 3 gcstop, 4 dead. */
  status: number;
  schedtick: number;
  syscalltick: number;
  /** M bound to this P; null when printed as -1 or nil. */
  m: number | null;
  runqsize: number;
  gfreecnt: number;
  /** Null on runtimes that did not print it. */
  timerslen: number | null;
}

/** A `  M<id>: …` line of `scheddetail=1`. */
export interface MRecord extends LineTime {
  kind: "m";
  line: number;
  tMs: number | null;
  id: number;
  /** P held by this M; null for -1/nil. */
  p: number | null;
  /** Goroutine running on this M; null for -1/nil. */
  curg: number | null;
  mallocing: number;
  throwing: number;
  /** Reason preemption is off; usually empty. */
  preemptoff: string;
  locks: number;
  dying: number;
  spinning: boolean;
  blocked: boolean;
  /** Goroutine locked to this M; null for -1/nil. */
  lockedg: number | null;
}

/** A `  G<id>: status=N(reason) m=… lockedm=…` line of `scheddetail=1`. */
export interface GRecord extends LineTime {
  kind: "g";
  line: number;
  tMs: number | null;
  id: number;
  /** Raw status as printed, scan bit included (4100 = 0x1000|4, waiting while being scanned). */
  status: number;
  /** Wait reason as printed; may be empty, and is stale unless the goroutine is waiting. */
  waitReason: string;
  /** M running it; null for -1/nil. */
  m: number | null;
  /** M it is locked to; null for -1/nil. */
  lockedm: number | null;
}

/** Where an `other` line came from, as far as one line can tell. */
export type OtherSource = "program" | "pacer" | "runtime";

/** A line that is not one of the parsed runtime formats: program output, pacer lines, blank lines. */
export interface OtherRecord extends LineTime {
  kind: "other";
  line: number;
  text: string;
  source: OtherSource;
}

/**
 * Why a line is an `error` record: a stable code for programs to switch on (the CLI's users, the
 * lab's counts and translations), while `message` says it in English for people. docs/cli.md
 * lists them.
 */
export const ERROR_REASONS = [
  "malformed-gctrace",
  "malformed-sched",
  "malformed-p",
  "malformed-m",
  "malformed-g",
  "malformed-scavtrace",
  "malformed-gc-forced",
  "torn-line",
  "torn-piece",
  "binary-data",
  "bad-bytes",
  "line-too-long",
] as const;

/** One of {@link ERROR_REASONS}. */
export type ErrorReason = (typeof ERROR_REASONS)[number];

/** A line that looks like runtime output but does not parse (torn, truncated, binary). */
export interface ErrorRecord extends LineTime {
  kind: "error";
  line: number;
  reason: ErrorReason;
  text: string;
  message: string;
}

/** One call of a goroutine's stack: the function and where in its source the call is. */
export interface Frame {
  /** The function as printed, without its arguments (`main.collect.func1`, `sync.(*Mutex).Lock`). */
  func: string;
  /** The source file as printed (`dumps/main.go`, or an absolute path without -trimpath). */
  file: string;
  line: number;
}

/**
 * One goroutine of a goroutine dump: `pprof.Lookup("goroutine").WriteTo(w, 2)`, the goroutine leak
 * profile at debug=2, or a traceback (panic, fatal error, SIGQUIT). Its header line is `line`, its
 * last frame line `endLine`; the frame lines give no records of their own.
 */
export interface GoroutineRecord extends LineTime {
  kind: "goroutine";
  line: number;
  /** The last line of its block (a frame, or the blank line after it). */
  endLine: number;
  /** Which dump of the log it belongs to, from 1: a new dump starts where a goroutine id repeats or other output came between. */
  dump: number;
  /** The goroutine id (0 is a thread's own scheduling stack, shown only in tracebacks). */
  id: number;
  /** Its status or wait reason as printed (`chan receive`, `running`, `sync.Mutex.Lock`), without the suffixes below. */
  state: string;
  /** True when printed with ` (leaked)`: the GC found it blocked forever (Go 1.26+). */
  leaked: boolean;
  /** Minutes it has waited (`, 12 minutes`), printed for waits of a minute or more; null when not printed. */
  waitMinutes: number | null;
  /** `, locked to thread`: it called runtime.LockOSThread. */
  lockedToThread: boolean;
  /** Its stack, innermost call first. */
  frames: Frame[];
  /** True when the runtime left frames out (`...additional frames elided...`). */
  framesElided: boolean;
  /** The `go` statement that started it (`created by …` and the line below); null for the main goroutine and runtime ones without. */
  createdBy: Frame | null;
  /** The goroutine that ran that `go` statement (`in goroutine N`, Go 1.21+); null when not printed. */
  creator: number | null;
}

/** Which profile a {@link GoroutineGroupRecord} came from. */
export type GoroutineProfileName = "goroutine" | "goroutineleak";

/**
 * One stack of a `debug=1` goroutine profile (`goroutine profile: total N`) or goroutine leak
 * profile (`goroutineleak profile: total N`, Go 1.26+): how many goroutines share it. Its first
 * line is `N @ 0x…`, then `#` frame lines up to `endLine`.
 */
export interface GoroutineGroupRecord extends LineTime {
  kind: "goroutine-group";
  line: number;
  endLine: number;
  /** Which dump or profile of the log it belongs to, counted with goroutine dumps, from 1. */
  dump: number;
  profile: GoroutineProfileName;
  /** The profile's `total` (all goroutines it counts, in every group). */
  total: number;
  /** Goroutines with this stack. */
  count: number;
  frames: Frame[];
  /** The pprof labels line (`# labels: {…}`) as printed; null without labels. */
  labels: string | null;
}

/** Why a `note` record was written: something the parser did or found that is not an error. */
export const NOTE_REASONS = ["joined", "split", "gc-missing"] as const;

/** One of {@link NOTE_REASONS}. */
export type NoteReason = (typeof NOTE_REASONS)[number];

/**
 * Something worth knowing about the lines, that is not an error: a runtime line torn by other
 * output and put back together (`joined`: its pieces' `lines`; the program's text between them
 * are `other` records), a runtime line that began after the program's text on the same line
 * (`split`), or GC numbers with no gctrace line (`gc-missing`: `missingGcs`).
 */
export interface NoteRecord extends LineTime {
  kind: "note";
  line: number;
  reason: NoteReason;
  /** `joined`, `split`: every line that held a piece of the runtime line, in order; null otherwise. */
  lines: number[] | null;
  /** `gc-missing`: the first and last GC number without a line; null otherwise. */
  missingGcs: [number, number] | null;
  message: string;
}

/** Any record the log parser produces. */
export type TraceRecord =
  | GcRecord
  | GcForcedRecord
  | ScavRecord
  | SchedRecord
  | PRecord
  | MRecord
  | GRecord
  | GoroutineRecord
  | GoroutineGroupRecord
  | OtherRecord
  | NoteRecord
  | ErrorRecord;
