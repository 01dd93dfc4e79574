import { LineSplitter, type SplitLine } from "./line-splitter.ts";
import { parseLine, parseLineAt, type ParseContext } from "./parse-line.ts";
import type { TraceRecord } from "./trace-records.ts";

/**
 * Streaming parser for a Go program's stderr under GODEBUG gctrace/schedtrace/scheddetail/
 * scavtrace/gcpacertrace: feed text chunks, get one record per completed line, in order. It keeps
 * only the unfinished line and the time of the last SCHED line, so memory does not grow with input.
 */
export class LogParser {
  readonly #splitter: LineSplitter;
  readonly #context: ParseContext = { schedTMs: null };

  constructor(maxLineLength?: number) {
    this.#splitter = new LineSplitter(maxLineLength);
  }

  /** Feeds a chunk of text; returns the records of the lines it completed. */
  push(chunk: string): TraceRecord[] {
    // Lines that lie whole in the chunk are parsed in place, without cutting them out or wrapping
    // them in a SplitLine first; the splitter only sees the rare ones it has to handle itself: the
    // end of a line begun in an earlier chunk, an over-long line, and the unfinished tail.
    const out: TraceRecord[] = [];
    const splitter = this.#splitter;
    const context = this.#context;
    const max = splitter.maxLineLength;
    let start = 0;
    let nl = chunk.indexOf("\n");
    if (nl !== -1 && !splitter.idle) {
      for (const l of splitter.push(chunk.slice(0, nl + 1))) out.push(parseSplitLine(l, context));
      start = nl + 1;
      nl = chunk.indexOf("\n", start);
    }
    // From here on the splitter holds nothing: each line it is given below ends in the piece.
    while (nl !== -1) {
      if (nl - start <= max) {
        // The splitter drops one CR before the LF and parseLine another, so up to two go.
        let end = nl;
        if (end > start && chunk.charCodeAt(end - 1) === 13) end--;
        if (end > start && chunk.charCodeAt(end - 1) === 13) end--;
        out.push(parseLineAt(chunk, start, end, splitter.countLine(), context));
      } else {
        for (const l of splitter.push(chunk.slice(start, nl + 1))) out.push(parseSplitLine(l, context));
      }
      start = nl + 1;
      nl = chunk.indexOf("\n", start);
    }
    if (start < chunk.length) splitter.push(start === 0 ? chunk : chunk.slice(start));
    return out;
  }

  /** Ends the input; returns the record of a last line that had no newline, if any. */
  end(): TraceRecord[] {
    return this.#splitter.end().map((l) => parseSplitLine(l, this.#context));
  }
}

/**
 * Parses one line from a {@link LineSplitter} and advances `context` (a SCHED line sets the time of
 * the P, M and G lines after it). A line the splitter had to cut is an `error`.
 */
export function parseSplitLine(l: SplitLine, context: ParseContext): TraceRecord {
  if (l.dropped > 0) {
    return {
      kind: "error",
      line: l.line,
      reason: "line-too-long",
      text: l.text,
      message: `line too long: ${l.dropped} characters after the first ${l.text.length} were dropped`,
    };
  }
  const record = parseLine(l.text, l.line, context);
  if (record.kind === "sched") context.schedTMs = record.tMs;
  return record;
}

/** Parses a whole log held in memory; same records as feeding it to a {@link LogParser}. */
export function parseLog(text: string): TraceRecord[] {
  const parser = new LogParser();
  const records = parser.push(text);
  for (const r of parser.end()) records.push(r);
  return records;
}
