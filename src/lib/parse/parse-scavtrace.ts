import { matchesLine, pos, readInt } from "./read-number.ts";
import type { ScavRecord } from "./trace-records.ts";

// Three formats over the versions (runtime/mgcscavenge.go printScavTrace):
//   Go 1.15-era: scav <gen> # KiB work, # KiB total, #% util
//   Go 1.19:     scav # KiB work, # KiB total, #% util[ (forced)| [controller reset]]
//   Go 1.21+:    scav # KiB work (bg), # KiB work (eager), # KiB now, #% util[ (forced)| [controller reset]]
// One sticky pattern validates all three, ending at a line terminator or the end of the input
// instead of `$`, so the streaming parser can test it in place inside a chunk (see
// parse-scheddetail.ts); the numbers are then read by hand from the validated line.
const SCAV_LINE = new RegExp(
  String.raw`scav (?:\d+ KiB work \(bg\), \d+ KiB work \(eager\), \d+ KiB now|(?:\d+ )?\d+ KiB work, \d+ KiB total)` +
    String.raw`, \d+% util(?: \(forced\)| \[controller reset\])?(?![^\r\n])`,
  "y",
);

/** Parses one `GODEBUG=scavtrace=1` line in any of its three formats; null if it is not one. */
export function parseScavLine(text: string, line: number): ScavRecord | null {
  return parseScavLineAt(text, 0, text.length, line);
}

/** {@link parseScavLine} on the line `s[start, end)`, which ends at a CR, LF or the end of `s`. */
export function parseScavLineAt(s: string, start: number, end: number, line: number): ScavRecord | null {
  if (!matchesLine(SCAV_LINE, s, start, end)) return null;
  // Each `pos + k` below skips a fixed piece of the format, named in the comment.
  let form: ScavRecord["form"] = "1.19";
  let gen: number | null = null;
  let eagerKiB: number | null = null;
  let retainedKiB: number;
  let workKiB = readInt(s, start + 5); // "scav "
  if (s.charCodeAt(pos + 1) !== 75) {
    // A second number before " KiB": the old form's generation, then the work.
    form = "old";
    gen = workKiB;
    workKiB = readInt(s, pos + 1); // " "
  }
  let utilPercent: number;
  if (s.charCodeAt(pos + 10) === 40) {
    form = "1.21+";
    eagerKiB = readInt(s, pos + 16); // " KiB work (bg), "
    retainedKiB = readInt(s, pos + 19); // " KiB work (eager), "
    utilPercent = readInt(s, pos + 10); // " KiB now, "
  } else {
    retainedKiB = readInt(s, pos + 11); // " KiB work, "
    utilPercent = readInt(s, pos + 12); // " KiB total, "
  }
  // "% util", then nothing, " (forced)" or " [controller reset]".
  const suffix = pos + 6 < end ? s.charCodeAt(pos + 7) : 0;
  return {
    kind: "scav",
    line,
    form,
    gen,
    workKiB,
    eagerKiB,
    retainedKiB,
    utilPercent,
    forced: suffix === 40,
    controllerReset: suffix === 91,
  };
}
