import { CSV_ARRAY_SEPARATOR, CSV_COLUMNS, CSV_EOL, csvHeader } from "../lib/parse/records-csv.ts";
import type { Frame, RecordKind, TraceRecord } from "../lib/parse/trace-records.ts";
import { NUMBER_BYTES, numberInto, type ByteSink } from "./byte-sink.ts";
import { compileRecordWriter, fieldOf, WriterStatements, type Field, type FieldType } from "./record-fields.ts";

// CSV rows written straight into the output's bytes, as jsonl-writer.ts writes JSON Lines: each
// kind's fields in the order of CSV_COLUMNS, the columns it does not have left empty (runs of
// commas), with recordToCsv's cell rules (records-csv.ts), so the bytes are exactly those of
// recordToCsv(record) as a stream writes them. recordToCsv looks every one of the 85 columns up
// in every record; here each kind's row writer, compiled from the kinds' field table
// (record-fields.ts), knows its own handful, and the commas between them are fixed text.

/** Each column's index in {@link CSV_COLUMNS}. */
const COLUMN = new Map<string, number>(CSV_COLUMNS.map((c, i) => [c, i]));
const SEPARATOR = CSV_ARRAY_SEPARATOR.charCodeAt(0);

/** A number's cell as String(n) (NaN and Infinity as words, as recordToCsv writes them), into a buffer with room. */
function numInto(b: Uint8Array, p: number, n: number | null): number {
  return n === null ? p : numberInto(b, p, n);
}

function boolInto(b: Uint8Array, p: number, v: boolean | null): number {
  if (v === null) return p;
  const t = v ? "true" : "false";
  for (let i = 0; i < t.length; i++) b[p++] = t.charCodeAt(i);
  return p;
}

/** A text cell, quoted if it must be; no cell for null. */
function text(w: ByteSink, s: string | null): void {
  if (s !== null) w.csvText(s);
}

/** Numbers joined with ';'; no cell for null or an empty list. */
function numbers(w: ByteSink, a: readonly number[] | null): void {
  if (a === null) return;
  // One room check for the whole list: separators and each number's most bytes.
  const b = w.room(a.length * (NUMBER_BYTES + 1));
  let p = w.at;
  let first = true;
  for (const n of a) {
    if (!first) b[p++] = SEPARATOR;
    p = numberInto(b, p, n);
    first = false;
  }
  w.at = p;
}

function frameText(f: Frame): string {
  return `${f.func} ${f.file}:${String(f.line)}`;
}

/** A stack frame as `func file:line`, quoted if it must be; no cell for null. */
function frame(w: ByteSink, f: Frame | null): void {
  if (f !== null) w.csvText(frameText(f));
}

/** Stack frames as `func file:line` joined with ';', one cell, quoted as a whole if it must be; none for an empty list. */
function frames(w: ByteSink, a: readonly Frame[]): void {
  if (a.length > 0) w.csvText(a.map(frameText).join(CSV_ARRAY_SEPARATOR));
}

/** How each type of field's cell is written: stored by the compiled code, or through the sink. */
const CELL: Record<FieldType, { store: string } | { sink: string }> = {
  number: { store: "numInto" },
  "number?": { store: "numInto" },
  boolean: { store: "boolInto" },
  "boolean?": { store: "boolInto" },
  string: { sink: "text" },
  "string?": { sink: "text" },
  numbers: { sink: "numbers" },
  "numbers?": { sink: "numbers" },
  frames: { sink: "frames" },
  "frame?": { sink: "frame" },
};

/** A field's column; a field without one (a new field not added to CSV_COLUMNS) stops the CLI at start-up. */
function column(kind: string, name: string): number {
  const c = COLUMN.get(name);
  if (c === undefined) throw new Error(`the ${kind} record's field ${name} has no CSV column`);
  return c;
}

/**
 * One kind's statements: the kind (a plain word, never quoted) and the line number, then each
 * field in its column, the commas of the columns between written as fixed text, then the wall
 * time's column, the empty columns after it and the terminator.
 */
function rowWriter(kind: RecordKind, fields: readonly Field[]): string {
  const code = new WriterStatements();
  let at = 1; // the line's column
  const to = (c: number): void => {
    code.text(",".repeat(c - at));
    at = c;
  };
  code.text(`${kind},`);
  code.store("numInto", "r.line", NUMBER_BYTES);
  const cells = fields.map((f): [Field, number] => [f, column(kind, f[0])]).sort((a, b) => a[1] - b[1]);
  for (const [[name, type], c] of cells) {
    to(c);
    const cell = CELL[type];
    if ("store" in cell) code.store(cell.store, fieldOf(name), type.startsWith("number") ? NUMBER_BYTES : 5);
    else code.sink(`${cell.sink}(w, ${fieldOf(name)});`);
  }
  to(column(kind, "wall"));
  code.sink("if (r.wall !== undefined) w.csvText(r.wall);");
  to(CSV_COLUMNS.length - 1);
  code.text(CSV_EOL);
  return code.done();
}

const writeRow = compileRecordWriter<ByteSink>(rowWriter, { numInto, boolInto, text, numbers, frames, frame });

/**
 * Writes records as CSV rows into a sink: each row is the bytes of recordToCsv(record), for every
 * record the log parser makes.
 */
export class CsvWriter {
  readonly w: ByteSink;

  constructor(w: ByteSink) {
    this.w = w;
  }

  /** The header line, terminator included. */
  header(): void {
    this.w.ascii(csvHeader());
  }

  /** Writes one record as a CSV row in {@link CSV_COLUMNS} order, terminator included. */
  write(r: TraceRecord): void {
    writeRow(this.w, r);
  }
}
