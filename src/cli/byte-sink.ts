// The CLI's output as bytes, written straight into large buffers. Building each record's line as
// a string and handing the strings to the stream cost more than parsing: every `+` of a piece
// longer than 12 characters makes a cons string, and the stream then flattens those trees and
// encodes them as UTF-8 (a third of the time of `parse` in the profile). Writing UTF-8 bytes as
// the records are read makes neither the strings nor the copies.

/** How large the buffers are that go to the stream, one write each. */
export const CHUNK_BYTES = 1 << 20;

const QUOTE = 34;
const BACKSLASH = 92;
const HEX = "0123456789abcdef";

/**
 * Bytes of output, filled buffer by buffer: the writers append, {@link take} hands over what was
 * written since the last take, as views of the buffers. Bytes once handed over are not written
 * again until {@link recycle} says they have gone out, so a stream may keep them until then.
 */
export class ByteSink {
  #buf: Uint8Array = new Uint8Array(CHUNK_BYTES);
  /** Where the bytes not yet handed over begin in #buf. */
  #start = 0;
  #pos = 0;
  #ready: Uint8Array[] = [];
  #readyBytes = 0;
  /** Full buffers whose bytes were taken and may not have gone out yet. */
  #retired: Uint8Array[] = [];
  /** Buffers whose bytes have gone out, to be filled again. */
  #spare: Uint8Array[] = [];

  /** Bytes written and not yet taken. */
  get size(): number {
    return this.#readyBytes + this.#pos - this.#start;
  }

  /**
   * Everything written since the last call, in order, as buffers. The rest of the current buffer
   * is filled on from where this leaves off, so a sink taken from after every small read (a pipe)
   * does not start a buffer each time.
   */
  take(): Uint8Array[] {
    this.#handOver();
    const out = this.#ready;
    this.#ready = [];
    this.#readyBytes = 0;
    return out;
  }

  /**
   * Says that everything taken so far has gone out: the buffers filled before the current one are
   * written into again, so the output's memory stays a few buffers however long the input is
   * (a new buffer for each would be freed only when the garbage collector gets to it).
   */
  recycle(): void {
    for (const b of this.#retired) if (this.#spare.length < 2) this.#spare.push(b);
    this.#retired = [];
  }

  /** Makes room for `n` more bytes: a buffer of at least `n`, after what is written. */
  #room(n: number): void {
    this.#handOver();
    this.#retired.push(this.#buf);
    const spare = this.#spare.pop();
    this.#buf = spare !== undefined && spare.length >= n ? spare : new Uint8Array(Math.max(CHUNK_BYTES, n));
    this.#start = 0;
    this.#pos = 0;
  }

  /** Moves the bytes written since #start to the ready list. */
  #handOver(): void {
    if (this.#pos === this.#start) return;
    this.#ready.push(this.#buf.subarray(this.#start, this.#pos));
    this.#readyBytes += this.#pos - this.#start;
    this.#start = this.#pos;
  }

