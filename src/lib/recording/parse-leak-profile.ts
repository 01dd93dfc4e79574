import type { Frame, LineIssue } from "./recorder-records.ts";

/** One stack shared by `count` leaked goroutines. */
export interface LeakStack {
  count: number;
  /** Program counters from the `N @ 0x… 0x…` line, as printed. */
  pcs: string[];
  /** Symbolised frames (`#\t0xPC\tfunc+0xOFF\tfile:line`), innermost first; empty if not symbolised. */
  frames: Frame[];
}

/** A goroutine leak profile (`pprof.Lookup("goroutineleak").WriteTo(w, 1)`, Go 1.26+). */
export interface LeakProfile {
  /** The `total` of the header: leaked goroutines found by the last detection cycle. */
  total: number;
  stacks: LeakStack[];
  /** Lines that were not understood; the rest is still read. */
  issues: LineIssue[];
}

const HEADER = /^goroutineleak profile: total (\d+)$/;
const STACK = /^(\d+) @((?: 0x[0-9a-f]+)*)$/;
const FRAME = /^#\t0x[0-9a-f]+\t(.+?)(?:\+0x[0-9a-f]+)?\t(.*):(\d+)$/;

/**
 * Parses the debug=1 text of a goroutine leak profile. Returns null when the text has no
 * `goroutineleak profile: total N` header (it is not such a profile).
 */
export function parseLeakProfile(text: string): LeakProfile | null {
  const lines = text.split("\n");
  let total: number | null = null;
  const stacks: LeakStack[] = [];
  const issues: LineIssue[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").replace(/\r$/, "");
    if (line === "") continue;
    let m: RegExpExecArray | null;
    if (total === null) {
      m = HEADER.exec(line);
      if (m !== null) total = Number(m[1]);
      else {
        issues.push({
          line: i + 1,
          reason: "not-leak-profile",
          text: line,
          message: "expected 'goroutineleak profile: total N'",
        });
      }
      continue;
    }
    if ((m = STACK.exec(line)) !== null) {
      stacks.push({ count: Number(m[1]), pcs: (m[2] ?? "").trim().split(" ").filter(Boolean), frames: [] });
    } else if ((m = FRAME.exec(line)) !== null && stacks.length > 0) {
      stacks[stacks.length - 1]?.frames.push({ func: m[1] ?? "", file: m[2] ?? "", line: Number(m[3]) });
    } else if (!line.startsWith("# ")) {
      // `# labels: …` and similar comment lines are legitimate and carry nothing we show.
      issues.push({
        line: i + 1,
        reason: "bad-profile-line",
        text: line,
        message: "not a stack or frame line of a leak profile",
      });
    }
  }
  return total === null ? null : { total, stacks, issues };
}
