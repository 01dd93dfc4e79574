import type { SchedRecord } from "./trace-records.ts";

// Signed integers: the runtime prints int32 counters that can be transiently negative
// (observed: nmidlelocked=-1 on the `SCHED 0ms` line of Go 1.26).
const I = String.raw`-?\d+`;
// The pattern only validates: it is sticky and ends at a line terminator or the end of the input
// instead of `$`, so the streaming parser can test it in place inside a chunk (see
// parse-scheddetail.ts); the fields are then read by hand from the validated line.
const SCHED_LINE = new RegExp(
  String.raw`SCHED \d+ms: gomaxprocs=${I} idleprocs=${I} threads=${I} spinningthreads=${I}` +
    String.raw`(?: needspinning=${I})? idlethreads=${I} runqueue=${I}` +
    // Summary mode: `[0 0]` (1.19) or `[ 0 0 ] schedticks=[ 39 10 ]` (1.25+).
    String.raw`(?: \[[-\d ]*\](?: schedticks=\[[-\d ]*\])?` +
    // Detailed mode: 0/1 before the atomic.Bool change, false/true after.
    String.raw`| gcwaiting=(?:0|1|false|true) nmidlelocked=${I} stopwait=${I} sysmonwait=(?:0|1|false|true))(?![^\r\n])`,
  "y",
);

// Where the last readInt call stopped: a module variable rather than a returned object, so
// reading a field allocates nothing.
let pos = 0;

/** Reads `-?\d+` at `i` of a validated line and returns its value, leaving `pos` after it. */
function readInt(s: string, i: number): number {
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

/** Reads a 0/1/false/true flag at `i` of a validated line, leaving `pos` after it. */
function readFlag(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  pos = i + (c === 116 ? 4 : c === 102 ? 5 : 1);
  return c === 49 || c === 116;
}

/**
 * Parses a `SCHED Nms: …` line of `GODEBUG=schedtrace=X`, summary or detailed (`scheddetail=1`),
 * in the Go 1.19 and 1.21+ forms. Returns null when the text is not exactly such a line.
 */
export function parseSchedLine(text: string, line: number): SchedRecord | null {
  return parseSchedLineAt(text, 0, text.length, line);
}

/** {@link parseSchedLine} on the line `s[start, end)`, which ends at a CR, LF or the end of `s`. */
export function parseSchedLineAt(s: string, start: number, end: number, line: number): SchedRecord | null {
  SCHED_LINE.lastIndex = start;
  if (!SCHED_LINE.test(s) || SCHED_LINE.lastIndex !== end) return null;
  // Each `pos + k` below skips a fixed piece of the format, named in the comment.
  const tMs = readInt(s, start + 6); // "SCHED "
  const gomaxprocs = readInt(s, pos + 15); // "ms: gomaxprocs="
  const idleprocs = readInt(s, pos + 11); // " idleprocs="
  const threads = readInt(s, pos + 9); // " threads="
  const spinningthreads = readInt(s, pos + 17); // " spinningthreads="
  let needspinning: number | null = null;
  if (s.charCodeAt(pos + 1) === 110) needspinning = readInt(s, pos + 14); // " needspinning="
  const idlethreads = readInt(s, pos + 13); // " idlethreads="
  const runqueue = readInt(s, pos + 10); // " runqueue="
  const record: SchedRecord = {
    kind: "sched",
    line,
    tMs,
    gomaxprocs,
    idleprocs,
    threads,
    spinningthreads,
    needspinning,
    idlethreads,
    runqueue,
    localRunqueues: null,
    schedticks: null,
    gcwaiting: null,
    nmidlelocked: null,
    stopwait: null,
    sysmonwait: null,
  };
  if (s.charCodeAt(pos + 1) === 91) {
    // " [" list "]", then maybe " schedticks=[" list "]" up to the end of the line.
    const close = s.indexOf("]", pos + 2);
    record.localRunqueues = numberList(s.slice(pos + 2, close));
    if (close + 1 < end) record.schedticks = numberList(s.slice(close + 14, end - 1));
  } else {
    record.gcwaiting = readFlag(s, pos + 11); // " gcwaiting="
    record.nmidlelocked = readInt(s, pos + 14); // " nmidlelocked="
    record.stopwait = readInt(s, pos + 10); // " stopwait="
    record.sysmonwait = readFlag(s, pos + 12); // " sysmonwait="
  }
  return record;
}

function numberList(s: string): number[] {
  const out: number[] = [];
  for (const part of s.split(" ")) if (part !== "") out.push(Number(part));
  return out;
}
