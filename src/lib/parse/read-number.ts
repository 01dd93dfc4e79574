/**
 * Number readers for the line parsers. Each parser first checks a whole line against a sticky
 * pattern (irregexp validates a line about twice as fast as checking it piece by piece in
 * JavaScript), then reads its fields here by hand: cheaper than a match array of strings, each
 * given to Number(). The readers trust the pattern: they are only called where it put a number.
 */

/**
 * Where the last read stopped: a module variable rather than a returned object, so that reading a
 * field allocates nothing (an index is a small integer, stored without boxing).
 */
export let pos = 0;

/** Reads `-?\d+` at `i` and returns its value, leaving {@link pos} after it. */
export function readInt(s: string, i: number): number {
  const from = i;
  const negative = s.charCodeAt(i) === 45;
  if (negative) i++;
  let v = 0;
  for (let d = s.charCodeAt(i) - 48; d >= 0 && d <= 9; d = s.charCodeAt(++i) - 48) v = v * 10 + d;
  pos = i;
  // Up to 15 digits the sum is exact, as Number() of the text would be; beyond, let Number round.
  // Number("-0") is -0, and so is -v.
  if (i - from > 15) return Number(s.slice(from, i));
  return negative ? -v : v;
}

/**
 * Reads `\d+(?:\.\d+)?` at `i` and returns its value, leaving {@link pos} after it. Where the
 * pattern allows this form, a `.` after digits always starts a fraction.
 */
export function readDecimal(s: string, i: number): number {
  const from = i;
  let v = 0;
  let d = s.charCodeAt(i) - 48;
  for (; d >= 0 && d <= 9; d = s.charCodeAt(++i) - 48) v = v * 10 + d;
  let scale = 1;
  let digits = i - from;
  if (d === -2) {
    // "." then the fraction's digits, kept in v as one integer.
    for (d = s.charCodeAt(++i) - 48; d >= 0 && d <= 9; d = s.charCodeAt(++i) - 48) {
      v = v * 10 + d;
      scale *= 10;
    }
    digits = i - from - 1;
  }
  pos = i;
  // Up to 15 digits, v and scale are exact integers, so one correctly rounded division gives
  // exactly the double that Number() gives for the text; beyond, let Number round. Integers skip
  // the division, which would make V8 keep them as (boxed) doubles rather than small integers.
  if (digits > 15) return Number(s.slice(from, i));
  return scale === 1 ? v : v / scale;
}

/**
 * Reads an id at `i`, `-?\d+` or `nil`, leaving {@link pos} after it. Missing ids are printed as -1
 * up to Go 1.19 and as nil from about Go 1.21: both are null, none.
 */
export function readId(s: string, i: number): number | null {
  if (s.charCodeAt(i) === 110) {
    pos = i + 3;
    return null;
  }
  const v = readInt(s, i);
  return v < 0 ? null : v;
}

/** True when the sticky pattern matches `s` from `start` up to exactly `end`. */
export function matchesLine(re: RegExp, s: string, start: number, end: number): boolean {
  re.lastIndex = start;
  return re.test(s) && re.lastIndex === end;
}
