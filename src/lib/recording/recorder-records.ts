/**
 * Records of the recorder's JSON Lines files (`metrics.jsonl`, `transitions.jsonl`) and how to
 * read them one line at a time. A bad line becomes an issue with its line number; it never stops
 * the rest from being read.
 */

/** One runtime/metrics sample from `metrics.jsonl`. */
export interface MetricsSample {
  /** Milliseconds since program start. */
  tMs: number;
  /** `/gc/heap/live:bytes`; null on runtimes without it (before Go 1.21). */
  heapLiveBytes: number | null;
  heapGoalBytes: number;
  heapObjects: number;
  heapObjectsBytes: number;
  goroutines: number;
  /** Per-state counts (Go 1.26+); null when the runtime has no such metric. */
  goroutinesRunning: number | null;
  goroutinesRunnable: number | null;
  goroutinesWaiting: number | null;
  goroutinesNotInGo: number | null;
}

/** Goroutine states of execution traces (golang.org/x/exp/trace GoState strings). */
export const TRACE_STATES = ["Undetermined", "NotExist", "Runnable", "Running", "Waiting", "Syscall"] as const;

/** One of {@link TRACE_STATES}. */
export type TraceState = (typeof TRACE_STATES)[number];

/** A stack frame as the recorder writes it. */
export interface Frame {
  func: string;
  file: string;
  line: number;
}

/** One goroutine state transition from `transitions.jsonl` (from the execution trace). */
export interface Transition {
  /** Milliseconds since program start. */
  tMs: number;
  /** Goroutine id. */
  g: number;
  from: TraceState;
  to: TraceState;
  /** Block or stop reason, e.g. "chan receive"; empty when the trace gives none. */
  reason: string;
  /** Goroutine that caused the transition; -1 when none. */
  by: number;
  /** The frame the recorder chose to show for the transition, or null. */
  frame: Frame | null;
}

/**
 * Why a line of a recorder file could not be read: `not-json`, `not-object`, a field that is not a
 * number (`bad-number`) or not what it must be (`bad-field`); for the leak profile, a text without
 * its header (`not-leak-profile`) or a line that is neither a stack nor a frame (`bad-profile-line`).
 */
export type LineIssueReason =
  "not-json" | "not-object" | "bad-number" | "bad-field" | "not-leak-profile" | "bad-profile-line";

/** A line of a recorder file that could not be read. */
export interface LineIssue {
  line: number;
  reason: LineIssueReason;
  text: string;
  message: string;
}

/** Why a JSON value is not a record: a reason code and the words for people. */
export class RecordProblem {
  readonly reason: Extract<LineIssueReason, "not-object" | "bad-number" | "bad-field">;
  readonly message: string;

  constructor(reason: RecordProblem["reason"], message: string) {
    this.reason = reason;
    this.message = message;
  }
}

/** Result of reading a JSON Lines file: the good records and the lines that were not. */
export interface JsonLinesResult<T> {
  records: T[];
  issues: LineIssue[];
}

/** Checks one decoded JSON value; returns the record or what is wrong with it. */
export type JsonRecordReader<T> = (value: unknown) => T | RecordProblem;

/**
 * Reads a JSON Lines text with `read`. Blank lines carry no data and are skipped; every other line
 * is either a record or an issue.
 */
export function parseJsonLines<T>(text: string, read: JsonRecordReader<T>): JsonLinesResult<T> {
  const records: T[] = [];
  const issues: LineIssue[] = [];
  const lines = text.split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    const trimmed = raw.trim();
    if (trimmed === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      issues.push({ line: i + 1, reason: "not-json", text: raw, message: "not valid JSON" });
      continue;
    }
    const result = read(value);
    if (result instanceof RecordProblem)
      issues.push({ line: i + 1, reason: result.reason, text: raw, message: result.message });
    else records.push(result);
  }
  return { records, issues };
}

/** Reads one `metrics.jsonl` value (see {@link MetricsSample}). */
export function readMetricsSample(value: unknown): MetricsSample | RecordProblem {
  if (!isObject(value)) return new RecordProblem("not-object", "not a JSON object");
  const required = ["tMs", "heapGoalBytes", "heapObjects", "heapObjectsBytes", "goroutines"] as const;
  for (const key of required) if (!isNumber(value[key])) return badNumber(key);
  const nullable = [
    "heapLiveBytes",
    "goroutinesRunning",
    "goroutinesRunnable",
    "goroutinesWaiting",
    "goroutinesNotInGo",
  ] as const;
  for (const key of nullable) {
    const v = value[key];
    if (v !== undefined && v !== null && !isNumber(v)) return badNumber(key, " or null");
  }
  const opt = (key: (typeof nullable)[number]): number | null => {
    const v = value[key];
    return isNumber(v) ? v : null;
  };
  return {
    tMs: value["tMs"] as number,
    heapLiveBytes: opt("heapLiveBytes"),
    heapGoalBytes: value["heapGoalBytes"] as number,
    heapObjects: value["heapObjects"] as number,
    heapObjectsBytes: value["heapObjectsBytes"] as number,
    goroutines: value["goroutines"] as number,
    goroutinesRunning: opt("goroutinesRunning"),
    goroutinesRunnable: opt("goroutinesRunnable"),
    goroutinesWaiting: opt("goroutinesWaiting"),
    goroutinesNotInGo: opt("goroutinesNotInGo"),
  };
}

/** Reads one `transitions.jsonl` value (see {@link Transition}). */
export function readTransition(value: unknown): Transition | RecordProblem {
  if (!isObject(value)) return new RecordProblem("not-object", "not a JSON object");
  for (const key of ["tMs", "g"] as const) if (!isNumber(value[key])) return badNumber(key);
  const from = value["from"];
  const to = value["to"];
  if (!isTraceState(from)) return badField(`"from" must be one of ${TRACE_STATES.join(", ")}`);
  if (!isTraceState(to)) return badField(`"to" must be one of ${TRACE_STATES.join(", ")}`);
  const reason = value["reason"] ?? "";
  if (typeof reason !== "string") return badField(`"reason" must be a string`);
  const by = value["by"] ?? -1;
  if (!isNumber(by)) return badNumber("by");
  const frame = value["frame"] ?? null;
  let outFrame: Frame | null = null;
  if (frame !== null) {
    if (
      !isObject(frame) ||
      typeof frame["func"] !== "string" ||
      typeof frame["file"] !== "string" ||
      !isNumber(frame["line"])
    ) {
      return badField(`"frame" must be null or {func: string, file: string, line: number}`);
    }
    outFrame = { func: frame["func"], file: frame["file"], line: frame["line"] };
  }
  return { tMs: value["tMs"] as number, g: value["g"] as number, from, to, reason, by, frame: outFrame };
}

function badNumber(key: string, orNull = ""): RecordProblem {
  return new RecordProblem("bad-number", `"${key}" must be a number${orNull}`);
}

function badField(message: string): RecordProblem {
  return new RecordProblem("bad-field", message);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

function isTraceState(v: unknown): v is TraceState {
  return typeof v === "string" && (TRACE_STATES as readonly string[]).includes(v);
}
