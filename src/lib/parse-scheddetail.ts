import type { GRecord, MRecord, PRecord } from "./trace-records.ts";

// Missing ids are printed as -1 up to Go 1.19 and as nil from about Go 1.21.
const ID = String.raw`(?:-?\d+|nil)`;
const I = String.raw`-?\d+`;
// The free-text fields exclude NUL and U+FFFD (binary input, which Go never prints), so a line
// holding them does not parse and becomes an error, which parseLine checks for binary data; every
// other field admits only digits and fixed words.
const FREE = String.raw`[^\0\uFFFD\r\n\u2028\u2029]`;
// The patterns only validate a line: they are sticky and end at a line terminator or the end of the
// input instead of `$`, so the streaming parser can test them in place inside a chunk, and nothing
// in them matches CR or LF, so a match cannot run past its line (the callers check that it ends
// exactly where the line does). The fields are then read by hand, knowing the line is well formed:
// these lines are most of a scheddetail log, and a match array with one string per field costs
// more than the matching itself.
const P_LINE = new RegExp(
  String.raw`  P\d+: status=${I} schedtick=${I} syscalltick=${I} m=${ID} runqsize=${I} gfreecnt=${I}(?: timerslen=${I})?` +
    String.raw`(?![^\r\n])`,
  "y",
);
// preemptoff is a free string (usually empty), so it is matched lazily up to ` locks=`.
const M_LINE = new RegExp(
  String.raw`  M\d+: p=${ID} curg=${ID} mallocing=${I} throwing=${I} preemptoff=${FREE}*? locks=${I} dying=${I}` +
    String.raw` spinning=(?:true|false) blocked=(?:true|false) lockedg=${ID}(?![^\r\n])`,
  "y",
);
// The wait reason may itself contain parentheses (`GC worker (idle)`), so the group is greedy and
// the end of the line decides where it stops.
const G_LINE = new RegExp(String.raw`  G\d+: status=\d+\(${FREE}*\) m=${ID} lockedm=${ID}(?![^\r\n])`, "y");

/** True when the sticky pattern matches `s` from `start` up to exactly `end`. */
function matches(re: RegExp, s: string, start: number, end: number): boolean {
  re.lastIndex = start;
  return re.test(s) && re.lastIndex === end;
}

// What the last read* call read: a module variable rather than a returned object, so that reading
// a field allocates nothing. The readers are only used on lines the patterns have validated.
let value: number | null = 0;

/** Reads the digits at `i` (there is at least one) into `value`; returns the index after them. */
function readUint(s: string, i: number): number {
  const from = i;
  let v = 0;
  for (let d = s.charCodeAt(i) - 48; d >= 0 && d <= 9; d = s.charCodeAt(++i) - 48) v = v * 10 + d;
  // Up to 15 digits the sum is exact, as Number() of the text would be; beyond, let Number round.
  value = i - from > 15 ? Number(s.slice(from, i)) : v;
  return i;
}

/** Reads `-?\d+` at `i` into `value`; returns the index after it. */
function readInt(s: string, i: number): number {
  if (s.charCodeAt(i) !== 45) return readUint(s, i);
  const next = readUint(s, i + 1);
  // Number("-0") is -0, and so is this.
  value = next - i > 16 ? Number(s.slice(i, next)) : -(value ?? 0);
  return next;
}

/** Reads an id (`-?\d+` or `nil`) at `i` into `value`, null for nil and negative ids (none). */
function readId(s: string, i: number): number {
  if (s.charCodeAt(i) === 110) {
    value = null;
    return i + 3;
  }
  const next = readInt(s, i);
  if (value !== null && value < 0) value = null;
  return next;
}

function num(): number {
  return value ?? 0;
}

/** Parses a `  P<i>: …` line of `scheddetail=1`; null if the text is not exactly one. */
export function parsePLine(text: string, line: number, tMs: number | null): PRecord | null {
  return parsePLineAt(text, 0, text.length, line, tMs);
}

