import { parseGctraceLineAt } from "./parse-gctrace.ts";
import { parseGLineAt, parseMLineAt, parsePLineAt } from "./parse-scheddetail.ts";
import { parseSchedLineAt } from "./parse-schedtrace.ts";
import { parseScavLineAt } from "./parse-scavtrace.ts";
import type { ErrorReason, ErrorRecord, OtherRecord, TraceRecord } from "./trace-records.ts";

/** What {@link parseLine} needs to know about the lines before this one. */
export interface ParseContext {
  /** `tMs` of the last SCHED line, given to the P, M and G lines that follow it; null before any. */
  schedTMs: number | null;
}

// Invalid UTF-8 arrives as U+FFFD from a non-fatal TextDecoder; Go's runtime never prints either.
// eslint-disable-next-line no-control-regex -- a NUL byte is exactly what marks binary input
const BINARY = /[\u0000\uFFFD]/;
/** BINARY.test(text), but with includes (indexOf), which scans long lines (pacer lines) several times faster. */
function hasBinary(text: string): boolean {
  return text.includes("\u0000") || text.includes("\uFFFD");
}
// Pieces of a gctrace line that only the runtime prints. Seeing one in a line that does not start
// like a runtime line means the runtime's writes were interleaved with the program's.
const TORN_PIECE = / ms clock, | ms cpu, |\d->\d+->\d+ MB| MB goal, | MB stacks, | MB globals|\d @\d+\.\d{3}s \d+%/;
const RUNTIME_START_INSIDE = /gc \d+ @\d+\.\d{3}s |SCHED \d+ms: /;
// Runtime lines no parser reads: the scavenger's and the GC's debug output, and what a traceback
// prints around its goroutines (its cause, the signal's PC, the registers of a SIGQUIT or a crash).
const OTHER_RUNTIME =
  /^(?:scvg\d*: |scan: |checkfinalizers: |panic: |fatal error: |SIG[A-Z0-9]+: |PC=0x[0-9a-f]+ m=|\[signal |[a-z][a-z0-9]{1,5} +0x[0-9a-f]+$)/;
// Any of BINARY, RUNTIME_START_INSIDE or TORN_PIECE: when none is in a line, it is plain output.
const SUSPECT = new RegExp([BINARY, RUNTIME_START_INSIDE, TORN_PIECE].map((re) => re.source).join("|"));

/**
 * Classifies one line of a Go program's stderr (without its line terminator; a trailing CR is
 * ignored) into exactly one record. Never throws. A line that starts like runtime output but does
 * not parse is an `error` with the reason; anything else that is not runtime output is `other`.
 * A line holding binary data (a NUL or U+FFFD) is always an `error`.
 */
export function parseLine(text: string, line: number, context: ParseContext): TraceRecord {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
  return classify(text, 0, end, line, context, false);
}

/**
 * {@link parseLine} on the line `s[start, end)`, trailing CR already left out, so the streaming
 * parser can parse lines in place in a chunk: `end` must be at a CR, an LF or the end of `s`.
 * Unlike parseLine, it also advances `context`: a SCHED line sets the time of the lines after it.
 */
export function parseLineAt(s: string, start: number, end: number, line: number, context: ParseContext): TraceRecord {
  return classify(s, start, end, line, context, true);
}

function classify(
  s: string,
  start: number,
  end: number,
  line: number,
  context: ParseContext,
  advance: boolean,
): TraceRecord {
  // Binary data is looked for only where it can be: the format parsers match digits and fixed
  // words, and their two free-text fields exclude NUL and U+FFFD, so a record they return has
  // none; every other line is checked as it becomes an `other` or `error` record.
  //
  // The prefixes tested with startsWith hold no CR or LF, so they cannot match past `end`, where
  // the line is followed by one of those (or by the end of `s`).
  switch (s.charCodeAt(start)) {
    case 103: // g
      if (s.startsWith("gc ", start)) {
        return parseGctraceLineAt(s, start, end, line) ?? malformed(s, start, end, line, "malformed-gctrace");
      }
      break;
    case 83: // S
      if (s.startsWith("SCHED ", start)) {
        const sched = parseSchedLineAt(s, start, end, line);
        if (sched === null) {
          return malformed(s, start, end, line, "malformed-sched");
        }
        if (advance) context.schedTMs = sched.tMs;
        return sched;
      }
      break;
    case 32: // space: `  P0`, `  M3`, `  G17`
      if (end - start >= 4 && s.charCodeAt(start + 1) === 32) {
        const c = s.charCodeAt(start + 3);
        if (c >= 48 && c <= 57) {
          const tMs = context.schedTMs;
          switch (s.charCodeAt(start + 2)) {
            case 80: // P
              return parsePLineAt(s, start, end, line, tMs) ?? malformed(s, start, end, line, "malformed-p");
            case 77: // M
              return parseMLineAt(s, start, end, line, tMs) ?? malformed(s, start, end, line, "malformed-m");
            case 71: // G
              return parseGLineAt(s, start, end, line, tMs) ?? malformed(s, start, end, line, "malformed-g");
          }
        }
      }
      break;
    case 115: // s
      if (s.startsWith("scav ", start)) {
        return parseScavLineAt(s, start, end, line) ?? malformed(s, start, end, line, "malformed-scavtrace");
      }
      break;
    case 71: // G
      if (s.startsWith("GC forced", start)) {
        if (end - start === 9) return { kind: "gc-forced", line };
        return malformed(s, start, end, line, "malformed-gc-forced");
      }
      break;
    case 112: // p
      if (s.startsWith("pacer: ", start)) {
        const text = s.slice(start, end);
        return hasBinary(text) ? binaryError(text, line) : other(text, line, "pacer");
      }
      break;
  }
  const text = s.slice(start, end);
  // Most such lines are plain program output: one scan rules out everything below at once.
  if (!SUSPECT.test(text)) return other(text, line, OTHER_RUNTIME.test(text) ? "runtime" : "program");
  if (hasBinary(text)) return binaryError(text, line);
  if (RUNTIME_START_INSIDE.test(text)) {
    return error(text, line, "torn-line");
  }
  if (TORN_PIECE.test(text)) return error(text, line, "torn-piece");
  return other(text, line, OTHER_RUNTIME.test(text) ? "runtime" : "program");
}

/**
 * What each error reason says to a person, in English: an error record's `message` (a record cut
 * for being too long says how much was cut instead), and the lab's words for it in English.
 */
export const ERROR_MESSAGES: Record<ErrorReason, string> = {
  "malformed-gctrace": "malformed gctrace line (torn by other output?)",
  "malformed-sched": "malformed schedtrace SCHED line (torn by other output?)",
  "malformed-p": "malformed scheddetail P line (torn by other output?)",
  "malformed-m": "malformed scheddetail M line (torn by other output?)",
  "malformed-g": "malformed scheddetail G line (torn by other output?)",
  "malformed-scavtrace": "malformed scavtrace line (torn by other output?)",
  "malformed-gc-forced": "malformed 'GC forced' line (torn by other output?)",
  "torn-line": "a runtime line starts in the middle of this line (torn output)",
  "torn-piece": "looks like a piece of a torn gctrace line",
  "binary-data": "binary data (NUL byte or invalid UTF-8)",
  "bad-bytes":
    "characters that are not text (NUL bytes or invalid UTF-8) at the start or end were left out; the rest was read",
  "line-too-long": "line too long: the part after the first 1 MiB was cut",
};

function binaryError(text: string, line: number): ErrorRecord {
  return error(text, line, "binary-data");
}

/** The error for a line that starts like a runtime line of some kind but does not parse as one. */
function malformed(
  s: string,
  start: number,
  end: number,
  line: number,
  reason: Exclude<ErrorReason, "line-too-long">,
): ErrorRecord {
  const text = s.slice(start, end);
  return hasBinary(text) ? binaryError(text, line) : error(text, line, reason);
}

function error(text: string, line: number, reason: Exclude<ErrorReason, "line-too-long">): ErrorRecord {
  return { kind: "error", line, reason, text, message: ERROR_MESSAGES[reason] };
}

function other(text: string, line: number, source: OtherRecord["source"]): OtherRecord {
  return { kind: "other", line, text, source };
}
