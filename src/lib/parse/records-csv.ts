import type { TraceRecord } from "./trace-records.ts";

/**
 * CSV columns: the union of every record kind's fields, in a fixed order, so a stream can be
 * written as CSV before knowing which kinds it holds. A field a record does not have is empty.
 */
export const CSV_COLUMNS = [
  "kind",
  "line",
  // gc
  "n",
  "t",
  "cpuPercent",
  "clockMs",
  "cpuMs",
  "heapMB",
  "goalMB",
  "stacksMB",
  "globalsMB",
  "procs",
  "forced",
  "leakCheck",
  // scav (also uses forced)
  "form",
  "gen",
  "workKiB",
  "eagerKiB",
  "retainedKiB",
  "utilPercent",
  "controllerReset",
  // sched
  "tMs",
  "gomaxprocs",
  "idleprocs",
  "threads",
  "spinningthreads",
  "needspinning",
  "idlethreads",
  "runqueue",
  "localRunqueues",
  "schedticks",
  "gcwaiting",
  "nmidlelocked",
  "stopwait",
  "sysmonwait",
  // p, m, g (also use tMs)
  "id",
  "status",
  "schedtick",
  "syscalltick",
  "m",
  "runqsize",
  "gfreecnt",
  "timerslen",
  "p",
  "curg",
  "mallocing",
  "throwing",
  "preemptoff",
  "locks",
  "dying",
  "spinning",
  "blocked",
  "lockedg",
  "waitReason",
  "lockedm",
  // error and note (reason), other and error (text), other (source), error and note (message)
  "reason",
  "text",
  "source",
  "message",
  // goroutine and goroutine-group (also use id), added after the columns above so those keep their place
  "endLine",
  "dump",
  "state",
  "leaked",
  "waitMinutes",
  "lockedToThread",
  "frames",
  "framesElided",
  "createdBy",
  "creator",
  "profile",
  "total",
  "count",
  "labels",
  // note
  "lines",
  "missingGcs",
  // a line behind a log collector's prefix
  "wall",
] as const;

/** Separator between the numbers of an array field inside one CSV cell (e.g. `0.16;0.36;0.002`). */
export const CSV_ARRAY_SEPARATOR = ";";

/** CSV line terminator; RFC 4180 asks for CRLF. */
export const CSV_EOL = "\r\n";

/** The header line, terminator included. */
export function csvHeader(): string {
  return CSV_COLUMNS.join(",") + CSV_EOL;
}

/** One record as a CSV line in {@link CSV_COLUMNS} order, terminator included. */
export function recordToCsv(record: TraceRecord): string {
  const fields = record as unknown as Record<string, unknown>;
  let out = "";
  for (let i = 0; i < CSV_COLUMNS.length; i++) {
    if (i > 0) out += ",";
    out += csvCell(fields[CSV_COLUMNS[i] as string]);
  }
  return out + CSV_EOL;
}

/** A stack frame as one piece of text: `func file:line`. */
function frameText(value: unknown): string {
  if (typeof value !== "object" || value === null) return String(value);
  const { func, file, line } = value as { func?: unknown; file?: unknown; line?: unknown };
  return `${String(func)} ${String(file)}:${String(line)}`;
}

/**
 * One value as a CSV cell: null or absent is empty, arrays are joined with {@link CSV_ARRAY_SEPARATOR}
 * (stack frames written `func file:line`), strings are quoted when RFC 4180 needs it (comma,
 * quote, CR, LF) or when they have edge spaces.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value))
    return csvCell(
      value.map((v) => (typeof v === "object" ? frameText(v) : String(v))).join(CSV_ARRAY_SEPARATOR) || null,
    );
  if (typeof value === "object") return csvCell(frameText(value));
  if (typeof value === "string") {
    // An empty string is written `""` so that it differs from a field the record does not have.
    if (value === "") return '""';
    return /[",\r\n]/.test(value) || value.trim() !== value ? `"${value.replaceAll('"', '""')}"` : value;
  }
  return typeof value === "number" || typeof value === "boolean" ? String(value) : JSON.stringify(value);
}
