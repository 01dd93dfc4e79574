import { goodPart } from "./bad-bytes.ts";
import { DumpReader } from "./dump-reader.ts";
import { LineSplitter, type SplitLine } from "./line-splitter.ts";
import { PartialLines, PREFIX_FORMATS, readPrefix, type PrefixFormat } from "./line-prefix.ts";
import { parseLine, parseLineAt, type ParseContext } from "./parse-line.ts";
import { TornLines, type HeldLine, type TornResult } from "./torn-lines.ts";
import type { ErrorRecord, GcRecord, TraceRecord } from "./trace-records.ts";

/** How many lines of each prefix format a {@link LogParser} has read, and how many pieces it joined. */
export interface PrefixCounts {
  lines: Record<PrefixFormat, number>;
  /** CRI `P` pieces and partial json-file entries put back onto the lines they began. */
  joinedPieces: number;
}

/**
 * Streaming parser for a Go program's output under GODEBUG gctrace/schedtrace/scheddetail/
 * scavtrace/gcpacertrace, with goroutine dumps and profiles among it: feed text chunks, get the
 * records of the lines they completed, in line order. A line behind a log collector's prefix
 * (line-prefix.ts) is read as the line itself, with the prefix's time as `wall`; a runtime line
 * torn by other output is put back together (torn-lines.ts); a goroutine dump becomes one record
 * per goroutine (dump-reader.ts). It keeps only unfinished lines, the lines of a torn line and the
 * goroutine being read, so memory does not grow with the input.
 */
export class LogParser {
  readonly #splitter: LineSplitter;
  readonly #context: ParseContext = { schedTMs: null };
  readonly #partials = new PartialLines();
  readonly #torn = new TornLines();
  readonly #dumps = new DumpReader();
  readonly #prefixLines = Object.fromEntries(PREFIX_FORMATS.map((f) => [f, 0])) as Record<PrefixFormat, number>;
  #lastGc: number | null = null;

  constructor(maxLineLength?: number) {
    this.#splitter = new LineSplitter(maxLineLength);
  }

