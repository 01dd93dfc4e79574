import type { GRecord, MRecord, PRecord } from "./trace-records.ts";

// Missing ids are printed as -1 up to Go 1.19 and as nil from about Go 1.21.
const ID = String.raw`(-?\d+|nil)`;
const I = String.raw`(-?\d+)`;
const P_LINE = new RegExp(
  String.raw`^  P(\d+): status=${I} schedtick=${I} syscalltick=${I} m=${ID} runqsize=${I} gfreecnt=${I}(?: timerslen=${I})?$`,
);
// preemptoff is a free string (usually empty), so it is matched lazily up to ` locks=`.
const M_LINE = new RegExp(
  String.raw`^  M(\d+): p=${ID} curg=${ID} mallocing=${I} throwing=${I} preemptoff=(.*?) locks=${I} dying=${I}` +
    String.raw` spinning=(true|false) blocked=(true|false) lockedg=${ID}$`,
);
// The wait reason may itself contain parentheses (`GC worker (idle)`), so the group is greedy and
// the end of the line decides where it stops.
const G_LINE = new RegExp(String.raw`^  G(\d+): status=(\d+)\((.*)\) m=${ID} lockedm=${ID}$`);

/** Parses a `  P<i>: …` line of `scheddetail=1`; null if the text is not exactly one. */
export function parsePLine(text: string, line: number, tMs: number | null): PRecord | null {
  const m = P_LINE.exec(text);
  if (m === null) return null;
  return {
    kind: "p",
    line,
    tMs,
    id: Number(m[1]),
    status: Number(m[2]),
    schedtick: Number(m[3]),
    syscalltick: Number(m[4]),
    m: optionalId(m[5]),
    runqsize: Number(m[6]),
    gfreecnt: Number(m[7]),
    timerslen: m[8] === undefined ? null : Number(m[8]),
  };
}

/** Parses a `  M<id>: …` line of `scheddetail=1`; null if the text is not exactly one. */
export function parseMLine(text: string, line: number, tMs: number | null): MRecord | null {
  const m = M_LINE.exec(text);
  if (m === null) return null;
  return {
    kind: "m",
    line,
    tMs,
    id: Number(m[1]),
    p: optionalId(m[2]),
    curg: optionalId(m[3]),
    mallocing: Number(m[4]),
    throwing: Number(m[5]),
    preemptoff: m[6] ?? "",
    locks: Number(m[7]),
    dying: Number(m[8]),
    spinning: m[9] === "true",
    blocked: m[10] === "true",
    lockedg: optionalId(m[11]),
  };
}

/** Parses a `  G<id>: status=N(reason) …` line of `scheddetail=1`; null if the text is not exactly one. */
export function parseGLine(text: string, line: number, tMs: number | null): GRecord | null {
  const m = G_LINE.exec(text);
  if (m === null) return null;
  return {
    kind: "g",
    line,
    tMs,
    id: Number(m[1]),
    status: Number(m[2]),
    waitReason: m[3] ?? "",
    m: optionalId(m[4]),
    lockedm: optionalId(m[5]),
  };
}

/** -1 and nil both mean "none". */
function optionalId(s: string | undefined): number | null {
  if (s === undefined || s === "nil") return null;
  const n = Number(s);
  return n < 0 ? null : n;
}
