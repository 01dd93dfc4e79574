import { GC_GRAMMAR, SCHED_GRAMMAR, type GrammarState, type LineGrammar } from "./line-grammar.ts";
import { parseGctraceLine } from "./parse-gctrace.ts";
import { parseSchedLine } from "./parse-schedtrace.ts";
import type { ErrorRecord, GcRecord, NoteRecord, SchedRecord, TraceRecord } from "./trace-records.ts";

/** A line as the joiner holds it: its text (prefix stripped), number and wall time. */
export interface HeldLine {
  text: string;
  line: number;
  wall: string | null;
  /**
   * How the whole line reads alone, when the joiner already knows: a held line is never one
   * whose reading depends on the lines before it (a SCHED, P, M or G line ends a torn line), so
   * it need not be parsed again.
   */
  record?: TraceRecord;
}

/** What the joiner gives back when it lets go of the lines it held. */
export interface TornResult {
  /** Records to emit now, in order: the joined line and its note, or the first line's own record. */
  records: TraceRecord[];
  /** Lines to read again, in order, as if they came now: the program's text, or every held line. */
  again: HeldLine[];
}

/** How many lines a torn line may wait for its next piece (the program can print a lot between two fields). */
export const MAX_TORN_LINES = 512;
/** How many lines of program output a whole line may wait for the runtime's newline or ` (forced)`. */
const MAX_NEWLINE_WAIT = 16;

// Where a runtime line starts in the middle of a line: after the program's text without a newline.
const RUNTIME_INSIDE = /gc \d+ @\d+\.\d{3}s |SCHED \d+ms: /;

interface Kind {
  grammar: LineGrammar;
  parse: (text: string, line: number) => GcRecord | SchedRecord | null;
  name: string;
}
const GC_KIND: Kind = { grammar: GC_GRAMMAR, parse: parseGctraceLine, name: "gctrace line" };
const SCHED_KIND: Kind = { grammar: SCHED_GRAMMAR, parse: parseSchedLine, name: "SCHED line" };

/** The record with the wall time of the line it came from, if that line had one. */
function withWall<T extends TraceRecord>(r: T, wall: string | null): T {
  if (wall !== null) r.wall = wall;
  return r;
}

/** Records that are whole runtime lines, or the start of one: a torn line cannot go on past them. */
function endsTear(r: TraceRecord): boolean {
  switch (r.kind) {
    case "gc":
    case "gc-forced":
    case "scav":
    case "sched":
    case "p":
    case "m":
    case "g":
      return true;
    case "error":
      return r.reason !== "torn-piece" && r.reason !== "binary-data" && r.reason !== "bad-bytes";
    default:
      return false;
  }
}

/**
 * Puts gctrace and SCHED lines back together when other output tore them apart. The runtime prints
 * such a line field by field; a program writing to stderr meanwhile puts its own lines between the
 * fields, so the runtime's line comes out as pieces, each at the start of a line and followed by
 * the program's text (`gc 3 @0.144s 0%: 0.20+0.62+goroutines: 6`, then `0.005 ms clock, …`).
 * From a line that starts a runtime line but does not parse, the joiner collects the pieces (the
 * longest start of each line that can continue the runtime line, see line-grammar.ts) until they
 * make a whole line, and hands back the runtime line, a note naming its lines, and the program's
 * text to be read as its own lines. When no whole line comes (another runtime line starts, the
 * input ends, too many lines pass), every held line is read again as it is.
 */
export class TornLines {
  #kind: Kind | null = null;
  #first: HeldLine = { text: "", line: 0, wall: null };
  #firstRecord: TraceRecord | null = null;
  #runtime = "";
  #state: GrammarState = [];
  #pieces: number[] = [];
  #held: HeldLine[] = [];
  #foreign: HeldLine[] = [];
  #whole = false;
  #waited = 0;

  /** True while lines are held for a torn line. */
  get open(): boolean {
    return this.#kind !== null;
  }

