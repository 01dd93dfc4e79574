import type { GRecord } from "../parse/trace-records.ts";
import { MinMaxSeries, type XY } from "./downsample.ts";
import { baseStatus, goroutineCategory, isLiveCategory } from "./goroutine-category.ts";

/** How many goroutine categories get their own line in the chart. */
const MAX_CATEGORY_SERIES = 8;

/** A count per goroutine category at one scheddetail snapshot. */
export interface CategoryCount {
  category: string;
  count: number;
  /** False for dead goroutines, which the runtime keeps for reuse: they do not run or hold anything. */
  live: boolean;
}

/** The last complete scheddetail snapshot: the G lines after the last SCHED line. */
export interface Snapshot {
  /** ms of its SCHED line. */
  tMs: number | null;
  /** Line of its SCHED line. */
  line: number;
  /** Every G line, dead ones included. */
  goroutines: number;
  /** Goroutines that exist: not dead. */
  live: number;
  /** Dead goroutines, kept by the runtime for reuse. */
  dead: number;
  /** Status 10 (`_Gleaked`, Go 1.26+). */
  leaked: number;
  byCategory: CategoryCount[];
}

/** A named, downsampled series. */
export interface NamedSeries {
  name: string;
  points: XY[];
}

interface Open {
  x: number;
  w: number;
  tMs: number;
  line: number;
  counts: Map<string, number>;
  leaked: number;
}

/**
 * The scheddetail snapshots of a log: every SCHED line in detailed mode opens one, its G lines
 * count into it by category (wait reason or status), and the next SCHED line closes it. Keeps
 * the last snapshot, a series per live category, and the live and dead totals over time.
 */
export class SnapshotAnalysis {
  readonly #buckets: number;
  #open: Open | null = null;
  #last: Snapshot | null = null;
  readonly #categories = new Map<string, MinMaxSeries>();
  readonly #live: MinMaxSeries;
  readonly #dead: MinMaxSeries;
  #peakDead = 0;

  constructor(buckets: number) {
    this.#buckets = buckets;
    this.#live = new MinMaxSeries(buckets);
    this.#dead = new MinMaxSeries(buckets);
  }

  /** A detailed SCHED line at x (with wall time w): the snapshot before it closes, a new one opens. */
  open(x: number, w: number, tMs: number, line: number): void {
    this.close();
    this.#open = { x, w, tMs, line, counts: new Map(), leaked: 0 };
  }

  /** A summary SCHED line: no snapshot follows it. */
  drop(): void {
    this.close();
  }

  /** A G line. */
  g(r: GRecord): void {
    const o = this.#open;
    if (o === null) return;
    const c = goroutineCategory(r.status, r.waitReason);
    o.counts.set(c, (o.counts.get(c) ?? 0) + 1);
    if (baseStatus(r.status) === 10) o.leaked++;
  }

  /** Closes the open snapshot, if any. */
  close(): void {
    const o = this.#open;
    if (o === null) return;
    this.#open = null;
    let live = 0;
    let dead = 0;
    for (const [c, n] of o.counts) {
      if (isLiveCategory(c)) live += n;
      else dead += n;
    }
    this.#live.push(o.x, live, o.w);
    this.#dead.push(o.x, dead, o.w);
    if (dead > this.#peakDead) this.#peakDead = dead;
    // Categories seen before but absent now are at zero; new ones start here.
    for (const [c, series] of this.#categories) if (!o.counts.has(c)) series.push(o.x, 0, o.w);
    for (const [c, n] of o.counts) {
      if (!isLiveCategory(c)) continue;
      let series = this.#categories.get(c);
      if (series === undefined) {
        series = new MinMaxSeries(this.#buckets);
        this.#categories.set(c, series);
      }
      series.push(o.x, n, o.w);
    }
    this.#last = {
      tMs: o.tMs,
      line: o.line,
      goroutines: live + dead,
      live,
      dead,
      leaked: o.leaked,
      byCategory: [...o.counts]
        .map(([category, count]) => ({ category, count, live: isLiveCategory(category) }))
        .sort((a, b) => Number(b.live) - Number(a.live) || b.count - a.count || a.category.localeCompare(b.category)),
    };
  }

  /** The last complete snapshot. */
  get last(): Snapshot | null {
    return this.#last;
  }

  /** The most dead goroutines any snapshot had. */
  get peakDead(): number {
    return this.#peakDead;
  }

  /** Live goroutines per category over time, the categories with the highest peak first. */
  categorySeries(): NamedSeries[] {
    return [...this.#categories]
      .map(([name, series]) => ({ name, points: series.points() }))
      .map((s) => ({ ...s, peak: Math.max(...s.points.map((p) => p.y)) }))
      .sort((a, b) => b.peak - a.peak || a.name.localeCompare(b.name))
      .slice(0, MAX_CATEGORY_SERIES)
      .map(({ name, points }) => ({ name, points }));
  }

  /** Live goroutines (all categories but dead ones) over time. */
  liveSeries(): XY[] {
    return this.#live.points();
  }

  /** Dead goroutines over time. */
  deadSeries(): XY[] {
    return this.#dead.points();
  }
}
