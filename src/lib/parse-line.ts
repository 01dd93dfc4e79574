import { parseGctraceLine } from "./parse-gctrace.ts";
import { parseGLine, parseMLine, parsePLine } from "./parse-scheddetail.ts";
import { parseSchedLine } from "./parse-schedtrace.ts";
import { parseScavLine } from "./parse-scavtrace.ts";
import type { ErrorRecord, OtherRecord, TraceRecord } from "./trace-records.ts";

/** What {@link parseLine} needs to know about the lines before this one. */
export interface ParseContext {
  /** `tMs` of the last SCHED line, given to the P, M and G lines that follow it; null before any. */
  schedTMs: number | null;
}

// Invalid UTF-8 arrives as U+FFFD from a non-fatal TextDecoder; Go's runtime never prints either.
// eslint-disable-next-line no-control-regex -- a NUL byte is exactly what marks binary input
const BINARY = /[\u0000\uFFFD]/;
const DETAIL_START = /^ {2}[PMG]\d/;
// Pieces of a gctrace line that only the runtime prints. Seeing one in a line that does not start
// like a runtime line means the runtime's writes were interleaved with the program's.
const TORN_PIECE = / ms clock, | ms cpu, |\d->\d+->\d+ MB| MB goal, | MB stacks, | MB globals|\d @\d+\.\d{3}s \d+%/;
const RUNTIME_START_INSIDE = /gc \d+ @\d+\.\d{3}s |SCHED \d+ms: /;
const OTHER_RUNTIME = /^(?:scvg\d*: |scan: |checkfinalizers: )/;

/**
 * Classifies one line of a Go program's stderr (without its line terminator; a trailing CR is
 * ignored) into exactly one record. Never throws. A line that starts like runtime output but does
 * not parse is an `error` with the reason; anything else that is not runtime output is `other`.
 */
export function parseLine(text: string, line: number, context: ParseContext): TraceRecord {
  if (text.length > 0 && text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
  const record = classify(text, line, context);
  // Parsed runtime lines only admit digits and fixed words, except two free-text fields; checking
  // for binary data after classifying keeps the check off the hot path of well-formed lines.
  switch (record.kind) {
    case "other":
    case "error":
      return BINARY.test(text) ? error(text, line, "binary data (NUL byte or invalid UTF-8)") : record;
    case "g":
      return BINARY.test(record.waitReason) ? error(text, line, "binary data (NUL byte or invalid UTF-8)") : record;
    case "m":
      return BINARY.test(record.preemptoff) ? error(text, line, "binary data (NUL byte or invalid UTF-8)") : record;
    default:
      return record;
  }
}

function classify(text: string, line: number, context: ParseContext): TraceRecord {
  switch (text.charCodeAt(0)) {
    case 103: // g
      if (text.startsWith("gc ")) {
        return parseGctraceLine(text, line) ?? error(text, line, "malformed gctrace line (torn by other output?)");
      }
      break;
    case 83: // S
      if (text.startsWith("SCHED ")) {
        return (
          parseSchedLine(text, line) ?? error(text, line, "malformed schedtrace SCHED line (torn by other output?)")
        );
      }
      break;
    case 32: // space
      if (DETAIL_START.test(text)) return parseDetail(text, line, context.schedTMs);
      break;
    case 115: // s
      if (text.startsWith("scav ")) {
        return parseScavLine(text, line) ?? error(text, line, "malformed scavtrace line (torn by other output?)");
      }
      break;
    case 71: // G
      if (text === "GC forced") return { kind: "gc-forced", line };
      if (text.startsWith("GC forced")) return error(text, line, "malformed 'GC forced' line (torn by other output?)");
      break;
    case 112: // p
      if (text.startsWith("pacer: ")) return other(text, line, "pacer");
      break;
  }
  if (RUNTIME_START_INSIDE.test(text)) {
    return error(text, line, "a runtime line starts in the middle of this line (torn output)");
  }
  if (TORN_PIECE.test(text)) return error(text, line, "looks like a piece of a torn gctrace line");
  return other(text, line, OTHER_RUNTIME.test(text) ? "runtime" : "program");
}

function parseDetail(text: string, line: number, tMs: number | null): TraceRecord {
  switch (text.charCodeAt(2)) {
    case 80: // P
      return parsePLine(text, line, tMs) ?? error(text, line, "malformed scheddetail P line (torn by other output?)");
    case 77: // M
      return parseMLine(text, line, tMs) ?? error(text, line, "malformed scheddetail M line (torn by other output?)");
    default:
      return parseGLine(text, line, tMs) ?? error(text, line, "malformed scheddetail G line (torn by other output?)");
  }
}

function error(text: string, line: number, message: string): ErrorRecord {
  return { kind: "error", line, text, message };
}

function other(text: string, line: number, source: OtherRecord["source"]): OtherRecord {
  return { kind: "other", line, text, source };
}