/** {@link parsePLine} on the line `s[start, end)`, which ends at a CR, LF or the end of `s`. */
export function parsePLineAt(s: string, start: number, end: number, line: number, tMs: number | null): PRecord | null {
  if (!matches(P_LINE, s, start, end)) return null;
  let i = readUint(s, start + 3);
  const id = num();
  i = readInt(s, i + 9); // ": status="
  const status = num();
  i = readInt(s, i + 11); // " schedtick="
  const schedtick = num();
  i = readInt(s, i + 13); // " syscalltick="
  const syscalltick = num();
  i = readId(s, i + 3); // " m="
  const m = value;
  i = readInt(s, i + 10); // " runqsize="
  const runqsize = num();
  i = readInt(s, i + 10); // " gfreecnt="
  const gfreecnt = num();
  let timerslen: number | null = null;
  if (i < end) {
    readInt(s, i + 11); // " timerslen="
    timerslen = num();
  }
  return { kind: "p", line, tMs, id, status, schedtick, syscalltick, m, runqsize, gfreecnt, timerslen };
}

/** Parses a `  M<id>: …` line of `scheddetail=1`; null if the text is not exactly one. */
export function parseMLine(text: string, line: number, tMs: number | null): MRecord | null {
  return parseMLineAt(text, 0, text.length, line, tMs);
}

/** {@link parseMLine} on the line `s[start, end)`, which ends at a CR, LF or the end of `s`. */
export function parseMLineAt(s: string, start: number, end: number, line: number, tMs: number | null): MRecord | null {
  if (!matches(M_LINE, s, start, end)) return null;
  let i = readUint(s, start + 3);
  const id = num();
  i = readId(s, i + 4); // ": p="
  const p = value;
  i = readId(s, i + 6); // " curg="
  const curg = value;
  i = readInt(s, i + 11); // " mallocing="
  const mallocing = num();
  i = readInt(s, i + 10); // " throwing="
  const throwing = num();
  const from = i + 12; // " preemptoff="
  // What follows preemptoff holds ` locks=` only once, at its start, so the last one ends it.
  const to = s.lastIndexOf(" locks=", end);
  i = readInt(s, to + 7);
  const locks = num();
  i = readInt(s, i + 7); // " dying="
  const dying = num();
  i += 10; // " spinning="
  const spinning = s.charCodeAt(i) === 116;
  i += spinning ? 4 : 5;
  i += 9; // " blocked="
  const blocked = s.charCodeAt(i) === 116;
  i += blocked ? 4 : 5;
  readId(s, i + 9); // " lockedg="
  return {
    kind: "m",
    line,
    tMs,
    id,
    p,
    curg,
    mallocing,
    throwing,
    preemptoff: s.slice(from, to),
    locks,
    dying,
    spinning,
    blocked,
    lockedg: value,
  };
}

/** Parses a `  G<id>: status=N(reason) …` line of `scheddetail=1`; null if the text is not exactly one. */
export function parseGLine(text: string, line: number, tMs: number | null): GRecord | null {
  return parseGLineAt(text, 0, text.length, line, tMs);
}

/** {@link parseGLine} on the line `s[start, end)`, which ends at a CR, LF or the end of `s`. */
export function parseGLineAt(s: string, start: number, end: number, line: number, tMs: number | null): GRecord | null {
  if (!matches(G_LINE, s, start, end)) return null;
  let i = readUint(s, start + 3);
  const id = num();
  i = readUint(s, i + 9); // ": status="
  const status = num();
  const from = i + 1; // "("
  // What follows the reason holds `) m=` only once, at its start, so the last one ends it.
  const to = s.lastIndexOf(") m=", end);
  i = readId(s, to + 4);
  const m = value;
  readId(s, i + 9); // " lockedm="
  return { kind: "g", line, tMs, id, status, waitReason: s.slice(from, to), m, lockedm: value };
}
