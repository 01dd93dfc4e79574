import {
  RECORD_KINDS,
  type ErrorReason,
  type ErrorRecord,
  type GcRecord,
  type RecordKind,
  type SchedRecord,
  type TraceRecord,
} from "../parse/trace-records.ts";
import { MinMaxSeries, StrideSample, type XY } from "./downsample.ts";
import { FormatDetector, versionRange, type FormatClue, type VersionRange } from "./format-detect.ts";
import { goroutineCategory } from "./goroutine-category.ts";
import { NumberList, percentiles, type Percentiles } from "./percentiles.ts";

/** How many problem lines a summary shows; all of them are counted. */
export const MAX_PROBLEM_SAMPLES = 100;
/** Longest text of a problem line kept for display, in characters. */
export const MAX_PROBLEM_TEXT = 240;
/** Buckets per drawn series: each keeps its lowest and highest point. */
export const SERIES_BUCKETS = 400;

/** One line that did not parse. */
export interface Problem {
  line: number;
  /** Why, as a code the page turns into words. */
  reason: ErrorReason;
  /** Why, in English (the parser's message). */
  message: string;
  /** The line, cut to {@link MAX_PROBLEM_TEXT} characters. */
  text: string;
}

/** Something about the input as a whole that the page should say in words. */
export type LabNote = "empty" | "binary" | "no-runtime" | "long-line" | "time-restarts";

/** A named, downsampled series. */
export interface NamedSeries {
  name: string;
  points: XY[];
}

/** Everything the lab draws, downsampled: x is seconds since program start. */
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
  threads: XY[];
  idleProcs: XY[];
  runqueue: XY[];
  /** Sum of the per-P run queues (summary `[…]` or the P lines' runqsize). */
  localRunqueues: XY[];
  /** Goroutines per status / wait reason at each scheddetail snapshot, the largest first. */
  goroutines: NamedSeries[];
}

/** A count per goroutine category at one scheddetail snapshot. */
export interface CategoryCount {
  category: string;
  count: number;
}

/** The last complete scheddetail snapshot: the G lines after the last SCHED line. */
export interface Snapshot {
  /** ms of its SCHED line. */
  tMs: number | null;
  /** Line of its SCHED line. */
  line: number;
  goroutines: number;
  byCategory: CategoryCount[];
}

/** What the lab shows about one log. */
export interface LabSummary {
  lines: number;
  counts: Record<RecordKind, number>;
  clues: FormatClue[];
  versions: VersionRange;
  gc: {
    cycles: number;
    forced: number;
    automatic: number;
    /** `GC forced` lines: periodic GCs started by sysmon after 2 minutes without one. */
    periodic: number;
    leakChecks: number;
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
  problems: { count: number; samples: Problem[] };
  notes: LabNote[];
  series: LabSeries;
}

/** How many goroutine categories get their own line in the chart. */
const MAX_CATEGORY_SERIES = 8;

/**
 * Folds a stream of records into what the lab shows: counts, peaks, pause percentiles, the last
 * scheddetail snapshot, capped problem samples and downsampled series. It keeps no record, so a
 * log of any length takes bounded memory (pauses take 8 bytes per GC).
 */
export class LabAnalysis {
  readonly #counts = Object.fromEntries(RECORD_KINDS.map((k) => [k, 0])) as Record<RecordKind, number>;
  readonly #format = new FormatDetector();
  readonly #pauses = new NumberList();
  readonly #problems: Problem[] = [];
  #lines = 0;
  #blank = 0;
  #binary = 0;
  #longLines = 0;
  #forced = 0;
  #leakChecks = 0;
  #peakLive: number | null = null;
  #peakLiveLine: number | null = null;
  #peakHeap: number | null = null;
  #lastGcT = -Infinity;
  #lastSchedT = -Infinity;
  #timeRestarts = 0;
  #detailed = 0;
  readonly #s = {
    heapStart: new MinMaxSeries(SERIES_BUCKETS),
    heapEnd: new MinMaxSeries(SERIES_BUCKETS),
    heapLive: new MinMaxSeries(SERIES_BUCKETS),
    heapGoal: new MinMaxSeries(SERIES_BUCKETS),
    gcCpu: new MinMaxSeries(SERIES_BUCKETS),
    sweepTermMs: new MinMaxSeries(SERIES_BUCKETS),
    markMs: new MinMaxSeries(SERIES_BUCKETS),
    markTermMs: new MinMaxSeries(SERIES_BUCKETS),
    threads: new MinMaxSeries(SERIES_BUCKETS),
    idleProcs: new MinMaxSeries(SERIES_BUCKETS),
    runqueue: new MinMaxSeries(SERIES_BUCKETS),
    localRunqueues: new MinMaxSeries(SERIES_BUCKETS),
  };
  readonly #forcedGcs = new StrideSample<XY>(SERIES_BUCKETS);
  readonly #categorySeries = new Map<string, MinMaxSeries>();
  // The snapshot being read (G lines since the last SCHED line) and the last complete one.
  #open: { tMs: number | null; line: number; counts: Map<string, number>; runq: number; detailed: boolean } | null =
    null;
  #last: Snapshot | null = null;

