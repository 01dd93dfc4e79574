import type { SchedRecord } from "./trace-records.ts";

// Signed integers: the runtime prints int32 counters that can be transiently negative
// (observed: nmidlelocked=-1 on the `SCHED 0ms` line of Go 1.26).
const I = String.raw`(-?\d+)`;
// Sticky and ending at a line terminator or the end of the input instead of `$`, so the streaming
// parser can match it in place inside a chunk (see parse-scheddetail.ts).
const SCHED_LINE = new RegExp(
  String.raw`SCHED (\d+)ms: gomaxprocs=${I} idleprocs=${I} threads=${I} spinningthreads=${I}` +
    String.raw`(?: needspinning=${I})? idlethreads=${I} runqueue=${I}` +
    // Summary mode: `[0 0]` (1.19) or `[ 0 0 ] schedticks=[ 39 10 ]` (1.25+).
    String.raw`(?: \[([-\d ]*)\](?: schedticks=\[([-\d ]*)\])?` +
    // Detailed mode: 0/1 before the atomic.Bool change, false/true after.
    String.raw`| gcwaiting=(0|1|false|true) nmidlelocked=${I} stopwait=${I} sysmonwait=(0|1|false|true))(?![^\r\n])`,
  "y",
);

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
  const m = SCHED_LINE.exec(s);
  if (m === null || SCHED_LINE.lastIndex !== end) return null;
  const detailed = m[12] !== undefined;
  return {
    kind: "sched",
    line,
    tMs: Number(m[1]),
    gomaxprocs: Number(m[2]),
    idleprocs: Number(m[3]),
    threads: Number(m[4]),
    spinningthreads: Number(m[5]),
    needspinning: m[6] === undefined ? null : Number(m[6]),
    idlethreads: Number(m[7]),
    runqueue: Number(m[8]),
    localRunqueues: detailed ? null : numberList(m[9] ?? ""),
    schedticks: m[10] === undefined ? null : numberList(m[10]),
    gcwaiting: detailed ? flag(m[11]) : null,
    nmidlelocked: detailed ? Number(m[12]) : null,
    stopwait: detailed ? Number(m[13]) : null,
    sysmonwait: detailed ? flag(m[14]) : null,
  };
}

function numberList(s: string): number[] {
  const out: number[] = [];
  for (const part of s.split(" ")) if (part !== "") out.push(Number(part));
  return out;
}

function flag(s: string | undefined): boolean {
  return s === "1" || s === "true";
}
