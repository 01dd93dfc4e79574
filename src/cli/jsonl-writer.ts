import type { Frame, TraceRecord } from "../lib/parse/trace-records.ts";
import { NUMBER_BYTES, numberInto, type ByteSink } from "./byte-sink.ts";
import { compileRecordWriter, fieldOf, WriterStatements, type Field, type FieldType } from "./record-fields.ts";

// JSON Lines without JSON.stringify: a record's shape is fixed by its kind (the parsers build each
// kind's fields in one order, and `wall` comes last when a prefix gave one), so its line is
// written field by field, in that order, straight into the output's bytes, by a writer compiled
// from the kinds' field table (record-fields.ts). The bytes are exactly those of
// JSON.stringify(record) + "\n" as a stream writes them (tests/unit/lib/cli-record-writers checks
// every kind, every fixture and generated records).

/** A number as JSON.stringify writes it: NaN and ±Infinity are null. */
function num(w: ByteSink, n: number): void {
  if (n - n === 0) w.number(n);
  else w.ascii("null");
}

function str(w: ByteSink, s: string): void {
  w.jsonString(s);
}

function strOrNull(w: ByteSink, s: string | null): void {
  if (s === null) w.ascii("null");
  else w.jsonString(s);
}

function numbers(w: ByteSink, a: readonly number[] | null): void {
  if (a === null) {
    w.ascii("null");
    return;
  }
  // One room check for the whole list: brackets, commas and each number's most bytes.
  const b = w.room(2 + a.length * (NUMBER_BYTES + 1));
  let p = w.at;
  b[p++] = 91; // "["
  let first = true;
  for (const n of a) {
    if (!first) b[p++] = 44; // ","
    p = numInto(b, p, n);
    first = false;
  }
  b[p++] = 93; // "]"
  w.at = p;
}

function frame(w: ByteSink, f: Frame | null): void {
  if (f === null) {
    w.ascii("null");
    return;
  }
  w.ascii('{"func":');
  w.jsonString(f.func);
  w.ascii(',"file":');
  w.jsonString(f.file);
  w.ascii(',"line":');
  num(w, f.line);
  w.byte(125); // "}"
}

function frames(w: ByteSink, a: readonly Frame[]): void {
  w.byte(91);
  let first = true;
  for (const f of a) {
    if (!first) w.byte(44);
    frame(w, f);
    first = false;
  }
  w.byte(93);
}

/** `null`, `true`, `false` into a buffer with room for them; each returns where it ended. */
function nullInto(b: Uint8Array, p: number): number {
  b[p] = 110;
  b[p + 1] = 117;
  b[p + 2] = 108;
  b[p + 3] = 108;
  return p + 4;
}

function boolInto(b: Uint8Array, p: number, v: boolean): number {
  if (v) {
    b[p] = 116;
    b[p + 1] = 114;
    b[p + 2] = 117;
    b[p + 3] = 101;
    return p + 4;
  }
  b[p] = 102;
  b[p + 1] = 97;
  b[p + 2] = 108;
  b[p + 3] = 115;
  b[p + 4] = 101;
  return p + 5;
}

/** A number as JSON.stringify writes it (NaN and ±Infinity are null), into a buffer with room. */
function numInto(b: Uint8Array, p: number, n: number): number {
  return n - n === 0 ? numberInto(b, p, n) : nullInto(b, p);
}

function numOrNullInto(b: Uint8Array, p: number, n: number | null): number {
  return n === null ? nullInto(b, p) : numInto(b, p, n);
}

function boolOrNullInto(b: Uint8Array, p: number, v: boolean | null): number {
  return v === null ? nullInto(b, p) : boolInto(b, p, v);
}

/** The wall time's field, when a prefix gave one. */
function wallField(w: ByteSink, wall: string): void {
  w.ascii(',"wall":');
  w.jsonString(wall);
}

// The values stored into the buffer by the compiled code itself, and the room each needs; the
// others (strings, lists, frames) are written through the sink by the helpers above.
const FIXED: Partial<Record<FieldType, { helper: string; room: number }>> = {
  number: { helper: "numInto", room: NUMBER_BYTES },
  "number?": { helper: "numOrNullInto", room: NUMBER_BYTES },
  boolean: { helper: "boolInto", room: 5 },
  "boolean?": { helper: "boolOrNullInto", room: 5 },
};
const VARIABLE: Partial<Record<FieldType, string>> = {
  string: "str",
  "string?": "strOrNull",
  numbers: "numbers",
  "numbers?": "numbers",
  frames: "frames",
  "frame?": "frame",
};

/**
 * One kind's statements: `{"kind":K,"line":N`, then `,"name":` and each value, then `}` and the
 * newline; the wall time, when a prefix gave one, before the `}`.
 */
function kindWriter(kind: string, fields: readonly Field[]): string {
  const code = new WriterStatements();
  code.text(`{"kind":${JSON.stringify(kind)},"line":`);
  code.store("numInto", "r.line", NUMBER_BYTES);
  for (const [name, type] of fields) {
    code.text(`,${JSON.stringify(name)}:`);
    const fixed = FIXED[type];
    if (fixed !== undefined) code.store(fixed.helper, fieldOf(name), fixed.room);
    else code.sink(`${VARIABLE[type] ?? ""}(w, ${fieldOf(name)});`);
  }
  code.sink("if (r.wall !== undefined) wallField(w, r.wall);");
  code.text("}\n");
  return code.done();
}

const write = compileRecordWriter<ByteSink>(kindWriter, {
  numInto,
  numOrNullInto,
  boolInto,
  boolOrNullInto,
  str,
  strOrNull,
  numbers,
  frames,
  frame,
  wallField,
});

/**
 * Writes one record as a line of JSON Lines: the bytes of `JSON.stringify(record) + "\n"` for
 * every record the log parser makes.
 */
export function writeJsonLine(w: ByteSink, r: TraceRecord): void {
  write(w, r);
}