  /** Folds in one record. */
  add(r: TraceRecord): void {
    this.#lines++;
    this.#counts[r.kind]++;
    this.#format.record(r);
    switch (r.kind) {
      case "gc":
        this.#gc(r);
        break;
      case "sched":
        this.#closeSnapshot();
        this.#sched(r);
        break;
      case "p":
        if (this.#open !== null) this.#open.runq += r.runqsize;
        break;
      case "g":
        if (this.#open !== null) {
          const c = goroutineCategory(r.status, r.waitReason);
          this.#open.counts.set(c, (this.#open.counts.get(c) ?? 0) + 1);
        }
        break;
      case "other":
        if (r.text.trim() === "") this.#blank++;
        break;
      case "error":
        this.#problem(r);
        break;
      default:
        break;
    }
  }

  /** Folds in a batch of records. */
  addAll(records: readonly TraceRecord[]): void {
    for (const r of records) this.add(r);
  }

  /** Shows a chunk of raw input to the format detector (for clues records do not keep). */
  text(chunk: string): void {
    this.#format.text(chunk);
  }

  /** Number of records (lines) folded in so far. */
  get lines(): number {
    return this.#lines;
  }

  /** A gctrace line: peaks, the pause, and a point of each GC series. */
  #gc({ t, heapMB, goalMB: goal, cpuPercent: cpu, clockMs: clock, forced, leakCheck, line }: GcRecord): void {
    if (t < this.#lastGcT) this.#timeRestarts++;
    this.#lastGcT = t;
    if (leakCheck) this.#leakChecks++;
    const [start, end, live] = heapMB;
    const top = Math.max(start, end, live);
    if (this.#peakLive === null || live > this.#peakLive) {
      this.#peakLive = live;
      this.#peakLiveLine = line;
    }
    if (this.#peakHeap === null || top > this.#peakHeap) this.#peakHeap = top;
    this.#pauses.push(clock[0] + clock[2]);
    const s = this.#s;
    s.heapStart.push(t, start);
    s.heapEnd.push(t, end);
    s.heapLive.push(t, live);
    s.heapGoal.push(t, goal);
    s.gcCpu.push(t, cpu);
    s.sweepTermMs.push(t, clock[0]);
    s.markMs.push(t, clock[1]);
    s.markTermMs.push(t, clock[2]);
    if (forced) {
      this.#forced++;
      this.#forcedGcs.push({ x: t, y: live });
    }
  }

  /** A SCHED line: a point of each scheduler series; in detailed mode, a snapshot opens. */
  #sched({ tMs, threads, idleprocs: idle, runqueue, localRunqueues: local, gcwaiting, line }: SchedRecord): void {
    const detailed = gcwaiting !== null;
    const t = tMs / 1000;
    if (t < this.#lastSchedT) this.#timeRestarts++;
    this.#lastSchedT = t;
    const s = this.#s;
    s.threads.push(t, threads);
    s.idleProcs.push(t, idle);
    s.runqueue.push(t, runqueue);
    if (local !== null)
      s.localRunqueues.push(
        t,
        local.reduce((a, b) => a + b, 0),
      );
    if (detailed) this.#detailed++;
    this.#open = { tMs, line, counts: new Map(), runq: 0, detailed };
  }

  #closeSnapshot(): void {
    const o = this.#open;
    if (!o?.detailed) return;
    const t = (o.tMs ?? 0) / 1000;
    this.#s.localRunqueues.push(t, o.runq);
    let total = 0;
    for (const n of o.counts.values()) total += n;
    // Categories seen before but absent now are at zero; new ones start here.
    for (const [c, series] of this.#categorySeries) if (!o.counts.has(c)) series.push(t, 0);
    for (const [c, n] of o.counts) {
      let series = this.#categorySeries.get(c);
      if (series === undefined) {
        series = new MinMaxSeries(SERIES_BUCKETS);
        this.#categorySeries.set(c, series);
      }
      series.push(t, n);
    }
    this.#last = {
      tMs: o.tMs,
      line: o.line,
      goroutines: total,
      byCategory: [...o.counts]
        .map(([category, count]) => ({ category, count }))
        .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
    };
    this.#open = null;
  }

  #problem({ line, reason, message, text }: ErrorRecord): void {
    if (reason === "binary-data") this.#binary++;
    if (reason === "line-too-long") this.#longLines++;
    if (this.#problems.length < MAX_PROBLEM_SAMPLES) {
      this.#problems.push({
        line,
        reason,
        message,
        text: text.length > MAX_PROBLEM_TEXT ? `${text.slice(0, MAX_PROBLEM_TEXT)}…` : text,
      });
    }
  }

  /** The summary of everything folded in so far (closes the snapshot being read). */
  summary(): LabSummary {
    this.#closeSnapshot();
    const c = this.#counts;
    const clues = this.#format.clues();
    const runtimeLines = c.gc + c["gc-forced"] + c.scav + c.sched + c.p + c.m + c.g;
    const notes: LabNote[] = [];
    if (this.#lines === 0 || this.#blank === this.#lines) notes.push("empty");
    if (this.#binary > 0 && this.#binary * 2 >= this.#lines - this.#blank) notes.push("binary");
    else if (runtimeLines === 0 && this.#lines > this.#blank) notes.push("no-runtime");
    if (this.#longLines > 0) notes.push("long-line");
    if (this.#timeRestarts > 0) notes.push("time-restarts");
    const s = this.#s;
    return {
      lines: this.#lines,
      counts: { ...c },
      clues,
      versions: versionRange(clues),
      gc: {
        cycles: c.gc,
        forced: this.#forced,
        automatic: c.gc - this.#forced,
        periodic: c["gc-forced"],
        leakChecks: this.#leakChecks,
        peakLiveMB: this.#peakLive,
        peakLiveLine: this.#peakLiveLine,
        peakHeapMB: this.#peakHeap,
        pauseMs: percentiles(this.#pauses.toArray()),
      },
      sched: { lines: c.sched, detailed: this.#detailed },
      snapshot: this.#last,
      problems: { count: c.error, samples: this.#problems.slice() },
      notes,
      series: {
        heapStart: s.heapStart.points(),
        heapEnd: s.heapEnd.points(),
        heapLive: s.heapLive.points(),
        heapGoal: s.heapGoal.points(),
        forcedGcs: this.#forcedGcs.items(),
        gcCpu: s.gcCpu.points(),
        sweepTermMs: s.sweepTermMs.points(),
        markMs: s.markMs.points(),
        markTermMs: s.markTermMs.points(),
        threads: s.threads.points(),
        idleProcs: s.idleProcs.points(),
        runqueue: s.runqueue.points(),
        localRunqueues: s.localRunqueues.points(),
        goroutines: [...this.#categorySeries]
          .map(([name, series]) => ({ name, series, peak: Math.max(...series.points().map((p) => p.y)) }))
          .sort((a, b) => b.peak - a.peak || a.name.localeCompare(b.name))
          .slice(0, MAX_CATEGORY_SERIES)
          .map(({ name, series }) => ({ name, points: series.points() })),
      },
    };
  }
}
