/**
 * The knobs of the live program (recorder/programs/live/main.go) as the reader sets them, kept
 * within what a browser tab can hold, and the command line they become.
 */

/** How a collector gets out: the program's -fix flag. */
export type LiveFix = "none" | "timeout" | "close" | "context";

/** Every fix, in the order the widget offers them (the article's order: leak, time.After, close, context). */
export const LIVE_FIXES: readonly LiveFix[] = ["none", "timeout", "close", "context"];

/** What a run is started with. */
export interface LiveParams {
  goroutines: number;
  bufferMiB: number;
  fix: LiveFix;
  /** GOGC, or null for the runtime's default (100). */
  gogc: number | null;
}

/** The ranges the widget allows. */
export const LIVE_LIMITS = {
  goroutines: { min: 1, max: 20 },
  bufferMiB: { min: 1, max: 50 },
  /**
   * Goroutines × buffer stays at or under this many MiB: the heap goal doubles the live heap, and a
   * tab that holds more than about a gigabyte gets slow or killed on a phone.
   */
  totalMiB: 512,
  gogc: { min: 10, max: 1000 },
} as const;

/** The parameters of the article's recordings (recorder/programs/leak and fix-*): 5 × 10 MiB. */
export const RECORDED_PARAMS: LiveParams = { goroutines: 5, bufferMiB: 10, fix: "none", gogc: null };

/**
 * When the way out comes (-after), as in the recorded programs: fix-timeout waits 2.5 s
 * (time.After(2500 * time.Millisecond)), fix-close closes and fix-context times out at 2 s.
 */
export const AFTER_SECONDS: Readonly<Record<LiveFix, number>> = { none: 2, timeout: 2.5, close: 2, context: 2 };

/** How many forced GCs a run makes, one a second, as in the recordings. */
export const LIVE_GCS = 6;

/** Why a value the reader typed was changed before the run. */
export type ClampReason = "below-min" | "above-max" | "not-a-number" | "total-cap";

/** One change made to what the reader typed, for a visible note. */
export interface ClampNote {
  field: "goroutines" | "bufferMiB" | "gogc";
  reason: ClampReason;
  /** What was typed, as typed. */
  asked: string;
  /** What the run uses instead. */
  used: number;
}

/** What the reader typed, as the form holds it. */
export interface ParamsInput {
  goroutines: string;
  bufferMiB: string;
  fix: string;
  /** Empty for the default. */
  gogc: string;
}

function clampField(
  field: ClampNote["field"],
  asked: string,
  range: { min: number; max: number },
  fallback: number,
  notes: ClampNote[],
): number {
  const n = Number(asked.trim());
  if (asked.trim() === "" || !Number.isFinite(n)) {
    notes.push({ field, reason: "not-a-number", asked, used: fallback });
    return fallback;
  }
  const whole = Math.round(n);
  const used = Math.min(range.max, Math.max(range.min, whole));
  if (whole < range.min) notes.push({ field, reason: "below-min", asked, used });
  else if (whole > range.max) notes.push({ field, reason: "above-max", asked, used });
  return used;
}

/**
 * Turns what the reader typed into parameters a tab can run: whole numbers within
 * {@link LIVE_LIMITS}, and a buffer lowered until goroutines × buffer fits {@link LIVE_LIMITS.totalMiB}.
 * Every change comes back as a note, so the reader sees what runs instead of what they asked for.
 */
export function clampParams(input: ParamsInput): { params: LiveParams; notes: ClampNote[] } {
  const notes: ClampNote[] = [];
  const goroutines = clampField(
    "goroutines",
    input.goroutines,
    LIVE_LIMITS.goroutines,
    RECORDED_PARAMS.goroutines,
    notes,
  );
  let bufferMiB = clampField("bufferMiB", input.bufferMiB, LIVE_LIMITS.bufferMiB, RECORDED_PARAMS.bufferMiB, notes);
  if (goroutines * bufferMiB > LIVE_LIMITS.totalMiB) {
    const asked = String(bufferMiB);
    bufferMiB = Math.floor(LIVE_LIMITS.totalMiB / goroutines);
    notes.push({ field: "bufferMiB", reason: "total-cap", asked, used: bufferMiB });
  }
  const fix = LIVE_FIXES.find((f) => f === input.fix) ?? "none";
  const gogc = input.gogc.trim() === "" ? null : clampField("gogc", input.gogc, LIVE_LIMITS.gogc, 100, notes);
  return { params: { goroutines, bufferMiB, fix, gogc }, notes };
}

/** The program's command line and environment for a run: what the widget shows and the worker passes to Go. */
export interface LiveCommand {
  /** argv, the program's name first. */
  argv: string[];
  env: Record<string, string>;
}

/** The command line of a run: GODEBUG=gctrace=1 (and GOGC if set), then the program's flags. */
export function liveCommand(p: LiveParams): LiveCommand {
  const env: Record<string, string> = { GODEBUG: "gctrace=1" };
  if (p.gogc !== null) env["GOGC"] = String(p.gogc);
  return {
    argv: [
      "live",
      `-goroutines=${String(p.goroutines)}`,
      `-buffer=${String(p.bufferMiB)}`,
      `-fix=${p.fix}`,
      `-after=${String(AFTER_SECONDS[p.fix])}s`,
      `-gcs=${String(LIVE_GCS)}`,
    ],
    env,
  };
}

/** The command as a shell would show it: `GODEBUG=gctrace=1 ./live -goroutines=3 …`. */
export function formatCommand(c: LiveCommand): string {
  const env = Object.entries(c.env).map(([k, v]) => `${k}=${v}`);
  const [name = "live", ...args] = c.argv;
  return [...env, `./${name}`, ...args].join(" ");
}

/** The recording that ran the same fix natively: traces/<program>/. */
export const RECORDED_PROGRAM: Readonly<Record<LiveFix, "leak" | "fix-timeout" | "fix-close" | "fix-context">> = {
  none: "leak",
  timeout: "fix-timeout",
  close: "fix-close",
  context: "fix-context",
};
