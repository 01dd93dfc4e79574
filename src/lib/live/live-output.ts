import { LogParser } from "../parse/log-parser.ts";
import type { GcRecord } from "../parse/trace-records.ts";
import { parseLeakProfile, type LeakProfile } from "../recording/parse-leak-profile.ts";
import { DumpReader, parseGoroutineHeader, type DumpGoroutine } from "./goroutine-dump.ts";

/** Which of the program's outputs a line came from. */
export type OutputStream = "stdout" | "stderr";

/** When the live program printed a dump (its own marker lines, recorder/programs/live/main.go). */
export type DumpMoment = { kind: "forced-gc"; n: number; of: number } | { kind: "leak-check" };

/** One goroutine dump of a run. */
export interface LiveDump {
  moment: DumpMoment;
  goroutines: DumpGoroutine[];
}

/** What a line is, for the log's styling. */
export type LineKind = "gc" | "marker" | "goroutine" | "profile" | "fatal" | "plain";

// The live program's own lines before each dump.
const AFTER_GC = /^live: goroutine dump after forced GC (\d+) of (\d+)$/;
const AFTER_CHECK = "live: goroutine dump after the leak check";
const PROFILE = /^goroutineleak profile: total \d+$/;
// How the runtime says it is dying: `fatal error: out of memory`, after lines such as
// `runtime: out of memory: cannot allocate 31457280-byte block (252051456 in use)`.
const FATAL = /^(?:fatal error: |runtime: |panic: )/;

/**
 * Everything a run of the live program printed, read as it arrives, one whole line at a time:
 * stderr through the site's gctrace parser (src/lib/parse, the same one the lab and the article
 * use), stdout as the program's goroutine dumps and its goroutine leak profile.
 */
export class LiveOutput {
  /** The gctrace lines, in order. */
  readonly gcs: GcRecord[] = [];
  /** The goroutine dumps, in order. */
  readonly dumps: LiveDump[] = [];
  /** The goroutine leak profile, once its header has come. */
  leakProfile: LeakProfile | null = null;
  /** The runtime's last words when it died (out of memory, a panic), as printed; empty otherwise. */
  readonly fatal: string[] = [];
  readonly #parser = new LogParser();
  #dump: DumpReader | null = null;
  #profile: string[] | null = null;

  /** Reads one line (without its newline) of one stream; says what it was. */
  push(stream: OutputStream, line: string): LineKind {
    return stream === "stderr" ? this.#stderr(line) : this.#stdout(line);
  }

  #stderr(line: string): LineKind {
    let kind: LineKind = "plain";
    for (const r of this.#parser.push(`${line}\n`)) {
      if (r.kind === "gc") {
        this.gcs.push(r);
        kind = "gc";
      }
    }
    // A dying runtime prints its reasons before any traceback; keep those lines, not the stacks.
    if (kind === "plain" && FATAL.test(line) && !this.fatal.some((l) => l.startsWith("fatal error: "))) {
      this.fatal.push(line);
      kind = "fatal";
    }
    return kind;
  }

  #stdout(line: string): LineKind {
    const gc = AFTER_GC.exec(line);
    if (gc !== null || line === AFTER_CHECK) {
      this.#profile = null;
      this.#dump = new DumpReader();
      const moment: DumpMoment =
        gc === null ? { kind: "leak-check" } : { kind: "forced-gc", n: Number(gc[1]), of: Number(gc[2]) };
      this.dumps.push({ moment, goroutines: this.#dump.goroutines });
      return "marker";
    }
    if (PROFILE.test(line)) {
      this.#dump = null;
      this.#profile = [];
    }
    if (this.#profile !== null) {
      this.#profile.push(line);
      this.leakProfile = parseLeakProfile(this.#profile.join("\n"));
      return "profile";
    }
    if (this.#dump !== null) {
      this.#dump.push(line);
      return parseGoroutineHeader(line) === null ? "plain" : "goroutine";
    }
    return "plain";
  }
}

/** One step of the heap staircase: what a GC left, from its gctrace line. */
export interface LiveHeapPoint {
  /** Seconds since the program started, when the cycle ended. */
  t: number;
  liveMiB: number;
  goalMiB: number;
  forced: boolean;
  leakCheck: boolean;
}

/**
 * The heap as the gctrace lines tell it: at the end of each cycle (its start plus its wall-clock
 * phases), the heap it marked live and the goal it set for the next one. The native recordings
 * sample runtime/metrics as well; on WebAssembly the gctrace lines are what the page gets.
 * gctrace prints MiB (labelled MB) rounded down, so these are too.
 */
export function liveHeapPoints(gcs: readonly GcRecord[]): LiveHeapPoint[] {
  return gcs.map((g) => ({
    t: g.t + (g.clockMs[0] + g.clockMs[1] + g.clockMs[2]) / 1000,
    liveMiB: g.heapMB[2],
    goalMiB: g.goalMB,
    forced: g.forced,
    leakCheck: g.leakCheck,
  }));
}
