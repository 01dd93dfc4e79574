/** A point of a drawn series: x (seconds) and y, and w, the wall-clock time of its line when it had one. */
export interface XY {
  x: number;
  y: number;
  /** Seconds since 1970 of the wall-clock time the line's prefix printed (as printed, zone ignored). */
  w?: number;
}

/**
 * Downsamples a series for drawing without hiding its peaks: the points are cut into at most
 * `buckets` runs of equal length, and each run keeps its lowest and its highest point, in x order
 * (one point when they are the same). The global maximum and minimum are always kept, so a spike
 * stays visible however long the series is. Series with no more than 2 × buckets points come back
 * unchanged.
 */
export function downsampleMinMax(points: readonly XY[], buckets: number): XY[] {
  const n = points.length;
  if (n <= 2 * buckets || buckets < 1) return points.slice();
  const out: XY[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.floor(((b + 1) * n) / buckets);
    let lo = from;
    let hi = from;
    let loY = Infinity;
    let hiY = -Infinity;
    for (let i = from; i < to; i++) {
      const y = points[i]?.y ?? NaN;
      if (y < loY) {
        lo = i;
        loY = y;
      }
      if (y > hiY) {
        hi = i;
        hiY = y;
      }
    }
    const a = points[lo];
    const z = points[hi];
    if (a !== undefined && z !== undefined) pushPair(out, a, lo, z, hi);
  }
  return out;
}

function pushPair(out: XY[], a: XY, ai: number, b: XY, bi: number): void {
  if (ai === bi) out.push(a);
  else if (ai < bi) out.push(a, b);
  else out.push(b, a);
}

/**
 * The streaming form of {@link downsampleMinMax}, for series too long to keep: it holds at most
 * `capacity` buckets, each with its lowest and highest point. When the buckets are full,
 * neighbours merge in pairs and every new bucket takes twice as many points, so memory stays
 * bounded and every bucket still keeps its extremes. A point may carry a wall-clock time (w),
 * which travels with it.
 */
export class MinMaxSeries {
  readonly #capacity: number;
  #span = 1;
  // Closed buckets, flattened, STRIDE numbers each: low x, y, w; high x, y, w; 1 when the low came first.
  #closed: number[] = [];
  #count = 0;
  // The open bucket's low and high point, as scalars: push runs for every point of a long log.
  #loX = 0;
  #loY = 0;
  #loW = NaN;
  #hiX = 0;
  #hiY = 0;
  #hiW = NaN;
  #loAt = 0;
  #hiAt = 0;
  #length = 0;

  constructor(capacity = 1000) {
    this.#capacity = Math.max(2, capacity);
  }

  /** How many points were pushed in all. */
  get length(): number {
    return this.#length;
  }

  /** Adds the next point (x should not decrease, though nothing breaks if it does); w is its wall time or NaN. */
  push(x: number, y: number, w = NaN): void {
    const at = this.#length++;
    if (this.#count === 0 || y < this.#loY) {
      this.#loX = x;
      this.#loY = y;
      this.#loW = w;
      this.#loAt = at;
    }
    if (this.#count === 0 || y > this.#hiY) {
      this.#hiX = x;
      this.#hiY = y;
      this.#hiW = w;
      this.#hiAt = at;
    }
    if (++this.#count >= this.#span) this.#close();
  }

  #close(): void {
    this.#closed.push(
      this.#loX,
      this.#loY,
      this.#loW,
      this.#hiX,
      this.#hiY,
      this.#hiW,
      this.#loAt <= this.#hiAt ? 1 : 0,
    );
    this.#count = 0;
    if (this.#closed.length / STRIDE >= this.#capacity) this.#halve();
  }

  #halve(): void {
    const c = this.#closed;
    const merged: number[] = [];
    for (let i = 0; i < c.length; i += 2 * STRIDE) {
      if (i + STRIDE >= c.length) {
        merged.push(...c.slice(i, i + STRIDE));
        break;
      }
      const a = c.slice(i, i + STRIDE);
      const b = c.slice(i + STRIDE, i + 2 * STRIDE);
      const loFromA = (a[1] ?? NaN) <= (b[1] ?? NaN);
      const hiFromA = (a[4] ?? NaN) >= (b[4] ?? NaN);
      // Which extreme comes first: when both come from one bucket, that bucket knows; otherwise
      // the one from the earlier bucket does.
      let loFirst: number;
      if (loFromA && hiFromA) loFirst = a[6] ?? 1;
      else if (!loFromA && !hiFromA) loFirst = b[6] ?? 1;
      else loFirst = loFromA ? 1 : 0;
      merged.push(...(loFromA ? a : b).slice(0, 3), ...(hiFromA ? a : b).slice(3, 6), loFirst);
    }
    this.#closed = merged;
    this.#span *= 2;
  }

  /** The kept points in input order: each bucket's low and high point (once when they coincide). */
  points(): XY[] {
    const out: XY[] = [];
    const c = this.#closed;
    const point = (x: number, y: number, w: number): XY => (Number.isNaN(w) ? { x, y } : { x, y, w });
    const emit = (b: readonly number[], loFirst: boolean): void => {
      const lo = point(b[0] ?? 0, b[1] ?? 0, b[2] ?? NaN);
      const hi = point(b[3] ?? 0, b[4] ?? 0, b[5] ?? NaN);
      if (lo.x === hi.x && lo.y === hi.y) out.push(lo);
      else if (loFirst) out.push(lo, hi);
      else out.push(hi, lo);
    };
    for (let i = 0; i < c.length; i += STRIDE) emit(c.slice(i, i + STRIDE), c[i + 6] === 1);
    if (this.#count > 0) {
      emit([this.#loX, this.#loY, this.#loW, this.#hiX, this.#hiY, this.#hiW], this.#loAt <= this.#hiAt);
    }
    return out;
  }
}

/** Numbers per closed bucket of a {@link MinMaxSeries}. */
const STRIDE = 7;

/**
 * Keeps an evenly spread sample of at most `capacity` items from a stream of unknown length
 * (every k-th item, k doubling when full): for markers such as forced GCs, where a min/max makes
 * no sense but a million dots would be unreadable anyway.
 */
export class StrideSample<T> {
  readonly #capacity: number;
  #stride = 1;
  #seen = 0;
  #items: T[] = [];

  constructor(capacity = 1000) {
    this.#capacity = Math.max(2, capacity);
  }

  /** Offers the next item. */
  push(item: T): void {
    if (this.#seen++ % this.#stride !== 0) return;
    this.#items.push(item);
    if (this.#items.length >= this.#capacity) {
      this.#items = this.#items.filter((_, i) => i % 2 === 0);
      this.#stride *= 2;
    }
  }

  /** How many items were offered in all. */
  get seen(): number {
    return this.#seen;
  }

  /** The kept items, in input order. */
  items(): T[] {
    return this.#items.slice();
  }
}