  /**
   * Looks at an error record for a line that may begin a torn runtime line. Returns null when it
   * does not (emit the record as it is), a result when the line held a whole runtime line after
   * the program's text, or an empty result when the joiner now holds the line.
   */
  begin(h: HeldLine, record: ErrorRecord): TornResult | null {
    let from = 0;
    let kind: Kind;
    if (record.reason === "malformed-gctrace") kind = GC_KIND;
    else if (record.reason === "malformed-sched") kind = SCHED_KIND;
    else if (record.reason === "torn-line") {
      const m = RUNTIME_INSIDE.exec(h.text);
      if (m === null) return null;
      from = m.index;
      kind = m[0].startsWith("gc") ? GC_KIND : SCHED_KIND;
    } else return null;
    const text = h.text.slice(from);
    const { length: k, state } = kind.grammar.advance(kind.grammar.start, text);
    if (k <= 0) return null;
    this.#state = state;
    this.#kind = kind;
    this.#first = h;
    this.#firstRecord = record;
    this.#runtime = text.slice(0, k);
    this.#pieces = [h.line];
    this.#held = [];
    this.#foreign = [];
    this.#waited = 0;
    if (from > 0) this.#foreign.push({ text: h.text.slice(0, from), line: h.line, wall: h.wall });
    if (k < text.length) this.#foreign.push({ text: text.slice(k), line: h.line, wall: h.wall });
    this.#whole = kind.parse(this.#runtime, h.line) !== null;
    // The line ended right after the runtime's text: that newline was the runtime's.
    if (this.#whole && k === text.length) return this.#joined(from > 0 ? "split" : "joined");
    return { records: [], again: [] };
  }

  /** Feeds the next line while {@link open}; `record` is how it reads alone. Null while holding. */
  feed(h: HeldLine, record: TraceRecord): TornResult | null {
    const kind = this.#kind;
    if (kind === null) throw new Error("TornLines.feed while not open");
    if (endsTear(record)) return this.#let(h);
    const { length: k, state } = kind.grammar.advance(this.#state, h.text);
    const held: HeldLine = { ...h, record };
    this.#held.push(held);
    if (k <= 0) {
      if (this.#whole) {
        // A blank line after a whole line is the runtime's own newline, after the program's text.
        if (h.text === "") {
          this.#pieces.push(h.line);
          return this.#joined("joined");
        }
        if (++this.#waited > MAX_NEWLINE_WAIT) return this.#let(null);
      }
      this.#foreign.push(held);
    } else {
      this.#runtime += h.text.slice(0, k);
      this.#state = state;
      this.#pieces.push(h.line);
      if (k < h.text.length) this.#foreign.push({ text: h.text.slice(k), line: h.line, wall: h.wall });
      this.#whole = kind.parse(this.#runtime, this.#first.line) !== null;
      if (this.#whole && k === h.text.length) return this.#joined("joined");
    }
    return this.#held.length >= MAX_TORN_LINES ? this.#let(null) : null;
  }

  /** Ends the input: lets go of what is held. */
  end(): TornResult {
    return this.#kind === null ? { records: [], again: [] } : this.#let(null);
  }

  /** Lets go before `next`, which is read again after the held lines: joined if whole, else as they were. */
  #let(next: HeldLine | null): TornResult {
    if (this.#whole) {
      const done = this.#joined("joined");
      if (next !== null) done.again.push(next);
      return done;
    }
    const records = this.#firstRecord === null ? [] : [withWall(this.#firstRecord, this.#first.wall)];
    const again = next === null ? this.#held : [...this.#held, next];
    this.#reset();
    return { records, again };
  }

  #joined(reason: "joined" | "split"): TornResult {
    const first = this.#first;
    const record = this.#kind?.parse(this.#runtime, first.line) ?? null;
    // Only called once the runtime's text parses whole.
    if (record === null) throw new Error("TornLines: joined an incomplete line");
    const lines = this.#pieces;
    const what = record.kind === "gc" ? `the gctrace line of GC ${record.n}` : `the SCHED line at ${record.tMs} ms`;
    const note: NoteRecord = {
      kind: "note",
      line: first.line,
      reason,
      lines,
      missingGcs: null,
      message:
        reason === "split"
          ? `${what} began after the program's text on the same line; the two were read apart`
          : `${what} was torn by other output and put back together from ${lines.length} pieces ` +
            `(lines ${lines[0]}–${lines.at(-1)}); the text between them is the program's`,
    };
    const again = this.#foreign;
    this.#reset();
    return { records: [withWall(record, first.wall), withWall(note, first.wall)], again };
  }

  #reset(): void {
    this.#kind = null;
    this.#firstRecord = null;
    this.#runtime = "";
    this.#state = [];
    this.#pieces = [];
    this.#held = [];
    this.#foreign = [];
    this.#whole = false;
  }
}
