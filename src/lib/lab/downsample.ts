/** A point of a drawn series: x (seconds) and y. */
export interface XY {
  x: number;
  y: number;
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
 * bounded and every bucket still keeps its extremes.
 */
export class MinMaxSeries {
  readonly #capacity: number;
  #span = 1;
  // Closed buckets: [loX, loY, hiX, hiY, loFirst(1/0)] flattened.
  #closed: number[] = [];
  #count = 0;
  #loX = 0;
  #loY = 0;
  #hiX = 0;
  #hiY = 0;
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

  /** Adds the next point (x should not decrease, though nothing breaks if it does). */
  push(x: number, y: number): void {
    const at = this.#length++;
    if (this.#count === 0) {
      this.#loX = this.#hiX = x;
      this.#loY = this.#hiY = y;
      this.#loAt = this.#hiAt = at;
    } else {
      if (y < this.#loY) {
        this.#loX = x;
        this.#loY = y;
        this.#loAt = at;
      }
      if (y > this.#hiY) {
        this.#hiX = x;
        this.#hiY = y;
        this.#hiAt = at;
      }
    }
    if (++this.#count >= this.#span) this.#close();
  }

  #close(): void {
    this.#closed.push(this.#loX, this.#loY, this.#hiX, this.#hiY, this.#loAt <= this.#hiAt ? 1 : 0);
    this.#count = 0;
    if (this.#closed.length / 5 >= this.#capacity) this.#halve();
  }

  #halve(): void {
    const c = this.#closed;
    const merged: number[] = [];
    for (let i = 0; i < c.length; i += 10) {
      if (i + 5 >= c.length) {
        merged.push(...c.slice(i, i + 5));
        break;
      }
      const [aLoX, aLoY, aHiX, aHiY, aLoFirst] = c.slice(i, i + 5) as [number, number, number, number, number];
      const [bLoX, bLoY, bHiX, bHiY, bLoFirst] = c.slice(i + 5, i + 10) as [number, number, number, number, number];
      const loFromA = aLoY <= bLoY;
      const hiFromA = aHiY >= bHiY;
      const loX = loFromA ? aLoX : bLoX;
      const loY = loFromA ? aLoY : bLoY;
      const hiX = hiFromA ? aHiX : bHiX;
      const hiY = hiFromA ? aHiY : bHiY;
      // Which extreme comes first: when both come from one bucket, that bucket knows; otherwise
      // the one from the earlier bucket does.
      let loFirst: number;
      if (loFromA && hiFromA) loFirst = aLoFirst;
      else if (!loFromA && !hiFromA) loFirst = bLoFirst;
      else loFirst = loFromA ? 1 : 0;
      merged.push(loX, loY, hiX, hiY, loFirst);
    }
    this.#closed = merged;
    this.#span *= 2;
  }

  /** The kept points in input order: each bucket's low and high point (once when they coincide). */
  points(): XY[] {
    const out: XY[] = [];
    const c = this.#closed;
    const emit = (loX: number, loY: number, hiX: number, hiY: number, loFirst: boolean): void => {
      if (loX === hiX && loY === hiY) out.push({ x: loX, y: loY });
      else if (loFirst) out.push({ x: loX, y: loY }, { x: hiX, y: hiY });
      else out.push({ x: hiX, y: hiY }, { x: loX, y: loY });
    };
    for (let i = 0; i < c.length; i += 5) {
      emit(c[i] ?? 0, c[i + 1] ?? 0, c[i + 2] ?? 0, c[i + 3] ?? 0, c[i + 4] === 1);
    }
    if (this.#count > 0) emit(this.#loX, this.#loY, this.#hiX, this.#hiY, this.#loAt <= this.#hiAt);
    return out;
  }
}

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
