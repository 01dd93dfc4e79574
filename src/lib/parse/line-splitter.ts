/** One line cut out of a stream by {@link LineSplitter}. */
export interface SplitLine {
  /** The line without its terminator (LF or CRLF). */
  text: string;
  /** 1-based line number. */
  line: number;
  /** How many characters were dropped because the line exceeded the splitter's maximum; 0 usually. */
  dropped: number;
}

/** Lines longer than this are cut, so that a file without newlines cannot exhaust memory. */
export const DEFAULT_MAX_LINE_LENGTH = 1 << 20;

/**
 * Splits a stream of text chunks into lines, keeping only the unfinished line between chunks, so
 * memory stays bounded by the longest line (capped at `maxLineLength`). Handles LF and CRLF (also
 * when a chunk ends between CR and LF) and a last line without a newline.
 */
export class LineSplitter {
  #pending = "";
  #dropped = 0;
  #line = 0;
  readonly #max: number;

  constructor(maxLineLength: number = DEFAULT_MAX_LINE_LENGTH) {
    this.#max = maxLineLength;
  }

  /** Feeds a chunk; returns the lines it completed, in order. */
  push(chunk: string): SplitLine[] {
    const out: SplitLine[] = [];
    let start = 0;
    let nl = chunk.indexOf("\n");
    while (nl !== -1) {
      let piece = chunk.slice(start, nl);
      if (this.#pending !== "" || this.#dropped > 0) {
        piece = this.#pending + piece;
        this.#pending = "";
      }
      out.push(this.#finish(piece));
      start = nl + 1;
      nl = chunk.indexOf("\n", start);
    }
    if (start < chunk.length) this.#hold(chunk.slice(start));
    return out;
  }

  /**
   * True when nothing of an unfinished line is held, so a line that a caller finds whole in its
   * next chunk, no longer than {@link maxLineLength}, is exactly what {@link push} would return.
   */
  get idle(): boolean {
    return this.#pending === "" && this.#dropped === 0;
  }

  /** The length above which lines are cut. */
  get maxLineLength(): number {
    return this.#max;
  }

  /**
   * Counts a line that the caller cut from a chunk itself while {@link idle} (the streaming parser
   * parses lines in place rather than as {@link SplitLine}s); returns its 1-based number.
   */
  countLine(): number {
    return ++this.#line;
  }

  /** Ends the input: returns the last line if the input did not end with a newline. */
  end(): SplitLine[] {
    if (this.#pending === "" && this.#dropped === 0) return [];
    const last = this.#pending;
    this.#pending = "";
    return [this.#finish(last)];
  }

  #hold(rest: string): void {
    const room = this.#max - this.#pending.length;
    if (rest.length <= room) {
      this.#pending += rest;
    } else {
      this.#pending += rest.slice(0, Math.max(0, room));
      this.#dropped += rest.length - Math.max(0, room);
    }
  }

  #finish(piece: string): SplitLine {
    if (piece.length > 0 && piece.charCodeAt(piece.length - 1) === 13) piece = piece.slice(0, -1);
    let dropped = this.#dropped;
    if (piece.length > this.#max) {
      dropped += piece.length - this.#max;
      piece = piece.slice(0, this.#max);
    }
    this.#dropped = 0;
    this.#line += 1;
    return { text: piece, line: this.#line, dropped };
  }
}
