import type { PrefixCounts } from "../parse/log-parser.ts";
import { PREFIX_FORMATS } from "../parse/line-prefix.ts";
import {
  RECORD_KINDS,
  type ErrorRecord,
  type GcRecord,
  type NoteRecord,
  type RecordKind,
  type SchedRecord,
  type TraceRecord,
} from "../parse/trace-records.ts";
import { MinMaxSeries, StrideSample, type XY } from "./downsample.ts";
import { DumpAnalysis } from "./dump-analysis.ts";
import { FormatDetector, versionRange } from "./format-detect.ts";
import type { LabNote, LabSummary, LineNote, PrefixSummary, Problem, RunStart } from "./lab-summary.ts";
import { NumberList, percentiles } from "./percentiles.ts";
import { RunTracker } from "./runs.ts";
import { SnapshotAnalysis } from "./snapshots.ts";
import { wallSeconds, wallZone } from "./wall-clock.ts";

/** How many problem lines (and notes) a summary shows; all of them are counted. */
export const MAX_PROBLEM_SAMPLES = 100;
/** Longest text of a problem line kept for display, in characters. */
export const MAX_PROBLEM_TEXT = 240;
/** Buckets per drawn series: each keeps its lowest and highest point. */
export const SERIES_BUCKETS = 400;

// A traceback's first words: the runtime's reason for printing every goroutine.
const CAUSE = /^(?:panic: |fatal error: |SIG[A-Z0-9]+: )/;

/** What to fold in: every run of the log, or only one of them. */
export interface AnalysisOptions {
  /** Only this run (1-based, see RunTracker); its times are then its own, from 0. */
  run?: number | null;
}

/**
 * Folds a stream of records into what the lab shows: counts, peaks, pause percentiles, the last
 * scheddetail snapshot, the goroutine dumps, capped problem samples and downsampled series. It
 * keeps no record, so a log of any length takes bounded memory (pauses take 8 bytes per GC).
 */