  /** Writes one ASCII byte. */
  byte(c: number): void {
    if (this.#pos >= this.#buf.length) this.#room(1);
    this.#buf[this.#pos++] = c;
  }

  /** Writes `n` copies of one ASCII byte. */
  repeat(c: number, n: number): void {
    if (this.#pos + n > this.#buf.length) this.#room(n);
    const buf = this.#buf;
    let pos = this.#pos;
    for (const end = pos + n; pos < end;) buf[pos++] = c;
    this.#pos = pos;
  }

  /** Writes text known to be ASCII (the writers' own field names, punctuation and enum values). */
  ascii(s: string): void {
    const n = s.length;
    if (this.#pos + n > this.#buf.length) this.#room(n);
    const buf = this.#buf;
    let pos = this.#pos;
    for (let i = 0; i < n; i++) buf[pos++] = s.charCodeAt(i);
    this.#pos = pos;
  }

  /**
   * Writes a number as String(n) and JSON.stringify write it (for finite numbers they agree), by
   * hand for integers and for the fractions with up to three decimals that the runtime prints,
   * which is most of them; others go through String().
   */
  number(n: number): void {
    if (this.#pos + NUMBER_BYTES > this.#buf.length) this.#room(NUMBER_BYTES);
    this.#pos = numberInto(this.#buf, this.#pos, n);
  }

  /**
   * The buffer being written, with room for `n` more bytes from {@link at}: for writers that
   * store bytes themselves (compiled ones, jsonl-writer.ts) and then move {@link at} past them.
   */
  room(n: number): Uint8Array {
    if (this.#pos + n > this.#buf.length) this.#room(n);
    return this.#buf;
  }

  /** Where the next byte goes in the buffer {@link room} returned. */
  get at(): number {
    return this.#pos;
  }

  set at(pos: number) {
    this.#pos = pos;
  }

  /**
   * Writes a string as a JSON string, quotes included, escaped exactly as JSON.stringify escapes
   * it: `"` and `\`, control characters (\b \t \n \f \r by name, the others as \u00xx), lone
   * surrogates as \udxxx; everything else as its UTF-8 bytes.
   */
  jsonString(s: string): void {
    const n = s.length;
    // Each UTF-16 unit takes at most 6 bytes (\u00xx, \udxxx); a pair takes 4.
    if (this.#pos + 6 * n + 2 > this.#buf.length) this.#room(6 * n + 2);
    const buf = this.#buf;
    let pos = this.#pos;
    buf[pos++] = QUOTE;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x20 && c < 0x80) {
        if (c === QUOTE || c === BACKSLASH) buf[pos++] = BACKSLASH;
        buf[pos++] = c;
      } else if (c < 0x20) {
        buf[pos++] = BACKSLASH;
        const short = c === 8 ? 98 : c === 9 ? 116 : c === 10 ? 110 : c === 12 ? 102 : c === 13 ? 114 : 0;
        if (short !== 0) buf[pos++] = short;
        else pos = hex4(buf, pos, c);
      } else if (c < 0xd800 || c > 0xdfff) {
        pos = utf8(buf, pos, c);
      } else {
        const d = c <= 0xdbff && i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (d >= 0xdc00 && d <= 0xdfff) {
          pos = utf8(buf, pos, 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00));
          i++;
        } else {
          buf[pos++] = BACKSLASH;
          pos = hex4(buf, pos, c);
        }
      }
    }
    buf[pos++] = QUOTE;
    this.#pos = pos;
  }

  /**
   * Writes a string as a CSV cell, as RFC 4180 asks: quoted, its quotes doubled, when it holds a
   * comma, a quote, CR or LF or begins or ends with white space (what String.prototype.trim
   * would take off); `""` when it is empty, so it differs from a field the record does not have.
   * Its characters go out as UTF-8, as Node's streams encode a string (a lone surrogate becomes
   * U+FFFD, as in Buffer.from(s, "utf8")).
   */
  csvText(s: string): void {
    const n = s.length;
    let quote = n === 0 || trimmable(s.charCodeAt(0)) || trimmable(s.charCodeAt(n - 1));
    for (let i = 0; i < n && !quote; i++) {
      const c = s.charCodeAt(i);
      quote = c === QUOTE || c === 44 || c === 10 || c === 13;
    }
    // Each UTF-16 unit takes at most 3 bytes (a doubled quote 2, a pair 4 for two units).
    if (this.#pos + 3 * n + 2 > this.#buf.length) this.#room(3 * n + 2);
    const buf = this.#buf;
    let pos = this.#pos;
    if (quote) buf[pos++] = QUOTE;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c === QUOTE) buf[pos++] = QUOTE;
        buf[pos++] = c;
      } else if (c < 0xd800 || c > 0xdfff) pos = utf8(buf, pos, c);
      else {
        const d = c <= 0xdbff && i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (d >= 0xdc00 && d <= 0xdfff) {
          pos = utf8(buf, pos, 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00));
          i++;
        } else pos = utf8(buf, pos, 0xfffd);
      }
    }
    if (quote) buf[pos++] = QUOTE;
    this.#pos = pos;
  }
}

