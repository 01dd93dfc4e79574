import { RECORD_KINDS, type Frame, type RecordKind, type TraceRecord } from "../lib/parse/trace-records.ts";

// The fields of each kind of record, in the order the parser builds them (which is the order
// JSON.stringify writes them), with how each is written. The CLI's JSON Lines and CSV writers are
// compiled from this one table at start-up, so neither repeats a kind's fields by hand.

/** How a field's value is written, from its type in trace-records.ts (`?`: or null). */
export type FieldType =
  "number" | "number?" | "string" | "string?" | "boolean" | "boolean?" | "numbers" | "numbers?" | "frames" | "frame?";

// The field type of a record field's TypeScript type: a field whose type changes, or a new field,
// makes the table below fail the type check. Wrapped in [ ] so that unions are not distributed.
type TypeOf<V> = [V] extends [number]
  ? "number"
  : [V] extends [number | null]
    ? "number?"
    : [V] extends [string]
      ? "string"
      : [V] extends [string | null]
        ? "string?"
        : [V] extends [boolean]
          ? "boolean"
          : [V] extends [boolean | null]
            ? "boolean?"
            : [V] extends [readonly number[]]
              ? "numbers"
              : [V] extends [readonly number[] | null]
                ? "numbers?"
                : [V] extends [readonly Frame[]]
                  ? "frames"
                  : [V] extends [Frame | null]
                    ? "frame?"
                    : never;

type RecordOf<K extends RecordKind> = Extract<TraceRecord, { kind: K }>;
/** A kind's own fields: every record starts with `kind` and `line` and may end with `wall`. */
type FieldsOf<R> = { readonly [F in Exclude<keyof R, "kind" | "line" | "wall">]-?: TypeOf<R[F]> };

/** Each kind's own fields (after `kind` and `line`, before `wall`), in the parser's order. */
export const RECORD_FIELDS: { readonly [K in RecordKind]: FieldsOf<RecordOf<K>> } = {
  gc: {
    n: "number",
    t: "number",
    cpuPercent: "number",
    clockMs: "numbers",
    cpuMs: "numbers",
    heapMB: "numbers",
    goalMB: "number",
    stacksMB: "number?",
    globalsMB: "number?",
    procs: "number",
    forced: "boolean",
    leakCheck: "boolean",
  },
  "gc-forced": {},
  scav: {
    form: "string",
    gen: "number?",
    workKiB: "number",
    eagerKiB: "number?",
    retainedKiB: "number",
    utilPercent: "number",
    forced: "boolean",
    controllerReset: "boolean",
  },
  sched: {
    tMs: "number",
    gomaxprocs: "number",
    idleprocs: "number",
    threads: "number",
    spinningthreads: "number",
    needspinning: "number?",
    idlethreads: "number",
    runqueue: "number",
    localRunqueues: "numbers?",
    schedticks: "numbers?",
    gcwaiting: "boolean?",
    nmidlelocked: "number?",
    stopwait: "number?",
    sysmonwait: "boolean?",
  },
  p: {
    tMs: "number?",
    id: "number",
    status: "number",
    schedtick: "number",
    syscalltick: "number",
    m: "number?",
    runqsize: "number",
    gfreecnt: "number",
    timerslen: "number?",
  },
  m: {
    tMs: "number?",
    id: "number",
    p: "number?",
    curg: "number?",
    mallocing: "number",
    throwing: "number",
    preemptoff: "string",
    locks: "number",
    dying: "number",
    spinning: "boolean",
    blocked: "boolean",
    lockedg: "number?",
  },
  g: { tMs: "number?", id: "number", status: "number", waitReason: "string", m: "number?", lockedm: "number?" },
  goroutine: {
    endLine: "number",
    dump: "number",
    id: "number",
    state: "string",
    leaked: "boolean",
    waitMinutes: "number?",
    lockedToThread: "boolean",
    frames: "frames",
    framesElided: "boolean",
    createdBy: "frame?",
    creator: "number?",
  },
  "goroutine-group": {
    endLine: "number",
    dump: "number",
    profile: "string",
    total: "number",
    count: "number",
    frames: "frames",
    labels: "string?",
  },
  other: { text: "string", source: "string" },
  note: { reason: "string", lines: "numbers?", missingGcs: "numbers?", message: "string" },
  error: { reason: "string", text: "string", message: "string" },
};

