import type { Frame, TraceRecord } from "../lib/parse/trace-records.ts";
import type { ByteSink } from "./byte-sink.ts";
import { compileRecordWriter, fieldOf, literal, type FieldType } from "./record-fields.ts";

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

function numOrNull(w: ByteSink, n: number | null): void {
  if (n === null) w.ascii("null");
  else num(w, n);
}

function str(w: ByteSink, s: string): void {
  w.jsonString(s);
}

function strOrNull(w: ByteSink, s: string | null): void {
  if (s === null) w.ascii("null");
  else w.jsonString(s);
}

function bool(w: ByteSink, b: boolean): void {
  w.ascii(b ? "true" : "false");
}

function boolOrNull(w: ByteSink, b: boolean | null): void {
  w.ascii(b === null ? "null" : b ? "true" : "false");
}

function numbers(w: ByteSink, a: readonly number[] | null): void {
  if (a === null) {
    w.ascii("null");
    return;
  }
  w.byte(91); // "["
  let first = true;
  for (const n of a) {
    if (!first) w.byte(44); // ","
    num(w, n);
    first = false;
  }
  w.byte(93); // "]"
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

/** The end of a record's line: its wall time when a prefix gave one, the brace, the newline. */
function end(w: ByteSink, wall: string | undefined): void {
  if (wall !== undefined) {
    w.ascii(',"wall":');
    w.jsonString(wall);
  }
  w.ascii("}\n");
}

/** The helper that writes each type of field's value. */
const WRITE: Record<FieldType, string> = {
  number: "num",
  "number?": "numOrNull",
  string: "str",
  "string?": "strOrNull",
  boolean: "bool",
  "boolean?": "boolOrNull",
  numbers: "numbers",
  "numbers?": "numbers",
  frames: "frames",
  "frame?": "frame",
};

// Each kind's line: `{"kind":K,"line":` then `,"name":` and the value for each field, then the end.
const write = compileRecordWriter<ByteSink>(
  (kind, fields) =>
    [
      `w.ascii(${literal(`{"kind":${JSON.stringify(kind)},"line":`)});`,
      "num(w, r.line);",
      ...fields.map(
        ([name, type]) => `w.ascii(${literal(`,${JSON.stringify(name)}:`)}); ${WRITE[type]}(w, ${fieldOf(name)});`,
      ),
      "end(w, r.wall);",
    ].join("\n"),
  { num, numOrNull, str, strOrNull, bool, boolOrNull, numbers, frames, frame, end },
);

/**
 * Writes one record as a line of JSON Lines: the bytes of `JSON.stringify(record) + "\n"` for
 * every record the log parser makes.
 */
export function writeJsonLine(w: ByteSink, r: TraceRecord): void {
  write(w, r);
}
