import type { ScavRecord } from "./trace-records.ts";

// Three formats over the versions (runtime/mgcscavenge.go printScavTrace):
//   Go 1.15-era: scav <gen> # KiB work, # KiB total, #% util
//   Go 1.19:     scav # KiB work, # KiB total, #% util[ (forced)| [controller reset]]
//   Go 1.21+:    scav # KiB work (bg), # KiB work (eager), # KiB now, #% util[ (forced)| [controller reset]]
const SUFFIX = String.raw`( \(forced\)| \[controller reset\])?$`;
const OLD = new RegExp(String.raw`^scav (\d+) (\d+) KiB work, (\d+) KiB total, (\d+)% util` + SUFFIX);
const V119 = new RegExp(String.raw`^scav (\d+) KiB work, (\d+) KiB total, (\d+)% util` + SUFFIX);
const V121 = new RegExp(
  String.raw`^scav (\d+) KiB work \(bg\), (\d+) KiB work \(eager\), (\d+) KiB now, (\d+)% util` + SUFFIX,
);

/** Parses one `GODEBUG=scavtrace=1` line in any of its three formats; null if it is not one. */
export function parseScavLine(text: string, line: number): ScavRecord | null {
  let m = V121.exec(text);
  if (m !== null) {
    return scav(line, "1.21+", null, m[1], m[2] ?? null, m[3], m[4], m[5]);
  }
  m = V119.exec(text);
  if (m !== null) return scav(line, "1.19", null, m[1], null, m[2], m[3], m[4]);
  m = OLD.exec(text);
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
