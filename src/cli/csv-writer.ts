import { CSV_ARRAY_SEPARATOR, CSV_COLUMNS, CSV_EOL, csvHeader } from "../lib/parse/records-csv.ts";
import type { Frame, TraceRecord } from "../lib/parse/trace-records.ts";
import type { ByteSink } from "./byte-sink.ts";
import { compileRecordWriter, fieldOf, literal, type Field, type FieldType } from "./record-fields.ts";

// CSV rows written straight into the output's bytes, as jsonl-writer.ts writes JSON Lines: each
// kind's fields in the order of CSV_COLUMNS, the columns it does not have left empty (runs of
// commas), with recordToCsv's cell rules (records-csv.ts), so the bytes are exactly those of
// recordToCsv(record) as a stream writes them. recordToCsv looks every one of the 85 columns up
// in every record; here each kind's row writer, compiled from the kinds' field table
// (record-fields.ts), knows its own handful.

type Column = (typeof CSV_COLUMNS)[number];

/** Each column's index in {@link CSV_COLUMNS}. */
const C = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, i])) as Record<Column, number>;
const LAST = CSV_COLUMNS.length - 1;
const COMMA = 44;
const SEPARATOR = CSV_ARRAY_SEPARATOR.charCodeAt(0);

/**
 * Writes records as CSV rows into a sink: each row is the bytes of recordToCsv(record), for every
 * record the log parser makes.
 */
export class CsvWriter {
  readonly w: ByteSink;
  #column = 0;

  constructor(w: ByteSink) {
    this.w = w;
  }

  /** The header line, terminator included. */
  header(): void {
    this.w.ascii(csvHeader());
  }

  /** Writes one record as a CSV row in {@link CSV_COLUMNS} order, terminator included. */
  write(r: TraceRecord): void {
    writeRow(this, r);
  }

  /** Starts a row: the kind (a plain word, never quoted) and the line number. */
  start(kind: string, line: number): void {
    this.w.ascii(kind);
    this.w.byte(COMMA);
    this.w.number(line);
    this.#column = C.line;
  }

  /** Moves to `column`: the commas of the cells between are written, empty. */
  to(column: number): void {
    const n = column - this.#column;
    // The kinds' functions name their columns in order; a slip would shift every cell after it.
    if (n < 0) throw new Error(`CSV column ${CSV_COLUMNS[column] ?? column} written out of order`);
    this.w.repeat(COMMA, n);
    this.#column = column;
  }

  num(column: number, n: number | null): void {
    this.to(column);
    // String(n): NaN and Infinity are written as words, as recordToCsv writes them.
    if (n !== null) this.w.number(n);
  }

  bool(column: number, b: boolean | null): void {
    this.to(column);
    if (b !== null) this.w.ascii(b ? "true" : "false");
  }

  text(column: number, s: string | null): void {
    this.to(column);
    if (s !== null) this.w.csvText(s);
  }

  /** Numbers joined with ';'; no cell for null or an empty list. */
  numbers(column: number, a: readonly number[] | null): void {
    this.to(column);
    if (a === null) return;
    let first = true;
    for (const n of a) {
      if (!first) this.w.byte(SEPARATOR);
      this.w.number(n);
      first = false;
    }
  }

  /** A stack frame as `func file:line`, quoted if it must be; no cell for null. */
  frame(column: number, f: Frame | null): void {
    this.text(column, f === null ? null : frameText(f));
  }

  /** Stack frames as `func file:line` joined with ';', one cell, quoted as a whole if it must be. */
  frames(column: number, frames: readonly Frame[]): void {
    this.text(column, frames.length === 0 ? null : frames.map(frameText).join(CSV_ARRAY_SEPARATOR));
  }

  /** Ends the row: the wall time in its column, the empty cells after it, the terminator. */
  end(wall: string | undefined): void {
    this.text(C.wall, wall ?? null);
    this.to(LAST);
    this.w.ascii(CSV_EOL);
  }
}

function frameText(f: Frame): string {
  return `${f.func} ${f.file}:${String(f.line)}`;
}

/** The CsvWriter method that writes each type of field's cell. */
const CELL: Record<FieldType, string> = {
  number: "num",
  "number?": "num",
  string: "text",
  "string?": "text",
  boolean: "bool",
  "boolean?": "bool",
  numbers: "numbers",
  "numbers?": "numbers",
  frames: "frames",
  "frame?": "frame",
};

/** A field's column; a field without one (a new field not added to CSV_COLUMNS) stops the CLI at start-up. */
function column(kind: string, name: string): number {
  const c = (C as Record<string, number | undefined>)[name];
  if (c === undefined) throw new Error(`the ${kind} record's field ${name} has no CSV column`);
  return c;
}

// Each kind's row: the kind and line, then its fields in the columns' order, then the end.
const writeRow = compileRecordWriter<CsvWriter>(
  (kind, fields) =>
    [
      `w.start(${literal(kind)}, r.line);`,
      ...fields
        .map((f): [Field, number] => [f, column(kind, f[0])])
        .sort((a, b) => a[1] - b[1])
        .map(([[name, type], c]) => `w.${CELL[type]}(${c}, ${fieldOf(name)});`),
      "w.end(r.wall);",
    ].join("\n"),
  {},
);
