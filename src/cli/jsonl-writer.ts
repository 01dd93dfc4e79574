import type {
  ErrorRecord,
  Frame,
  GcRecord,
  GoroutineGroupRecord,
  GoroutineRecord,
  GRecord,
  MRecord,
  NoteRecord,
  OtherRecord,
  PRecord,
  SchedRecord,
  ScavRecord,
  TraceRecord,
} from "../lib/parse/trace-records.ts";
import type { ByteSink } from "./byte-sink.ts";

// JSON Lines without JSON.stringify: a record's shape is fixed by its kind (the parsers build each
// kind's fields in one order, and `wall` comes last when a prefix gave one), so its line is
// written field by field, in that order, straight into the output's bytes. The bytes are exactly
// those of JSON.stringify(record) + "\n" as a stream writes them (tests/unit/lib/cli-record-writers
// checks every kind, every fixture and generated records).

/** A number as JSON.stringify writes it: NaN and ±Infinity are null. */
function num(w: ByteSink, n: number): void {
  if (n - n === 0) w.number(n);
  else w.ascii("null");
}

function numOrNull(w: ByteSink, n: number | null): void {
  if (n === null) w.ascii("null");
  else num(w, n);
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

function gc(w: ByteSink, r: GcRecord): void {
  const c = r.clockMs;
  const p = r.cpuMs;
  const h = r.heapMB;
  w.ascii('{"kind":"gc","line":');
  num(w, r.line);
  w.ascii(',"n":');
  num(w, r.n);
  w.ascii(',"t":');
  num(w, r.t);
  w.ascii(',"cpuPercent":');
  num(w, r.cpuPercent);
  w.ascii(',"clockMs":[');
  num(w, c[0]);
  w.byte(44);
  num(w, c[1]);
  w.byte(44);
  num(w, c[2]);
  w.ascii('],"cpuMs":[');
  num(w, p[0]);
  w.byte(44);
  num(w, p[1]);
  w.byte(44);
  num(w, p[2]);
  w.byte(44);
  num(w, p[3]);
  w.byte(44);
  num(w, p[4]);
  w.ascii('],"heapMB":[');
  num(w, h[0]);
  w.byte(44);
  num(w, h[1]);
  w.byte(44);
  num(w, h[2]);
  w.ascii('],"goalMB":');
  num(w, r.goalMB);
  w.ascii(',"stacksMB":');
  numOrNull(w, r.stacksMB);
  w.ascii(',"globalsMB":');
  numOrNull(w, r.globalsMB);
  w.ascii(',"procs":');
  num(w, r.procs);
  w.ascii(',"forced":');
  bool(w, r.forced);
  w.ascii(',"leakCheck":');
  bool(w, r.leakCheck);
  end(w, r.wall);
}

function scav(w: ByteSink, r: ScavRecord): void {
  w.ascii('{"kind":"scav","line":');
  num(w, r.line);
  w.ascii(',"form":');
  w.jsonString(r.form);
  w.ascii(',"gen":');
  numOrNull(w, r.gen);
  w.ascii(',"workKiB":');
  num(w, r.workKiB);
  w.ascii(',"eagerKiB":');
  numOrNull(w, r.eagerKiB);
  w.ascii(',"retainedKiB":');
  num(w, r.retainedKiB);
  w.ascii(',"utilPercent":');
  num(w, r.utilPercent);
  w.ascii(',"forced":');
  bool(w, r.forced);
  w.ascii(',"controllerReset":');
  bool(w, r.controllerReset);
  end(w, r.wall);
}

function sched(w: ByteSink, r: SchedRecord): void {
  w.ascii('{"kind":"sched","line":');
  num(w, r.line);
  w.ascii(',"tMs":');
  num(w, r.tMs);
  w.ascii(',"gomaxprocs":');
  num(w, r.gomaxprocs);
  w.ascii(',"idleprocs":');
  num(w, r.idleprocs);
  w.ascii(',"threads":');
  num(w, r.threads);
  w.ascii(',"spinningthreads":');
  num(w, r.spinningthreads);
  w.ascii(',"needspinning":');
  numOrNull(w, r.needspinning);
  w.ascii(',"idlethreads":');
  num(w, r.idlethreads);
  w.ascii(',"runqueue":');
  num(w, r.runqueue);
  w.ascii(',"localRunqueues":');
  numbers(w, r.localRunqueues);
  w.ascii(',"schedticks":');
  numbers(w, r.schedticks);
  w.ascii(',"gcwaiting":');
  boolOrNull(w, r.gcwaiting);
  w.ascii(',"nmidlelocked":');
  numOrNull(w, r.nmidlelocked);
  w.ascii(',"stopwait":');
  numOrNull(w, r.stopwait);
  w.ascii(',"sysmonwait":');
  boolOrNull(w, r.sysmonwait);
  end(w, r.wall);
}

function p(w: ByteSink, r: PRecord): void {
  w.ascii('{"kind":"p","line":');
  num(w, r.line);
  w.ascii(',"tMs":');
  numOrNull(w, r.tMs);
  w.ascii(',"id":');
  num(w, r.id);
  w.ascii(',"status":');
  num(w, r.status);
  w.ascii(',"schedtick":');
  num(w, r.schedtick);
  w.ascii(',"syscalltick":');
  num(w, r.syscalltick);
  w.ascii(',"m":');
  numOrNull(w, r.m);
  w.ascii(',"runqsize":');
  num(w, r.runqsize);
  w.ascii(',"gfreecnt":');
  num(w, r.gfreecnt);
  w.ascii(',"timerslen":');
  numOrNull(w, r.timerslen);
  end(w, r.wall);
}

function m(w: ByteSink, r: MRecord): void {
  w.ascii('{"kind":"m","line":');
  num(w, r.line);
  w.ascii(',"tMs":');
  numOrNull(w, r.tMs);
  w.ascii(',"id":');
  num(w, r.id);
  w.ascii(',"p":');
  numOrNull(w, r.p);
  w.ascii(',"curg":');
  numOrNull(w, r.curg);
  w.ascii(',"mallocing":');
  num(w, r.mallocing);
  w.ascii(',"throwing":');
  num(w, r.throwing);
  w.ascii(',"preemptoff":');
  w.jsonString(r.preemptoff);
  w.ascii(',"locks":');
  num(w, r.locks);
  w.ascii(',"dying":');
  num(w, r.dying);
  w.ascii(',"spinning":');
  bool(w, r.spinning);
  w.ascii(',"blocked":');
  bool(w, r.blocked);
  w.ascii(',"lockedg":');
  numOrNull(w, r.lockedg);
  end(w, r.wall);
}

function g(w: ByteSink, r: GRecord): void {
  w.ascii('{"kind":"g","line":');
  num(w, r.line);
  w.ascii(',"tMs":');
  numOrNull(w, r.tMs);
  w.ascii(',"id":');
  num(w, r.id);
  w.ascii(',"status":');
  num(w, r.status);
  w.ascii(',"waitReason":');
  w.jsonString(r.waitReason);
  w.ascii(',"m":');
  numOrNull(w, r.m);
  w.ascii(',"lockedm":');
  numOrNull(w, r.lockedm);
  end(w, r.wall);
}

function goroutine(w: ByteSink, r: GoroutineRecord): void {
  w.ascii('{"kind":"goroutine","line":');
  num(w, r.line);
  w.ascii(',"endLine":');
  num(w, r.endLine);
  w.ascii(',"dump":');
  num(w, r.dump);
  w.ascii(',"id":');
  num(w, r.id);
  w.ascii(',"state":');
  w.jsonString(r.state);
  w.ascii(',"leaked":');
  bool(w, r.leaked);
  w.ascii(',"waitMinutes":');
  numOrNull(w, r.waitMinutes);
  w.ascii(',"lockedToThread":');
  bool(w, r.lockedToThread);
  w.ascii(',"frames":');
  frames(w, r.frames);
  w.ascii(',"framesElided":');
  bool(w, r.framesElided);
  w.ascii(',"createdBy":');
  frame(w, r.createdBy);
  w.ascii(',"creator":');
  numOrNull(w, r.creator);
  end(w, r.wall);
}

function group(w: ByteSink, r: GoroutineGroupRecord): void {
  w.ascii('{"kind":"goroutine-group","line":');
  num(w, r.line);
  w.ascii(',"endLine":');
  num(w, r.endLine);
  w.ascii(',"dump":');
  num(w, r.dump);
  w.ascii(',"profile":');
  w.jsonString(r.profile);
  w.ascii(',"total":');
  num(w, r.total);
  w.ascii(',"count":');
  num(w, r.count);
  w.ascii(',"frames":');
  frames(w, r.frames);
  w.ascii(',"labels":');
  if (r.labels === null) w.ascii("null");
  else w.jsonString(r.labels);
  end(w, r.wall);
}

function other(w: ByteSink, r: OtherRecord): void {
  w.ascii('{"kind":"other","line":');
  num(w, r.line);
  w.ascii(',"text":');
  w.jsonString(r.text);
  w.ascii(',"source":');
  w.jsonString(r.source);
  end(w, r.wall);
}

function note(w: ByteSink, r: NoteRecord): void {
  w.ascii('{"kind":"note","line":');
  num(w, r.line);
  w.ascii(',"reason":');
  w.jsonString(r.reason);
  w.ascii(',"lines":');
  numbers(w, r.lines);
  w.ascii(',"missingGcs":');
  numbers(w, r.missingGcs);
  w.ascii(',"message":');
  w.jsonString(r.message);
  end(w, r.wall);
}

function error(w: ByteSink, r: ErrorRecord): void {
  w.ascii('{"kind":"error","line":');
  num(w, r.line);
  w.ascii(',"reason":');
  w.jsonString(r.reason);
  w.ascii(',"text":');
  w.jsonString(r.text);
  w.ascii(',"message":');
  w.jsonString(r.message);
  end(w, r.wall);
}

/**
 * Writes one record as a line of JSON Lines: the bytes of `JSON.stringify(record) + "\n"` for
 * every record the log parser makes.
 */
export function writeJsonLine(w: ByteSink, r: TraceRecord): void {
  switch (r.kind) {
    case "gc":
      gc(w, r);
      return;
    case "gc-forced":
      w.ascii('{"kind":"gc-forced","line":');
      num(w, r.line);
      end(w, r.wall);
      return;
    case "scav":
      scav(w, r);
      return;
    case "sched":
      sched(w, r);
      return;
    case "p":
      p(w, r);
      return;
    case "m":
      m(w, r);
      return;
    case "g":
      g(w, r);
      return;
    case "goroutine":
      goroutine(w, r);
      return;
    case "goroutine-group":
      group(w, r);
      return;
    case "other":
      other(w, r);
      return;
    case "note":
      note(w, r);
      return;
    case "error":
      error(w, r);
      return;
  }
}
