import { LineSplitter, type SplitLine } from "./line-splitter.ts";
import { parseLine, type ParseContext } from "./parse-line.ts";
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
    return this.#parse(this.#splitter.push(chunk));
  }

  /** Ends the input; returns the record of a last line that had no newline, if any. */
  end(): TraceRecord[] {
    return this.#parse(this.#splitter.end());
  }

  #parse(lines: SplitLine[]): TraceRecord[] {
    return lines.map((l) => parseSplitLine(l, this.#context));
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
