import type { TraceRecord } from "../parse/trace-records.ts";

/** A Go version as [major, minor], e.g. [1, 21]. */
export type GoVersion = readonly [number, number];

/** What one feature of the log says about the runtime that printed it. */
export interface FormatClue {
  /** A stable code the page turns into words (see FORMAT_CLUES). */
  code: FormatClueCode;
  /** The first line that showed it, when known. */
  line: number | null;
}

/** Every clue the lab can report, with the Go versions it implies (go-runtime-facts.md). */
export const FORMAT_CLUES = {
  gctrace: {},
  "gctrace-stacks": { min: [1, 18] },
  "gctrace-no-stacks": { max: [1, 17] },
  "leak-check": { min: [1, 26] },
  "gc-forced-line": {},
  schedtrace: {},
  scheddetail: {},
  needspinning: { min: [1, 21] },
  "no-needspinning": { max: [1, 20] },
  "runq-spaced": { min: [1, 25] },
  "runq-tight": { max: [1, 24] },
  schedticks: { min: [1, 25] },
  "ids-nil": { min: [1, 21] },
  "ids-minus-one": { max: [1, 20] },
  "flags-bool": { min: [1, 21] },
  "flags-int": { max: [1, 20] },
  "status-leaked": { min: [1, 26] },
  "scav-old": { max: [1, 15] },
  "scav-1.19": { min: [1, 19], max: [1, 20] },
  "scav-1.21": { min: [1, 21] },
  pacer: {},
  "goroutine-dump": {},
  traceback: {},
  "goroutine-profile": {},
  "goroutine-leak-profile": { min: [1, 26] },
  "goroutine-leaked": { min: [1, 26] },
  "created-in-goroutine": { min: [1, 21] },
  "created-without-goroutine": { max: [1, 20] },
  "prefix-cri": {},
  "prefix-docker": {},
  "prefix-json-file": {},
  "prefix-journald": {},
  "prefix-journald-iso": {},
  crlf: {},
} as const satisfies Record<string, { min?: GoVersion; max?: GoVersion }>;

/** One of the keys of {@link FORMAT_CLUES}. */
export type FormatClueCode = keyof typeof FORMAT_CLUES;

/** The range of Go versions consistent with every clue; `conflict` when no version fits all. */
export interface VersionRange {
  min: GoVersion | null;
  max: GoVersion | null;
  conflict: boolean;
}

// Raw-text probes for what the records do not keep (how ids, flags and run queues were printed).
// A line may begin behind a log collector's prefix (`… stderr F   P0: …`, `{"log":"  P0: …`), so
// the probes look for the line's own start after a line start, a space or a quote.
const START = String.raw`(?:^|[\s"])`;
const TEXT_PROBES: readonly (readonly [FormatClueCode, RegExp])[] = [
  ["ids-nil", new RegExp(String.raw`${START} {2}[PMG]\d+: [^\n]*=nil\b`, "m")],
  ["ids-minus-one", new RegExp(String.raw`${START} {2}[PMG]\d+: [^\n]*=-1\b`, "m")],
  ["runq-spaced", new RegExp(String.raw`${START}SCHED [^\n]* runqueue=\d+ \[ `, "m")],
  ["runq-tight", new RegExp(String.raw`${START}SCHED [^\n]* runqueue=\d+ \[\d`, "m")],
  ["flags-bool", new RegExp(String.raw`${START}SCHED [^\n]* gcwaiting=(?:true|false) `, "m")],
  ["flags-int", new RegExp(String.raw`${START}SCHED [^\n]* gcwaiting=[01] `, "m")],
];

/** How much raw text {@link FormatDetector.text} looks at, at most (characters). */
export const TEXT_PROBE_LIMIT = 16 << 20;

/**
 * Collects the clues of a log's format as records (and, for what records do not keep, raw text)
 * stream past. Cheap per record: each clue is looked for only until it is first seen.
 */
export class FormatDetector {
  readonly #seen = new Map<FormatClueCode, number | null>();
  #probed = 0;
  // Line ends in the probed text: CRLF is a clue only when most lines end so (a binary file holds a few by chance).
  #crlf = 0;
  #lf = 0;