  /** Feeds a chunk of text; returns the records of the lines it completed. */
  push(chunk: string): TraceRecord[] {
    // Lines that lie whole in the chunk are read in place, without cutting them out or wrapping
    // them in a SplitLine first; the splitter only sees the rare ones it has to handle itself: the
    // end of a line begun in an earlier chunk, an over-long line, and the unfinished tail.
    const out: TraceRecord[] = [];
    const splitter = this.#splitter;
    const max = splitter.maxLineLength;
    let start = 0;
    let nl = chunk.indexOf("\n");
    if (nl !== -1 && !splitter.idle) {
      for (const l of splitter.push(chunk.slice(0, nl + 1))) this.#split(l, out);
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
        this.#physical(chunk, start, end, splitter.countLine(), out);
      } else {
        for (const l of splitter.push(chunk.slice(start, nl + 1))) this.#split(l, out);
      }
      start = nl + 1;
      nl = chunk.indexOf("\n", start);
    }
    if (start < chunk.length) splitter.push(start === 0 ? chunk : chunk.slice(start));
    return out;
  }

  /** Ends the input; returns the records of what was still open (a last line without a newline, a torn line, a dump). */
  end(): TraceRecord[] {
    const out: TraceRecord[] = [];
    for (const l of this.#splitter.end()) this.#split(l, out);
    for (const w of this.#partials.end()) this.#logical(w.text, w.line, w.wall, out);
    while (this.#torn.open) this.#resolve(this.#torn.end(), out);
    this.#dumps.end(out);
    return out;
  }

  /** The prefixes read so far. */
  get prefixes(): PrefixCounts {
    return { lines: { ...this.#prefixLines }, joinedPieces: this.#partials.joined };
  }

  /** A line the splitter cut out: one cut for being too long is an error as it is. */
  #split(l: SplitLine, out: TraceRecord[]): void {
    if (l.dropped > 0) this.#emit(parseSplitLine(l, this.#context), null, out);
    else {
      const end = l.text.length > 0 && l.text.charCodeAt(l.text.length - 1) === 13 ? l.text.length - 1 : l.text.length;
      this.#physical(l.text, 0, end, l.line, out);
    }
  }

  /** A line of the input, `s[start, end)`: its prefix, if any, goes; pieces of a longer line wait for the rest. */
  #physical(s: string, start: number, end: number, line: number, out: TraceRecord[]): void {
    const prefix = readPrefix(s, start, end);
    if (prefix === null) {
      this.#logicalAt(s, start, end, line, null, out);
      return;
    }
    this.#prefixLines[prefix.format]++;
    if (!prefix.partial && this.#partials.idle) {
      if (prefix.text === null) this.#logicalAt(s, prefix.start, end, line, prefix.wall, out);
      else this.#logical(prefix.text, line, prefix.wall, out);
      return;
    }
    const whole = this.#partials.take(prefix, prefix.text ?? s.slice(prefix.start, end), line);
    if (whole !== null) this.#logical(whole.text, whole.line, whole.wall, out);
  }

  /** A line of the program's output held in a string of its own. */
  #logical(text: string, line: number, wall: string | null, out: TraceRecord[]): void {
    const end = text.length > 0 && text.charCodeAt(text.length - 1) === 13 ? text.length - 1 : text.length;
    this.#logicalAt(text, 0, end, line, wall, out);
  }

  /** A line of the program's output, `s[start, end)`, prefix gone. */
  #logicalAt(s: string, start: number, end: number, line: number, wall: string | null, out: TraceRecord[]): void {
    if (this.#torn.open) {
      const held: HeldLine = { text: s.slice(start, end), line, wall };
      const result = this.#torn.feed(held, parseLine(held.text, line, this.#context));
      if (result !== null) this.#resolve(result, out);
      return;
    }
    const r = parseLineAt(s, start, end, line, this.#context);
    if (r.kind === "error") this.#error(r, wall, out);
    else this.#emit(r, wall, out);
  }

  /** An error record: a line with bad bytes at its ends keeps the rest; a torn runtime line may begin here. */
  #error(r: ErrorRecord, wall: string | null, out: TraceRecord[]): void {
    if (r.reason === "binary-data") {
      const good = goodPart(r.text, r.line);
      if (good === null) this.#emit(r, wall, out);
      else {
        this.#emit(parseLineAt(good.text, 0, good.text.length, r.line, this.#context), wall, out);
        this.#emit(good.error, wall, out);
      }
      return;
    }
    const result = this.#torn.begin({ text: r.text, line: r.line, wall }, r);
    if (result === null) this.#emit(r, wall, out);
    else this.#resolve(result, out);
  }

  /** What the torn-line joiner let go of: its records, then its lines read again. */
  #resolve(result: TornResult, out: TraceRecord[]): void {
    for (const r of result.records) this.#emit(r, null, out);
    for (const h of result.again) {
      if (h.record === undefined || this.#torn.open) this.#logical(h.text, h.line, h.wall, out);
      else if (h.record.kind === "error") this.#error(h.record, h.wall, out);
      else this.#emit(h.record, h.wall, out);
    }
  }

  /** Sends a record on: its wall time, a note for GC numbers without a line, then through the dump reader. */
  #emit(r: TraceRecord, wall: string | null, out: TraceRecord[]): void {
    if (wall !== null) r.wall = wall;
    if (r.kind === "sched") this.#context.schedTMs = r.tMs;
    this.#dumps.take(r, out);
    if (r.kind === "gc") this.#gcGap(r, out);
  }

  /** After a gctrace line: a note when GC numbers were skipped since the last one (in the same run). */
  #gcGap(r: GcRecord, out: TraceRecord[]): void {
    const last = this.#lastGc;
    this.#lastGc = r.n;
    if (last === null || r.n <= last + 1) return;
    const [a, b] = [last + 1, r.n - 1];
    const which = a === b ? `GC ${a} has` : `GCs ${a}–${b} have`;
    const note: TraceRecord = {
      kind: "note",
      line: r.line,
      reason: "gc-missing",
      lines: null,
      missingGcs: [a, b],
      message: `${which} no gctrace line before this one (torn by other output beyond repair, or left out of the log)`,
    };
    if (r.wall !== undefined) note.wall = r.wall;
    this.#dumps.take(note, out);
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
