import type { ScavRecord } from "./trace-records.ts";

// Three formats over the versions (runtime/mgcscavenge.go printScavTrace):
//   Go 1.15-era: scav <gen> # KiB work, # KiB total, #% util
//   Go 1.19:     scav # KiB work, # KiB total, #% util[ (forced)| [controller reset]]
//   Go 1.21+:    scav # KiB work (bg), # KiB work (eager), # KiB now, #% util[ (forced)| [controller reset]]
// Sticky and ending at a line terminator or the end of the input instead of `$`, so the streaming
// parser can match them in place inside a chunk (see parse-scheddetail.ts).
const SUFFIX = String.raw`( \(forced\)| \[controller reset\])?(?![^\r\n])`;
const OLD = new RegExp(String.raw`scav (\d+) (\d+) KiB work, (\d+) KiB total, (\d+)% util` + SUFFIX, "y");
const V119 = new RegExp(String.raw`scav (\d+) KiB work, (\d+) KiB total, (\d+)% util` + SUFFIX, "y");
const V121 = new RegExp(
  String.raw`scav (\d+) KiB work \(bg\), (\d+) KiB work \(eager\), (\d+) KiB now, (\d+)% util` + SUFFIX,
  "y",
);

/** Matches a sticky pattern on `s` from `start`; the match only counts if it ends at `end`. */
function matchAt(re: RegExp, s: string, start: number, end: number): RegExpExecArray | null {
  re.lastIndex = start;
  const m = re.exec(s);
  return m !== null && re.lastIndex === end ? m : null;
}

/** Parses one `GODEBUG=scavtrace=1` line in any of its three formats; null if it is not one. */
export function parseScavLine(text: string, line: number): ScavRecord | null {
  return parseScavLineAt(text, 0, text.length, line);
}

/** {@link parseScavLine} on the line `s[start, end)`, which ends at a CR, LF or the end of `s`. */
export function parseScavLineAt(s: string, start: number, end: number, line: number): ScavRecord | null {
  let m = matchAt(V121, s, start, end);
  if (m !== null) {
    return scav(line, "1.21+", null, m[1], m[2] ?? null, m[3], m[4], m[5]);
  }
  m = matchAt(V119, s, start, end);
  if (m !== null) return scav(line, "1.19", null, m[1], null, m[2], m[3], m[4]);
  m = matchAt(OLD, s, start, end);
  if (m !== null) return scav(line, "old", m[1], m[2], null, m[3], m[4], m[5]);
  return null;
}

function scav(
  line: number,
  form: ScavRecord["form"],
  gen: string | null | undefined,
  work: string | undefined,
  eager: string | null | undefined,
  retained: string | undefined,
  util: string | undefined,
  suffix: string | undefined,
): ScavRecord {
  return {
    kind: "scav",
    line,
    form,
    gen: gen == null ? null : Number(gen),
    workKiB: Number(work),
    eagerKiB: eager == null ? null : Number(eager),
    retainedKiB: Number(retained),
    utilPercent: Number(util),
    forced: suffix === " (forced)",
    controllerReset: suffix === " [controller reset]",
  };
}