  /** Looks at one record. */
  record(r: TraceRecord): void {
    switch (r.kind) {
      case "gc":
        this.#see("gctrace", r.line);
        this.#see(r.stacksMB === null ? "gctrace-no-stacks" : "gctrace-stacks", r.line);
        if (r.leakCheck) this.#see("leak-check", r.line);
        break;
      case "gc-forced":
        this.#see("gc-forced-line", r.line);
        break;
      case "sched":
        this.#see(r.gcwaiting === null ? "schedtrace" : "scheddetail", r.line);
        this.#see(r.needspinning === null ? "no-needspinning" : "needspinning", r.line);
        if (r.schedticks !== null) this.#see("schedticks", r.line);
        break;
      case "g":
        if ((r.status & ~0x1000) === 10) this.#see("status-leaked", r.line);
        break;
      case "scav":
        this.#see(r.form === "old" ? "scav-old" : r.form === "1.19" ? "scav-1.19" : "scav-1.21", r.line);
        break;
      case "other":
        if (r.source === "pacer") this.#see("pacer", r.line);
        break;
      case "goroutine":
        if (r.leaked) this.#see("goroutine-leaked", r.line);
        if (r.createdBy !== null)
          this.#see(r.creator === null ? "created-without-goroutine" : "created-in-goroutine", r.line);
        break;
      case "goroutine-group":
        this.#see(r.profile === "goroutineleak" ? "goroutine-leak-profile" : "goroutine-profile", r.line);
        break;
      default:
        break;
    }
  }

  /**
   * Looks at a piece of raw text (a chunk of the input) for clues that records do not keep. Only
   * the first {@link TEXT_PROBE_LIMIT} characters of a log are probed: the printing runtime does
   * not change halfway, and regex scans of every chunk of a 300 MB log would cost seconds.
   */
  text(chunk: string): void {
    if (this.#probed >= TEXT_PROBE_LIMIT) return;
    this.#probed += chunk.length;
    for (const [code, probe] of TEXT_PROBES) {
      if (!this.#seen.has(code) && probe.test(chunk)) this.#seen.set(code, null);
    }
    for (let i = chunk.indexOf("\n"); i !== -1; i = chunk.indexOf("\n", i + 1)) {
      this.#lf++;
      if (i > 0 && chunk.charCodeAt(i - 1) === 13) this.#crlf++;
    }
  }

  /** A dump's kind, which the records alone do not tell apart: the lab's analysis knows (dump-analysis.ts). */
  dump(kind: "dump" | "traceback", line: number): void {
    this.#see(kind === "traceback" ? "traceback" : "goroutine-dump", line);
  }

  /** A prefix format the parser stripped from some lines. */
  prefix(code: "prefix-cri" | "prefix-docker" | "prefix-json-file" | "prefix-journald" | "prefix-journald-iso"): void {
    this.#see(code, null);
  }

  #see(code: FormatClueCode, line: number | null): void {
    if (!this.#seen.has(code)) this.#seen.set(code, line);
  }

  /** The clues seen, in the order of {@link FORMAT_CLUES}. */
  clues(): FormatClue[] {
    if (this.#crlf > 0 && this.#crlf * 2 >= this.#lf) this.#see("crlf", null);
    return (Object.keys(FORMAT_CLUES) as FormatClueCode[])
      .filter((code) => this.#seen.has(code))
      .map((code) => ({ code, line: this.#seen.get(code) ?? null }));
  }
}

/** The Go versions that fit every clue: the highest lower bound and the lowest upper bound. */
export function versionRange(clues: readonly FormatClue[]): VersionRange {
  let min: GoVersion | null = null;
  let max: GoVersion | null = null;
  for (const { code } of clues) {
    const c: { min?: GoVersion; max?: GoVersion } = FORMAT_CLUES[code];
    if (c.min !== undefined && (min === null || compareVersions(c.min, min) > 0)) min = c.min;
    if (c.max !== undefined && (max === null || compareVersions(c.max, max) < 0)) max = c.max;
  }
  return { min, max, conflict: min !== null && max !== null && compareVersions(min, max) > 0 };
}

/** Orders two Go versions. */
export function compareVersions(a: GoVersion, b: GoVersion): number {
  return a[0] - b[0] || a[1] - b[1];
}

/** "1.21" */
export function formatVersion(v: GoVersion): string {
  return `${v[0]}.${v[1]}`;
}