/** One field of a kind: its name and how it is written. */
export type Field = readonly [name: string, type: FieldType];

/** A record writer: writes `r` into the sink `w`. */
export type RecordWriter<W> = (w: W, r: TraceRecord) => void;

/**
 * Compiles one writer for every kind of record: `body(kind, fields)` gives the JavaScript of the
 * statements that write a record `r` of that kind into `w`, using the helpers in `scope` by name.
 * Each kind's statements become a function, called from a switch on the kind, built with
 * `new Function`, as fast-json-stringify does: each kind's fields are then read by name at a
 * place of their own, which V8 makes a monomorphic load, where a loop over the table would read
 * every field of every kind at one place, a megamorphic keyed load several times slower.
 */
export function compileRecordWriter<W>(
  body: (kind: RecordKind, fields: readonly Field[]) => string,
  scope: Readonly<Record<string, unknown>>,
): RecordWriter<W> {
  // One function per kind, which V8 optimizes on its own (inlining the helpers it calls), and a
  // switch that calls them: one function holding every kind's statements would run out of V8's
  // inlining budget and call the helpers instead.
  const kinds = RECORD_KINDS.map((kind, i) => {
    const fields = Object.entries(RECORD_FIELDS[kind]) as Field[];
    return { kind, name: `write${i}`, body: body(kind, fields) };
  });
  const source = [
    '"use strict";',
    ...kinds.map(({ name, body }) => `function ${name}(w, r) {\n${body}\n}`),
    "return function writeRecord(w, r) {\nswitch (r.kind) {",
    ...kinds.map(({ kind, name }) => `case ${JSON.stringify(kind)}: ${name}(w, r); return;`),
    "}\n};",
  ].join("\n");
  // The source is made from the table above and the callers' fixed templates, never from input.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- compiling the table is the point
  const make = new Function(...Object.keys(scope), source) as (...helpers: unknown[]) => RecordWriter<W>;
  return make(...Object.values(scope));
}

/** `r.<name>` in compiled code (the names are the table's, so they are valid keys). */
export function fieldOf(name: string): string {
  return `r[${JSON.stringify(name)}]`;
}

/** A string's JavaScript literal in compiled code. */
export function literal(s: string): string {
  return JSON.stringify(s);
}

/**
 * The statements of one kind's compiled writer, into a ByteSink `w`: runs of bytes that the code
 * stores straight into the sink's buffer (`b`, at `p`) after one check that the buffer has room
 * for the whole run, and, between runs, statements that write through the sink (strings and
 * lists, whose length is not known in advance, check for their own room).
 */
export class WriterStatements {
  readonly #out: string[] = ["let b, p;"];
  #run: string[] = [];
  #room = 0;

  /** Stores ASCII text known when compiling. */
  text(t: string): void {
    if (t === "") return;
    const stores = Array.from(t, (c, i) => `b[p${i === 0 ? "" : ` + ${i}`}] = ${c.charCodeAt(0)};`);
    this.#run.push(`${stores.join(" ")} p += ${t.length};`);
    this.#room += t.length;
  }

  /** Stores a value with `helper(b, p, value)`, which returns where it ended, writing at most `room` bytes. */
  store(helper: string, value: string, room: number): void {
    this.#run.push(`p = ${helper}(b, p, ${value});`);
    this.#room += room;
  }

  /** A statement that writes through the sink `w`, after the run so far. */
  sink(statement: string): void {
    this.#end();
    this.#out.push(statement);
  }

  /** The statements, the last run ended. */
  done(): string {
    this.#end();
    return this.#out.join("\n");
  }

  #end(): void {
    if (this.#run.length === 0) return;
    this.#out.push(`b = w.room(${this.#room}); p = w.at;`, ...this.#run, "w.at = p;");
    this.#run = [];
    this.#room = 0;
  }
}
