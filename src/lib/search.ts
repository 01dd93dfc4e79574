/**
 * Index of the last element of an ascending sequence that is <= `t` (binary search, O(log n));
 * -1 when `t` is before the first element or the sequence is empty. With equal values, the last
 * of them wins, so "at exactly a sample's time" includes that sample.
 */
export function lastIndexAtOrBefore<T>(items: ArrayLike<T>, t: number, timeOf: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeOf(items[mid] as T) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
