/** p50, p99 and max of a set of values; null when there are none. */
export interface Percentiles {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * The nearest-rank percentile of sorted values: the smallest value such that at least `p` % of
 * all values are no greater than it (p in 0–100). Values must be sorted ascending.
 */
export function nearestRank(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const rank = Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
  return sorted[rank - 1] ?? NaN;
}

/** p50, p99 and max (nearest rank) of `values`, which it sorts in place; null for none. */
export function percentiles(values: Float64Array): Percentiles | null {
  if (values.length === 0) return null;
  values.sort();
  return {
    count: values.length,
    p50: nearestRank(values, 50),
    p99: nearestRank(values, 99),
    max: values[values.length - 1] ?? NaN,
  };
}

/** A growable list of numbers in a typed array: a million pauses take 8 MB, not 30. */
export class NumberList {
  #data = new Float64Array(1024);
  #length = 0;

  /** Appends a value. */
  push(value: number): void {
    if (this.#length === this.#data.length) {
      const bigger = new Float64Array(this.#data.length * 2);
      bigger.set(this.#data);
      this.#data = bigger;
    }
    this.#data[this.#length++] = value;
  }

  /** How many values it holds. */
  get length(): number {
    return this.#length;
  }

  /** A copy of the values. */
  toArray(): Float64Array {
    return this.#data.slice(0, this.#length);
  }
}
