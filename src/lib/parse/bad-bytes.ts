import type { ErrorRecord } from "./trace-records.ts";

/** NUL, or U+FFFD, which a non-fatal TextDecoder puts for each run of invalid UTF-8. */
function isBad(c: number): boolean {
  return c === 0 || c === 0xfffd;
}

/** A line's text with its bad characters at either end left out, and the error that says so. */
export interface GoodPart {
  text: string;
  error: ErrorRecord;
}

/**
 * When a line's only bad characters (NUL bytes, invalid UTF-8) are at its start or its end (a
 * log rotated by copy-and-truncate begins with NULs; a write cut short ends in half a character),
 * its good part and a `bad-bytes` error that says where the rest was; null when bad characters
 * sit inside the text too, or nothing else is left.
 */
export function goodPart(text: string, line: number): GoodPart | null {
  let from = 0;
  while (from < text.length && isBad(text.charCodeAt(from))) from++;
  let to = text.length;
  while (to > from && isBad(text.charCodeAt(to - 1))) to--;
  if (from === to) return null;
  for (let i = from; i < to; i++) if (isBad(text.charCodeAt(i))) return null;
  const where: string[] = [];
  if (from > 0) where.push(`${from} at its start (columns 1–${from})`);
  if (to < text.length) where.push(`${text.length - to} at its end (columns ${to + 1}–${text.length})`);
  return {
    text: text.slice(from, to),
    error: {
      kind: "error",
      line,
      reason: "bad-bytes",
      text,
      message: `characters that are not text (NUL bytes or invalid UTF-8) were left out, ${where.join(" and ")}; the rest of the line was read`,
    },
  };
}
