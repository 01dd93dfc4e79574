/** How many runs a summary describes one by one; all of them are counted. */
export const MAX_RUNS = 200;

/** One run of a program in a log that holds several, one after another. */
export interface RunInfo {
  /** 1-based. */
  index: number;
  /** Its first line, and the last line read while it was the current run. */
  line: number;
  lastLine: number;
  /** Where it starts on the axis that lays every run end to end, in seconds. */
  offset: number;
  /** Its last time (gctrace or SCHED), seconds since its own start. */
  end: number;
  gcs: number;
}

/**
 * Tells the runs of a log apart. The runtime's clocks start at 0 in every process, so when the
 * time of a gctrace line goes back (or its GC number does not go on), or a SCHED line's time goes
 * back, another run began there. Each run gets an offset, so that all of them fit one axis end to
 * end, in the order they were printed.
 */
export class RunTracker {
  readonly #runs: RunInfo[] = [];
  #count = 0;
  #current: RunInfo | null = null;
  #lastGcT = -Infinity;
  #lastGcN = -Infinity;
  #lastSchedT = -Infinity;
  #nextOffset = 0;

  /** The current run's index (0 before any timed line) and offset. */
  get index(): number {
    return this.#current?.index ?? 0;
  }

  /** Where the current run starts on the axis of all runs. */
  get offset(): number {
    return this.#current?.offset ?? 0;
  }

  /** A gctrace line; returns its run's index. */
  gc(n: number, t: number, line: number): number {
    let run = this.#current;
    if (run === null || (this.#lastGcT > -Infinity && (t < this.#lastGcT || n <= this.#lastGcN)))
      run = this.#begin(line);
    this.#lastGcT = t;
    this.#lastGcN = n;
    run.gcs++;
    this.#seen(run, t, line);
    return run.index;
  }

  /** A SCHED line, `t` in seconds; returns its run's index. */
  sched(t: number, line: number): number {
    let run = this.#current;
    if (run === null || t < this.#lastSchedT) run = this.#begin(line);
    this.#lastSchedT = t;
    this.#seen(run, t, line);
    return run.index;
  }

  /** Any other line: it belongs to the current run (the first one, before any timed line). */
  line(line: number): number {
    const run = this.#current ?? this.#begin(line);
    run.lastLine = line;
    return run.index;
  }

  #seen(run: RunInfo, t: number, line: number): void {
    if (t > run.end) run.end = t;
    run.lastLine = line;
  }

  #begin(line: number): RunInfo {
    if (this.#current !== null) this.#nextOffset = this.#current.offset + this.#current.end;
    this.#count++;
    this.#current = { index: this.#count, line, lastLine: line, offset: this.#nextOffset, end: 0, gcs: 0 };
    if (this.#runs.length < MAX_RUNS) this.#runs.push(this.#current);
    this.#lastGcT = -Infinity;
    this.#lastGcN = -Infinity;
    this.#lastSchedT = -Infinity;
    return this.#current;
  }

  /** How many runs there were (a log with no timed line at all has one). */
  get count(): number {
    return Math.max(1, this.#count);
  }

  /** The first {@link MAX_RUNS} runs. */
  runs(): RunInfo[] {
    return this.#runs.map((r) => ({ ...r }));
  }
}
