import { matchesLine, pos, readInt } from "./read-number.ts";
import type { SchedRecord } from "./trace-records.ts";

// Signed integers: the runtime prints int32 counters that can be transiently negative
// (observed: nmidlelocked=-1 on the `SCHED 0ms` line of Go 1.26).
const I = String.raw`-?\d+`;
// A list of per-P numbers, with or without spaces inside the brackets.
const LIST = String.raw`\[ ?(?:${I}(?: ${I})*)? ?\]`;
// The pattern only validates: it is sticky and ends at a line terminator or the end of the input
// instead of `$`, so the streaming parser can test it in place inside a chunk (see
// parse-scheddetail.ts); the fields are then read by hand from the validated line.
const SCHED_LINE = new RegExp(
  String.raw`SCHED \d+ms: gomaxprocs=${I} idleprocs=${I} threads=${I} spinningthreads=${I}` +
    String.raw`(?: needspinning=${I})? idlethreads=${I} runqueue=${I}` +
    // Summary mode: `[0 0]` (1.19) or `[ 0 0 ] schedticks=[ 39 10 ]` (1.25+).
    String.raw`(?: ${LIST}(?: schedticks=${LIST})?` +
    // Detailed mode: 0/1 before the atomic.Bool change, false/true after.
    String.raw`| gcwaiting=(?:0|1|false|true) nmidlelocked=${I} stopwait=${I} sysmonwait=(?:0|1|false|true))(?![^\r\n])`,
  "y",
);

/** The 0/1/false/true flag at `i` of a validated line. */
function flagAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c === 49 || c === 116;
}

/** Where the flag at `i` of a validated line ends. */
function flagEnd(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return i + (c === 116 ? 4 : c === 102 ? 5 : 1);
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
  if (!matchesLine(SCHED_LINE, s, start, end)) return null;
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
    record.localRunqueues = readList(s, pos + 2, close);
    if (close + 1 < end) record.schedticks = readList(s, close + 14, end - 1); // "] schedticks=["
  } else {
    const gcwaiting = pos + 11; // " gcwaiting="
    record.gcwaiting = flagAt(s, gcwaiting);
    record.nmidlelocked = readInt(s, flagEnd(s, gcwaiting) + 14); // " nmidlelocked="
    record.stopwait = readInt(s, pos + 10); // " stopwait="
    record.sysmonwait = flagAt(s, pos + 12); // " sysmonwait="
  }
  return record;
}

/** Reads the numbers of a validated list between its brackets, `s[i, close)`. */
function readList(s: string, i: number, close: number): number[] {
  const out: number[] = [];
  for (;;) {
    while (s.charCodeAt(i) === 32) i++;
    if (i >= close) return out;
    out.push(readInt(s, i));
    i = pos;
  }
}