/** The most bytes {@link numberInto} writes: String() of a double is at most 25 characters. */
export const NUMBER_BYTES = 32;

/**
 * Writes `n` into `buf` at `pos` as String(n) writes it (see {@link ByteSink.number}), with room for
 * {@link NUMBER_BYTES}; returns where it ended.
 */
export function numberInto(buf: Uint8Array, pos: number, n: number): number {
  if ((n | 0) === n) {
    // -0 too: (−0 | 0) === −0, and both print it as 0.
    return intInto(buf, pos, n);
  }
  const m = Math.round(n * 1000);
  // m / 1000 is then the decimal with at most three decimals whose double n is, and its
  // shortest form (what String prints) is those digits with trailing zeros left out: two
  // decimals of at most ten digits cannot round to the same double.
  if (m > 0 && m < 0x7fffffff && m / 1000 === n) {
    const whole = (m / 1000) | 0;
    const frac = m - whole * 1000;
    pos = intInto(buf, pos, whole);
    const d1 = (frac / 100) | 0;
    const rest = frac - d1 * 100;
    const d2 = (rest / 10) | 0;
    const d3 = rest - d2 * 10;
    buf[pos++] = 46; // "."
    buf[pos++] = 48 + d1;
    if (rest !== 0) {
      buf[pos++] = 48 + d2;
      if (d3 !== 0) buf[pos++] = 48 + d3;
    }
    return pos;
  }
  const text = String(n);
  for (let i = 0; i < text.length; i++) buf[pos++] = text.charCodeAt(i);
  return pos;
}

/** A 32-bit integer's digits. */
function intInto(buf: Uint8Array, pos: number, n: number): number {
  if (n < 0) {
    buf[pos++] = 45; // "-"
    if (n === -0x80000000) {
      for (const c of "2147483648") buf[pos++] = c.charCodeAt(0);
      return pos;
    }
    n = -n;
  }
  if (n < 10) {
    buf[pos++] = 48 + n;
    return pos;
  }
  let digits = 2;
  for (let x = n; x >= 100; x = (x / 10) | 0) digits++;
  const end = pos + digits;
  let i = end;
  while (n >= 10) {
    const q = (n / 10) | 0;
    buf[--i] = 48 + n - q * 10;
    n = q;
  }
  buf[i - 1] = 48 + n;
  return end;
}

/** True for what String.prototype.trim takes off: WhiteSpace and LineTerminator (ECMA-262). */
function trimmable(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `u` and four lowercase hex digits, as JSON.stringify escapes a code unit. */
function hex4(buf: Uint8Array, pos: number, c: number): number {
  buf[pos++] = 117; // "u"
  buf[pos++] = HEX.charCodeAt(c >> 12);
  buf[pos++] = HEX.charCodeAt((c >> 8) & 15);
  buf[pos++] = HEX.charCodeAt((c >> 4) & 15);
  buf[pos++] = HEX.charCodeAt(c & 15);
  return pos;
}

/** The UTF-8 bytes of a code point from U+0080 up (not a surrogate). */
function utf8(buf: Uint8Array, pos: number, c: number): number {
  if (c < 0x800) {
    buf[pos++] = 0xc0 | (c >> 6);
  } else if (c < 0x10000) {
    buf[pos++] = 0xe0 | (c >> 12);
    buf[pos++] = 0x80 | ((c >> 6) & 63);
  } else {
    buf[pos++] = 0xf0 | (c >> 18);
    buf[pos++] = 0x80 | ((c >> 12) & 63);
    buf[pos++] = 0x80 | ((c >> 6) & 63);
  }
  buf[pos++] = 0x80 | (c & 63);
  return pos;
}
