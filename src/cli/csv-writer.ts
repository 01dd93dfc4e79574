import { CSV_ARRAY_SEPARATOR, CSV_COLUMNS, CSV_EOL, csvHeader } from "../lib/parse/records-csv.ts";
import type { Frame, TraceRecord } from "../lib/parse/trace-records.ts";
import type { ByteSink } from "./byte-sink.ts";

// CSV rows written straight into the output's bytes, as jsonl-writer.ts writes JSON Lines: each
// kind's fields in the order of CSV_COLUMNS, the columns it does not have left empty (runs of
// commas), with recordToCsv's cell rules (records-csv.ts), so the bytes are exactly those of
// recordToCsv(record) as a stream writes them. recordToCsv looks every one of the 85 columns up
// in every record; here each kind's function knows its own handful.

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

function writeRow(row: CsvWriter, r: TraceRecord): void {
  row.start(r.kind, r.line);
  switch (r.kind) {
    case "gc":
      row.num(C.n, r.n);
      row.num(C.t, r.t);
      row.num(C.cpuPercent, r.cpuPercent);
      row.numbers(C.clockMs, r.clockMs);
      row.numbers(C.cpuMs, r.cpuMs);
      row.numbers(C.heapMB, r.heapMB);
      row.num(C.goalMB, r.goalMB);
      row.num(C.stacksMB, r.stacksMB);
      row.num(C.globalsMB, r.globalsMB);
      row.num(C.procs, r.procs);
      row.bool(C.forced, r.forced);
      row.bool(C.leakCheck, r.leakCheck);
      break;
    case "gc-forced":
      break;
    case "scav":
      row.bool(C.forced, r.forced);
      row.text(C.form, r.form);
      row.num(C.gen, r.gen);
      row.num(C.workKiB, r.workKiB);
      row.num(C.eagerKiB, r.eagerKiB);
      row.num(C.retainedKiB, r.retainedKiB);
      row.num(C.utilPercent, r.utilPercent);
      row.bool(C.controllerReset, r.controllerReset);
      break;
    case "sched":
      row.num(C.tMs, r.tMs);
      row.num(C.gomaxprocs, r.gomaxprocs);
      row.num(C.idleprocs, r.idleprocs);
      row.num(C.threads, r.threads);
      row.num(C.spinningthreads, r.spinningthreads);
      row.num(C.needspinning, r.needspinning);
      row.num(C.idlethreads, r.idlethreads);
      row.num(C.runqueue, r.runqueue);
      row.numbers(C.localRunqueues, r.localRunqueues);
      row.numbers(C.schedticks, r.schedticks);
      row.bool(C.gcwaiting, r.gcwaiting);
      row.num(C.nmidlelocked, r.nmidlelocked);
      row.num(C.stopwait, r.stopwait);
      row.bool(C.sysmonwait, r.sysmonwait);
      break;
    case "p":
      row.num(C.tMs, r.tMs);
      row.num(C.id, r.id);
      row.num(C.status, r.status);
      row.num(C.schedtick, r.schedtick);
      row.num(C.syscalltick, r.syscalltick);
      row.num(C.m, r.m);
      row.num(C.runqsize, r.runqsize);
      row.num(C.gfreecnt, r.gfreecnt);
      row.num(C.timerslen, r.timerslen);
      break;
    case "m":
      row.num(C.tMs, r.tMs);
      row.num(C.id, r.id);
      row.num(C.p, r.p);
      row.num(C.curg, r.curg);
      row.num(C.mallocing, r.mallocing);
      row.num(C.throwing, r.throwing);
      row.text(C.preemptoff, r.preemptoff);
      row.num(C.locks, r.locks);
      row.num(C.dying, r.dying);
      row.bool(C.spinning, r.spinning);
      row.bool(C.blocked, r.blocked);
      row.num(C.lockedg, r.lockedg);
      break;
    case "g":
      row.num(C.tMs, r.tMs);
      row.num(C.id, r.id);
      row.num(C.status, r.status);
      row.num(C.m, r.m);
      row.text(C.waitReason, r.waitReason);
      row.num(C.lockedm, r.lockedm);
      break;
    case "goroutine":
      row.num(C.id, r.id);
      row.num(C.endLine, r.endLine);
      row.num(C.dump, r.dump);
      row.text(C.state, r.state);
      row.bool(C.leaked, r.leaked);
      row.num(C.waitMinutes, r.waitMinutes);
      row.bool(C.lockedToThread, r.lockedToThread);
      row.frames(C.frames, r.frames);
      row.bool(C.framesElided, r.framesElided);
      row.text(C.createdBy, r.createdBy === null ? null : frameText(r.createdBy));
      row.num(C.creator, r.creator);
      break;
    case "goroutine-group":
      row.num(C.endLine, r.endLine);
      row.num(C.dump, r.dump);
      row.frames(C.frames, r.frames);
      row.text(C.profile, r.profile);
      row.num(C.total, r.total);
      row.num(C.count, r.count);
      row.text(C.labels, r.labels);
      break;
    case "other":
      row.text(C.text, r.text);
      row.text(C.source, r.source);
      break;
    case "note":
      row.text(C.reason, r.reason);
      row.text(C.message, r.message);
      row.numbers(C.lines, r.lines);
      row.numbers(C.missingGcs, r.missingGcs);
      break;
    case "error":
      row.text(C.reason, r.reason);
      row.text(C.text, r.text);
      row.text(C.message, r.message);
      break;
  }
  row.end(r.wall);
}
