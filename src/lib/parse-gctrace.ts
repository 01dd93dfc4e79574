import type { GcRecord } from "./trace-records.ts";

// One anchored pattern for the whole line: the runtime prints it with a single print sequence, so
// anything that fails to match it exactly was torn by other output or comes from another format.
// Numbers are written by fmtNSAsMS / itoaDiv: digits with an optional fraction, never signed.
const NUM = String.raw`(\d+(?:\.\d+)?)`;
const INT = String.raw`(\d+)`;
const GC_LINE = new RegExp(
  "^gc " +
    INT +
    " @" +
    NUM +
    "s " +
    INT +
    "%" +
    String.raw`( \(checking for goroutine leaks\))?: ` +
    `${NUM}\\+${NUM}\\+${NUM} ms clock, ` +
    `${NUM}\\+${NUM}/${NUM}/${NUM}\\+${NUM} ms cpu, ` +
    `${INT}->${INT}->${INT} MB, ${INT} MB goal, ` +
    `(?:${INT} MB stacks, ${INT} MB globals, )?` +
    INT +
    " P" +
    String.raw`( \(forced\))?$`,
);

/**
 * Parses one `GODEBUG=gctrace=1` line (Go 1.18–1.27 format, and the older one without stacks and
 * globals). Returns null when the text is not exactly such a line.
 */
export function parseGctraceLine(text: string, line: number): GcRecord | null {
  const m = GC_LINE.exec(text);
  if (m === null) return null;
  const n = (i: number): number => Number(m[i]);
  return {
    kind: "gc",
    line,
    n: n(1),
    t: n(2),
    cpuPercent: n(3),
    clockMs: [n(5), n(6), n(7)],
    cpuMs: [n(8), n(9), n(10), n(11), n(12)],
    heapMB: [n(13), n(14), n(15)],
    goalMB: n(16),
    stacksMB: m[17] === undefined ? null : n(17),
    globalsMB: m[18] === undefined ? null : n(18),
    procs: n(19),
    forced: m[20] !== undefined,
    leakCheck: m[4] !== undefined,
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
