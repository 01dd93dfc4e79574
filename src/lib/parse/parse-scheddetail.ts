import { matchesLine as matches, pos, readId, readInt } from "./read-number.ts";
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
// exactly where the line does). The fields are then read by hand (read-number.ts), knowing the line
// is well formed: these lines are most of a scheddetail log, and a match array with one string per
// field costs more than the matching itself.
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
// The wait reason may itself contain parentheses (`GC worker (idle)`); the end of the line decides
// where it stops. Only whether the line matches counts here, so the lazy quantifier, which saves
// running to the end of the line and backing up, gives the same answer as a greedy one.
const G_LINE = new RegExp(String.raw`  G\d+: status=\d+\(${FREE}*?\) m=${ID} lockedm=${ID}(?![^\r\n])`, "y");

/** Parses a `  P<i>: …` line of `scheddetail=1`; null if the text is not exactly one. */
export function parsePLine(text: string, line: number, tMs: number | null): PRecord | null {
  return parsePLineAt(text, 0, text.length, line, tMs);
}

/** {@link parsePLine} on the line `s[start, end)`, which ends at a CR, LF or the end of `s`. */
export function parsePLineAt(s: string, start: number, end: number, line: number, tMs: number | null): PRecord | null {
  if (!matches(P_LINE, s, start, end)) return null;
  // Each `pos + k` below skips a fixed piece of the format, named in the comment.
  const id = readInt(s, start + 3); // "  P"
  const status = readInt(s, pos + 9); // ": status="
  const schedtick = readInt(s, pos + 11); // " schedtick="
  const syscalltick = readInt(s, pos + 13); // " syscalltick="
  const m = readId(s, pos + 3); // " m="
  const runqsize = readInt(s, pos + 10); // " runqsize="
  const gfreecnt = readInt(s, pos + 10); // " gfreecnt="
  const timerslen = pos < end ? readInt(s, pos + 11) : null; // " timerslen="
  return { kind: "p", line, tMs, id, status, schedtick, syscalltick, m, runqsize, gfreecnt, timerslen };
}

/** Parses a `  M<id>: …` line of `scheddetail=1`; null if the text is not exactly one. */
export function parseMLine(text: string, line: number, tMs: number | null): MRecord | null {
  return parseMLineAt(text, 0, text.length, line, tMs);
}

/** {@link parseMLine} on the line `s[start, end)`, which ends at a CR, LF or the end of `s`. */
export function parseMLineAt(s: string, start: number, end: number, line: number, tMs: number | null): MRecord | null {
  if (!matches(M_LINE, s, start, end)) return null;
  const id = readInt(s, start + 3); // "  M"
  const p = readId(s, pos + 4); // ": p="
  const curg = readId(s, pos + 6); // " curg="
  const mallocing = readInt(s, pos + 11); // " mallocing="
  const throwing = readInt(s, pos + 10); // " throwing="
  const from = pos + 12; // " preemptoff="
  // What follows preemptoff holds ` locks=` only once, at its start, so the last one ends it.
  const to = s.lastIndexOf(" locks=", end);
  const locks = readInt(s, to + 7);
  const dying = readInt(s, pos + 7); // " dying="
  let i = pos + 10; // " spinning="
  const spinning = s.charCodeAt(i) === 116;
  i += (spinning ? 4 : 5) + 9; // "true" or "false", " blocked="
  const blocked = s.charCodeAt(i) === 116;
  i += (blocked ? 4 : 5) + 9; // "true" or "false", " lockedg="
  const lockedg = readId(s, i);
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
    lockedg,
  };
}

/** Parses a `  G<id>: status=N(reason) …` line of `scheddetail=1`; null if the text is not exactly one. */
export function parseGLine(text: string, line: number, tMs: number | null): GRecord | null {
  return parseGLineAt(text, 0, text.length, line, tMs);
}

/** {@link parseGLine} on the line `s[start, end)`, which ends at a CR, LF or the end of `s`. */
export function parseGLineAt(s: string, start: number, end: number, line: number, tMs: number | null): GRecord | null {
  if (!matches(G_LINE, s, start, end)) return null;
  const id = readInt(s, start + 3); // "  G"
  const status = readInt(s, pos + 9); // ": status="
  const from = pos + 1; // "("
  // What follows the reason holds `) m=` only once, at its start, so the last one ends it.
  const to = s.lastIndexOf(") m=", end);
  const m = readId(s, to + 4);
  const lockedm = readId(s, pos + 9); // " lockedm="
  return { kind: "g", line, tMs, id, status, waitReason: s.slice(from, to), m, lockedm };
}