export class LabAnalysis {
  readonly #counts = Object.fromEntries(RECORD_KINDS.map((k) => [k, 0])) as Record<RecordKind, number>;
  readonly #format = new FormatDetector();
  readonly #pauses = new NumberList();
  readonly #problems: Problem[] = [];
  readonly #notes: LineNote[] = [];
  readonly #runs = new RunTracker();
  readonly #snapshots = new SnapshotAnalysis(SERIES_BUCKETS);
  readonly #dumps = new DumpAnalysis();
  readonly #runStarts = new StrideSample<RunStart>(100);
  readonly #picked: number | null;
  #prefixes: PrefixCounts | null = null;
  #lines = 0;
  #records = 0;
  #blank = 0;
  #binary = 0;
  #longLines = 0;
  #forced = 0;
  #leakChecks = 0;
  #missingGcs = 0;
  #joined = 0;
  #peakLive: number | null = null;
  #peakLiveLine: number | null = null;
  #peakHeap: number | null = null;
  #detailed = 0;
  #firstWall: string | null = null;
  #lastWall: string | null = null;
  #domain: [number, number] | null = null;
  #wallDomain: [number, number] | null = null;
  #cause: { text: string; at: number } | null = null;
  #runIndex = 0;
  // The last gctrace or SCHED line, which a `joined` note on the same line is about.
  #lastTimed: { line: number; gc: number | null; schedMs: number | null } | null = null;
  // The run queue sum of the P lines after a detailed SCHED line, drawn when the next one comes.
  #pRunq: { x: number; w: number; sum: number } | null = null;
  readonly #s = {
    heapStart: new MinMaxSeries(SERIES_BUCKETS),
    heapEnd: new MinMaxSeries(SERIES_BUCKETS),
    heapLive: new MinMaxSeries(SERIES_BUCKETS),
    heapGoal: new MinMaxSeries(SERIES_BUCKETS),
    gcCpu: new MinMaxSeries(SERIES_BUCKETS),
    sweepTermMs: new MinMaxSeries(SERIES_BUCKETS),
    markMs: new MinMaxSeries(SERIES_BUCKETS),
    markTermMs: new MinMaxSeries(SERIES_BUCKETS),
    pauseMs: new MinMaxSeries(SERIES_BUCKETS),
    threads: new MinMaxSeries(SERIES_BUCKETS),
    idleProcs: new MinMaxSeries(SERIES_BUCKETS),
    runqueue: new MinMaxSeries(SERIES_BUCKETS),
    localRunqueues: new MinMaxSeries(SERIES_BUCKETS),
  };
  readonly #forcedGcs = new StrideSample<XY>(SERIES_BUCKETS);

  constructor(options: AnalysisOptions = {}) {
    this.#picked = options.run ?? null;
  }

  /** Folds in one record. */
  add(r: TraceRecord): void {
    const last = r.kind === "goroutine" || r.kind === "goroutine-group" ? r.endLine : r.line;
    if (last > this.#lines) this.#lines = last;
    const run =
      r.kind === "gc"
        ? this.#runs.gc(r.n, r.t, r.line)
        : r.kind === "sched"
          ? this.#runs.sched(r.tMs / 1000, r.line)
          : this.#runs.line(r.line);
    if (run !== this.#runIndex) {
      this.#runIndex = run;
      if (run > 1 && this.#picked === null) {
        const w = this.#wall(r);
        this.#runStarts.push(
          Number.isNaN(w) ? { index: run, x: this.#runs.offset } : { index: run, x: this.#runs.offset, w },
        );
      }
    }
    if (this.#picked !== null && run !== this.#picked) return;
    this.#records++;
    this.#counts[r.kind]++;
    this.#format.record(r);
    if (r.wall !== undefined) {
      this.#firstWall ??= r.wall;
      this.#lastWall = r.wall;
    }
    switch (r.kind) {
      case "gc":
        this.#lastTimed = { line: r.line, gc: r.n, schedMs: null };
        this.#gc(r);
        break;
      case "sched":
        this.#lastTimed = { line: r.line, gc: null, schedMs: r.tMs };
        this.#sched(r);
        break;
      case "p":
        if (this.#pRunq !== null) this.#pRunq.sum += r.runqsize;
        break;
      case "g":
        this.#snapshots.g(r);
        break;
      case "goroutine": {
        const cause = this.#cause !== null && this.#records - this.#cause.at < 8 ? this.#cause.text : null;
        this.#dumps.goroutine(r, cause);
        break;
      }
      case "goroutine-group":
        this.#dumps.group(r);
        break;
      case "other":
        if (r.text.trim() === "") this.#blank++;
        else if (CAUSE.test(r.text)) this.#cause = { text: r.text, at: this.#records };
        break;
      case "note":
        this.#note(r);
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

  /** Tells the analysis which prefixes the parser stripped (LogParser.prefixes, at the end). */
  prefixes(counts: PrefixCounts): void {
    this.#prefixes = counts;
    for (const format of PREFIX_FORMATS) if (counts.lines[format] > 0) this.#format.prefix(`prefix-${format}`);
  }

  /** The highest line number folded in so far: the lines read. */
  get lines(): number {
    return this.#lines;
  }

  /** The x of a time on the drawn axis: the run's offset is added unless one run is picked. */
  #x(t: number): number {
    return this.#picked === null ? this.#runs.offset + t : t;
  }

  #wall(r: TraceRecord): number {
    return r.wall === undefined ? NaN : wallSeconds(r.wall);
  }

  #extend(x: number, w: number): void {
    if (this.#domain === null) this.#domain = [x, x];
    else this.#domain = [Math.min(this.#domain[0], x), Math.max(this.#domain[1], x)];
    if (Number.isNaN(w)) return;
    if (this.#wallDomain === null) this.#wallDomain = [w, w];
    else this.#wallDomain = [Math.min(this.#wallDomain[0], w), Math.max(this.#wallDomain[1], w)];
  }

  /** A gctrace line: peaks, the pause, and a point of each GC series. */
  #gc(r: GcRecord): void {
    const { t, heapMB, goalMB: goal, cpuPercent: cpu, clockMs: clock, forced, leakCheck, line } = r;
    const x = this.#x(t);
    const w = this.#wall(r);
    this.#extend(x, w);
    if (leakCheck) this.#leakChecks++;
    const [start, end, live] = heapMB;
    const top = Math.max(start, end, live);
    if (this.#peakLive === null || live > this.#peakLive) {
      this.#peakLive = live;
      this.#peakLiveLine = line;
    }
    if (this.#peakHeap === null || top > this.#peakHeap) this.#peakHeap = top;
    const pause = clock[0] + clock[2];
    this.#pauses.push(pause);
    const s = this.#s;
    s.heapStart.push(x, start, w);
    s.heapEnd.push(x, end, w);
    s.heapLive.push(x, live, w);
    s.heapGoal.push(x, goal, w);
    s.gcCpu.push(x, cpu, w);
    s.sweepTermMs.push(x, clock[0], w);
    s.markMs.push(x, clock[1], w);
    s.markTermMs.push(x, clock[2], w);
    s.pauseMs.push(x, pause, w);
    if (forced) {
      this.#forced++;
      this.#forcedGcs.push(Number.isNaN(w) ? { x, y: live } : { x, y: live, w });
    }
  }

  /** A SCHED line: a point of each scheduler series; in detailed mode, a snapshot opens. */
  #sched(r: SchedRecord): void {
    const { tMs, threads, idleprocs: idle, runqueue, localRunqueues: local, gcwaiting, line } = r;
    const x = this.#x(tMs / 1000);
    const w = this.#wall(r);
    this.#extend(x, w);
    this.#closeRunq();
    const s = this.#s;
    s.threads.push(x, threads, w);
    s.idleProcs.push(x, idle, w);
    s.runqueue.push(x, runqueue, w);
    if (local !== null) {
      let sum = 0;
      for (const n of local) sum += n;
      s.localRunqueues.push(x, sum, w);
    }
    if (gcwaiting !== null) {
      this.#detailed++;
      this.#snapshots.open(x, w, tMs, line);
      this.#pRunq = { x, w, sum: 0 };
    } else this.#snapshots.drop();
  }

  #closeRunq(): void {
    const o = this.#pRunq;
    if (o !== null) this.#s.localRunqueues.push(o.x, o.sum, o.w);
    this.#pRunq = null;
  }

  #note(r: NoteRecord): void {
    if (r.reason === "gc-missing" && r.missingGcs !== null) this.#missingGcs += r.missingGcs[1] - r.missingGcs[0] + 1;
    else this.#joined++;
    if (this.#notes.length < MAX_PROBLEM_SAMPLES) {
      const about = r.reason !== "gc-missing" && this.#lastTimed?.line === r.line ? this.#lastTimed : null;
      this.#notes.push({
        line: r.line,
        reason: r.reason,
        message: r.message,
        lines: r.lines,
        missingGcs: r.missingGcs,
        gc: about?.gc ?? null,
        schedMs: about?.schedMs ?? null,
      });
    }
  }

  #problem({ line, reason, message, text }: ErrorRecord): void {
    if (reason === "binary-data" || reason === "bad-bytes") this.#binary++;
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

  #prefixSummary(): PrefixSummary | null {
    const p = this.#prefixes;
    if (p === null) return null;
    const formats = PREFIX_FORMATS.map((format) => ({ format, lines: p.lines[format] })).filter((f) => f.lines > 0);
    if (formats.length === 0) return null;
    return {
      formats,
      joinedPieces: p.joinedPieces,
      firstWall: this.#firstWall,
      lastWall: this.#lastWall,
      zone: this.#firstWall === null ? null : wallZone(this.#firstWall),
    };
  }

  /** The summary of everything folded in so far (closes the snapshot being read). */
  summary(): LabSummary {
    this.#snapshots.close();
    this.#closeRunq();
    const c = this.#counts;
    const dumps = this.#dumps.summary();
    for (const d of dumps.dumps) if (d.kind === "dump" || d.kind === "traceback") this.#format.dump(d.kind, d.line);
    const runtimeLines =
      c.gc + c["gc-forced"] + c.scav + c.sched + c.p + c.m + c.g + c.goroutine + c["goroutine-group"];
    const binary = this.#binary > 0 && this.#binary * 2 >= this.#records - this.#blank;
    const clues = this.#format.clues().filter((clue) => !(binary && clue.code === "crlf"));
    const notes: LabNote[] = [];
    if (this.#records === 0 || this.#blank === this.#records) notes.push("empty");
    if (binary) notes.push("binary");
    else if (runtimeLines === 0 && this.#records > this.#blank) notes.push("no-runtime");
    if (this.#longLines > 0) notes.push("long-line");
    if (this.#runs.count > 1 && this.#picked === null) notes.push("runs");
    const s = this.#s;
    return {
      lines: this.#lines,
      counts: { ...c },
      clues,
      versions: versionRange(clues),
      prefix: this.#prefixSummary(),
      runs: { count: this.#runs.count, list: this.#runs.runs(), picked: this.#picked },
      gc: {
        cycles: c.gc,
        forced: this.#forced,
        automatic: c.gc - this.#forced,
        periodic: c["gc-forced"],
        leakChecks: this.#leakChecks,
        missing: this.#missingGcs,
        peakLiveMB: this.#peakLive,
        peakLiveLine: this.#peakLiveLine,
        peakHeapMB: this.#peakHeap,
        pauseMs: percentiles(this.#pauses.toArray()),
      },
      sched: { lines: c.sched, detailed: this.#detailed },
      snapshot: this.#snapshots.last,
      peakDeadGoroutines: this.#snapshots.peakDead,
      dumps,
      problems: { count: c.error, samples: this.#problems.slice() },
      lineNotes: { count: c.note, joined: this.#joined, missingGcs: this.#missingGcs, samples: this.#notes.slice() },
      notes,
      gzipError: null,
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
        pauseMs: s.pauseMs.points(),
        threads: s.threads.points(),
        idleProcs: s.idleProcs.points(),
        runqueue: s.runqueue.points(),
        localRunqueues: s.localRunqueues.points(),
        goroutines: this.#snapshots.categorySeries(),
        liveGoroutines: this.#snapshots.liveSeries(),
        deadGoroutines: this.#snapshots.deadSeries(),
        domain: this.#domain,
        wallDomain: this.#wallDomain,
        runStarts: this.#runStarts.items(),
      },
    };
  }
}
