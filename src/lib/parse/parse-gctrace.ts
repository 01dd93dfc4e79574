import { matchesLine, pos, readDecimal } from "./read-number.ts";
import type { GcRecord } from "./trace-records.ts";

// One pattern for the whole line: the runtime prints it with a single print sequence, so anything
// that fails to match it exactly was torn by other output or comes from another format. Numbers
// are written by fmtNSAsMS / itoaDiv: digits with an optional fraction, never signed.
// The pattern only validates: it is sticky and ends at a line terminator or the end of the input
// instead of `$`, so the streaming parser can test it in place inside a chunk (nothing in it
// matches CR or LF, so a match cannot run past its line, and the caller checks it ends where the
// line does). The numbers are then read by hand from the validated line, which is much cheaper
// than a match array of twenty strings, each then converted by Number().
const NUM = String.raw`\d+(?:\.\d+)?`;
const INT = String.raw`\d+`;
const GC_LINE = new RegExp(
  "gc " +
    INT +
    " @" +
    NUM +
    "s " +
    INT +
    "%" +
    String.raw`(?: \(checking for goroutine leaks\))?: ` +
    `${NUM}\\+${NUM}\\+${NUM} ms clock, ` +
    `${NUM}\\+${NUM}/${NUM}/${NUM}\\+${NUM} ms cpu, ` +
    `${INT}->${INT}->${INT} MB, ${INT} MB goal, ` +
    `(?:${INT} MB stacks, ${INT} MB globals, )?` +
    INT +
    " P" +
    String.raw`(?: \(forced\))?(?![^\r\n])`,
  "y",
);
const LEAK_CHECK = " (checking for goroutine leaks)";

/**
 * Parses one `GODEBUG=gctrace=1` line (Go 1.18–1.27 format, and the older one without stacks and
 * globals). Returns null when the text is not exactly such a line.
 */
export function parseGctraceLine(text: string, line: number): GcRecord | null {
  return parseGctraceLineAt(text, 0, text.length, line);
}

/** {@link parseGctraceLine} on the line `s[start, end)`, which ends at a CR, LF or the end of `s`. */
export function parseGctraceLineAt(s: string, start: number, end: number, line: number): GcRecord | null {
  if (!matchesLine(GC_LINE, s, start, end)) return null;
  // Each `pos + k` below skips a fixed piece of the format, named in the comment.
  const n = readDecimal(s, start + 3); // "gc "
  const t = readDecimal(s, pos + 2); // " @"
  const cpuPercent = readDecimal(s, pos + 2); // "s "
  let i = pos + 1; // "%"
  const leakCheck = s.charCodeAt(i) === 32;
  if (leakCheck) i += LEAK_CHECK.length;
  const c0 = readDecimal(s, i + 2); // ": "
  const c1 = readDecimal(s, pos + 1); // "+"
  const c2 = readDecimal(s, pos + 1); // "+"
  const p0 = readDecimal(s, pos + 11); // " ms clock, "
  const p1 = readDecimal(s, pos + 1); // "+"
  const p2 = readDecimal(s, pos + 1); // "/"
  const p3 = readDecimal(s, pos + 1); // "/"
  const p4 = readDecimal(s, pos + 1); // "+"
  const h0 = readDecimal(s, pos + 9); // " ms cpu, "
  const h1 = readDecimal(s, pos + 2); // "->"
  const h2 = readDecimal(s, pos + 2); // "->"
  const goalMB = readDecimal(s, pos + 5); // " MB, "
  let procs = readDecimal(s, pos + 10); // " MB goal, "
  let stacksMB: number | null = null;
  let globalsMB: number | null = null;
  // " MB stacks, " or " P".
  if (s.charCodeAt(pos + 1) === 77) {
    stacksMB = procs;
    globalsMB = readDecimal(s, pos + 12); // " MB stacks, "
    procs = readDecimal(s, pos + 13); // " MB globals, "
  }
  return {
    kind: "gc",
    line,
    n,
    t,
    cpuPercent,
    clockMs: [c0, c1, c2],
    cpuMs: [p0, p1, p2, p3, p4],
    heapMB: [h0, h1, h2],
    goalMB,
    stacksMB,
    globalsMB,
    procs,
    forced: pos + 2 < end, // " P" then " (forced)"
    leakCheck,
  };
}

/**
 * Writes a {@link GcRecord} back as the line the runtime prints: `t` with three decimals (itoaDiv),
 * the ms figures with the runtime's fmtNSAsMS precision, so a line parsed from real output formats
 * back to the same text. Stacks and globals are left out when either is null (pre-1.18 format).
 */
export function formatGctraceLine(r: GcRecord): string {
  const stacks =
    r.stacksMB === null || r.globalsMB === null ? "" : `${r.stacksMB} MB stacks, ${r.globalsMB} MB globals, `;
  const c = r.cpuMs.map(formatMs);
  return (
    `gc ${r.n} @${r.t.toFixed(3)}s ${r.cpuPercent}%` +
    (r.leakCheck ? " (checking for goroutine leaks)" : "") +
    `: ${r.clockMs.map(formatMs).join("+")} ms clock, ` +
    `${c[0]}+${c[1]}/${c[2]}/${c[3]}+${c[4]} ms cpu, ` +
    `${r.heapMB.join("->")} MB, ${r.goalMB} MB goal, ${stacks}${r.procs} P` +
    (r.forced ? " (forced)" : "")
  );
}

/**
 * A millisecond figure as fmtNSAsMS (runtime/mgc.go) prints it: whole ms from 10 ms up, otherwise
 * two significant digits with at most three decimals (0.071, 0.90, 1.5), and 0 below 1 µs.
 */
export function formatMs(ms: number): string {
  if (ms === 0) return "0";
  if (ms >= 10) return String(Math.trunc(ms));
  const decimals = ms < 0.1 ? 3 : ms < 1 ? 2 : 1;
  return ms.toFixed(decimals);
}
